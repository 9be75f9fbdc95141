import type { Stakeholder, StakeholderKind } from '../../api/stakeholders';
import { KINDS } from './kinds';

export interface MapPoint {
  id: string;
  name: string;
  kind: StakeholderKind;
  influence: number;
  involvement: number;
  /** Drawn position: the scores, spread a little when several share a spot. */
  x: number;
  y: number;
  /** How many share this spot (1: alone). */
  shared: number;
}

export interface MapData {
  byKind: { kind: StakeholderKind; points: MapPoint[] }[];
  /** Stakeholders without influence or involvement: not on the map. */
  unplaced: number;
}

/** The largest distance from the true spot (score units): points stay inside their cell. */
export const SPREAD = 0.28;

/**
 * Offsets for `n` points sharing one spot: the first in the middle, the rest on rings around it
 * (golden angle, so they do not line up); deterministic, so the map does not move on refresh.
 */
export function spreadOffsets(n: number, radius = SPREAD): [number, number][] {
  if (n <= 1) return [[0, 0]];
  const golden = Math.PI * (3 - Math.sqrt(5));
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const r = radius * Math.sqrt((i + (n > 6 ? 0.5 : 1)) / n);
    const angle = i * golden;
    out.push([r * Math.cos(angle), r * Math.sin(angle)]);
  }
  return out;
}

export function buildMapData(items: readonly Stakeholder[]): MapData {
  const spots = new Map<string, Stakeholder[]>();
  let unplaced = 0;
  for (const s of items) {
    if (s.influence == null || s.involvement == null) {
      unplaced += 1;
      continue;
    }
    const key = `${s.involvement}:${s.influence}`;
    const list = spots.get(key);
    if (list) list.push(s);
    else spots.set(key, [s]);
  }
  const points: MapPoint[] = [];
  for (const list of spots.values()) {
    // Stable order inside a spot: by kind, then name, then id.
    list.sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id));
    const offsets = spreadOffsets(list.length);
    list.forEach((s, i) => {
      const [dx, dy] = offsets[i] ?? [0, 0];
      points.push({
        id: s.id,
        name: s.name,
        kind: s.kind,
        influence: s.influence as number,
        involvement: s.involvement as number,
        x: (s.involvement as number) + dx,
        y: (s.influence as number) + dy,
        shared: list.length,
      });
    });
  }
  const byKind = KINDS.map((kind) => ({ kind, points: points.filter((p) => p.kind === kind) })).filter(
    (group) => group.points.length > 0,
  );
  return { byKind, unplaced };
}
