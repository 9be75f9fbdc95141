/** The overviews over many parks, in one place: the start page (/werk) and the province overview. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { keys } from '../../api/queryKeys';
import type { Province } from '../../api/types';
import { getMyWork, getNextFollowUps, getProvinceOverview } from './api';

function useLanguage(): string {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage ?? 'nl';
}

/** The user's parks and what waits there; names of levels and activities come in the user's language. */
export function useMyWork() {
  const language = useLanguage();
  return useQuery({ queryKey: keys.overviews.myWork(language), queryFn: ({ signal }) => getMyWork(signal) });
}

/** The next few open follow-ups over the user's parks. */
export function useNextFollowUps(limit: number, enabled: boolean) {
  return useQuery({
    queryKey: keys.followUps.next(limit),
    queryFn: ({ signal }) => getNextFollowUps(limit, signal),
    enabled,
  });
}

export function useProvinceOverview(province: Province | undefined) {
  const language = useLanguage();
  return useQuery({
    queryKey: keys.overviews.province(province, language),
    queryFn: ({ signal }) => getProvinceOverview(province, signal),
    placeholderData: keepPreviousData,
  });
}
