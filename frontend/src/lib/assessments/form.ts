/** The assessment form: the expert's mark (0–4) and note per point of attention. */
import type { AssessmentCreate } from './api';

export const POINT_CODES = [
  'continuity',
  'personal_contact',
  'shared_ambition',
  'integrality',
  'respect_interests',
  'realisation',
  'transparent_process',
] as const;
export type PointCode = (typeof POINT_CODES)[number];

export const MARKS = [0, 1, 2, 3, 4] as const;
export const NOTE_MAX = 2000;

export interface PointDraft {
  score: number | null;
  note: string;
}
export type AssessmentDraft = Record<PointCode, PointDraft>;

export function emptyDraft(): AssessmentDraft {
  return Object.fromEntries(POINT_CODES.map((c) => [c, { score: null, note: '' }])) as AssessmentDraft;
}

/** A draft that starts from an earlier assessment's marks (the notes start empty). */
export function draftFrom(answers: Partial<Record<string, { score: number; note?: string | null }>> | null | undefined): AssessmentDraft {
  const draft = emptyDraft();
  if (!answers) return draft;
  for (const code of POINT_CODES) {
    const score = answers[code]?.score;
    if (typeof score === 'number' && (MARKS as readonly number[]).includes(score)) draft[code].score = score;
  }
  return draft;
}

export type DraftErrors = Partial<Record<PointCode, 'missing' | 'tooLong'>>;

export function validate(draft: AssessmentDraft): DraftErrors {
  const errors: DraftErrors = {};
  for (const code of POINT_CODES) {
    const { score, note } = draft[code];
    if (score === null) errors[code] = 'missing';
    else if (note.trim().length > NOTE_MAX) errors[code] = 'tooLong';
  }
  return errors;
}

/** The sum of the marks given so far, and how many points are still open. */
export function progress(draft: AssessmentDraft): { marks: number; answered: number; total: number } {
  let marks = 0;
  let answered = 0;
  for (const code of POINT_CODES) {
    const score = draft[code].score;
    if (score !== null) {
      marks += score;
      answered += 1;
    }
  }
  return { marks, answered, total: POINT_CODES.length };
}

/** The request body; null while a point has no mark. Empty notes are left out. */
export function toCreate(draft: AssessmentDraft): AssessmentCreate | null {
  if (Object.keys(validate(draft)).length > 0) return null;
  const answers = Object.fromEntries(
    POINT_CODES.map((code) => {
      const note = draft[code].note.trim();
      return [code, note ? { score: draft[code].score as number, note } : { score: draft[code].score as number }];
    }),
  );
  return { answers: answers as AssessmentCreate['answers'] };
}
