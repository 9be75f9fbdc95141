import type { TFunction } from 'i18next';
import { formatNumber } from '../lib/format';
import { ApiError, NetworkError } from './problem';

/**
 * The backend's validation messages are English (pydantic). The common ones are said again in
 * the user's language; anything else is shown as the server wrote it.
 */
export function translateFieldMessage(msg: string, t: TFunction, language: string): string {
  const num = (raw: string | undefined) => {
    const value = Number(raw);
    return Number.isFinite(value) ? formatNumber(value, language, { maximumFractionDigits: 6 }) : (raw ?? '');
  };
  let m: RegExpMatchArray | null;
  if ((m = msg.match(/^Input should be greater than or equal to (\S+)$/)))
    return t('validation.min', { limit: num(m[1]) });
  if ((m = msg.match(/^Input should be less than or equal to (\S+)$/)))
    return t('validation.max', { limit: num(m[1]) });
  if ((m = msg.match(/^String should have at least (\d+) characters?$/)))
    return t('validation.minLength', { count: Number(m[1]) });
  if ((m = msg.match(/^String should have at most (\d+) characters?$/)))
    return t('validation.maxLength', { count: Number(m[1]) });
  if (/^Input should be a valid integer/.test(msg)) return t('validation.integer');
  if (/^Input should be a valid number/.test(msg)) return t('validation.number');
  if (/^Field required$/.test(msg)) return t('validation.required');
  if (/give both latitude and longitude, or neither/i.test(msg)) return t('validation.latLngPair');
  if (/is not a Dutch municipality in the register/i.test(msg)) return t('validation.unknownMunicipality');
  return msg;
}

/** One sentence for a failed request, in the user's language, plus what the server said. */
export function describeError(error: unknown, t: TFunction): { message: string; detail?: string } {
  if (error instanceof NetworkError) return { message: t('errors.network') };
  if (error instanceof ApiError) {
    const detail = error.problem.detail || undefined;
    const status = error.status;
    if (status === 403) return { message: t('errors.forbidden'), detail };
    if (status === 404) return { message: t('errors.notFound'), detail };
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
    if (error.status === 429) return t('login.errors.throttled');
    if (error.status === 400 || error.status === 422) return t('login.errors.missing');
    return t('login.errors.other', { detail: error.problem.detail || error.problem.title || String(error.status) });
  }
  if (error instanceof NetworkError) return t('login.errors.network');
  return t('login.errors.other', { detail: String(error) });
}
