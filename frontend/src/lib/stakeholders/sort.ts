import type { Stakeholder, StakeholderKind } from '../../api/stakeholders';
import { KINDS, ROLES } from './kinds';

export const SORT_KEYS = ['name', 'kind', 'role', 'influence', 'involvement', 'sector'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';
export interface Sort {
  key: SortKey;
  direction: SortDirection;
}

export const DEFAULT_SORT: Sort = { key: 'name', direction: 'asc' };

/** "influence:desc" from the address; anything else is the default. */
export function parseSort(value: string | null | undefined): Sort {
  const [key, direction] = (value ?? '').split(':');
  if (!(SORT_KEYS as readonly string[]).includes(key ?? '')) return DEFAULT_SORT;
  return { key: key as SortKey, direction: direction === 'desc' ? 'desc' : 'asc' };
}

export function formatSort(sort: Sort): string | null {
  return sort.key === DEFAULT_SORT.key && sort.direction === DEFAULT_SORT.direction
    ? null
    : `${sort.key}:${sort.direction}`;
}

/** Clicking a column: first ascending (numbers: highest first), a second click turns it around. */
export function toggleSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: key === 'influence' || key === 'involvement' ? 'desc' : 'asc' };
}

/**
 * Sorts a copy. Text by the user's language (case and accents ignored, numbers in names in
 * order); kind and role in their own order (as the filters list them), as labelled when
 * `label` is given; empty values always last; ties by name.
 */
export function sortStakeholders(
  items: readonly Stakeholder[],
  sort: Sort,
  language: string,
  label?: (key: 'kind' | 'role', value: string) => string,
): Stakeholder[] {
  const collator = new Intl.Collator(language.startsWith('en') ? 'en' : 'nl', { sensitivity: 'base', numeric: true });
  const sign = sort.direction === 'asc' ? 1 : -1;
  const byName = (a: Stakeholder, b: Stakeholder) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id);
  const value = (s: Stakeholder): string | number | null => {
    switch (sort.key) {
      case 'name':
        return s.name;
      case 'sector':
        return s.sector?.trim() || null;
      case 'influence':
        return s.influence;
      case 'involvement':
        return s.involvement;
      case 'kind':
        return label ? label('kind', s.kind) : KINDS.indexOf(s.kind);
      case 'role':
        return label ? label('role', s.role) : ROLES.indexOf(s.role);
    }
  };
  return [...items].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null && vb === null) return byName(a, b);
    if (va === null) return 1;
    if (vb === null) return -1;
    const order = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
    return order !== 0 ? sign * order : sort.key === 'name' ? sign * a.id.localeCompare(b.id) : byName(a, b);
  });
}

export type KindCounts = Record<StakeholderKind, number>;

export function countByKind(items: readonly Pick<Stakeholder, 'kind'>[]): KindCounts {
  const counts = Object.fromEntries(KINDS.map((k) => [k, 0])) as KindCounts;
  for (const item of items) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
  return counts;
}
