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
