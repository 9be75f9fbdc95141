/**
 * The business-case form: what people type (strings, Dutch style "1.250.000" or "1250000,50")
 * and the API's body (decimal strings, a rate as a fraction). Parsing never throws: a field
 * that cannot be read gets an error code and the body is not sent.
 */
import { localeFor } from '../format';
import { moneyToInput, parseMoney } from '../stakeholders/money';
import type { BusinessCase, BusinessCaseInput, CostSplit, Participant } from './api';

export const COST_SPLITS: readonly CostSplit[] = ['equal', 'by_employees', 'by_woz_value', 'custom'];

export interface BusinessCaseValues {
  capex: string;
  opex: string;
  benefits: string;
  subsidy: string;
  lifetime: string;
  /** In percent per year: "4" or "4,5". */
  rate: string;
  split: CostSplit;
  /** For `custom`: per participant id, an amount as typed. */
  custom: Record<string, string>;
}

export type MoneyField = 'capex' | 'opex' | 'benefits' | 'subsidy';
export type BusinessCaseField = MoneyField | 'lifetime' | 'rate' | 'custom';
export type FieldError = 'required' | 'format' | 'negative' | 'cents' | 'max' | 'lifetimeRange' | 'rateRange' | 'rateDecimals';

export const EMPTY_VALUES: BusinessCaseValues = {
  capex: '',
  opex: '',
  benefits: '',
  subsidy: '',
  lifetime: '15',
  rate: '4',
  split: 'equal',
  custom: {},
};

/** A fraction ("0.0450") as percent for an input: "4,5" (nl) or "4.5" (en). */
export function rateToInput(rate: number | string, language: string): string {
  const percent = Math.round(Number(rate) * 1_000_000) / 10_000;
  if (!Number.isFinite(percent)) return '';
  const text = String(percent);
  return localeFor(language) === 'nl-NL' ? text.replace('.', ',') : text;
}

/**
 * Percent as typed ("4", "4,5", "4.25 %") → the API's fraction as a decimal string ("0.04",
 * "0.045", "0.0425"), exactly, without floating point. At most two decimals of a percent
 * (the API keeps four decimals of the fraction); 0 to 50 %.
 */
export function parsePercent(input: string): { ok: true; value: string } | { ok: false; reason: FieldError } {
  const text = input.trim().replace(/%$/, '').trim().replace(',', '.');
  if (text === '') return { ok: false, reason: 'required' };
  if (text.startsWith('-')) return { ok: false, reason: 'rateRange' };
  if (!/^\d+(\.\d+)?$/.test(text)) return { ok: false, reason: 'format' };
  const [whole = '0', decimals = ''] = text.split('.');
  const significant = decimals.replace(/0+$/, '');
  if (significant.length > 2) return { ok: false, reason: 'rateDecimals' };
  // percent × 100 as an integer: "4.5" → 450 hundredths of a percent = 0.0450
  const hundredths = Number(whole) * 100 + Number(significant.padEnd(2, '0'));
  if (hundredths > 5000) return { ok: false, reason: 'rateRange' };
  const fraction = (hundredths / 10_000).toFixed(4);
  return { ok: true, value: fraction.replace(/0+$/, '').replace(/\.$/, '') || '0' };
}

export function parseLifetime(input: string): { ok: true; value: number } | { ok: false; reason: FieldError } {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'required' };
  if (!/^\d+$/.test(text)) return { ok: false, reason: 'format' };
  const value = Number(text);
  if (value < 1 || value > 100) return { ok: false, reason: 'lifetimeRange' };
  return { ok: true, value };
}

export type ParsedBusinessCase =
  | { ok: true; body: BusinessCaseInput }
  | { ok: false; errors: Partial<Record<BusinessCaseField, FieldError>>; customErrors: Record<string, FieldError> };

/**
 * The body for PUT and for the calculation. `participants` are the project's; for a custom
 * split each participant without a fixed contribution needs an amount (empty counts as 0, the
 * server then says whether they add up).
 */
export function parseBusinessCase(values: BusinessCaseValues, participants: readonly Participant[]): ParsedBusinessCase {
  const errors: Partial<Record<BusinessCaseField, FieldError>> = {};
  const customErrors: Record<string, FieldError> = {};
  const money = (field: MoneyField, required: boolean): string | null => {
    const parsed = parseMoney(values[field]);
    if (!parsed.ok) {
      errors[field] = parsed.reason;
      return null;
    }
    if (parsed.value === null) {
      if (required) errors[field] = 'required';
      return null;
    }
    return parsed.value;
  };
  const capex = money('capex', true);
  const opex = money('opex', false) ?? '0.00';
  const benefits = money('benefits', false) ?? '0.00';
  const subsidy = money('subsidy', false) ?? '0.00';
  const lifetime = parseLifetime(values.lifetime);
  if (!lifetime.ok) errors.lifetime = lifetime.reason;
  const rate = parsePercent(values.rate);
  if (!rate.ok) errors.rate = rate.reason;

  let custom: BusinessCaseInput['custom_shares'] = null;
  if (values.split === 'custom') {
    custom = [];
    for (const p of participants) {
      if (p.contribution_eur !== null && p.contribution_eur !== undefined) continue;
      const parsed = parseMoney(values.custom[p.id] ?? '');
      if (!parsed.ok) customErrors[p.id] = parsed.reason;
      else custom.push({ participant_id: p.id, share_eur: parsed.value ?? '0.00' });
    }
    if (Object.keys(customErrors).length > 0) errors.custom = 'format';
  }

  if (Object.keys(errors).length > 0 || capex === null || !lifetime.ok || !rate.ok) {
    return { ok: false, errors, customErrors };
  }
  return {
    ok: true,
    body: {
      capex_eur: capex,
      opex_eur_per_year: opex,
      benefits_eur_per_year: benefits,
      subsidy_eur: subsidy,
      lifetime_years: lifetime.value,
      discount_rate: rate.value,
      cost_split: values.split,
      ...(custom ? { custom_shares: custom } : {}),
    },
  };
}

/** The kept business case as the form's values. */
export function valuesFromBusinessCase(bc: BusinessCase, language: string): BusinessCaseValues {
  const custom: Record<string, string> = {};
  for (const share of bc.custom_shares ?? []) custom[share.participant_id] = moneyToInput(share.share_eur, language);
  return {
    capex: moneyToInput(bc.capex_eur, language),
    opex: moneyToInput(bc.opex_eur_per_year, language),
    benefits: moneyToInput(bc.benefits_eur_per_year, language),
    subsidy: moneyToInput(bc.subsidy_eur, language),
    lifetime: String(bc.lifetime_years),
    rate: rateToInput(bc.discount_rate, language),
    split: bc.cost_split,
    custom,
  };
}

/** Two bodies ask the same thing (to skip a calculation nobody needs, or tell "unsaved"). */
export function sameBody(a: BusinessCaseInput | null, b: BusinessCaseInput | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The kept business case as the body it was saved from, to compare with the form's. */
export function bodyFromBusinessCase(bc: BusinessCase, language: string, participants: readonly Participant[]): BusinessCaseInput | null {
  const parsed = parseBusinessCase(valuesFromBusinessCase(bc, language), participants);
  return parsed.ok ? parsed.body : null;
}

/** Payback in years as people read it: "6,3 jaar"; null → null (it never pays back). */
export function formatYears(years: number | null | undefined, language: string): string | null {
  if (years === null || years === undefined || !Number.isFinite(years)) return null;
  return new Intl.NumberFormat(localeFor(language), { maximumFractionDigits: 1, minimumFractionDigits: years < 10 && years % 1 !== 0 ? 1 : 0 }).format(years);
}

/** Whether an amount (decimal string) is below zero. */
export const isNegative = (amount: string | null | undefined): boolean => !!amount && amount.trim().startsWith('-');
