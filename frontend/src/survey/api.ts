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

/** The session's token, for the expert's preview (the app keeps it in localStorage). */
function sessionToken(): string | null {
  try {
    const raw = localStorage.getItem('parkregie.session');
    const value = raw ? (JSON.parse(raw) as { token?: unknown }) : null;
    return typeof value?.token === 'string' ? value.token : null;
  } catch {
    return null;
  }
}

/** The expert's preview of a survey (a draft too): as a respondent sees it; nothing is saved. */
export async function loadPreview(surveyId: string, language: Language): Promise<PublicSurvey | Failure> {
  const token = sessionToken();
  if (!token) return { kind: 'gone' };
  try {
    const { data, error, response } = await client.GET('/api/v1/surveys/{survey_id}/preview', {
      params: { path: { survey_id: surveyId } },
      headers: { 'Accept-Language': language, Authorization: `Bearer ${token}` },
    });
    return data ?? failure(response.status, error, response);
  } catch {
    return { kind: 'offline' };
  }
}
