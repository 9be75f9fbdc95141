/** The organisatiegraad (rubric, assessments), the park overview and the park report: typed calls. */
import { api, call, endReasonOf } from '../../api/client';
import { collectAll, PAGE_SIZE } from '../../api/pages';
import { ApiError, NetworkError, parseProblem } from '../../api/problem';
import type { components } from '../../api/schema';
import { endSession, getToken } from '../../auth/session';
import { currentLanguage } from '../../i18n';

type Schemas = components['schemas'];

export type Rubric = Schemas['Rubric'];
export type RubricPoint = Schemas['RubricPoint'];
export type Assessment = Schemas['AssessmentPublic'];
export type AssessmentCreate = Schemas['AssessmentCreate'];
export type AssessmentAnswers = Schemas['AssessmentAnswers'];
export type Component = Schemas['ComponentPublic'];
export type ParkOverview = Schemas['ParkOverview'];
export type Todo = Schemas['Todo'];
export type HistoryPoint = Schemas['HistoryPoint'];

export async function getRubric(signal?: AbortSignal): Promise<Rubric> {
  return (await call(api.GET('/api/v1/assessment-rubric', { signal }))).data;
}

/** Every assessment of a park, oldest first (a park has a few a year). */
export async function listAssessments(parkId: string, signal?: AbortSignal): Promise<Assessment[]> {
  return collectAll(
    async (cursor) =>
      (
        await call(
          api.GET('/api/v1/parks/{park_id}/assessments', {
            params: { path: { park_id: parkId }, query: { limit: PAGE_SIZE, cursor } },
            signal,
          }),
        )
      ).data,
  );
}

export async function createAssessment(parkId: string, body: AssessmentCreate): Promise<Assessment> {
  return (
    await call(api.POST('/api/v1/parks/{park_id}/assessments', { params: { path: { park_id: parkId } }, body }))
  ).data;
}

export async function getOverview(parkId: string, signal?: AbortSignal): Promise<ParkOverview> {
  return (await call(api.GET('/api/v1/parks/{park_id}/overview', { params: { path: { park_id: parkId } }, signal }))).data;
}

/**
 * The printable report as an HTML document (text/html), with the session's token and language,
 * as the typed client sends them. Throws ApiError on an error status (404 until it exists).
 */
export async function getReport(parkId: string, signal?: AbortSignal): Promise<string> {
  const headers = new Headers({ Accept: 'text/html', 'Accept-Language': currentLanguage() });
  const token = getToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(`/api/v1/parks/${encodeURIComponent(parkId)}/report`, { headers, signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }
  if (response.status === 401) endSession(await endReasonOf(response));
  if (!response.ok) {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    throw new ApiError(parseProblem(body, response.status, response.statusText));
  }
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('text/html')) throw new NotAReport(type);
  return response.text();
}

/** The report endpoint answered, but not with an HTML page. */
export class NotAReport extends Error {
  constructor(readonly contentType: string) {
    super(`The report came as ${contentType || 'no content type'}, not text/html`);
    this.name = 'NotAReport';
  }
}
