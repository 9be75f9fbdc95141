import { describe, expect, test } from 'vitest';
import type { Interest } from '../../api/interests';
import {
  EMPTY_VALUES,
  buildSaveRequest,
  changedFields,
  formFieldOf,
  mergeLatest,
  parseBudget,
  sameValues,
  toggleObstacle,
  validate,
  valuesFromInterest,
} from './interviewForm';

const interest: Interest = {
  id: 'i1',
  stakeholder_id: 's1',
  park_id: 'p1',
  theme_code: 'energy_hub',
  current_situation: 'Wachtlijst bij de netbeheerder',
  challenge: null,
  vision: 'Een eigen energiehub',
  urgency: 5,
  investment_willingness: 'time_and_money',
  budget_eur: '12500.50',
  obstacles: ['grid_congestion', 'knowledge'],
  source: 'interview',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-02T00:00:00Z',
  version: 3,
};

describe('interview form values', () => {
  test('from a saved interest, with the budget in Dutch notation and obstacles in order', () => {
    expect(valuesFromInterest(interest, 'nl')).toEqual({
      current_situation: 'Wachtlijst bij de netbeheerder',
      challenge: '',
      vision: 'Een eigen energiehub',
      urgency: 5,
      investment_willingness: 'time_and_money',
      budget: '12500,5',
      obstacles: ['knowledge', 'grid_congestion'],
    });
    expect(valuesFromInterest(interest, 'en').budget).toBe('12500.5');
    expect(valuesFromInterest(undefined, 'nl')).toEqual(EMPTY_VALUES);
  });

  test('budgets as people type them', () => {
    expect(parseBudget('')).toEqual({ ok: true, value: null });
    expect(parseBudget('2500')).toEqual({ ok: true, value: '2500.00' });
    expect(parseBudget('2.500,50')).toEqual({ ok: true, value: '2500.50' });
    expect(parseBudget('€ 1.250')).toEqual({ ok: true, value: '1250.00' });
    expect(parseBudget('12,5')).toEqual({ ok: true, value: '12.50' });
    expect(parseBudget('veel')).toEqual({ ok: false, error: 'budgetNumber' });
    expect(parseBudget('-5')).toEqual({ ok: false, error: 'budgetNegative' });
    expect(parseBudget('1,2345')).toEqual({ ok: false, error: 'budgetDecimals' });
    // Thousands, not decimals: money has at most two decimals.
    expect(parseBudget('2.500')).toEqual({ ok: true, value: '2500.00' });
    expect(parseBudget('1.250.000')).toEqual({ ok: true, value: '1250000.00' });
    expect(parseBudget('1,250,000')).toEqual({ ok: true, value: '1250000.00' });
    expect(parseBudget('1,234.5')).toEqual({ ok: true, value: '1234.50' });
  });

  test('the same budget written differently is no change', () => {
    const base = valuesFromInterest(interest, 'nl');
    expect(sameValues({ ...base, budget: '12.500,50' }, base)).toBe(true);
    expect(sameValues({ ...base, current_situation: ' Wachtlijst bij de netbeheerder ' }, base)).toBe(true);
    expect(changedFields({ ...base, budget: '12.500', urgency: 4 }, base)).toEqual(['urgency', 'budget']);
  });

  test('toggling obstacles keeps the canonical order', () => {
    expect(toggleObstacle(['money'], 'knowledge')).toEqual(['knowledge', 'money']);
    expect(toggleObstacle(['knowledge', 'money'], 'knowledge')).toEqual(['money']);
  });

  test('urgency is required; too long a text and a bad budget are reported', () => {
    expect(validate(EMPTY_VALUES)).toEqual({ urgency: 'urgencyRequired' });
    expect(validate({ ...EMPTY_VALUES, urgency: 3, budget: 'x', vision: 'a'.repeat(5001) })).toEqual({
      budget: 'budgetNumber',
      vision: 'tooLong',
    });
  });
});

describe('what is sent', () => {
  test('a new theme: POST with everything, empty texts as null', () => {
    const values = { ...EMPTY_VALUES, urgency: 4, challenge: '  Inbraken ', budget: '2.500', obstacles: ['money' as const] };
    expect(buildSaveRequest('security', values, EMPTY_VALUES, false)).toEqual({
      ok: true,
      kind: 'create',
      body: {
        theme_code: 'security',
        urgency: 4,
        investment_willingness: 'none',
        source: 'interview',
        budget_eur: '2500.00',
        obstacles: ['money'],
        current_situation: null,
        challenge: 'Inbraken',
        vision: null,
      },
    });
  });

  test('a recorded theme: PATCH with only what changed; nothing when nothing changed', () => {
    const base = valuesFromInterest(interest, 'nl');
    expect(buildSaveRequest('energy_hub', base, base, true)).toEqual({ ok: true, kind: 'none' });
    const values = { ...base, challenge: 'Geen aansluiting', budget: '', obstacles: ['knowledge' as const] };
    expect(buildSaveRequest('energy_hub', values, base, true)).toEqual({
      ok: true,
      kind: 'update',
      body: { challenge: 'Geen aansluiting', budget_eur: null, obstacles: ['knowledge'] },
    });
  });

  test('nothing is sent while something is wrong', () => {
    expect(buildSaveRequest('security', EMPTY_VALUES, EMPTY_VALUES, false)).toEqual({
      ok: false,
      errors: { urgency: 'urgencyRequired' },
    });
  });

  test('validation errors from the API land on the right field', () => {
    expect(formFieldOf('budget_eur')).toBe('budget');
    expect(formFieldOf('obstacles.1')).toBe('obstacles');
    expect(formFieldOf('vision')).toBe('vision');
    expect(formFieldOf('theme_code')).toBeNull();
    expect(formFieldOf('')).toBeNull();
  });
});

describe('after a conflict', () => {
  const base = valuesFromInterest(interest, 'nl');

  test('untouched fields follow the newer version; own changes stay and clash where both changed', () => {
    const latest = { ...base, urgency: 3, vision: 'Samen met de buren', challenge: 'Lange wachttijd' };
    const mine = { ...base, vision: 'Een hub voor het hele terrein', budget: '20.000' };
    const merged = mergeLatest(mine, base, latest);
    expect(merged.values).toEqual({
      ...base,
      urgency: 3,
      challenge: 'Lange wachttijd',
      vision: 'Een hub voor het hele terrein',
      budget: '20.000',
    });
    expect(merged.conflicts).toEqual(['vision']);
  });

  test('the same change on both sides is no conflict (e.g. our own save whose answer got lost)', () => {
    const mine = { ...EMPTY_VALUES, urgency: 4, challenge: 'Inbraken' };
    const merged = mergeLatest(mine, EMPTY_VALUES, { ...mine });
    expect(merged.conflicts).toEqual([]);
    expect(sameValues(merged.values, mine)).toBe(true);
  });
});
