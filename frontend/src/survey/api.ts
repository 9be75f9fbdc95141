/** The two calls of the respondent's page (no account, no session). */
import createClient from 'openapi-fetch';
import type { paths } from '../api/schema';
import type { PublicSurvey, Submit } from './state';
import type { Language } from './texts';

const client = createClient<paths>({ baseUrl: window.location.origin });

export type Failure = { kind: 'gone' } | { kind: 'offline' } | { kind: 'refused'; detail: string } | { kind: 'busy'; retryAfter: number };

function failure(status: number, body: unknown, response: Response): Failure {
  if (status === 404) return { kind: 'gone' };
  if (status === 429) return { kind: 'busy', retryAfter: Number(response.headers.get('Retry-After') ?? '30') };
  const detail = typeof body === 'object' && body && 'detail' in body ? String((body as { detail: unknown }).detail) : `HTTP ${status}`;
  return { kind: 'refused', detail };
}

export async function loadSurvey(token: string, language: Language): Promise<PublicSurvey | Failure> {
  try {
    const { data, error, response } = await client.GET('/api/v1/public/surveys/{token}', {
      params: { path: { token } },
      headers: { 'Accept-Language': language },
    });
    return data ?? failure(response.status, error, response);
  } catch {
    return { kind: 'offline' };
  }
}

export interface Saved {
  editToken: string | null;
}

export async function saveAnswers(token: string, body: Submit, language: Language): Promise<Saved | Failure> {
  try {
    const { data, error, response } = await client.PUT('/api/v1/public/surveys/{token}/response', {
      params: { path: { token } },
      body,
      headers: { 'Accept-Language': language },
    });
    return data ? { editToken: data.edit_token ?? null } : failure(response.status, error, response);
  } catch {
    return { kind: 'offline' };
  }
}

export function isFailure(value: unknown): value is Failure {
  return typeof value === 'object' && value !== null && 'kind' in value;
}
