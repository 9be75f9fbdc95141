/** The reads of surveys: the park's list, one survey, its links and its answers. */
import { useQuery } from '@tanstack/react-query';
import { keys } from '../../api/queryKeys';
import { getSurvey, listInvitations, listResponses, listSurveys, type ResponseStatus } from './api';

export function useSurveys(parkId: string) {
  return useQuery({ queryKey: keys.park(parkId).surveys.list, queryFn: ({ signal }) => listSurveys(parkId, signal) });
}

export function useSurvey(parkId: string, surveyId: string) {
  return useQuery({ queryKey: keys.park(parkId).surveys.one(surveyId), queryFn: ({ signal }) => getSurvey(surveyId, signal) });
}

export function useInvitations(parkId: string, surveyId: string) {
  return useQuery({
    queryKey: keys.park(parkId).surveys.invitations(surveyId),
    queryFn: ({ signal }) => listInvitations(surveyId, signal),
  });
}

export function useSurveyResponses(parkId: string, surveyId: string, status: ResponseStatus | null) {
  return useQuery({
    queryKey: keys.park(parkId).surveys.responses(surveyId, status),
    queryFn: ({ signal }) => listResponses(surveyId, status, signal),
  });
}
