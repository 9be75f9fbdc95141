/**
 * Every TanStack Query key of the web app, in one hierarchy. A key's prefix is its parent, so
 * invalidating a parent refreshes all below it: `keys.park(id).all` covers everything of one
 * park (its stakeholders, their contacts and interests, the ranking, the matrix, projects,
 * organisations, assessments, overview, report); `keys.park(id).stakeholders.all` the park's
 * stakeholder lists (the list page, the interview picker, the projects' choices, the figures).
 *
 * No other file writes a key array; a unit test (queryKeys.test.ts) keeps it that way. Which
 * prefixes a write refreshes is in refresh.ts.
 */
import type { Track } from './interests';
import type { AdviceAnswers, BizVoteSimulationRequest } from './organisations';
import type { components } from './schema';
import type { StakeholderFilters } from './stakeholders';
import type { Province } from './types';

/** The filters of the park register (the parks page) that shape one page of it. */
export interface RegisterParams {
  q: string | undefined;
  province: Province | undefined;
  active: boolean;
  sort: components['schemas']['RegisterSort'];
  limit: number;
  cursor: string | null;
  language: string;
}

export interface LocationFilters {
  q: string | undefined;
  province: Province | undefined;
}

export interface SharedFilters {
  track: Track | null;
  minStakeholders: number;
  language: string;
}

function stakeholderKeys(root: readonly ['park', string], stakeholderId: string) {
  const all = [...root, 'stakeholder', stakeholderId] as const;
  return {
    all,
    detail: [...all, 'detail'] as const,
    contacts: [...all, 'contacts'] as const,
    interests: [...all, 'interests'] as const,
    /** The themes an interview went past (kept on the server). */
    skipped: [...all, 'skipped-themes'] as const,
    /** The contact person's data as stored; read again for every version of the stakeholder. */
    personalData: (version: number) => [...all, 'personal-data', version] as const,
  };
}

function projectKeys(root: readonly ['park', string], projectId: string) {
  const all = [...root, 'project', projectId] as const;
  const businessCase = [...all, 'business-case'] as const;
  return {
    all,
    detail: [...all, 'detail'] as const,
    history: [...all, 'history'] as const,
    participants: [...all, 'participants'] as const,
    businessCase: {
      all: businessCase,
      saved: [...businessCase, 'saved'] as const,
      /** A calculation of unsaved input (`body`), for these participants (`participants`: ids and versions). */
      calculation: (body: unknown, participants: string) => [...businessCase, 'calculation', body, participants] as const,
    },
  };
}

function parkKeys(parkId: string) {
  const root = ['park', parkId] as const;
  const stakeholders = [...root, 'stakeholders'] as const;
  const interests = [...root, 'interests'] as const;
  const projects = [...root, 'projects'] as const;
  const organisations = [...root, 'organisations'] as const;
  const assessments = [...root, 'assessments'] as const;
  const overview = [...root, 'overview'] as const;
  const report = [...root, 'report'] as const;
  const surveys = [...root, 'surveys'] as const;
  return {
    all: root,
    detail: [...root, 'detail'] as const,
    stakeholders: {
      all: stakeholders,
      /** The park's stakeholders, filtered by the API; `{}` is every stakeholder (the pickers). */
      list: (filters: StakeholderFilters) =>
        [...stakeholders, 'list', { role: filters.role ?? null, q: filters.q || null }] as const,
      /** Per stakeholder: interests, last contact, follow-ups. */
      figures: [...stakeholders, 'figures'] as const,
    },
    stakeholder: (stakeholderId: string) => stakeholderKeys(root, stakeholderId),
    interests: {
      all: interests,
      /** The ranking; theme names come in the user's language, so it is part of the key. */
      shared: (filters: SharedFilters) => [...interests, 'shared', filters] as const,
      matrix: [...interests, 'matrix'] as const,
    },
    projects: {
      all: projects,
      list: [...projects, 'list'] as const,
    },
    project: (projectId: string) => projectKeys(root, projectId),
    organisations: {
      all: organisations,
      list: [...organisations, 'list'] as const,
      saved: [...organisations, 'saved-answers'] as const,
      advice: (answers: AdviceAnswers | null, language: string) => [...organisations, 'advice', answers, language] as const,
      biz: (request: BizVoteSimulationRequest, language: string) => [...organisations, 'biz', request, language] as const,
    },
    assessments: {
      all: assessments,
      list: (language: string) => [...assessments, 'list', language] as const,
    },
    overview: {
      all: overview,
      of: (language: string) => [...overview, language] as const,
    },
    report: {
      all: report,
      of: (language: string) => [...report, language] as const,
    },
    surveys: {
      all: surveys,
      list: [...surveys, 'list'] as const,
      /** One survey; its invitations and responses hang under it. */
      one: (surveyId: string) => [...surveys, 'survey', surveyId] as const,
      invitations: (surveyId: string) => [...surveys, 'survey', surveyId, 'invitations'] as const,
      responses: (surveyId: string, status: string | null) => [...surveys, 'survey', surveyId, 'responses', status ?? 'all'] as const,
    },
  };
}

export type ParkKeys = ReturnType<typeof parkKeys>;

const parks = ['parks'] as const;
const register = [...parks, 'register'] as const;
const overviews = ['overviews'] as const;
const followUps = ['follow-ups'] as const;
const admin = ['admin'] as const;
const webhooks = [...admin, 'webhooks'] as const;

export const keys = {
  /** The signed-in user, per token. */
  me: (token: string | null) => ['me', token] as const,
  reference: {
    all: ['reference'] as const,
    provinces: ['reference', 'provinces'] as const,
    municipalities: (province: Province | undefined) => ['reference', 'municipalities', province ?? null] as const,
  },
  /** The 17 themes (both languages in one answer). */
  themes: ['themes'] as const,
  organisationForms: (language: string) => ['organisation-forms', language] as const,
  rubric: (language: string) => ['assessment-rubric', language] as const,
  parks: {
    all: parks,
    register: {
      /** The register's rows count stakeholders, interviews, contacts, projects, organisations, levels. */
      all: register,
      page: (params: RegisterParams) => [...register, params] as const,
    },
    locations: (filters: LocationFilters) => [...parks, 'locations', { q: filters.q ?? null, province: filters.province ?? null }] as const,
  },
  park: parkKeys,
  /** The overviews over many parks: the start page (/werk) and the province overview. */
  overviews: {
    all: overviews,
    myWork: (language: string) => [...overviews, 'my-work', language] as const,
    province: (province: Province | undefined, language: string) => [...overviews, 'province', province ?? 'all', language] as const,
  },
  /** Open follow-ups over all the user's parks. */
  followUps: {
    all: followUps,
    open: [...followUps, 'open'] as const,
    next: (limit: number) => [...followUps, 'next', limit] as const,
  },
  admin: {
    all: admin,
    users: [...admin, 'users'] as const,
    clients: [...admin, 'api-clients'] as const,
    webhooks: {
      all: webhooks,
      list: [...webhooks, 'list'] as const,
      deliveries: (webhookId: string) => [...webhooks, webhookId, 'deliveries'] as const,
    },
    audit: (query: Record<string, string>) => [...admin, 'audit', query] as const,
  },
} as const;
