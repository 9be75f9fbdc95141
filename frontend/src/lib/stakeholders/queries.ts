/**
 * A park's stakeholders, one stakeholder, its contact moments and personal data, the open
 * follow-ups: the one place the web app reads them. The list page and the pickers (interview,
 * projects) share one cached list per park, so a write that refreshes it (refresh.stakeholders)
 * refreshes them all.
 */
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { PagingError } from '../../api/pages';
import { keys } from '../../api/queryKeys';
import {
  getPersonalData,
  getStakeholder,
  listContacts,
  listFollowUps,
  listStakeholders,
  STAKEHOLDER_CAP,
  type Stakeholder,
  type StakeholderFilters,
} from '../../api/stakeholders';
import { getStakeholderFigures } from '../work/api';

const EVERYONE: StakeholderFilters = {};

export function useStakeholders(parkId: string, filters: StakeholderFilters) {
  return useQuery({
    queryKey: keys.park(parkId).stakeholders.list(filters),
    queryFn: ({ signal }) => listStakeholders(parkId, filters, signal),
    // While a new search loads, keep showing the last list, but never another park's.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === parkId ? keepPreviousData(previous) : undefined,
  });
}

/** Every stakeholder of the park (up to the cap; `truncated` says when there were more), for pickers. */
export function useParkStakeholders(parkId: string) {
  return useQuery({
    queryKey: keys.park(parkId).stakeholders.list(EVERYONE),
    queryFn: ({ signal }) => listStakeholders(parkId, EVERYONE, signal),
  });
}

/** Every stakeholder of the park, from the cache when fresh; throws when there are more than the cap. */
export async function fetchParkStakeholders(queryClient: QueryClient, parkId: string): Promise<Stakeholder[]> {
  const list = await queryClient.fetchQuery({
    queryKey: keys.park(parkId).stakeholders.list(EVERYONE),
    queryFn: ({ signal }) => listStakeholders(parkId, EVERYONE, signal),
  });
  if (list.truncated) throw new PagingError(`more than ${STAKEHOLDER_CAP} stakeholders: the list was not loaded`);
  return list.items;
}

/** Per stakeholder of the park: interests, last contact, open and overdue follow-ups. */
export function useStakeholderFigures(parkId: string) {
  return useQuery({
    queryKey: keys.park(parkId).stakeholders.figures,
    queryFn: ({ signal }) => getStakeholderFigures(parkId, signal),
  });
}

export function useStakeholder(parkId: string, id: string) {
  return useQuery({
    queryKey: keys.park(parkId).stakeholder(id).detail,
    queryFn: ({ signal }) => getStakeholder(id, signal),
  });
}

export function useContacts(parkId: string, stakeholderId: string) {
  return useQuery({
    queryKey: keys.park(parkId).stakeholder(stakeholderId).contacts,
    queryFn: ({ signal }) => listContacts(stakeholderId, signal),
  });
}

/** The contact person's data as stored, only while shown; never kept. */
export function usePersonalData(parkId: string, stakeholderId: string, version: number, enabled: boolean) {
  return useQuery({
    queryKey: keys.park(parkId).stakeholder(stakeholderId).personalData(version),
    queryFn: ({ signal }) => getPersonalData(stakeholderId, signal),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}

export function useFollowUps() {
  return useQuery({
    queryKey: keys.followUps.open,
    queryFn: ({ signal }) => listFollowUps(signal),
  });
}
