import { describe, expect, test } from 'vitest';
import { draftFrom, emptyDraft, NOTE_MAX, POINT_CODES, progress, toCreate, validate } from './form';

describe('the assessment form', () => {
  test('an empty draft asks for all seven marks and sends nothing', () => {
    const draft = emptyDraft();
    expect(Object.keys(validate(draft))).toEqual([...POINT_CODES]);
    expect(toCreate(draft)).toBeNull();
    expect(progress(draft)).toEqual({ marks: 0, answered: 0, total: 7 });
  });

  test('with every mark it sends the answers; empty notes are left out, others trimmed', () => {
    const draft = emptyDraft();
    POINT_CODES.forEach((code, i) => (draft[code].score = i % 5));
    draft.continuity.note = '  kernteam komt maandelijks bijeen ';
    draft.realisation.note = '   ';
    const body = toCreate(draft);
    expect(body?.answers.continuity).toEqual({ score: 0, note: 'kernteam komt maandelijks bijeen' });
    expect(body?.answers.realisation).toEqual({ score: 0 });
    expect(body?.answers.personal_contact).toEqual({ score: 1 });
    expect(progress(draft)).toEqual({ marks: 0 + 1 + 2 + 3 + 4 + 0 + 1, answered: 7, total: 7 });
  });

  test('a note that is too long stops the form', () => {
    const draft = draftFrom(Object.fromEntries(POINT_CODES.map((c) => [c, { score: 2 }])));
    draft.integrality.note = 'x'.repeat(NOTE_MAX + 1);
    expect(validate(draft)).toEqual({ integrality: 'tooLong' });
    expect(toCreate(draft)).toBeNull();
  });

  test('a draft from an earlier assessment keeps its valid marks, not its notes', () => {
    const draft = draftFrom({ continuity: { score: 3, note: 'oud' }, integrality: { score: 9 } });
    expect(draft.continuity).toEqual({ score: 3, note: '' });
    expect(draft.integrality.score).toBeNull();
    expect(draftFrom(null)).toEqual(emptyDraft());
  });
});
