/** Display helpers for the ranked shared interests. */
import { OBSTACLES, STAKEHOLDER_KINDS, TRACKS, type Obstacle, type Track } from '../../api/interests';
import { EMPTY, formatEuro, localeFor } from '../format';
import { KIND_COLORS, URGENCY_COLORS, kindColor, urgencyColor } from '../palette';

export interface KindEntry {
  kind: string;
  count: number;
  /** Of the stakeholders behind the theme (0–1). */
  share: number;
}

function kindOrder(kind: string): number {
  const index = (STAKEHOLDER_KINDS as readonly string[]).indexOf(kind);
  return index < 0 ? STAKEHOLDER_KINDS.length : index;
}

/** Kinds behind a theme, most first (then the usual order of kinds); zero counts left out. */
export function kindEntries(kinds: Record<string, number>): KindEntry[] {
  const entries = Object.entries(kinds).filter(([, n]) => Number.isFinite(n) && n > 0);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  return entries
    .sort(([ka, a], [kb, b]) => b - a || kindOrder(ka) - kindOrder(kb))
    .map(([kind, count]) => ({ kind, count, share: total > 0 ? count / total : 0 }));
}

export interface ObstacleEntry {
  obstacle: Obstacle;
  count: number;
}

/** Obstacles named for a theme, most named first; zero counts left out. */
export function obstacleEntries(obstacles: Record<string, number>): ObstacleEntry[] {
  return OBSTACLES.map((obstacle) => ({ obstacle, count: obstacles[obstacle] ?? 0 }))
    .filter((e) => e.count > 0)
    .sort((a, b) => b.count - a.count || OBSTACLES.indexOf(a.obstacle) - OBSTACLES.indexOf(b.obstacle));
}

/** Euros without cents unless there are any: "€ 366.000" (nl), "€366,000" (en); "—" for nothing. */
export { formatEuro };

export function formatPercent(share: number, language: string): string {
  if (!Number.isFinite(share)) return EMPTY;
  return new Intl.NumberFormat(localeFor(language), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function formatScore(score: number, language: string): string {
  if (!Number.isFinite(score)) return EMPTY;
  return new Intl.NumberFormat(localeFor(language), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(score);
}

/** Width of a score bar in percent, 0–100. */
export function scoreWidth(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.max(0, Math.min(100, score));
}

export const MIN_STAKEHOLDERS_CHOICES = [1, 2, 3, 4, 5, 10] as const;
export const DEFAULT_MIN_STAKEHOLDERS = 2;

/** Filters of the shared-interests view from the address bar (?spoor=&min=), checked. */
export function readFilters(params: URLSearchParams): { track: Track | null; minStakeholders: number } {
  const track = params.get('spoor');
  const min = Number(params.get('min'));
  return {
    track: track && (TRACKS as readonly string[]).includes(track) ? (track as Track) : null,
    minStakeholders: Number.isInteger(min) && min >= 1 && min <= 1000 ? min : DEFAULT_MIN_STAKEHOLDERS,
  };
}

export function writeFilters(filters: { track: Track | null; minStakeholders: number }): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.track) params.set('spoor', filters.track);
  if (filters.minStakeholders !== DEFAULT_MIN_STAKEHOLDERS) params.set('min', String(filters.minStakeholders));
  return params;
}

/** Colours per kind of stakeholder: the app's one palette (lib/palette.ts). */
export const KIND_COLOURS: Record<string, string> = KIND_COLORS;

export function kindColour(kind: string): string {
  return kindColor(kind);
}

export const TRACK_COLOURS: Record<Track, string> = {
  schoon_heel_veilig: '#3b6e8f',
  toekomstbestendig: '#2f7d5b',
};

/** Urgency 1–5 from cool to warm: the app's one palette (lib/palette.ts). */
export const URGENCY_COLOURS = URGENCY_COLORS;

export function urgencyColour(urgency: number): string {
  return urgencyColor(urgency);
}
