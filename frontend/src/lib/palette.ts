/**
 * The colours that carry meaning, one set for the whole app. Every use shows a legend or the
 * value in text next to it: colour is never the only carrier.
 */

/** Organisatiegraad levels 0–4, light to dark (each step at least 1.3:1 from the next). */
export const LEVEL_COLORS = ['#d9e4de', '#a9c6b8', '#6fa08a', '#3f7a63', '#1f4a3d'] as const;
/** A park never assessed. */
export const NOT_ASSESSED_COLOR = '#c4c9c6';

export function levelColor(level: number | null | undefined): string {
  if (level === null || level === undefined) return NOT_ASSESSED_COLOR;
  return LEVEL_COLORS[Math.max(0, Math.min(LEVEL_COLORS.length - 1, level))] ?? NOT_ASSESSED_COLOR;
}

/** Text on a level's colour: dark on the light levels, white on the dark ones. */
export function levelTextColor(level: number | null | undefined): string {
  return level !== null && level !== undefined && level >= 3 ? '#ffffff' : '#1e2528';
}

/**
 * One colour per kind of stakeholder, everywhere (chips, bars, the map, the heat map's labels).
 * After Okabe & Ito's palette for colour-blind readers, without the orange and vermillion that
 * the urgency scale (yellow to red) uses; the map adds a shape per kind as a second cue.
 */
export const KIND_COLORS = {
  entrepreneur: '#0072b2',
  property_owner: '#8c6d1f',
  municipality: '#009e73',
  grid_operator: '#cc79a7',
  financier: '#332288',
  park_manager: '#56b4e9',
  province: '#6b4e9b',
  other: '#6b6b6b',
} as const;

export function kindColor(kind: string): string {
  return (KIND_COLORS as Record<string, string>)[kind] ?? KIND_COLORS.other;
}

/** Urgency 1–5 from cool to warm (the heat map, the matrix table, the list of themes on a phone). */
export const URGENCY_COLORS = ['#f3e6b3', '#f2c46d', '#eb9544', '#d4612f', '#a3321f'] as const;

export function urgencyColor(urgency: number): string {
  const i = Math.max(1, Math.min(5, Math.round(urgency))) - 1;
  return URGENCY_COLORS[i]!;
}

/** Text on an urgency colour with 4.5:1 at least: black on 4 (5.6:1; white was 3.8:1), white on 5, dark on 1–3. */
export function urgencyTextColor(urgency: number): string {
  return urgency >= 5 ? '#ffffff' : urgency >= 4 ? '#000000' : '#1e2528';
}
