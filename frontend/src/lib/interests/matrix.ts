/** The interest matrix (stakeholders × themes) shaped for a heat map. */
import {
  STAKEHOLDER_KINDS,
  type InterestMatrix,
  type StakeholderKind,
  type Theme,
  type Track,
  type Willingness,
} from '../../api/interests';

export type MatrixSort = 'kind' | 'name' | 'count';
export const MATRIX_SORTS: readonly MatrixSort[] = ['kind', 'name', 'count'];

export interface MatrixRow {
  id: string;
  name: string;
  kind: string;
  /** Themes recorded for this stakeholder. */
  count: number;
}

export interface MatrixColumn {
  code: string;
  name: string;
  track: Track;
}

export interface MatrixPoint {
  /** Column index (theme). */
  x: number;
  /** Row index (stakeholder), 0 at the top. */
  y: number;
  urgency: number;
  willingness: Willingness;
}

export interface KindGroup {
  kind: string;
  /** First and last row index of the group. */
  start: number;
  end: number;
}

export interface HeatmapModel {
  rows: MatrixRow[];
  columns: MatrixColumn[];
  points: MatrixPoint[];
  /** Consecutive rows of one kind (only when sorted by kind). */
  groups: KindGroup[];
  /** Stakeholders of the park, and those with at least one interest. */
  total: number;
  interviewed: number;
}

export function themeName(theme: Pick<Theme, 'name_nl' | 'name_en'>, language: string): string {
  return language.startsWith('en') ? theme.name_en : theme.name_nl;
}

function kindOrder(kind: string): number {
  const index = (STAKEHOLDER_KINDS as readonly string[]).indexOf(kind);
  return index < 0 ? STAKEHOLDER_KINDS.length : index;
}

const byName = (a: MatrixRow, b: MatrixRow) =>
  a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' }) || a.id.localeCompare(b.id);

/** Themes recorded per stakeholder id. */
export function interestCounts(matrix: Pick<InterestMatrix, 'cells'>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const cell of matrix.cells) counts.set(cell.stakeholder_id, (counts.get(cell.stakeholder_id) ?? 0) + 1);
  return counts;
}

export function shapeMatrix(
  matrix: InterestMatrix,
  options: { language: string; sort: MatrixSort; onlyInterviewed: boolean; kind?: StakeholderKind | null },
): HeatmapModel {
  const counts = interestCounts(matrix);
  const all: MatrixRow[] = matrix.stakeholders.map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
    count: counts.get(s.id) ?? 0,
  }));
  let rows = all.filter((r) => (!options.onlyInterviewed || r.count > 0) && (!options.kind || r.kind === options.kind));
  rows = [...rows].sort((a, b) => {
    if (options.sort === 'kind') return kindOrder(a.kind) - kindOrder(b.kind) || byName(a, b);
    if (options.sort === 'count') return b.count - a.count || byName(a, b);
    return byName(a, b);
  });

  // Themes in the API's order, one track after the other.
  const columns: MatrixColumn[] = [...matrix.themes]
    .map((t, i) => ({ t, i }))
    .sort((a, b) => (a.t.track === b.t.track ? a.i - b.i : a.t.track === 'schoon_heel_veilig' ? -1 : 1))
    .map(({ t }) => ({ code: t.code, name: themeName(t, options.language), track: t.track }));

  const rowIndex = new Map(rows.map((r, i) => [r.id, i]));
  const columnIndex = new Map(columns.map((c, i) => [c.code, i]));
  const points: MatrixPoint[] = [];
  for (const cell of matrix.cells) {
    const y = rowIndex.get(cell.stakeholder_id);
    const x = columnIndex.get(cell.theme_code);
    if (x === undefined || y === undefined) continue;
    points.push({ x, y, urgency: cell.urgency, willingness: cell.investment_willingness });
  }
  points.sort((a, b) => a.y - b.y || a.x - b.x);

  const groups: KindGroup[] = [];
  if (options.sort === 'kind') {
    rows.forEach((row, i) => {
      const last = groups[groups.length - 1];
      if (last && last.kind === row.kind) last.end = i;
      else groups.push({ kind: row.kind, start: i, end: i });
    });
  }

  return {
    rows,
    columns,
    points,
    groups,
    total: all.length,
    interviewed: all.filter((r) => r.count > 0).length,
  };
}

export type AxisRow = { type: 'header'; group: KindGroup } | { type: 'row'; row: MatrixRow; index: number };

/** The rows of the heat map's axis: with a header row above each kind when grouped by kind. */
export function axisRows(model: Pick<HeatmapModel, 'rows' | 'groups'>): AxisRow[] {
  if (model.groups.length < 2) return model.rows.map((row, index) => ({ type: 'row', row, index }));
  return model.groups.flatMap((group) => [
    { type: 'header' as const, group },
    ...model.rows.slice(group.start, group.end + 1).map((row, i) => ({ type: 'row' as const, row, index: group.start + i })),
  ]);
}

/** Rows visible at once before the heat map scrolls. */
export const VISIBLE_ROWS = 30;
export const ROW_HEIGHT = 22;

/** Height of the chart in pixels for this many rows, and whether it needs a scroll bar. */
export function heatmapLayout(rowCount: number): { height: number; scroll: boolean; visibleRows: number } {
  const visibleRows = Math.max(1, Math.min(rowCount, VISIBLE_ROWS));
  return { height: 196 + visibleRows * ROW_HEIGHT, scroll: rowCount > VISIBLE_ROWS, visibleRows };
}

/** Truncates a label for an axis, keeping whole characters. */
export function shortLabel(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('').trimEnd()}…`;
}

export interface ThemeEntry {
  row: MatrixRow;
  urgency: number;
  willingness: Willingness;
}

export interface ThemeList {
  column: MatrixColumn;
  /** The stakeholders that named the theme, most urgent first (then in the rows' order). */
  entries: ThemeEntry[];
  /** The highest urgency, or null when no one named the theme. */
  highest: number | null;
}

/** The matrix turned around for a narrow screen: per theme (column) who named it and how urgent. */
export function themeLists(model: Pick<HeatmapModel, 'rows' | 'columns' | 'points'>): ThemeList[] {
  return model.columns.map((column, x) => {
    const entries = model.points
      .filter((p) => p.x === x && model.rows[p.y])
      .sort((a, b) => b.urgency - a.urgency || a.y - b.y)
      .map((p) => ({ row: model.rows[p.y]!, urgency: p.urgency, willingness: p.willingness }));
    return { column, entries, highest: entries[0]?.urgency ?? null };
  });
}

/** The themes someone named first (in the columns' order), then those no one named. */
export function namedFirst(lists: ThemeList[]): ThemeList[] {
  return [...lists.filter((l) => l.highest !== null), ...lists.filter((l) => l.highest === null)];
}
