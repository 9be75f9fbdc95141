import { EMPTY, localeFor } from '../format';

/**
 * A day as people read it ("23 nov. 2026"). A date without a time ("2026-11-23") is that day
 * wherever the browser is; a timestamp is shown in the browser's time zone.
 */
export function formatDay(value: string | null | undefined, language: string): string {
  if (!value) return EMPTY;
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = plain ? new Date(Number(plain[1]), Number(plain[2]) - 1, Number(plain[3])) : new Date(value);
  if (Number.isNaN(date.getTime())) return EMPTY;
  return new Intl.DateTimeFormat(localeFor(language), { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

/** A score with one decimal in the reader's notation ("58,1"). */
export function formatScore(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY;
  return new Intl.NumberFormat(localeFor(language), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}
