import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { interestKeys } from '../../api/interests';
import {
  createProject,
  getBusinessCase,
  getPhaseHistory,
  getProject,
  listParticipants,
  listProjects,
  projectKeys,
} from './api';

export function useProjects(parkId: string) {
  return useQuery({ queryKey: projectKeys.park(parkId), queryFn: ({ signal }) => listProjects(parkId, signal) });
}

export function useProject(id: string) {
  return useQuery({ queryKey: projectKeys.project(id), queryFn: ({ signal }) => getProject(id, signal) });
}

export function usePhaseHistory(id: string) {
  return useQuery({ queryKey: projectKeys.history(id), queryFn: ({ signal }) => getPhaseHistory(id, signal) });
}

export function useParticipants(id: string) {
  return useQuery({ queryKey: projectKeys.participants(id), queryFn: ({ signal }) => listParticipants(id, signal) });
}

export function useBusinessCase(id: string) {
  return useQuery({ queryKey: projectKeys.businessCase(id), queryFn: ({ signal }) => getBusinessCase(id, signal) });
}

/** Everything that depends on a project's projects list, participants or phase: the board, the shared interests. */
export function invalidatePark(queryClient: ReturnType<typeof useQueryClient>, parkId: string) {
  void queryClient.invalidateQueries({ queryKey: projectKeys.park(parkId) });
  void queryClient.invalidateQueries({ queryKey: interestKeys.park(parkId) });
}

/** "Project starten" on a shared interest: creates the project from the theme and opens it. */
export function useStartProject(parkId: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (themeCode: string) => createProject(parkId, { from_theme: themeCode }),
    onSuccess: (project) => {
      invalidatePark(queryClient, parkId);
      navigate(`/parken/${parkId}/projecten/${project.id}`, { state: { created: 'theme' } });
    },
  });
}
