import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  getAdvice,
  getSavedAnswers,
  listForms,
  listOrganisations,
  simulateBizVote,
  type AdviceAnswers,
  type BizVoteSimulationRequest,
} from '../../api/organisations';
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

/** The advice for these answers (null: the saved ones); the last advice stays while the next loads. */
export function useAdvice(parkId: string, answers: AdviceAnswers | null, enabled: boolean) {
  const language = useLanguage();
  return useQuery({
    queryKey: keys.park(parkId).organisations.advice(answers, language),
    queryFn: ({ signal }) => getAdvice(parkId, answers, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The BIZ vote's conditions for these voters (or the park's stakeholders). */
export function useBizVote(parkId: string, request: BizVoteSimulationRequest) {
  const language = useLanguage();
  return useQuery({
    queryKey: keys.park(parkId).organisations.biz(request, language),
    queryFn: () => simulateBizVote(parkId, request),
    placeholderData: keepPreviousData,
  });
}
