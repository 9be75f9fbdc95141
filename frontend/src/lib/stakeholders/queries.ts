import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  getStakeholder,
  listContacts,
  listFollowUps,
  listStakeholders,
  type StakeholderFilters,
} from '../../api/stakeholders';

export const stakeholdersKey = (parkId: string, filters?: StakeholderFilters) =>
  filters ? (['stakeholders', parkId, filters] as const) : (['stakeholders', parkId] as const);
export const stakeholderKey = (id: string) => ['stakeholder', id] as const;
export const contactsKey = (stakeholderId: string) => ['contacts', stakeholderId] as const;
export const followUpsKey = ['follow-ups'] as const;

export function useStakeholders(parkId: string, filters: StakeholderFilters) {
  return useQuery({
    queryKey: stakeholdersKey(parkId, filters),
    queryFn: ({ signal }) => listStakeholders(parkId, filters, signal),
    // While a new search loads, keep showing the last list, but never another park's.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === parkId ? keepPreviousData(previous) : undefined,
  });
}

export function useStakeholder(id: string) {
  return useQuery({
    queryKey: stakeholderKey(id),
    queryFn: ({ signal }) => getStakeholder(id, signal),
  });
}

export function useContacts(stakeholderId: string) {
  return useQuery({
    queryKey: contactsKey(stakeholderId),
    queryFn: ({ signal }) => listContacts(stakeholderId, signal),
  });
}

export function useFollowUps() {
  return useQuery({
    queryKey: followUpsKey,
    queryFn: ({ signal }) => listFollowUps(signal),
  });
}
