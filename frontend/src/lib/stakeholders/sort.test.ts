import { describe, expect, test } from 'vitest';
import type { Stakeholder } from '../../api/stakeholders';
import { countByKind, DEFAULT_SORT, formatSort, parseSort, sortStakeholders, toggleSort } from './sort';

let n = 0;
function s(partial: Partial<Stakeholder>): Stakeholder {
  n += 1;
  return {
    id: `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`,
    park_id: 'p',
    name: `S${n}`,
    kind: 'entrepreneur',
    kvk_number: null,
    contact_name: null,
    email: null,
    phone: null,
    sector: null,
    employees: null,
    role: 'none',
    influence: null,
    involvement: null,
    woz_value_eur: null,
    trial_poll_vote: 'unknown',
    notes: null,
    personal_data_hidden: false,
    personal_data_erased_at: null,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    version: 1,
    ...partial,
  };
}

const names = (list: Stakeholder[]) => list.map((x) => x.name);

describe('sortStakeholders', () => {
  const items = [
    s({ name: 'bakkerij Zon', influence: 2, sector: 'Voeding', kind: 'entrepreneur', role: 'member' }),
    s({ name: 'Ärzte BV', influence: 5, sector: null, kind: 'municipality', role: 'board' }),
    s({ name: 'Autoschade 10', influence: null, sector: 'auto', kind: 'property_owner', role: 'none' }),
    s({ name: 'Autoschade 9', influence: 5, sector: 'Bouw', kind: 'entrepreneur', role: 'core_team' }),
  ];

  test('by name: case, accents and numbers as people expect', () => {
    expect(names(sortStakeholders(items, { key: 'name', direction: 'asc' }, 'nl'))).toEqual([
      'Ärzte BV',
      'Autoschade 9',
      'Autoschade 10',
      'bakkerij Zon',
    ]);
    expect(names(sortStakeholders(items, { key: 'name', direction: 'desc' }, 'nl'))[0]).toBe('bakkerij Zon');
  });

  test('numbers: empty values last in both directions, ties by name', () => {
    expect(names(sortStakeholders(items, { key: 'influence', direction: 'desc' }, 'nl'))).toEqual([
      'Ärzte BV',
      'Autoschade 9',
      'bakkerij Zon',
      'Autoschade 10',
    ]);
    expect(names(sortStakeholders(items, { key: 'influence', direction: 'asc' }, 'nl'))).toEqual([
      'bakkerij Zon',
      'Ärzte BV',
      'Autoschade 9',
      'Autoschade 10',
    ]);
  });

  test('text columns: empty last', () => {
    expect(names(sortStakeholders(items, { key: 'sector', direction: 'asc' }, 'nl'))).toEqual([
      'Autoschade 10',
      'Autoschade 9',
      'bakkerij Zon',
      'Ärzte BV',
    ]);
  });

  test('kind and role in their own order, or by their labels', () => {
    expect(names(sortStakeholders(items, { key: 'kind', direction: 'asc' }, 'nl'))).toEqual([
      'Autoschade 9',
      'bakkerij Zon',
      'Autoschade 10',
      'Ärzte BV',
    ]);
    expect(names(sortStakeholders(items, { key: 'role', direction: 'desc' }, 'nl'))).toEqual([
      'Ärzte BV',
      'Autoschade 9',
      'bakkerij Zon',
      'Autoschade 10',
    ]);
    const label = (_key: 'kind' | 'role', value: string) => ({ entrepreneur: 'Ondernemer', municipality: 'Gemeente', property_owner: 'Vastgoedeigenaar' })[value] ?? value;
    expect(names(sortStakeholders(items, { key: 'kind', direction: 'asc' }, 'nl', label))[0]).toBe('Ärzte BV');
  });

  test('does not change the input', () => {
    const before = names(items);
    sortStakeholders(items, { key: 'influence', direction: 'asc' }, 'nl');
    expect(names(items)).toEqual(before);
  });
});

describe('sort in the address', () => {
  test('parse and format round trip; the default is not written', () => {
    expect(parseSort('influence:desc')).toEqual({ key: 'influence', direction: 'desc' });
    expect(parseSort('nonsense:desc')).toEqual(DEFAULT_SORT);
    expect(parseSort(null)).toEqual(DEFAULT_SORT);
    expect(formatSort({ key: 'name', direction: 'asc' })).toBeNull();
    expect(formatSort({ key: 'sector', direction: 'desc' })).toBe('sector:desc');
  });
  test('toggle: numbers start highest first; a second click turns around', () => {
    expect(toggleSort(DEFAULT_SORT, 'influence')).toEqual({ key: 'influence', direction: 'desc' });
    expect(toggleSort(DEFAULT_SORT, 'sector')).toEqual({ key: 'sector', direction: 'asc' });
    expect(toggleSort(DEFAULT_SORT, 'name')).toEqual({ key: 'name', direction: 'desc' });
  });
});

test('countByKind has every kind, zero when absent', () => {
  const counts = countByKind([{ kind: 'entrepreneur' }, { kind: 'entrepreneur' }, { kind: 'financier' }]);
  expect(counts.entrepreneur).toBe(2);
  expect(counts.financier).toBe(1);
  expect(counts.municipality).toBe(0);
  expect(Object.keys(counts)).toHaveLength(8);
});
