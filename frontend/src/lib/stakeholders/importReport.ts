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
export function sortImportErrors(
  errors: readonly ImportRowError[],
  key: ErrorSortKey = 'row',
  direction: 'asc' | 'desc' = 'asc',
  columnOrder: readonly string[] = [],
): ImportRowError[] {
  const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
  const sign = direction === 'asc' ? 1 : -1;
  const colIndex = (c: string) => {
    const i = columnOrder.indexOf(c);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const byColumn = (a: ImportRowError, b: ImportRowError) =>
    colIndex(a.column) - colIndex(b.column) || collator.compare(a.column, b.column);
  const byRow = (a: ImportRowError, b: ImportRowError) => (a.row ?? 0) - (b.row ?? 0);
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
