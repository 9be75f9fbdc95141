/**
 * Where the overview sends the expert for each rule of the next step (backend/overview/next_step.py):
 * a path relative to the park page (`parken/:parkId/…`), or null when there is no screen for it.
 */
export type TodoTarget =
  | 'betrokkenen'
  | 'interview'
  | 'belangen'
  | 'projecten'
  | 'organisatie'
  | 'organisatiegraad';

export const TODO_ROUTES: Readonly<Record<string, TodoTarget>> = {
  add_stakeholders: 'betrokkenen',
  interview: 'interview',
  follow_up: 'betrokkenen',
  find_shared_interests: 'belangen',
  start_project: 'belangen',
  business_case: 'projecten',
  choose_organisation: 'organisatie',
  assess: 'organisatiegraad',
  reassess: 'organisatiegraad',
  keep_up: 'betrokkenen',
};

/** The screen that does what a todo asks; null for an unknown code (a newer backend). */
export function routeForTodo(code: string | null | undefined): TodoTarget | null {
  if (!code) return null;
  return Object.hasOwn(TODO_ROUTES, code) ? (TODO_ROUTES[code] ?? null) : null;
}

/** The absolute path of that screen for a park. */
export function todoPath(parkId: string, code: string | null | undefined): string | null {
  const target = routeForTodo(code);
  return target ? `/parken/${encodeURIComponent(parkId)}/${target}` : null;
}

/** The screen each overview block links to when it has nothing to do (to look at it). */
export const BLOCK_ROUTES = {
  inventory: 'betrokkenen',
  shared_interests: 'belangen',
  projects: 'projecten',
  organisation: 'organisatie',
  organisatiegraad: 'organisatiegraad',
} as const satisfies Record<string, TodoTarget>;
