import type {
  PollVote,
  Stakeholder,
  StakeholderCreate,
  StakeholderKind,
  StakeholderRole,
  StakeholderUpdate,
} from '../../api/stakeholders';
import { parseInteger } from '../format';
import { isKind, isRole, VOTES } from './kinds';
import { moneyToInput, parseMoney } from './money';

/** The essentials first (what is asked during a visit), then the rest. */
export const ESSENTIAL_FIELDS = ['name', 'kind', 'contact_name', 'phone', 'email'] as const;
export const MORE_FIELDS = [
  'kvk_number',
  'sector',
  'employees',
  'role',
  'influence',
  'involvement',
  'woz_value_eur',
  'trial_poll_vote',
  'notes',
] as const;
export const FORM_FIELDS = [...ESSENTIAL_FIELDS, ...MORE_FIELDS] as const;
export const PERSONAL_FIELDS = ['contact_name', 'phone', 'email'] as const;

export type FormField = (typeof FORM_FIELDS)[number];
export type FormValues = Record<FormField, string>;
export type ClientError = 'required' | 'integer' | 'money' | 'moneyNegative' | 'moneyCents' | 'moneyMax';

export function isFormField(field: string): field is FormField {
  return (FORM_FIELDS as readonly string[]).includes(field);
}

export function isMoreField(field: string): boolean {
  return (MORE_FIELDS as readonly string[]).includes(field);
}

export function emptyForm(kind: StakeholderKind = 'entrepreneur'): FormValues {
  return {
    name: '',
    kind,
    contact_name: '',
    phone: '',
    email: '',
    kvk_number: '',
    sector: '',
    employees: '',
    role: 'none',
    influence: '',
    involvement: '',
    woz_value_eur: '',
    trial_poll_vote: 'unknown',
    notes: '',
  };
}

export function formValuesFrom(s: Stakeholder, language: string): FormValues {
  return {
    name: s.name,
    kind: s.kind,
    contact_name: s.contact_name ?? '',
    phone: s.phone ?? '',
    email: s.email ?? '',
    kvk_number: s.kvk_number ?? '',
    sector: s.sector ?? '',
    employees: s.employees != null ? String(s.employees) : '',
    role: s.role,
    influence: s.influence != null ? String(s.influence) : '',
    involvement: s.involvement != null ? String(s.involvement) : '',
    woz_value_eur: moneyToInput(s.woz_value_eur, language),
    trial_poll_vote: s.trial_poll_vote,
    notes: s.notes ?? '',
  };
}

interface Parsed {
  name: string;
  kind: StakeholderKind;
  contact_name: string | null;
  phone: string | null;
  email: string | null;
  kvk_number: string | null;
  sector: string | null;
  employees: number | null;
  role: StakeholderRole;
  influence: number | null;
  involvement: number | null;
  woz_value_eur: string | null;
  trial_poll_vote: PollVote;
  notes: string | null;
}

type ParseResult = { ok: true; value: Parsed } | { ok: false; errors: Partial<Record<FormField, ClientError>> };

/** A count as people write it: "1200", "1.200" or "1 200" (grouped thousands, as in the import). */
function parseCount(input: string) {
  const compact = input.trim();
  if (/^\d{1,3}([.,\s\u00a0]\d{3})+$/.test(compact)) return { ok: true as const, value: Number(compact.replace(/\D/g, '')) };
  return parseInteger(compact);
}

const text = (v: string) => (v.trim() === '' ? null : v.trim());
const score = (v: string) => (/^[1-5]$/.test(v) ? Number(v) : null);

/** Reads the form; what is wrong with the input, if anything (the server checks the rest). */
export function parseForm(values: FormValues): ParseResult {
  const errors: Partial<Record<FormField, ClientError>> = {};
  const name = values.name.trim();
  if (name === '') errors.name = 'required';
  if (!isKind(values.kind)) errors.kind = 'required';
  const employees = parseCount(values.employees);
  if (!employees.ok || (employees.value !== null && employees.value < 0)) errors.employees = 'integer';
  const money = parseMoney(values.woz_value_eur);
  if (!money.ok) {
    errors.woz_value_eur =
      money.reason === 'negative' ? 'moneyNegative' : money.reason === 'cents' ? 'moneyCents' : money.reason === 'max' ? 'moneyMax' : 'money';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name,
      kind: values.kind as StakeholderKind,
      contact_name: text(values.contact_name),
      phone: text(values.phone),
      email: text(values.email),
      kvk_number: text(values.kvk_number),
      sector: text(values.sector),
      employees: employees.ok ? employees.value : null,
      role: isRole(values.role) ? values.role : 'none',
      influence: score(values.influence),
      involvement: score(values.involvement),
      woz_value_eur: money.ok ? money.value : null,
      trial_poll_vote: (VOTES as readonly string[]).includes(values.trial_poll_vote)
        ? (values.trial_poll_vote as PollVote)
        : 'unknown',
      notes: text(values.notes),
    },
  };
}

export type CreateResult = { ok: true; body: StakeholderCreate } | { ok: false; errors: Partial<Record<FormField, ClientError>> };

/** The POST body: only what was filled in. */
export function buildCreate(values: FormValues): CreateResult {
  const parsed = parseForm(values);
  if (!parsed.ok) return parsed;
  const { name, kind, role, trial_poll_vote } = parsed.value;
  const body: StakeholderCreate = { name, kind, role, trial_poll_vote };
  for (const [key, value] of Object.entries(parsed.value) as [keyof Parsed, Parsed[keyof Parsed]][]) {
    if (key in body || value === null) continue;
    (body as Record<string, unknown>)[key] = value;
  }
  return { ok: true, body };
}

export type ChangesResult = { ok: true; changes: StakeholderUpdate } | { ok: false; errors: Partial<Record<FormField, ClientError>> };

/** The PATCH body: only what differs from `base`. Personal fields the user may not see are left alone. */
export function buildChanges(values: FormValues, base: Stakeholder): ChangesResult {
  const parsed = parseForm(values);
  if (!parsed.ok) return parsed;
  const changes: StakeholderUpdate = {};
  for (const [key, value] of Object.entries(parsed.value) as [keyof Parsed, Parsed[keyof Parsed]][]) {
    if (base.personal_data_hidden && (PERSONAL_FIELDS as readonly string[]).includes(key)) continue;
    const before = base[key] ?? null;
    if (value !== before) (changes as Record<string, unknown>)[key] = value;
  }
  return { ok: true, changes };
}

/**
 * After a 412: take the latest version into the form. Untouched fields follow it; fields the
 * user changed keep the input and are conflicts when someone else changed them too.
 */
export function mergeLatest(
  values: FormValues,
  oldBase: Stakeholder,
  latest: Stakeholder,
  language: string,
): { values: FormValues; conflicts: FormField[] } {
  const before = formValuesFrom(oldBase, language);
  const now = formValuesFrom(latest, language);
  const merged = { ...values };
  const conflicts: FormField[] = [];
  for (const field of FORM_FIELDS) {
    if (now[field] === before[field]) continue;
    if (values[field] !== before[field]) {
      if (values[field] !== now[field]) conflicts.push(field);
    } else {
      merged[field] = now[field];
    }
  }
  return { values: merged, conflicts };
}
