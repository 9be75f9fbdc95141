/** The data behind the organisatiegraad charts: the radar, the score over time and the sparkline. */

export const MAX_MARK = 4;

export interface PointLike {
  code: string;
  title: string;
}

export type MarksLike = Partial<Record<string, { score?: number | null } | undefined>>;

export interface AssessmentLike {
  answers: MarksLike;
  score: number;
  level: number;
  created_at: string;
}

export interface RadarData {
  indicators: { name: string; max: number }[];
  /** The latest first, then the previous one (if any). */
  series: { name: string; value: number[] }[];
}

/** The seven marks of an assessment, in the rubric's order (0 for a point it lacks). */
export function marksOf(points: readonly PointLike[], answers: MarksLike): number[] {
  return points.map((p) => {
    const mark = answers[p.code]?.score;
    return typeof mark === 'number' && Number.isFinite(mark) ? Math.min(MAX_MARK, Math.max(0, mark)) : 0;
  });
}

/**
 * The radar: one axis per point of attention, the latest assessment against the one before it.
 * `history` is oldest first, as the API lists it.
 */
export function radarData(
  points: readonly PointLike[],
  history: readonly AssessmentLike[],
  names: { latest: (date: string) => string; previous: (date: string) => string },
): RadarData | null {
  const latest = history.at(-1);
  if (!latest || points.length === 0) return null;
  const previous = history.length > 1 ? history.at(-2) : undefined;
  const series = [{ name: names.latest(latest.created_at), value: marksOf(points, latest.answers) }];
  if (previous) series.push({ name: names.previous(previous.created_at), value: marksOf(points, previous.answers) });
  return { indicators: points.map((p) => ({ name: p.title, max: MAX_MARK })), series };
}

/** The score over time: [time in ms, score] pairs, oldest first, for a time axis. */
export function scoreLine(history: readonly { created_at?: string; assessed_at?: string; score: number }[]): [number, number][] {
  return history
    .map((h): [number, number] => [Date.parse(h.created_at ?? h.assessed_at ?? ''), h.score])
    .filter(([time, score]) => Number.isFinite(time) && Number.isFinite(score))
    .sort((a, b) => a[0] - b[0]);
}

export interface Sparkline {
  /** The `points` attribute of an SVG polyline. */
  points: string;
  /** The last point, to mark it. */
  last: { x: number; y: number } | null;
}

/**
 * A sparkline of scores 0–100 in a box of width × height (with `pad` inside): evenly spaced by
 * position (a few assessments a year), 100 at the top. One point is drawn in the middle.
 */
export function sparkline(scores: readonly number[], width: number, height: number, pad = 2): Sparkline {
  const values = scores.filter((s) => Number.isFinite(s)).map((s) => Math.min(100, Math.max(0, s)));
  if (values.length === 0) return { points: '', last: null };
  const innerW = Math.max(0, width - 2 * pad);
  const innerH = Math.max(0, height - 2 * pad);
  const round = (n: number) => Math.round(n * 10) / 10;
  const xy = values.map((v, i) => ({
    x: round(values.length === 1 ? width / 2 : pad + (innerW * i) / (values.length - 1)),
    y: round(pad + innerH * (1 - v / 100)),
  }));
  return { points: xy.map((p) => `${p.x},${p.y}`).join(' '), last: xy.at(-1) ?? null };
}

/** The level a score falls in, by the rubric's lower bounds (a boundary belongs to the higher level). */
export function levelOf(score: number, levels: readonly { level: number; from_score: number }[]): number {
  let found = levels[0]?.level ?? 0;
  for (const l of [...levels].sort((a, b) => a.from_score - b.from_score)) if (score >= l.from_score) found = l.level;
  return found;
}
