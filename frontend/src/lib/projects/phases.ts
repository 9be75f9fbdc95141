/** The phases of a project: their order, the board's columns and the order of the next steps. */
import type { Phase, PhaseOption, Project } from './api';

/** The way forward, as the guidance describes it. */
export const FORWARD: readonly Phase[] = ['idea', 'exploration', 'business_case', 'realisation', 'operation'];
/** The board's columns: the way forward, then the stopped projects. */
export const PHASES: readonly Phase[] = [...FORWARD, 'stopped'];

export function isPhase(value: unknown): value is Phase {
  return typeof value === 'string' && (PHASES as readonly string[]).includes(value);
}

/** The phase after this one on the way forward; null in operation and when stopped. */
export function nextPhase(phase: Phase): Phase | null {
  const i = FORWARD.indexOf(phase);
  return i >= 0 && i < FORWARD.length - 1 ? FORWARD[i + 1]! : null;
}

/** 1-based step on the way forward (idea = 1 … operation = 5); null when stopped. */
export function phaseStep(phase: Phase): number | null {
  const i = FORWARD.indexOf(phase);
  return i >= 0 ? i + 1 : null;
}

export interface BoardColumn {
  phase: Phase;
  projects: Project[];
}

/**
 * The projects by phase, one column per phase in order (empty ones too, so the board keeps its
 * shape); within a column the most recently moved first, then by title.
 */
export function groupByPhase(projects: readonly Project[], locale = 'nl'): BoardColumn[] {
  const byPhase = new Map<Phase, Project[]>(PHASES.map((p) => [p, []]));
  for (const project of projects) byPhase.get(isPhase(project.phase) ? project.phase : 'idea')!.push(project);
  return PHASES.map((phase) => ({
    phase,
    projects: byPhase
      .get(phase)!
      .slice()
      .sort(
        (a, b) =>
          b.phase_changed_at.localeCompare(a.phase_changed_at) || a.title.localeCompare(b.title, locale, { sensitivity: 'base' }),
      ),
  }));
}

export type StepKind = 'forward' | 'back' | 'stop' | 'restart' | 'skip';

/** What kind of step going from `current` to `to` is. */
export function stepKind(current: Phase, to: Phase): StepKind {
  if (to === 'stopped') return 'stop';
  if (current === 'stopped') return 'restart';
  const from = FORWARD.indexOf(current);
  const target = FORWARD.indexOf(to);
  if (target === from + 1) return 'forward';
  return target < from ? 'back' : 'skip';
}

/**
 * The steps to show, most likely first: the next phase forward, then other allowed steps, then
 * stopping; one step back after that. Steps that can never be allowed from here (skipping phases
 * ahead, going back from operation, restarting a stopped project beyond exploration) and steps
 * back of more than one phase are left out unless `all` is set: they would clutter the header.
 */
export function orderOptions(current: Phase, options: readonly PhaseOption[], all = false): PhaseOption[] {
  const rank = (o: PhaseOption): number => {
    const kind = stepKind(current, o.to);
    if (kind === 'forward' || (kind === 'restart' && o.to === 'idea')) return 0;
    if (kind === 'restart') return 1;
    if (kind === 'stop') return 3;
    if (kind === 'back') return 4;
    return 2;
  };
  const hopeless = (o: PhaseOption): boolean => {
    if (o.allowed) return false;
    const kind = stepKind(current, o.to);
    if (kind === 'skip' && o.to !== 'realisation' && o.to !== 'operation') return true;
    // Rules that no effort can satisfy from here.
    return o.rules.some(
      (r) =>
        !r.passed &&
        ['same_phase', 'no_way_back_from_operation', 'restart_from_stopped', 'realisation_after_business_case', 'operation_after_realisation'].includes(
          r.code,
        ),
    );
  };
  // Going back: one step back is offered; further back only among all phases.
  const previous = FORWARD[FORWARD.indexOf(current) - 1];
  const farBack = (o: PhaseOption): boolean => stepKind(current, o.to) === 'back' && o.to !== previous;
  const shown = all ? options.filter((o) => o.to !== current) : options.filter((o) => o.to !== current && !hopeless(o) && !farBack(o));
  return shown.slice().sort((a, b) => rank(a) - rank(b) || PHASES.indexOf(a.to) - PHASES.indexOf(b.to));
}

/** The rules that block a step, apart from a missing reason (the reason field answers those). */
export function blockingRules(option: PhaseOption): PhaseOption['rules'] {
  return option.rules.filter((r) => !r.passed && !REASON_RULES.has(r.code));
}

/** Rules that hold as soon as the user writes a reason. */
export const REASON_RULES: ReadonlySet<string> = new Set(['stop_needs_reason', 'back_needs_reason', 'restart_needs_reason']);

/** Whether the step can be taken once a reason is given: only reason rules fail. */
export function possibleWithReason(option: PhaseOption): boolean {
  return option.allowed || blockingRules(option).length === 0;
}
