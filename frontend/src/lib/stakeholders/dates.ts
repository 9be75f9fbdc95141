/** Calendar dates as the API writes them (YYYY-MM-DD), in the user's own time zone. */
import { EMPTY, localeFor } from '../format';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return date.getFullYear() === Number(m[1]) && date.getMonth() === Number(m[2]) - 1 && date.getDate() === Number(m[3]);
}

/** Today (or `now`) as YYYY-MM-DD in local time, not UTC. */
export function localIsoDate(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function parse(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

export function addDays(iso: string, days: number): string {
  const date = parse(iso);
  date.setDate(date.getDate() + days);
  return localIsoDate(date);
}

export function addMonths(iso: string, months: number): string {
  const date = parse(iso);
  const day = date.getDate();
  date.setDate(1);
  date.setMonth(date.getMonth() + months);
  const last = new Date(date.getFullYear(), date.getMonth() + 1, 0).getDate();
  date.setDate(Math.min(day, last));
  return localIsoDate(date);
}

/** The Sunday that ends the (Monday-first, as in the Netherlands) week of `iso`. */
export function endOfWeek(iso: string): string {
  const weekday = (parse(iso).getDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(iso, 6 - weekday);
}

/** "14 november 2026" / "14 November 2026"; with `short`, "14 nov." without the year when it is this year. */
export function formatDate(iso: string | null | undefined, language: string, opts: { short?: boolean; today?: string } = {}): string {
  if (!iso || !isIsoDate(iso)) return iso ?? EMPTY;
  const date = parse(iso);
  const sameYear = opts.today ? opts.today.slice(0, 4) === iso.slice(0, 4) : false;
  const options: Intl.DateTimeFormatOptions = opts.short
    ? { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) }
    : { day: 'numeric', month: 'long', year: 'numeric' };
  return new Intl.DateTimeFormat(localeFor(language), options).format(date);
}

export function formatWeekday(iso: string, language: string): string {
  if (!isIsoDate(iso)) return '';
  return new Intl.DateTimeFormat(localeFor(language), { weekday: 'long' }).format(parse(iso));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / 86_400_000);
}
