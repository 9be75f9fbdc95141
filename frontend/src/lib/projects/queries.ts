import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { keys } from '../../api/queryKeys';
import { refresh } from '../../api/refresh';
import {
  calculateBusinessCase,
  createProject,
  getBusinessCase,
  getPhaseHistory,
  getProject,
  listParticipants,
  listProjects,
  type BusinessCaseInput,
  type Participant,
} from './api';

export function useProjects(parkId: string) {
  return useQuery({ queryKey: keys.park(parkId).projects.list, queryFn: ({ signal }) => listProjects(parkId, signal) });
}

export function useProject(parkId: string, id: string) {
  return useQuery({ queryKey: keys.park(parkId).project(id).detail, queryFn: ({ signal }) => getProject(id, signal) });
}

export function usePhaseHistory(parkId: string, id: string) {
  return useQuery({ queryKey: keys.park(parkId).project(id).history, queryFn: ({ signal }) => getPhaseHistory(id, signal) });
}

export function useParticipants(parkId: string, id: string) {
  return useQuery({ queryKey: keys.park(parkId).project(id).participants, queryFn: ({ signal }) => listParticipants(id, signal) });
}

export function useBusinessCase(parkId: string, id: string) {
  return useQuery({ queryKey: keys.park(parkId).project(id).businessCase.saved, queryFn: ({ signal }) => getBusinessCase(id, signal) });
}

/**
 * The business case calculated for unsaved input (null: nothing to calculate), for these
 * participants (their ids and versions are part of the key); the last result stays while the
 * next one loads.
 */
export function useBusinessCaseCalculation(parkId: string, id: string, body: BusinessCaseInput | null, participants: readonly Participant[]) {
  const participantsKey = participants.map((p) => `${p.id}:${p.version}`).join(',');
  return useQuery({
    queryKey: keys.park(parkId).project(id).businessCase.calculation(body, participantsKey),
    queryFn: ({ signal }) => {
      if (body === null) throw new Error('nothing to calculate');
      return calculateBusinessCase(id, body, signal);
    },
    enabled: body !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** "Project starten" on a shared interest: creates the project from the theme and opens it. */
export function useStartProject(parkId: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (themeCode: string) => createProject(parkId, { from_theme: themeCode }),
    onSuccess: (project) => {
      void refresh.projects(queryClient, parkId);
      navigate(`/parken/${parkId}/projecten/${project.id}`, { state: { created: 'theme' } });
    },
  });
}
