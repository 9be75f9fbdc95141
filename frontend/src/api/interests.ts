/** Themes, interests, shared interests and the interest matrix: types and typed calls. */
import { api, call } from './client';
import { collectAll, PAGE_SIZE } from './pages';
import type { components } from './schema';

type Schemas = components['schemas'];

export type Theme = Schemas['ThemePublic'];
export type Track = Schemas['Track'];
export type Interest = Schemas['InterestPublic'];
export type InterestCreate = Schemas['InterestCreate'];
export type InterestUpdate = Schemas['InterestUpdate'];
export type Willingness = Schemas['Willingness'];
export type Obstacle = Schemas['Obstacle'];
export type SharedInterests = Schemas['SharedInterests'];
export type SharedInterest = Schemas['SharedInterest'];
export type InterestMatrix = Schemas['InterestMatrix'];
export type MatrixStakeholder = Schemas['MatrixStakeholder'];
export type MatrixCell = Schemas['MatrixCell'];
export type StakeholderKind = Schemas['StakeholderKind'];
export type Stakeholder = Schemas['StakeholderPublic'];
export type ThemeSkip = Schemas['ThemeSkipPublic'];

export const TRACKS: readonly Track[] = ['schoon_heel_veilig', 'toekomstbestendig'];
export const WILLINGNESS: readonly Willingness[] = ['none', 'time', 'money', 'time_and_money'];
export const OBSTACLES: readonly Obstacle[] = ['knowledge', 'grid_congestion', 'money', 'time', 'regulation', 'other'];
export const STAKEHOLDER_KINDS: readonly StakeholderKind[] = [
  'entrepreneur',
  'property_owner',
  'municipality',
  'grid_operator',
  'financier',
  'park_manager',
  'province',
  'other',
];
export const URGENCIES = [1, 2, 3, 4, 5] as const;
export const TEXT_MAX = 5000;

/** The ETag of an interest; list answers carry no header, but the version is the ETag. */
export function interestEtag(interest: Pick<Interest, 'version'>, response?: Response): string {
  return response?.headers.get('ETag') ?? `"${interest.version}"`;
}

export async function listThemes(signal?: AbortSignal): Promise<Theme[]> {
  return (await call(api.GET('/api/v1/themes', { signal }))).data;
}

/** All interests of one stakeholder (at most one per theme). */
export async function listStakeholderInterests(stakeholderId: string, signal?: AbortSignal): Promise<Interest[]> {
  return collectAll(
    async (cursor) =>
      (
        await call(
          api.GET('/api/v1/stakeholders/{stakeholder_id}/interests', {
            params: { path: { stakeholder_id: stakeholderId }, query: { limit: PAGE_SIZE, cursor } },
            signal,
          }),
        )
      ).data,
  );
}

export async function getInterest(id: string, signal?: AbortSignal): Promise<Interest> {
  return (await call(api.GET('/api/v1/interests/{interest_id}', { params: { path: { interest_id: id } }, signal }))).data;
}

export async function createInterest(stakeholderId: string, body: InterestCreate): Promise<Interest> {
  const { data } = await call(
    api.POST('/api/v1/stakeholders/{stakeholder_id}/interests', {
      params: { path: { stakeholder_id: stakeholderId } },
      body,
    }),
  );
  return data;
}

export async function updateInterest(id: string, etag: string, changes: InterestUpdate): Promise<Interest> {
  const { data } = await call(
    api.PATCH('/api/v1/interests/{interest_id}', {
      params: { path: { interest_id: id }, header: { 'If-Match': etag } },
      body: changes,
    }),
  );
  return data;
}

export async function deleteInterest(id: string, etag: string): Promise<void> {
  await call(api.DELETE('/api/v1/interests/{interest_id}', { params: { path: { interest_id: id }, header: { 'If-Match': etag } } }));
}

/** The themes an interview with this stakeholder went past, as every colleague sees them. */
export async function listSkippedThemes(stakeholderId: string, signal?: AbortSignal): Promise<string[]> {
  const { data } = await call(
    api.GET('/api/v1/stakeholders/{stakeholder_id}/skipped-themes', { params: { path: { stakeholder_id: stakeholderId } }, signal }),
  );
  return data.map((s) => s.theme_code);
}

export async function skipTheme(stakeholderId: string, themeCode: string): Promise<void> {
  await call(
    api.PUT('/api/v1/stakeholders/{stakeholder_id}/skipped-themes/{theme_code}', {
      params: { path: { stakeholder_id: stakeholderId, theme_code: themeCode } },
    }),
  );
}

export async function unskipTheme(stakeholderId: string, themeCode: string): Promise<void> {
  await call(
    api.DELETE('/api/v1/stakeholders/{stakeholder_id}/skipped-themes/{theme_code}', {
      params: { path: { stakeholder_id: stakeholderId, theme_code: themeCode } },
    }),
  );
}

export async function getSharedInterests(
  parkId: string,
  filters: { track: Track | null; minStakeholders: number },
  signal?: AbortSignal,
): Promise<SharedInterests> {
  const { data } = await call(
    api.GET('/api/v1/parks/{park_id}/shared-interests', {
      params: {
        path: { park_id: parkId },
        query: { min_stakeholders: filters.minStakeholders, ...(filters.track ? { track: filters.track } : {}) },
      },
      signal,
    }),
  );
  return data;
}

export async function getInterestMatrix(parkId: string, signal?: AbortSignal): Promise<InterestMatrix> {
  return (
    await call(api.GET('/api/v1/parks/{park_id}/interest-matrix', { params: { path: { park_id: parkId } }, signal }))
  ).data;
}
