import { describe, expect, test } from 'vitest';
import type { BusinessCase, Participant } from './api';
import {
  bodyFromBusinessCase,
  EMPTY_VALUES,
  formatYears,
  parseBusinessCase,
  parseLifetime,
  parsePercent,
  rateToInput,
  sameBody,
  valuesFromBusinessCase,
} from './businessCaseForm';

const participant = (id: string, contribution: string | null = null): Participant => ({
  id,
  project_id: 'p',
  stakeholder_id: `s-${id}`,
  stakeholder_name: `Bedrijf ${id}`,
  stakeholder_kind: 'entrepreneur',
  commitment: 'interested',
  contribution_eur: contribution,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  version: 1,
});

describe('parsePercent', () => {
  test('percent as typed becomes the exact fraction', () => {
    expect(parsePercent('4')).toEqual({ ok: true, value: '0.04' });
    expect(parsePercent('4,5')).toEqual({ ok: true, value: '0.045' });
    expect(parsePercent('4.25 %')).toEqual({ ok: true, value: '0.0425' });
    expect(parsePercent('0')).toEqual({ ok: true, value: '0' });
    expect(parsePercent('50')).toEqual({ ok: true, value: '0.5' });
    expect(parsePercent('7,10')).toEqual({ ok: true, value: '0.071' });
  });
  test('out of range, too precise, or not a number', () => {
    expect(parsePercent('300')).toEqual({ ok: false, reason: 'rateRange' });
    expect(parsePercent('50,01')).toEqual({ ok: false, reason: 'rateRange' });
    expect(parsePercent('-1')).toEqual({ ok: false, reason: 'rateRange' });
    expect(parsePercent('4,125')).toEqual({ ok: false, reason: 'rateDecimals' });
    expect(parsePercent('vier')).toEqual({ ok: false, reason: 'format' });
    expect(parsePercent('')).toEqual({ ok: false, reason: 'required' });
  });
  test('back to the input, in the user language', () => {
    expect(rateToInput(0.045, 'nl')).toBe('4,5');
    expect(rateToInput('0.0425', 'en')).toBe('4.25');
    expect(rateToInput(0.04, 'nl')).toBe('4');
    for (const text of ['4', '4,5', '0', '12,75']) {
      const parsed = parsePercent(text);
      expect(parsed.ok && rateToInput(parsed.value, 'nl')).toBe(text);
    }
  });
});

describe('parseLifetime', () => {
  test('whole years from 1 to 100', () => {
    expect(parseLifetime(' 15 ')).toEqual({ ok: true, value: 15 });
    expect(parseLifetime('0')).toEqual({ ok: false, reason: 'lifetimeRange' });
    expect(parseLifetime('101')).toEqual({ ok: false, reason: 'lifetimeRange' });
    expect(parseLifetime('2,5')).toEqual({ ok: false, reason: 'format' });
    expect(parseLifetime('')).toEqual({ ok: false, reason: 'required' });
  });
});

describe('parseBusinessCase', () => {
  test('Dutch amounts become the API decimals; empty running costs and benefits are zero', () => {
    const parsed = parseBusinessCase(
      { ...EMPTY_VALUES, capex: '€ 1.250.000', subsidy: '250.000', benefits: '95.000,50', lifetime: '20', rate: '3,5' },
      [],
    );
    expect(parsed).toEqual({
      ok: true,
      body: {
        capex_eur: '1250000.00',
        opex_eur_per_year: '0.00',
        benefits_eur_per_year: '95000.50',
        subsidy_eur: '250000.00',
        lifetime_years: 20,
        discount_rate: '0.035',
        cost_split: 'equal',
      },
    });
  });

  test('the investment is required; bad fields name their reason', () => {
    const parsed = parseBusinessCase({ ...EMPTY_VALUES, capex: '', opex: '-5', benefits: '12,3456', lifetime: '0' }, []);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toEqual({ capex: 'required', opex: 'negative', benefits: 'cents', lifetime: 'lifetimeRange' });
  });

  test('custom split: an amount per participant without a fixed contribution (empty is 0)', () => {
    const participants = [participant('a'), participant('b', '5000.00'), participant('c')];
    const parsed = parseBusinessCase({ ...EMPTY_VALUES, capex: '10000', split: 'custom', custom: { a: '3.000', c: '' } }, participants);
    expect(parsed.ok && parsed.body.custom_shares).toEqual([
      { participant_id: 'a', share_eur: '3000.00' },
      { participant_id: 'c', share_eur: '0.00' },
    ]);
    const bad = parseBusinessCase({ ...EMPTY_VALUES, capex: '10000', split: 'custom', custom: { a: 'veel' } }, participants);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.customErrors).toEqual({ a: 'format' });
  });
});

describe('a kept business case in the form', () => {
  const kept = {
    project_id: 'p',
    capex_eur: '1250000.00',
    opex_eur_per_year: '12000.50',
    benefits_eur_per_year: '150000.00',
    subsidy_eur: '0.00',
    lifetime_years: 15,
    discount_rate: 0.045,
    cost_split: 'custom',
    custom_shares: [{ participant_id: 'a', share_eur: '1250000.00' }],
    figures: {} as BusinessCase['figures'],
    updated_at: null,
    version: 3,
  } as BusinessCase;

  test('values as they are typed in Dutch', () => {
    expect(valuesFromBusinessCase(kept, 'nl')).toEqual({
      capex: '1250000',
      opex: '12000,50',
      benefits: '150000',
      subsidy: '0',
      lifetime: '15',
      rate: '4,5',
      split: 'custom',
      custom: { a: '1250000' },
    });
  });

  test('the form of a kept case asks the same as the kept case (not "unsaved")', () => {
    const participants = [participant('a')];
    const back = parseBusinessCase(valuesFromBusinessCase(kept, 'nl'), participants);
    expect(back.ok).toBe(true);
    expect(sameBody(back.ok ? back.body : null, bodyFromBusinessCase(kept, 'nl', participants))).toBe(true);
    expect(back.ok && back.body.discount_rate).toBe('0.045');
  });
});

describe('formatYears', () => {
  test('one decimal below ten years, none for whole years; null stays null', () => {
    expect(formatYears(6.25, 'nl')).toBe('6,3');
    expect(formatYears(8, 'nl')).toBe('8');
    expect(formatYears(12.5, 'en')).toBe('12.5');
    expect(formatYears(null, 'nl')).toBeNull();
  });
});
