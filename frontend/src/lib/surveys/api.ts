/** Surveys for the expert: make, open, invite, review. Types from the OpenAPI file, typed calls. */
import { api, call } from '../../api/client';
import { collectAll, PAGE_SIZE } from '../../api/pages';
import type { Problem } from '../../api/problem';
import { downloadFile, type ExportFormat } from '../../api/stakeholders';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type Survey = Schemas['SurveyPublic'];
export type SurveyCreate = Schemas['SurveyCreate'];
export type SurveyStatus = Schemas['SurveyStatus'];
export type Invitation = Schemas['InvitationPublic'];
export type SurveyResponse = Schemas['SurveyResponsePublic'];
export type ResponseStatus = Schemas['ResponseStatus'];
export type AcceptRequest = Schemas['AcceptRequest'];
export type StakeholderKind = Schemas['StakeholderKind'];

/** The next status a survey can take, and what the button says (draft → open → closed → open). */
export const NEXT_STATUS: Record<SurveyStatus, SurveyStatus> = { draft: 'open', open: 'closed', closed: 'open' };

export async function listSurveys(parkId: string, signal?: AbortSignal): Promise<Survey[]> {
  return collectAll(
    async (cursor) =>
      (
        await call(
          api.GET('/api/v1/parks/{park_id}/surveys', { params: { path: { park_id: parkId }, query: { limit: PAGE_SIZE, cursor } }, signal }),
        )
      ).data,
  );
}

export async function getSurvey(surveyId: string, signal?: AbortSignal): Promise<{ survey: Survey; etag: string }> {
  const { data, response } = await call(api.GET('/api/v1/surveys/{survey_id}', { params: { path: { survey_id: surveyId } }, signal }));
  return { survey: data, etag: response.headers.get('ETag') ?? `"${data.version}"` };
}

export async function createSurvey(parkId: string, body: SurveyCreate): Promise<Survey> {
  return (await call(api.POST('/api/v1/parks/{park_id}/surveys', { params: { path: { park_id: parkId } }, body }))).data;
}

export async function transitionSurvey(surveyId: string, etag: string, to: SurveyStatus): Promise<Survey> {
  return (
    await call(
      api.POST('/api/v1/surveys/{survey_id}/transition', {
        params: { path: { survey_id: surveyId }, header: { 'If-Match': etag } },
        body: { to },
      }),
    )
  ).data;
}

export async function listInvitations(surveyId: string, signal?: AbortSignal): Promise<Invitation[]> {
  return (await call(api.GET('/api/v1/surveys/{survey_id}/invitations', { params: { path: { survey_id: surveyId } }, signal }))).data as Invitation[];
}

export async function invite(surveyId: string, body: { kinds?: StakeholderKind[]; stakeholder_ids?: string[] }) {
  return (await call(api.POST('/api/v1/surveys/{survey_id}/invitations', { params: { path: { survey_id: surveyId } }, body }))).data;
}

export async function revokeInvitation(invitationId: string): Promise<void> {
  await call(api.POST('/api/v1/survey-invitations/{invitation_id}/revoke', { params: { path: { invitation_id: invitationId } } }));
}

export async function listResponses(surveyId: string, status: ResponseStatus | null, signal?: AbortSignal): Promise<SurveyResponse[]> {
  return collectAll(
    async (cursor) =>
      (
        await call(
          api.GET('/api/v1/surveys/{survey_id}/responses', {
            params: { path: { survey_id: surveyId }, query: { limit: PAGE_SIZE, cursor, ...(status ? { status } : {}) } },
            signal,
          }),
        )
      ).data,
  );
}

export async function acceptResponse(r: SurveyResponse, body: AcceptRequest): Promise<SurveyResponse> {
  return (
    await call(
      api.POST('/api/v1/survey-responses/{response_id}/accept', {
        params: { path: { response_id: r.id }, header: { 'If-Match': `"${r.version}"` } },
        body,
      }),
    )
  ).data;
}

export async function rejectResponse(r: SurveyResponse, reason: string): Promise<SurveyResponse> {
  return (
    await call(
      api.POST('/api/v1/survey-responses/{response_id}/reject', {
        params: { path: { response_id: r.id }, header: { 'If-Match': `"${r.version}"` } },
        body: { reason },
      }),
    )
  ).data;
}

/** Saves the file of the personal links for a mail merge (fetched with the session); its name. */
export function downloadInvitations(surveyId: string, format: ExportFormat): Promise<string> {
  return downloadFile(`/api/v1/surveys/${encodeURIComponent(surveyId)}/invitations?format=${format}`, `uitnodigingen.${format}`);
}

/** The themes a 409 on accepting names: the stakeholder has interests recorded otherwise there. */
export function conflictThemes(problem: Problem): string[] {
  const raw = problem.extensions?.conflicts;
  return Array.isArray(raw)
    ? raw.flatMap((c: unknown) => (c && typeof c === 'object' && 'theme_code' in c ? [String((c as { theme_code: unknown }).theme_code)] : []))
    : [];
}
