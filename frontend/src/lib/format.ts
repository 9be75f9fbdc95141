/** Numbers and dates as people read them: nl-NL by default, en-GB for English. */

export function localeFor(language: string | undefined): string {
  return language?.startsWith('en') ? 'en-GB' : 'nl-NL';
}

export const EMPTY = '—';

export function formatNumber(
  value: number | null | undefined,
  language: string,
  options: Intl.NumberFormatOptions = { maximumFractionDigits: 2 },
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY;
  return new Intl.NumberFormat(localeFor(language), options).format(value);
}

export function formatHectares(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY;
  return `${formatNumber(value, language, { minimumFractionDigits: 1, maximumFractionDigits: 2 })} ha`;
}

export function formatCoordinate(value: number | null | undefined, language: string): string {
  return formatNumber(value, language, { minimumFractionDigits: 4, maximumFractionDigits: 6 });
}

export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return EMPTY;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return EMPTY;
  return new Intl.DateTimeFormat(localeFor(language), {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(date);
}

/** A number as the value of a text input: no grouping, the locale's decimal separator. */
export function toInputNumber(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(localeFor(language), {
    useGrouping: false,
    maximumFractionDigits: 8,
  }).format(value);
}

export type ParsedNumber = { ok: true; value: number | null } | { ok: false };

/**
 * Reads what someone typed: "12,5", "12.5", "1.234,5" and "1,234.5" all work; with both
 * separators the last one is the decimal one. Empty input is null.
 */
export function parseDecimal(input: string): ParsedNumber {
  let text = input.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (text === '') return { ok: true, value: null };
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const grouping = decimal === ',' ? '.' : ',';
    text = text.split(grouping).join('');
    if (decimal === ',') text = text.replace(',', '.');
  } else if (lastComma >= 0) {
    if (text.indexOf(',') !== lastComma) return { ok: false };
    text = text.replace(',', '.');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(text)) return { ok: false };
  const value = Number(text);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

export type BudgetError = 'budgetNumber' | 'budgetNegative' | 'budgetDecimals';
export type BudgetResult = { ok: true; value: string | null } | { ok: false; error: BudgetError };

/** A budget as typed ("2.500", "€ 1.250,50") as the API wants it: a decimal string with two decimals ("2500.00"), or null. */
export function parseBudget(input: string): BudgetResult {
  let text = input.replace(/[€\s\u00a0\u202f]/g, '');
  // Money has at most two decimals, so "2.500" and "1,250,000" are thousands (Dutch and English
  // grouping), not 2,5 or 1.25.
  if (/^-?\d{1,3}(?:\.\d{3})+$/.test(text) || /^-?\d{1,3}(?:,\d{3})+$/.test(text)) text = text.replace(/[.,]/g, '');
  const parsed = parseDecimal(text);
  if (!parsed.ok) return { ok: false, error: 'budgetNumber' };
  if (parsed.value === null) return { ok: true, value: null };
  if (parsed.value < 0) return { ok: false, error: 'budgetNegative' };
  if (Math.round(parsed.value * 100) / 100 !== parsed.value) return { ok: false, error: 'budgetDecimals' };
  if (parsed.value > 999_999_999_999.99) return { ok: false, error: 'budgetNumber' };
  return { ok: true, value: parsed.value.toFixed(2) };
}

export function parseInteger(input: string): ParsedNumber {
  const parsed = parseDecimal(input);
  if (!parsed.ok || parsed.value === null) return parsed;
  return Number.isInteger(parsed.value) ? parsed : { ok: false };
}

/**
 * An amount in euros, the one formatter of the app: "€ 1.250.000" or "€ 1.250.000,50" in Dutch
 * (cents only when there are any). Takes the API's decimal strings and plain numbers.
 */
export function formatEuro(value: string | number | null | undefined, language: string): string {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return EMPTY;
  const amount = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(amount)) return EMPTY;
  const cents = typeof value === 'string' ? /\.\d*[1-9]/.test(value) : Math.round(amount * 100) % 100 !== 0;
  return new Intl.NumberFormat(localeFor(language), {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: cents ? 2 : 0,
    maximumFractionDigits: 2,
  }).format(amount);
}
