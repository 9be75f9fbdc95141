/** The import's answers shaped for the dialog: the per-row errors of a 422, sorted and copyable. */

export interface ImportRowError {
  /** The row as the spreadsheet numbers it (header = 1); null for a problem with the whole file. */
  row: number | null;
  column: string;
  value: string;
  message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `errors` of an import's 422 problem; also copes with errors that only have loc and msg. */
export function parseImportErrors(body: unknown): ImportRowError[] {
  if (!isRecord(body) || !Array.isArray(body.errors)) return [];
  const out: ImportRowError[] = [];
  for (const item of body.errors) {
    if (!isRecord(item) || typeof item.msg !== 'string') continue;
    const loc = Array.isArray(item.loc) ? item.loc : [];
    const row =
      typeof item.row === 'number' ? item.row : typeof loc[1] === 'number' && loc[0] === 'file' ? loc[1] : null;
    const column =
      typeof item.column === 'string' ? item.column : typeof loc[2] === 'string' && loc[0] === 'file' ? loc[2] : '';
    const value = typeof item.value === 'string' ? item.value : item.value == null ? '' : String(item.value);
    out.push({ row, column, value, message: item.msg });
  }
  return out;
}

export type ErrorSortKey = 'row' | 'column' | 'value' | 'message';

/** Sorted copy; by row then column by default; file-wide problems (no row) first. */
export function sortImportErrors<E extends ImportRowError>(
  errors: readonly E[],
  key: ErrorSortKey = 'row',
  direction: 'asc' | 'desc' = 'asc',
  columnOrder: readonly string[] = [],
): E[] {
  const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
  const sign = direction === 'asc' ? 1 : -1;
  const colIndex = (c: string) => {
    const i = columnOrder.indexOf(c);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const byColumn = (a: E, b: E) => colIndex(a.column) - colIndex(b.column) || collator.compare(a.column, b.column);
  const byRow = (a: E, b: E) => (a.row ?? 0) - (b.row ?? 0);
  return errors
    .map((e, i) => ({ e, i }))
    .sort((x, y) => {
      const a = x.e;
      const b = y.e;
      let order: number;
      if (key === 'row') order = byRow(a, b) || byColumn(a, b);
      else if (key === 'column') order = byColumn(a, b) || byRow(a, b);
      else order = collator.compare(a[key], b[key]) || byRow(a, b);
      return sign * order || x.i - y.i;
    })
    .map(({ e }) => e);
}

/** How many different rows have errors. */
export function rowsWithErrors(errors: readonly ImportRowError[]): number {
  return new Set(errors.filter((e) => e.row !== null).map((e) => e.row)).size;
}

/** The errors as tab-separated text (pastes into a spreadsheet as a table), with a header row. */
export function errorsToTsv(errors: readonly ImportRowError[], headers: readonly [string, string, string, string]): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim();
  const lines = [headers.map(clean).join('\t')];
  for (const e of errors) lines.push([e.row === null ? '' : String(e.row), e.column, e.value, e.message].map(clean).join('\t'));
  return `${lines.join('\n')}\n`;
}

/**
 * A 422 carries the warnings (unknown columns) only inside its `detail` text: take those
 * sentences out, so that they can be shown (translated) next to the errors.
 */
export function warningsFromDetail(detail: string): string[] {
  return [...detail.matchAll(/Column '[^']*' is not known and was ignored\./g)].map((m) => m[0]);
}

/**
 * The warnings of a 422: the backend sends them as the problem's `warnings` member (unknown
 * columns, and the like); older answers had them only in the `detail` text.
 */
export function parseImportWarnings(body: unknown): string[] {
  if (!isRecord(body)) return [];
  if (Array.isArray(body.warnings)) return body.warnings.filter((w): w is string => typeof w === 'string' && w !== '');
  return typeof body.detail === 'string' ? warningsFromDetail(body.detail) : [];
}

function whole(raw: string | undefined): number | null {
  const value = Number(raw?.replace(/,/g, ''));
  return raw !== undefined && Number.isInteger(value) && value >= 0 ? value : null;
}

export interface ErrorTotals {
  /** Rows with errors in the whole file. */
  rows: number;
  /** Errors in the whole file. */
  errors: number;
  /** Errors listed in the answer (the backend lists at most 200). */
  listed: number;
}

/**
 * How many rows and errors the whole file has: a 422 lists at most 200 errors, its detail says
 * how many there are ("Nothing was imported: 250 row(s) have errors (300 in all, the first 200
 * are listed)."). Without those words, what was listed.
 */
export function errorTotals(detail: string, errors: readonly ImportRowError[]): ErrorTotals {
  const listed = errors.filter((e) => e.row !== null).length;
  const m = /([\d,]+) row\(s\) have errors \(([\d,]+) in all(?:, the first ([\d,]+) are listed)?\)/.exec(detail);
  const rows = whole(m?.[1]);
  const all = whole(m?.[2]);
  if (rows === null || all === null) return { rows: rowsWithErrors(errors), errors: listed, listed };
  return { rows: Math.max(rows, rowsWithErrors(errors)), errors: Math.max(all, listed), listed };
}

/**
 * A 409 from the import: stakeholders in the file were changed by someone else while it was
 * imported (nothing was written). How many, from the detail ("Nothing was imported: 3
 * stakeholder(s) in the file were changed by someone else …"), else the rows it names; null
 * when the 409 names none (two writes met at the same moment).
 */
export function staleStakeholders(detail: string, rows: readonly ImportRowError[]): number | null {
  const said = whole(/([\d,]+) stakeholder\(s\) in the file were changed by someone else/.exec(detail)?.[1]);
  const named = rows.filter((e) => e.row !== null).length;
  const found = Math.max(said ?? 0, named);
  return found > 0 ? found : null;
}

/** What the dialog shows for a failed check or import. */
export type ImportFailureView = 'stale' | 'rejected' | 'failed';

/**
 * 409: someone else changed stakeholders meanwhile; import again (after a new check). 422
 * with errors per row: the error table. Anything else: one message.
 */
export function importFailureView(status: number, rowErrors: number): ImportFailureView {
  if (status === 409) return 'stale';
  if (status === 422 && rowErrors > 0) return 'rejected';
  return 'failed';
}

export type ImportOutcome = 'changes' | 'nothing';

/** Whether a clean dry run would change anything (only then is there something to confirm). */
export function dryRunOutcome(report: { created: number; updated: number }): ImportOutcome {
  return report.created + report.updated > 0 ? 'changes' : 'nothing';
}

/** "1,2 MB", "850 kB", "512 bytes" (decimal units, as file managers show them). */
export function formatFileSize(bytes: number, language: string): string {
  const locale = language.startsWith('en') ? 'en-GB' : 'nl-NL';
  const fmt = (n: number, digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);
  if (bytes < 1000) return `${fmt(bytes, 0)} bytes`;
  if (bytes < 1_000_000) return `${fmt(bytes / 1000, 0)} kB`;
  return `${fmt(bytes / 1_000_000, 1)} MB`;
}

export const ACCEPTED_EXTENSIONS = ['.csv', '.xlsx', '.txt'] as const;

/** A quick check before uploading: the import reads CSV and XLSX (not the old .xls). */
export function fileKind(name: string): 'csv' | 'xlsx' | 'xls' | 'other' {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || lower.endsWith('.tsv')) return 'csv';
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm')) return 'xlsx';
  if (lower.endsWith('.xls')) return 'xls';
  return 'other';
}
