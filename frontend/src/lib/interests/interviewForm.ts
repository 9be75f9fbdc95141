/**
 * The interview form for one stakeholder and one theme: what is typed, how it becomes a POST or a
 * PATCH body, what is wrong with it, and how it meets a newer version after a conflict.
 */
import {
  OBSTACLES,
  TEXT_MAX,
  type Interest,
  type InterestCreate,
  type InterestUpdate,
  type Obstacle,
  type Willingness,
} from '../../api/interests';
import { parseBudget, toInputNumber } from '../format';

export const TEXT_FIELDS = ['current_situation', 'challenge', 'vision'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export interface InterviewValues {
  current_situation: string;
  challenge: string;
  vision: string;
  urgency: number | null;
  investment_willingness: Willingness;
  /** As typed ("2.500,50"); parsed when saving. */
  budget: string;
  /** In the canonical order of OBSTACLES. */
  obstacles: Obstacle[];
}

export type InterviewField = keyof InterviewValues;
export const INTERVIEW_FIELDS: readonly InterviewField[] = [
  'current_situation',
  'challenge',
  'vision',
  'urgency',
  'investment_willingness',
  'budget',
  'obstacles',
];

export type InterviewError = 'urgencyRequired' | 'budgetNumber' | 'budgetNegative' | 'budgetDecimals' | 'tooLong';

export const EMPTY_VALUES: InterviewValues = {
  current_situation: '',
  challenge: '',
  vision: '',
  urgency: null,
  investment_willingness: 'none',
  budget: '',
  obstacles: [],
};

export function sortObstacles(obstacles: readonly Obstacle[]): Obstacle[] {
  return OBSTACLES.filter((o) => obstacles.includes(o));
}

export function toggleObstacle(obstacles: readonly Obstacle[], obstacle: Obstacle): Obstacle[] {
  return obstacles.includes(obstacle)
    ? obstacles.filter((o) => o !== obstacle)
    : sortObstacles([...obstacles, obstacle]);
}

export function valuesFromInterest(interest: Interest | null | undefined, language: string): InterviewValues {
  if (!interest) return { ...EMPTY_VALUES, obstacles: [] };
  const budget = interest.budget_eur == null ? null : Number(interest.budget_eur);
  return {
    current_situation: interest.current_situation ?? '',
    challenge: interest.challenge ?? '',
    vision: interest.vision ?? '',
    urgency: interest.urgency,
    investment_willingness: interest.investment_willingness,
    budget: budget === null || !Number.isFinite(budget) ? '' : toInputNumber(budget, language),
    obstacles: sortObstacles(interest.obstacles),
  };
}

/** The budget as typed ("2.500", "€ 1.250,50"): the API's two-decimal string, or the error. */
export { parseBudget } from '../format';

const cleanText = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** Two forms say the same when what would be stored is the same. */
export function sameField(field: InterviewField, a: InterviewValues, b: InterviewValues): boolean {
  switch (field) {
    case 'current_situation':
    case 'challenge':
    case 'vision':
      return cleanText(a[field]) === cleanText(b[field]);
    case 'budget': {
      const pa = parseBudget(a.budget);
      const pb = parseBudget(b.budget);
      if (pa.ok && pb.ok) return pa.value === pb.value;
      return a.budget.trim() === b.budget.trim();
    }
    case 'obstacles':
      return sortObstacles(a.obstacles).join(',') === sortObstacles(b.obstacles).join(',');
    default:
      return a[field] === b[field];
  }
}

export function sameValues(a: InterviewValues, b: InterviewValues): boolean {
  return INTERVIEW_FIELDS.every((f) => sameField(f, a, b));
}

export function changedFields(values: InterviewValues, base: InterviewValues): InterviewField[] {
  return INTERVIEW_FIELDS.filter((f) => !sameField(f, values, base));
}

export type InterviewErrors = Partial<Record<InterviewField, InterviewError>>;

export function validate(values: InterviewValues): InterviewErrors {
  const errors: InterviewErrors = {};
  if (values.urgency === null || !Number.isInteger(values.urgency) || values.urgency < 1 || values.urgency > 5) {
    errors.urgency = 'urgencyRequired';
  }
  const budget = parseBudget(values.budget);
  if (!budget.ok) errors.budget = budget.error;
  for (const field of TEXT_FIELDS) if (values[field].trim().length > TEXT_MAX) errors[field] = 'tooLong';
  return errors;
}

export type SaveRequest =
  | { ok: false; errors: InterviewErrors }
  | { ok: true; kind: 'create'; body: InterestCreate }
  | { ok: true; kind: 'update'; body: InterestUpdate }
  | { ok: true; kind: 'none' };

/**
 * What to send: a POST body for a theme not yet recorded, the changed fields for one that is
 * (PATCH), nothing when nothing changed, or what is wrong.
 */
export function buildSaveRequest(
  themeCode: string,
  values: InterviewValues,
  base: InterviewValues,
  existing: boolean,
): SaveRequest {
  const errors = validate(values);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const budget = parseBudget(values.budget);
  const budgetValue = budget.ok ? budget.value : null;
  if (!existing) {
    return {
      ok: true,
      kind: 'create',
      body: {
        theme_code: themeCode,
        urgency: values.urgency as number,
        investment_willingness: values.investment_willingness,
        source: 'interview',
        budget_eur: budgetValue,
        obstacles: sortObstacles(values.obstacles),
        current_situation: cleanText(values.current_situation),
        challenge: cleanText(values.challenge),
        vision: cleanText(values.vision),
      },
    };
  }
  const body: InterestUpdate = {};
  for (const field of changedFields(values, base)) {
    switch (field) {
      case 'current_situation':
      case 'challenge':
      case 'vision':
        body[field] = cleanText(values[field]);
        break;
      case 'urgency':
        body.urgency = values.urgency;
        break;
      case 'investment_willingness':
        body.investment_willingness = values.investment_willingness;
        break;
      case 'budget':
        body.budget_eur = budgetValue;
        break;
      case 'obstacles':
        body.obstacles = sortObstacles(values.obstacles);
        break;
    }
  }
  return Object.keys(body).length === 0 ? { ok: true, kind: 'none' } : { ok: true, kind: 'update', body };
}

/** The API's field names (in `loc`) mapped to the form's. */
export function formFieldOf(apiField: string): InterviewField | null {
  const root = apiField.split('.')[0] ?? '';
  if (root === 'budget_eur') return 'budget';
  return (INTERVIEW_FIELDS as readonly string[]).includes(root) ? (root as InterviewField) : null;
}

/**
 * After a conflict (412, or 409 when the theme was recorded meanwhile): take the latest version.
 * Fields the user left alone follow it; fields the user changed keep the input, and are reported
 * as conflicts when the other version changed them differently.
 */
export function mergeLatest(
  values: InterviewValues,
  oldBase: InterviewValues,
  latest: InterviewValues,
): { values: InterviewValues; conflicts: InterviewField[] } {
  const merged: InterviewValues = { ...values, obstacles: [...values.obstacles] };
  const conflicts: InterviewField[] = [];
  for (const field of INTERVIEW_FIELDS) {
    const touched = !sameField(field, values, oldBase);
    const changedElsewhere = !sameField(field, latest, oldBase);
    if (!changedElsewhere) continue;
    if (touched) {
      if (!sameField(field, values, latest)) conflicts.push(field);
    } else {
      (merged as unknown as Record<string, unknown>)[field] = field === 'obstacles' ? [...latest.obstacles] : latest[field];
    }
  }
  return { values: merged, conflicts };
}
