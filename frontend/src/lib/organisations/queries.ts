import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getSavedAnswers, listForms, listOrganisations } from '../../api/organisations';
import { keys } from '../../api/queryKeys';

const HOUR = 60 * 60_000;

export function useLanguage(): string {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage ?? 'nl';
}

/** The catalogue changes with a release; its texts come in the user's language. */
export function useForms() {
  const language = useLanguage();
  return useQuery({
    queryKey: keys.organisationForms(language),
    queryFn: ({ signal }) => listForms(signal),
    staleTime: HOUR,
  });
}

export function useOrganisations(parkId: string) {
  return useQuery({
    queryKey: keys.park(parkId).organisations.list,
    queryFn: ({ signal }) => listOrganisations(parkId, signal),
  });
}

export function useSavedAnswers(parkId: string) {
  return useQuery({
    queryKey: keys.park(parkId).organisations.saved,
    queryFn: ({ signal }) => getSavedAnswers(parkId, signal),
  });
}
