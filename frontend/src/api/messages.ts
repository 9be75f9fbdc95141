import type { TFunction } from 'i18next';
import { formatNumber } from '../lib/format';
import { ApiError, NetworkError } from './problem';

/**
 * The backend's validation messages are English (pydantic). The common ones are said again in
 * the user's language; anything else is shown as the server wrote it.
 */
export function translateFieldMessage(raw: string, t: TFunction, language: string): string {
  const num = (text: string | undefined) => {
    const value = Number(text);
    return Number.isFinite(value) ? formatNumber(value, language, { maximumFractionDigits: 6 }) : (text ?? '');
  };
  // Messages of our own validators come with pydantic's prefix ("Value error, give a date …").
  const msg = raw.replace(/^Value error, /, '').trim();
  let m: RegExpMatchArray | null;
  if ((m = msg.match(/^Input should be greater than or equal to (\S+)$/)))
    return t('validation.min', { limit: num(m[1]) });
  if ((m = msg.match(/^Input should be less than or equal to (\S+)$/)))
    return t('validation.max', { limit: num(m[1]) });
  if ((m = msg.match(/^String should have at least (\d+) characters?$/)))
    return t('validation.minLength', { count: Number(m[1]) });
  if ((m = msg.match(/^String should have at most (\d+) characters?$/)))
    return t('validation.maxLength', { count: Number(m[1]) });
  // The same limits on a text that is checked by a validator first (SingleLine: names).
  if ((m = msg.match(/^Value should have at least (\d+) items? after validation/)))
    return t('validation.minLength', { count: Number(m[1]) });
  if ((m = msg.match(/^Value should have at most (\d+) items? after validation/)))
    return t('validation.maxLength', { count: Number(m[1]) });
  if (/^Input should be a valid integer/.test(msg)) return t('validation.integer');
  if (/^Input should be a valid number/.test(msg)) return t('validation.number');
  if (/^Field required$/.test(msg)) return t('validation.required');
  if (/give both latitude and longitude, or neither/i.test(msg)) return t('validation.latLngPair');
  if (/is not a Dutch municipality in the register/i.test(msg)) return t('validation.unknownMunicipality');
  // core/inputs.py: strict dates, no control characters (also refused at the edge by core/middleware.py).
  if (/^give a date as YYYY-MM-DD/.test(msg)) return t('validation.isoDate');
  if (/^give a moment in RFC 3339/.test(msg)) return t('validation.isoDateTime');
  if ((m = msg.match(/^may not contain a line break or control character \((U\+[0-9A-F]{4,6})\)$/)))
    return t('validation.singleLine', { char: m[1] });
  if ((m = msg.match(/^(?:may not contain|contains) a control character \((U\+[0-9A-F]{4,6})\)(?:; remove it)?$/)))
    return t('validation.controlCharacter', { char: m[1] });
  if ((m = msg.match(/^the body is not UTF-8 text \(byte (\d+)\)$/))) return t('validation.notUtf8', { byte: m[1] });
  // core/money.py: amounts in euros.
  if (/^not an amount in euros$/.test(msg)) return t('validation.amount');
  if (/^an amount cannot be negative$/.test(msg)) return t('validation.amountNegative');
  if (/^an amount in euros has at most two decimals$/.test(msg)) return t('validation.amountCents');
  if ((m = msg.match(/^the amount is larger than ([\d,.]+)$/)))
    return t('validation.amountMax', {
      max: formatNumber(Number((m[1] ?? '').replace(/,/g, '')), language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    });
  return msg;
}

/** Whether the 503 is the backend's "the database cannot be reached" (core/middleware.py). */
function databaseUnavailable(error: ApiError): boolean {
  return /database cannot be reached/i.test(error.problem.detail);
}

/** The minutes a 429 on the login says to wait ("… Wait 12 minute(s) and try again."). */
export function loginWaitMinutes(detail: string): number | null {
  const m = /\bWait (\d+) minute\(s\)/.exec(detail);
  const minutes = m ? Number(m[1]) : NaN;
  return Number.isInteger(minutes) && minutes > 0 ? minutes : null;
}

/** One sentence for a failed request, in the user's language, plus what the server said. */
export function describeError(error: unknown, t: TFunction): { message: string; detail?: string } {
  if (error instanceof NetworkError) return { message: t('errors.network') };
  if (error instanceof ApiError) {
    const detail = error.problem.detail || undefined;
    const status = error.status;
    if (status === 403) return { message: t('errors.forbidden'), detail };
    if (status === 404) return { message: t('errors.notFound'), detail };
    if (status === 429) return { message: t('errors.tooManyRequests') };
    if (status === 503) return { message: databaseUnavailable(error) ? t('errors.databaseUnavailable') : t('errors.unavailable') };
    if (status >= 500) return { message: t('errors.server') };
    return { message: t('errors.generic', { status }), detail };
  }
  return { message: t('errors.generic', { status: '?' }) };
}

/** What the login page says when logging in failed. */
export function loginErrorMessage(error: unknown, t: TFunction): string | null {
  if (!error) return null;
  if (error instanceof ApiError) {
    if (error.status === 401) return t('login.errors.badCredentials');
    if (error.status === 429) {
      const minutes = loginWaitMinutes(error.problem.detail);
      return minutes === null ? t('login.errors.throttled') : t('login.errors.throttledFor', { count: minutes });
    }
    if (error.status === 503 && databaseUnavailable(error)) return t('login.errors.databaseUnavailable');
    if (error.status === 400 || error.status === 422) return t('login.errors.missing');
    return t('login.errors.other', { detail: error.problem.detail || error.problem.title || String(error.status) });
  }
  if (error instanceof NetworkError) return t('login.errors.network');
  return t('login.errors.other', { detail: String(error) });
}
