import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { describe, expect, test } from 'vitest';
import { keys } from './queryKeys';
import { refresh } from './refresh';

const src = join(dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('one key factory', () => {
  test('no file but queryKeys.ts writes a query key array', () => {
    const inline = /queryKey:\s*\[|(?:setQueryData|getQueryData|setQueriesData)\s*(?:<[^>]*>)?\(\s*\[/;
    const offenders = sources(src)
      .filter((path) => relative(src, path) !== join('api', 'queryKeys.ts'))
      .flatMap((path) =>
        readFileSync(path, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${relative(src, path)}:${i + 1}` }))
          .filter(({ line }) => inline.test(line))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  test('the old scattered factories are gone', () => {
    const old = /\b(?:organisationKeys|interestKeys|adminKeys|assessmentKeys|workKeys|stakeholdersKey|stakeholderKey|contactsKey|followUpsKey|parkKey)\b/;
    const offenders = sources(src).filter((path) => old.test(readFileSync(path, 'utf8')));
    expect(offenders.map((p) => relative(src, p))).toEqual([]);
  });

  test('reads live in the queries modules, one per resource', () => {
    const allowed = /^(?:lib\/\w+\/queries\.ts|lib\/useReference\.ts|auth\/AuthContext\.tsx)$/;
    const readers = sources(src)
      .filter((path) => /\b(?:useQuery|useInfiniteQuery|useQueries|fetchQuery)\(/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(src, path).split('\\').join('/'));
    expect(readers.filter((path) => !allowed.test(path))).toEqual([]);
  });

  test('a park prefix covers all of its lists', () => {
    const park = keys.park('p1');
    const starts = (key: QueryKey, prefix: QueryKey) => prefix.every((part, i) => key[i] === part);
    for (const key of [
      park.detail,
      park.stakeholders.list({}),
      park.stakeholders.figures,
      park.stakeholder('s1').contacts,
      park.interests.shared({ track: null, minStakeholders: 2, language: 'nl' }),
      park.interests.matrix,
      park.projects.list,
      park.project('x').participants,
      park.organisations.list,
      park.assessments.list('nl'),
      park.overview.of('nl'),
      park.report.of('nl'),
    ]) {
      expect(starts(key, park.all)).toBe(true);
      expect(starts(key, keys.park('p2').all)).toBe(false);
    }
    expect(starts(park.stakeholders.list({ q: 'bakker' }), park.stakeholders.all)).toBe(true);
    // The list page without filters and the pickers share one cache entry.
    expect(park.stakeholders.list({})).toEqual(park.stakeholders.list({ q: undefined, role: undefined }));
    expect(park.stakeholders.list({ q: '' })).toEqual(park.stakeholders.list({}));
  });
});

describe('refresh', () => {
  function seeded(list: QueryKey[]): QueryClient {
    const client = new QueryClient();
    for (const key of list) client.setQueryData(key, { seeded: true });
    return client;
  }
  const stale = (client: QueryClient, key: QueryKey) => client.getQueryState(key)?.isInvalidated ?? false;

  test("a stakeholder's edit makes the picker, the list, the ranking, the matrix and the start page stale", () => {
    const park = keys.park('p1');
    const dependent: QueryKey[] = [
      park.stakeholders.list({}),
      park.stakeholders.list({ q: 'bak' }),
      park.stakeholders.figures,
      park.stakeholder('s1').detail,
      park.interests.shared({ track: null, minStakeholders: 2, language: 'nl' }),
      park.interests.matrix,
      park.project('x').participants,
      park.organisations.biz({ levy_on: 'users', use_park_stakeholders: true }, 'nl'),
      park.overview.of('nl'),
      keys.overviews.myWork('nl'),
      keys.parks.register.page({ q: undefined, province: undefined, active: true, sort: 'name', limit: 25, cursor: null, language: 'nl' }),
      keys.followUps.open,
    ];
    const unrelated: QueryKey[] = [keys.park('p2').stakeholders.list({}), keys.themes, keys.admin.users];
    const client = seeded([...dependent, ...unrelated]);
    void refresh.stakeholders(client, 'p1');
    expect(dependent.filter((key) => !stale(client, key))).toEqual([]);
    expect(unrelated.filter((key) => stale(client, key))).toEqual([]);
  });

  test('an interest saved makes the ranking, the matrix and the figures stale, not the stakeholder list', () => {
    const park = keys.park('p1');
    const shared = park.interests.shared({ track: null, minStakeholders: 2, language: 'nl' });
    const client = seeded([shared, park.interests.matrix, park.stakeholders.figures, park.stakeholders.list({}), park.stakeholder('s1').interests]);
    void refresh.interests(client, 'p1');
    expect([shared, park.interests.matrix, park.stakeholders.figures].map((key) => stale(client, key))).toEqual([true, true, true]);
    expect(stale(client, park.stakeholders.list({}))).toBe(false);
    expect(stale(client, park.stakeholder('s1').interests)).toBe(false);
    void refresh.interests(client, 'p1', 's1');
    expect(stale(client, park.stakeholder('s1').interests)).toBe(true);
  });

  test("a park's edit makes the register and its map stale", () => {
    const locations = keys.parks.locations({ q: undefined, province: undefined });
    const client = seeded([locations, keys.park('p1').detail]);
    void refresh.park(client, 'p1');
    expect(stale(client, locations)).toBe(true);
    expect(stale(client, keys.park('p1').detail)).toBe(true);
  });
});
