/**
 * Money as the API sends it: a decimal string with two decimals ("1250000.00"), exact. Shown as
 * euros the Dutch way; read back from what people type ("1.250.000", "1250000,50", "€ 1,5 mln"
 * is not accepted) following the backend's import rules.
 */
import { formatEuro, localeFor } from '../format';

const AMOUNT = /^\d+(\.\d{1,2})?$/;
const MAX = 999_999_999_999.99;

/** "1250000.00" → "€ 1.250.000" (nl) or "€1,250,000" (en): the app's one formatter. */
export { formatEuro };

/** The stored amount as the value of a text input: "1250000" or "1250000,50" (nl). */
export function moneyToInput(value: string | null | undefined, language: string): string {
  if (value === null || value === undefined || value === '') return '';
  const [whole = '0', cents = ''] = value.split('.');
  const trimmed = cents.replace(/0+$/, '');
  if (trimmed === '') return whole;
  const decimal = localeFor(language) === 'nl-NL' ? ',' : '.';
  return `${whole}${decimal}${cents.padEnd(2, '0')}`;
}

export type ParsedMoney = { ok: true; value: string | null } | { ok: false; reason: 'format' | 'negative' | 'cents' | 'max' };

/**
 * What someone typed, as the API's decimal string. A lone separator followed by exactly three
 * digits groups thousands ("1.250" is 1250: an amount in euros has no three decimals);
 * otherwise it is the decimal separator. With both "." and ",", the last one is the decimal.
 */
export function parseMoney(input: string): ParsedMoney {
  let text = input.trim().replace(/€|eur/gi, '').replace(/[\s\u00a0\u202f']/g, '');
  if (text === '') return { ok: true, value: null };
  if (text.endsWith(',-') || text.endsWith('.-')) text = text.slice(0, -2);
  if (text.startsWith('-')) return /\d/.test(text) ? { ok: false, reason: 'negative' } : { ok: false, reason: 'format' };
  if (!/^[0-9.,]+$/.test(text) || !/^\d/.test(text)) return { ok: false, reason: 'format' };
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let normal: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const cut = text.lastIndexOf(decimal);
    const whole = text.slice(0, cut);
    const cents = text.slice(cut + 1);
    const groupRe = new RegExp(`^\\d{1,3}(\\${group}\\d{3})*$`);
    if (whole.includes(decimal) || !groupRe.test(whole)) return { ok: false, reason: 'format' };
    normal = `${whole.split(group).join('')}.${cents}`;
  } else if (/^\d{1,3}([.,]\d{3})+$/.test(text)) {
    normal = text.replace(/[.,]/g, '');
  } else {
    if ((text.match(/[.,]/g) ?? []).length > 1) return { ok: false, reason: 'format' };
    normal = text.replace(',', '.');
  }
  if (normal.endsWith('.')) normal = normal.slice(0, -1);
  if (!/^\d+(\.\d+)?$/.test(normal)) return { ok: false, reason: 'format' };
  const [whole = '0', cents = ''] = normal.split('.');
  const significant = cents.replace(/0+$/, '');
  if (significant.length > 2) return { ok: false, reason: 'cents' };
  const value = `${whole.replace(/^0+(?=\d)/, '')}.${significant.padEnd(2, '0')}`;
  if (!AMOUNT.test(value)) return { ok: false, reason: 'format' };
  if (Number(value) > MAX) return { ok: false, reason: 'max' };
  return { ok: true, value };
}
