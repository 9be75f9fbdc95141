import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getInterestMatrix, getSharedInterests, listSkippedThemes, listStakeholderInterests, listThemes, type Track } from '../../api/interests';
import { keys } from '../../api/queryKeys';

const HOUR = 60 * 60_000;

/** The 17 themes change with a release, not during a session. */
export function useThemes() {
  return useQuery({
    queryKey: keys.themes,
    queryFn: ({ signal }) => listThemes(signal),
    staleTime: HOUR,
    gcTime: HOUR,
  });
}

export function useStakeholderInterests(parkId: string, stakeholderId: string | undefined) {
  return useQuery({
    queryKey: keys.park(parkId).stakeholder(stakeholderId ?? '').interests,
    queryFn: ({ signal }) => listStakeholderInterests(stakeholderId ?? '', signal),
    enabled: !!stakeholderId,
  });
}

/** Theme names and explanations come in the user's language: the language is part of the key. */
export function useSharedInterests(parkId: string, filters: { track: Track | null; minStakeholders: number }) {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  return useQuery({
    queryKey: keys.park(parkId).interests.shared({ ...filters, language }),
    queryFn: ({ signal }) => getSharedInterests(parkId, filters, signal),
    placeholderData: (previous, previousQuery) =>
      // Keep the old ranking on screen while a filter changes; not across parks.
      previousQuery?.queryKey[1] === parkId ? previous : undefined,
  });
}

export function useInterestMatrix(parkId: string) {
  return useQuery({
    queryKey: keys.park(parkId).interests.matrix,
    queryFn: ({ signal }) => getInterestMatrix(parkId, signal),
  });
}

/** The themes skipped for a stakeholder: kept on the server, so a colleague sees the same. */
export function useSkippedThemes(parkId: string, stakeholderId: string | undefined) {
  return useQuery({
    queryKey: keys.park(parkId).stakeholder(stakeholderId ?? '').skipped,
    queryFn: ({ signal }) => listSkippedThemes(stakeholderId ?? '', signal),
    enabled: !!stakeholderId,
  });
}
