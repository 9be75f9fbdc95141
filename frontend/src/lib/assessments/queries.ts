import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { keys } from '../../api/queryKeys';
import { refresh } from '../../api/refresh';
import {
  createAssessment,
  getOverview,
  getReport,
  getRubric,
  listAssessments,
  type AssessmentCreate,
} from './api';

const HOUR = 60 * 60_000;

export function useLanguage(): string {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage ?? 'nl';
}

/** The rubric changes with a release; its texts come in the user's language. */
export function useRubric() {
  const language = useLanguage();
  return useQuery({
    queryKey: keys.rubric(language),
    queryFn: ({ signal }) => getRubric(signal),
    staleTime: HOUR,
  });
}

/** The park's assessments, oldest first; their names and explanations in the user's language. */
export function useAssessments(parkId: string) {
  const language = useLanguage();
  return useQuery({
    queryKey: keys.park(parkId).assessments.list(language),
    queryFn: ({ signal }) => listAssessments(parkId, signal),
  });
}

export function useOverview(parkId: string) {
  const language = useLanguage();
  return useQuery({
    queryKey: keys.park(parkId).overview.of(language),
    queryFn: ({ signal }) => getOverview(parkId, signal),
  });
}

export function useReport(parkId: string) {
  const language = useLanguage();
  return useQuery({
    queryKey: keys.park(parkId).report.of(language),
    queryFn: ({ signal }) => getReport(parkId, signal),
    staleTime: 0,
  });
}

export function useCreateAssessment(parkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssessmentCreate) => createAssessment(parkId, body),
    onSuccess: () => refresh.assessments(queryClient, parkId),
  });
}
