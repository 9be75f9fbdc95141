/**
 * Dates typed the way people write them: dd-mm-jjjj in Dutch, dd/mm/yyyy in English (whatever
 * the browser's own locale), read back as the API's YYYY-MM-DD. Pure.
 */

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})[-/.\s](\d{1,2})[-/.\s](\d{4})$/;

function valid(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 9999) return false;
  const date = new Date(y, m - 1, d);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "4-12-2026", "04/12/2026", "4.12.2026" or "2026-12-04" → "2026-12-04"; null when not a day. */
export function parseDayInput(text: string): string | null {
  const value = text.trim();
  const day = DAY_FIRST.exec(value);
  if (day) {
    const [d, m, y] = [Number(day[1]), Number(day[2]), Number(day[3])];
    return valid(y, m, d) ? iso(y, m, d) : null;
  }
  const isoMatch = ISO.exec(value);
  if (isoMatch) {
    const [y, m, d] = [Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])];
    return valid(y, m, d) ? iso(y, m, d) : null;
  }
  return null;
}

/** "2026-12-04" → "04-12-2026" (nl) or "04/12/2026" (en); anything else as it is. */
export function formatDayInput(value: string, language: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  return language === 'en' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[3]}-${m[2]}-${m[1]}`;
}

export function dayPlaceholder(language: string): string {
  return language === 'en' ? 'dd/mm/yyyy' : 'dd-mm-jjjj';
}
