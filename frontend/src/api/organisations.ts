/** Organisations on a park, the forms catalogue, the advice and the BIZ vote: types and calls. */
import { api, call } from './client';
import { collectAll, PAGE_SIZE } from './pages';
import type { components } from './schema';

type Schemas = components['schemas'];

export type Form = Schemas['Form'];
export type Organisation = Schemas['OrganisationPublic'];
export type OrganisationCreate = Schemas['OrganisationCreate'];
export type OrganisationUpdate = Schemas['OrganisationUpdate'];
export type FormFacts = Schemas['FormFactsPublic'];
export type AdviceAnswers = Schemas['AdviceAnswers'];
export type AdviceAnswersPublic = Schemas['AdviceAnswersPublic'];
export type OrganisationAdvice = Schemas['OrganisationAdvicePublic'];
export type Recommendation = Schemas['RecommendationPublic'];
export type Reason = Schemas['ReasonPublic'];
export type SavedAdvice = Schemas['SavedAdvicePublic'];
export type BizVoter = Schemas['BizVoter'];
export type LevyOn = Schemas['LevyOn'];
export type BizVoteSimulation = Schemas['BizVoteSimulation'];
export type BizCount = Schemas['BizCount'];
export type BizVoteSimulationRequest = Schemas['BizVoteSimulationRequest'];

export const FORMS: readonly Form[] = [
  'biz',
  'ondernemersfonds',
  'ondernemersvereniging',
  'cooperatie',
  'stichting',
  'bv',
  'werkgroep',
  'parkmanagement',
];
export const LEVY_ON: readonly LevyOn[] = ['users', 'owners', 'both'];
export const BOOLEAN_QUESTIONS = [
  'municipality_cooperates',
  'mandatory_contribution_acceptable',
  'needs_legal_entity',
  'will_own_assets',
  'distribute_profit',
  'levy_for_this_area_only',
] as const;
export type BooleanQuestion = (typeof BOOLEAN_QUESTIONS)[number];

export function etagOf(item: { version: number }, response?: Response): string {
  return response?.headers.get('ETag') ?? `"${item.version}"`;
}

export async function listForms(signal?: AbortSignal): Promise<FormFacts[]> {
  return (await call(api.GET('/api/v1/organisation-forms', { signal }))).data;
}

/** Every organisation of a park (a park has a handful). */
export async function listOrganisations(parkId: string, signal?: AbortSignal): Promise<Organisation[]> {
  return collectAll(
    async (cursor) =>
      (
        await call(
          api.GET('/api/v1/parks/{park_id}/organisations', {
            params: { path: { park_id: parkId }, query: { limit: PAGE_SIZE, cursor } },
            signal,
          }),
        )
      ).data,
  );
}

export async function createOrganisation(parkId: string, body: OrganisationCreate): Promise<Organisation> {
  return (
    await call(api.POST('/api/v1/parks/{park_id}/organisations', { params: { path: { park_id: parkId } }, body }))
  ).data;
}

export async function updateOrganisation(o: Organisation, body: OrganisationUpdate): Promise<Organisation> {
  return (
    await call(
      api.PATCH('/api/v1/organisations/{organisation_id}', {
        params: { path: { organisation_id: o.id }, header: { 'If-Match': etagOf(o) } },
        body,
      }),
    )
  ).data;
}

export async function deleteOrganisation(o: Organisation): Promise<void> {
  await call(
    api.DELETE('/api/v1/organisations/{organisation_id}', {
      params: { path: { organisation_id: o.id }, header: { 'If-Match': etagOf(o) } },
    }),
  );
}

export async function getAdvice(
  parkId: string,
  answers: AdviceAnswers | null,
  signal?: AbortSignal,
): Promise<OrganisationAdvice> {
  return (
    await call(
      api.POST('/api/v1/parks/{park_id}/organisation-advice', {
        params: { path: { park_id: parkId } },
        body: answers ? { answers } : {},
        signal,
      }),
    )
  ).data;
}

export async function getSavedAnswers(parkId: string, signal?: AbortSignal): Promise<SavedAdvice> {
  return (
    await call(
      api.GET('/api/v1/parks/{park_id}/organisation-advice/answers', { params: { path: { park_id: parkId } }, signal }),
    )
  ).data;
}

export async function saveAnswers(parkId: string, version: number, answers: AdviceAnswers): Promise<SavedAdvice> {
  return (
    await call(
      api.PUT('/api/v1/parks/{park_id}/organisation-advice/answers', {
        params: { path: { park_id: parkId }, header: { 'If-Match': `"${version}"` } },
        body: answers,
      }),
    )
  ).data;
}

export async function simulateBizVote(
  parkId: string,
  body: BizVoteSimulationRequest,
): Promise<BizVoteSimulation> {
  return (
    await call(
      api.POST('/api/v1/parks/{park_id}/biz-vote-simulations', { params: { path: { park_id: parkId } }, body }),
    )
  ).data;
}
