/** Projects, their phases, participants and business case: types and typed calls. */
import { api, call } from '../../api/client';
import { collectAll, PAGE_SIZE } from '../../api/pages';
import { ApiError } from '../../api/problem';
import type { components } from '../../api/schema';
import { rulesOfProblem } from './rules';

type Schemas = components['schemas'];

export type Project = Schemas['ProjectPublic'];
export type ProjectCreate = Schemas['ProjectCreate'];
export type ProjectUpdate = Schemas['ProjectUpdate'];
export type Phase = Schemas['Phase'];
export type PhaseHistory = Schemas['PhaseHistory'];
export type PhaseOption = Schemas['PhaseOption'];
export type PhaseChange = Schemas['PhaseChangePublic'];
export type Participant = Schemas['ParticipantPublic'];
export type Commitment = Schemas['Commitment'];
export type BusinessCase = Schemas['BusinessCasePublic'];
export type BusinessCaseInput = Schemas['BusinessCaseInput'];
export type CostSplit = Schemas['CostSplit'];
export type OrganisationForm = Schemas['OrganisationForm'];

/** A resource with the ETag to send back as If-Match. */
export interface Versioned<T> {
  data: T;
  etag: string;
}

const etagOf = (response: Response, version: number | null | undefined): string =>
  response.headers.get('ETag') ?? `"${version ?? 0}"`;

/** All projects of a park (a park has a handful). */
export async function listProjects(parkId: string, signal?: AbortSignal): Promise<Project[]> {
  return collectAll(
    async (cursor) =>
      (
        await call(
          api.GET('/api/v1/parks/{park_id}/projects', {
            params: { path: { park_id: parkId }, query: { limit: PAGE_SIZE, cursor } },
            signal,
          }),
        )
      ).data,
  );
}

export async function createProject(parkId: string, body: ProjectCreate): Promise<Project> {
  const { data } = await call(api.POST('/api/v1/parks/{park_id}/projects', { params: { path: { park_id: parkId } }, body }));
  return data;
}

export async function getProject(id: string, signal?: AbortSignal): Promise<Versioned<Project>> {
  const { data, response } = await call(api.GET('/api/v1/projects/{project_id}', { params: { path: { project_id: id } }, signal }));
  return { data, etag: etagOf(response, data.version) };
}

export async function updateProject(id: string, etag: string, body: ProjectUpdate): Promise<Versioned<Project>> {
  const { data, response } = await call(
    api.PATCH('/api/v1/projects/{project_id}', { params: { path: { project_id: id }, header: { 'If-Match': etag } }, body }),
  );
  return { data, etag: etagOf(response, data.version) };
}

export async function deleteProject(id: string, etag: string): Promise<void> {
  await call(api.DELETE('/api/v1/projects/{project_id}', { params: { path: { project_id: id }, header: { 'If-Match': etag } } }));
}

/** A refused step (409), with the rules that blocked it. */
export class TransitionRefused extends ApiError {
  readonly rules: { code: string; text: string }[];

  constructor(error: ApiError, rules: { code: string; text: string }[]) {
    super(error.problem);
    this.name = 'TransitionRefused';
    this.rules = rules;
  }
}

export async function transitionProject(id: string, to: Phase, reason: string | null): Promise<Project> {
  let rules: { code: string; text: string }[] = [];
  const pending = api
    .POST('/api/v1/projects/{project_id}/transition', {
      params: { path: { project_id: id } },
      body: reason ? { to, reason } : { to },
    })
    .then((result) => {
      if (result.response.status === 409) rules = rulesOfProblem(result.error);
      return result;
    });
  try {
    return (await call(pending)).data;
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) throw new TransitionRefused(error, rules);
    throw error;
  }
}

export async function getPhaseHistory(id: string, signal?: AbortSignal): Promise<PhaseHistory> {
  return (await call(api.GET('/api/v1/projects/{project_id}/phase-history', { params: { path: { project_id: id } }, signal }))).data;
}

export async function listParticipants(id: string, signal?: AbortSignal): Promise<Participant[]> {
  return collectAll(
    async (cursor) =>
      (
        await call(
          api.GET('/api/v1/projects/{project_id}/participants', {
            params: { path: { project_id: id }, query: { limit: PAGE_SIZE, cursor } },
            signal,
          }),
        )
      ).data,
  );
}

export async function addParticipant(
  projectId: string,
  body: { stakeholder_id: string; commitment: Commitment; contribution_eur?: string | null },
): Promise<Participant> {
  const { data } = await call(
    api.POST('/api/v1/projects/{project_id}/participants', { params: { path: { project_id: projectId } }, body }),
  );
  return data;
}

/** List answers carry no ETag header, but the version is the ETag. */
export const participantEtag = (p: Pick<Participant, 'version'>): string => `"${p.version}"`;

export async function updateParticipant(
  projectId: string,
  participant: Participant,
  body: { commitment?: Commitment; contribution_eur?: string | null },
): Promise<Participant> {
  const { data } = await call(
    api.PATCH('/api/v1/projects/{project_id}/participants/{participant_id}', {
      params: {
        path: { project_id: projectId, participant_id: participant.id },
        header: { 'If-Match': participantEtag(participant) },
      },
      body,
    }),
  );
  return data;
}

export async function removeParticipant(projectId: string, participant: Participant): Promise<void> {
  await call(
    api.DELETE('/api/v1/projects/{project_id}/participants/{participant_id}', {
      params: {
        path: { project_id: projectId, participant_id: participant.id },
        header: { 'If-Match': participantEtag(participant) },
      },
    }),
  );
}

/** The business case, or null while the project has none (404). */
export async function getBusinessCase(id: string, signal?: AbortSignal): Promise<Versioned<BusinessCase> | null> {
  const result = await api.GET('/api/v1/projects/{project_id}/business-case', { params: { path: { project_id: id } }, signal });
  if (result.response.status === 404) return null;
  const { data, response } = await call(Promise.resolve(result));
  return { data, etag: etagOf(response, data.version) };
}

export async function putBusinessCase(id: string, etag: string | null, body: BusinessCaseInput): Promise<Versioned<BusinessCase>> {
  const { data, response } = await call(
    api.PUT('/api/v1/projects/{project_id}/business-case', {
      params: { path: { project_id: id }, header: etag ? { 'If-Match': etag } : {} },
      body,
    }),
  );
  return { data, etag: etagOf(response, data.version) };
}

export async function calculateBusinessCase(id: string, body: BusinessCaseInput, signal?: AbortSignal): Promise<BusinessCase> {
  return (
    await call(
      api.POST('/api/v1/projects/{project_id}/business-case/calculation', { params: { path: { project_id: id } }, body, signal }),
    )
  ).data;
}
