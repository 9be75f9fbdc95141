import { describe, expect, test } from 'vitest';
import type { Stakeholder } from '../../api/stakeholders';
import { buildChanges, buildCreate, emptyForm, formValuesFrom, mergeLatest } from './stakeholderForm';

const base: Stakeholder = {
  id: 's1',
  park_id: 'p1',
  name: 'Bakkerij Gouden Korenaar',
  kind: 'entrepreneur',
  kvk_number: '90020535',
  contact_name: 'Pieter Mulder',
  email: 'pieter@example.nl',
  phone: '+31640957998',
  sector: 'Voedingsmiddelen',
  employees: 220,
  role: 'member',
  influence: 4,
  involvement: 3,
  woz_value_eur: '1542000.00',
  trial_poll_vote: 'yes',
  notes: null,
  personal_data_hidden: false,
  personal_data_erased_at: null,
  created_at: '2026-11-01T10:00:00Z',
  updated_at: '2026-11-01T10:00:00Z',
  version: 3,
};

describe('a new stakeholder', () => {
  test('only what was filled in is sent', () => {
    const values = { ...emptyForm(), name: '  Drukkerij De Pers ', contact_name: 'Anna', phone: '06-12345678' };
    expect(buildCreate(values)).toEqual({
      ok: true,
      body: { name: 'Drukkerij De Pers', kind: 'entrepreneur', role: 'none', trial_poll_vote: 'unknown', contact_name: 'Anna', phone: '06-12345678' },
    });
  });
  test('numbers and money are converted', () => {
    const values = { ...emptyForm('property_owner'), name: 'X', employees: '1.200', influence: '5', woz_value_eur: '1.250.000' };
    const result = buildCreate(values);
    expect(result.ok && result.body).toMatchObject({ kind: 'property_owner', employees: 1200, influence: 5, woz_value_eur: '1250000.00' });
  });
  test('what the browser can tell is wrong', () => {
    expect(buildCreate({ ...emptyForm(), name: ' ', employees: '12,5', woz_value_eur: 'veel' })).toEqual({
      ok: false,
      errors: { name: 'required', employees: 'integer', woz_value_eur: 'money' },
    });
    expect(buildCreate({ ...emptyForm(), name: 'X', woz_value_eur: '-1' })).toEqual({ ok: false, errors: { woz_value_eur: 'moneyNegative' } });
  });
});

describe('changes to a stakeholder', () => {
  test('unchanged form: nothing to send', () => {
    expect(buildChanges(formValuesFrom(base, 'nl'), base)).toEqual({ ok: true, changes: {} });
    expect(buildChanges(formValuesFrom(base, 'en'), base)).toEqual({ ok: true, changes: {} });
  });
  test('only the fields that differ; emptied fields become null', () => {
    const values = { ...formValuesFrom(base, 'nl'), sector: '', influence: '5', woz_value_eur: '1.542.000,50', notes: 'Wil meedoen' };
    expect(buildChanges(values, base)).toEqual({
      ok: true,
      changes: { sector: null, influence: 5, woz_value_eur: '1542000.50', notes: 'Wil meedoen' },
    });
  });
  test('personal data the user may not see is never sent', () => {
    const hidden = { ...base, contact_name: null, email: null, phone: null, personal_data_hidden: true };
    const values = { ...formValuesFrom(hidden, 'nl'), contact_name: '', sector: 'Bakkerij' };
    expect(buildChanges(values, hidden)).toEqual({ ok: true, changes: { sector: 'Bakkerij' } });
  });
});

describe('after a 412', () => {
  test('untouched fields follow the latest version; touched ones are kept and reported when both changed', () => {
    const latest = { ...base, version: 4, sector: 'Bakkerij', notes: 'Door een collega', influence: 5 };
    const mine = { ...formValuesFrom(base, 'nl'), notes: 'Mijn notitie', influence: '5' };
    const merged = mergeLatest(mine, base, latest, 'nl');
    expect(merged.values.sector).toBe('Bakkerij');
    expect(merged.values.notes).toBe('Mijn notitie');
    expect(merged.values.influence).toBe('5');
    expect(merged.conflicts).toEqual(['notes']);
  });
});
