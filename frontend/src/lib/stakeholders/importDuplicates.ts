/**
 * Likely duplicates of an import's check: per row what the user chose (update one of the
 * existing stakeholders, create a new one, skip the row), and the form field `decisions` the
 * import takes (`{"3": "update:<id>", "5": "create", "7": "skip"}`).
 */
import type { components } from '../../api/schema';

export type ImportDuplicate = components['schemas']['ImportDuplicate'];

export type DuplicateChoice = { action: 'update'; target: string } | { action: 'create' } | { action: 'skip' };

/** Per row; the default is to update the first (best matching) stakeholder. */
export type DuplicateChoices = Record<number, DuplicateChoice>;

export function defaultChoices(duplicates: readonly ImportDuplicate[]): DuplicateChoices {
  const out: DuplicateChoices = {};
  for (const d of duplicates) {
    const first = d.candidates[0];
    out[d.row] = first ? { action: 'update', target: first.id } : { action: 'create' };
  }
  return out;
}

export function decisionsOf(choices: DuplicateChoices): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [row, choice] of Object.entries(choices)) {
    out[row] = choice.action === 'update' ? `update:${choice.target}` : choice.action;
  }
  return out;
}

/** Rows of the check that the chosen decisions turn into a change (an update may still turn out unchanged). */
export function decidedChanges(choices: DuplicateChoices): number {
  return Object.values(choices).filter((c) => c.action !== 'skip').length;
}

/** The value of a choice's radio button: `update:<id>`, `create` or `skip`. */
export function choiceValue(choice: DuplicateChoice): string {
  return choice.action === 'update' ? `update:${choice.target}` : choice.action;
}

export function choiceFromValue(value: string): DuplicateChoice {
  if (value.startsWith('update:')) return { action: 'update', target: value.slice('update:'.length) };
  return value === 'skip' ? { action: 'skip' } : { action: 'create' };
}
