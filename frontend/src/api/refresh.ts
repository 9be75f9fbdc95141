/**
 * What a write makes stale, in one place. Every mutation of the web app calls one of these
 * after it succeeded, so every view that shows the written data (the stakeholder list, the
 * interview picker, the ranking, the matrix, the heat map, the projects, the park overview,
 * the register, the start page /werk) reads it again: at once when on screen, else when opened.
 * The keys are in queryKeys.ts.
 */
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { keys } from './queryKeys';

function invalidate(queryClient: QueryClient, prefixes: readonly QueryKey[]): Promise<void> {
  return Promise.all(prefixes.map((queryKey) => queryClient.invalidateQueries({ queryKey }))).then(() => undefined);
}

/** What sums up a park: its overview and report, its row in the register, the overviews over many parks. */
function summariesOf(parkId: string): QueryKey[] {
  const park = keys.park(parkId);
  return [park.overview.all, park.report.all, keys.parks.register.all, keys.overviews.all];
}

export const refresh = {
  /** The park's own facts (name, place, location): everything of the park, the register and its map, the overviews, the follow-ups (they name the park). */
  park(queryClient: QueryClient, parkId: string): Promise<void> {
    return invalidate(queryClient, [keys.park(parkId).all, keys.parks.all, keys.overviews.all, keys.followUps.all]);
  },

  /**
   * A stakeholder created, changed, deleted, imported or its personal data erased. Stakeholders
   * feed nearly every view of a park (the list and its figures, the interview picker, the
   * ranking's kinds, the matrix, the projects' participants and choices, the BIZ vote, the
   * overview, the report), so the whole park; and the follow-ups, which name them.
   */
  stakeholders(queryClient: QueryClient, parkId: string): Promise<void> {
    return invalidate(queryClient, [keys.park(parkId).all, keys.followUps.all, ...summariesOf(parkId)]);
  },

  /**
   * An interest saved or deleted: the ranking and the matrix (with the picker's counts), the
   * list's figures, the summaries. With `stakeholderId`, the stakeholder's interests too (leave
   * it out when the caller put the saved interest into the cache itself).
   */
  interests(queryClient: QueryClient, parkId: string, stakeholderId?: string): Promise<void> {
    const park = keys.park(parkId);
    return invalidate(queryClient, [
      park.interests.all,
      park.stakeholders.figures,
      ...(stakeholderId ? [park.stakeholder(stakeholderId).interests] : []),
      ...summariesOf(parkId),
    ]);
  },

  /** A survey made, opened or closed, links sent or revoked, an answer rejected: the park's surveys. */
  surveys(queryClient: QueryClient, parkId: string): Promise<void> {
    return invalidate(queryClient, [keys.park(parkId).surveys.all]);
  },

  /**
   * A survey answer accepted: it became interests (the ranking, the matrix, the interviews) and
   * perhaps a new stakeholder, so as a stakeholder's write; the surveys' counts too.
   */
  surveyAccepted(queryClient: QueryClient, parkId: string): Promise<void> {
    return invalidate(queryClient, [keys.park(parkId).all, keys.followUps.all, ...summariesOf(parkId)]);
  },

  /** A contact moment added or changed (a follow-up done): the timeline, the list's figures, the follow-ups, the summaries. */
  contacts(queryClient: QueryClient, parkId: string, stakeholderId: string): Promise<void> {
    const park = keys.park(parkId);
    return invalidate(queryClient, [
      park.stakeholder(stakeholderId).contacts,
      park.stakeholders.figures,
      keys.followUps.all,
      ...summariesOf(parkId),
    ]);
  },

  /**
   * A project created, changed, moved, deleted, or its participants or business case changed:
   * the board and the ranking (which says which themes a project covers), the summaries. With
   * `projectId`, all of that project too.
   */
  projects(queryClient: QueryClient, parkId: string, projectId?: string): Promise<void> {
    const park = keys.park(parkId);
    return invalidate(queryClient, [
      park.projects.all,
      park.interests.all,
      ...(projectId ? [park.project(projectId).all] : []),
      ...summariesOf(parkId),
    ]);
  },

  /** An organisation created, changed or deleted, or the advice's answers saved. */
  organisations(queryClient: QueryClient, parkId: string): Promise<void> {
    return invalidate(queryClient, [keys.park(parkId).organisations.all, ...summariesOf(parkId)]);
  },

  /** An assessment of the organisatiegraad added. */
  assessments(queryClient: QueryClient, parkId: string): Promise<void> {
    return invalidate(queryClient, [keys.park(parkId).assessments.all, ...summariesOf(parkId)]);
  },

  /** Users, API clients, webhooks changed by an admin. */
  admin(queryClient: QueryClient, what: 'users' | 'clients' | 'webhooks'): Promise<void> {
    const prefix = what === 'users' ? keys.admin.users : what === 'clients' ? keys.admin.clients : keys.admin.webhooks.all;
    return invalidate(queryClient, [prefix]);
  },
};
