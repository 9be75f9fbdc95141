import { describe, expect, test, vi } from 'vitest';
import { EMPTY_FILTERS, filtersFromSearch, filtersToQuery, filtersToSearch, idFromInput, invalidFilters, localDayStart, showValue } from './audit';
import { EVENTS, SCOPES, keyOf, toggle, withImpliedScopes } from './scopes';
import { copyText, secretReducer, type SecretState } from './secret';
import { provincesForRole, selfLimits, validateUserDraft } from './users';
import nl from '../../i18n/locales/admin.nl.json';
import en from '../../i18n/locales/admin.en.json';

const ID = '0b7c1f7e-3c2a-4d4e-9d7f-2a1b3c4d5e6f';

describe('scopes and events', () => {
  test('every scope and event has an explanation in both languages', () => {
    for (const scope of SCOPES) {
      expect(nl.admin.scopes[keyOf(scope) as keyof typeof nl.admin.scopes]).toBeTruthy();
      expect(en.admin.scopes[keyOf(scope) as keyof typeof en.admin.scopes]).toBeTruthy();
    }
    for (const event of [...EVENTS, 'ping']) {
      expect(nl.admin.events[keyOf(event) as keyof typeof nl.admin.events]).toBeTruthy();
    }
  });
  test('toggle keeps the canonical order', () => {
    expect(toggle(['status:read'], 'parks:read', true, SCOPES)).toEqual(['parks:read', 'status:read']);
    expect(toggle(['parks:read', 'status:read'], 'parks:read', false, SCOPES)).toEqual(['status:read']);
  });
  test('writing parks implies reading them', () => {
    expect(withImpliedScopes(['parks:write'])).toEqual(['parks:read', 'parks:write']);
    expect(withImpliedScopes(['status:read'])).toEqual(['status:read']);
  });
});

describe('a secret shown once', () => {
  const shown = { kind: 'client-created' as const, ownerId: 'a', label: 'CRM', clientId: 'prc_1', secret: 's3cret' };
  test('show, copy, dismiss', () => {
    let state: SecretState = null;
    state = secretReducer(state, { type: 'show', secret: shown });
    expect(state).toMatchObject({ secret: 's3cret', copied: false });
    state = secretReducer(state, { type: 'copied' });
    expect(state?.copied).toBe(true);
    expect(secretReducer(state, { type: 'dismiss' })).toBeNull();
  });
  test('a new secret replaces the old one, not yet copied', () => {
    const first = secretReducer(secretReducer(null, { type: 'show', secret: shown }), { type: 'copied' });
    const second = secretReducer(first, { type: 'show', secret: { ...shown, kind: 'client-rotated', secret: 'new' } });
    expect(second).toMatchObject({ kind: 'client-rotated', secret: 'new', copied: false });
  });
  test('deleting its owner forgets it; deleting another does not', () => {
    const state = secretReducer(null, { type: 'show', secret: shown });
    expect(secretReducer(state, { type: 'forget', ownerId: 'b' })).toBe(state);
    expect(secretReducer(state, { type: 'forget', ownerId: 'a' })).toBeNull();
  });
  test('copyText uses the clipboard, and selects the text when that is refused', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    expect(await copyText('x', null, { writeText })).toBe(true);
    expect(writeText).toHaveBeenCalledWith('x');
    const input = { focus: vi.fn(), select: vi.fn() } as unknown as HTMLInputElement;
    const refused = vi.fn().mockRejectedValue(new Error('denied'));
    await copyText('x', input, { writeText: refused });
    expect(input.select).toHaveBeenCalled();
    expect(await copyText('x', null, { writeText: refused })).toBe(false);
  });
});

describe('audit filters', () => {
  test('empty filters ask for everything', () => {
    expect(filtersToQuery(EMPTY_FILTERS)).toEqual({ order: 'newest' });
  });
  test('set filters become the query; a park link gives its id', () => {
    const query = filtersToQuery({
      entityType: 'park',
      entityId: '',
      parkId: `https://x.nl/parken/${ID.toUpperCase()}/betrokkenen`,
      actorId: ID,
      from: '',
      to: '',
    });
    expect(query).toEqual({ entity_type: 'park', park_id: ID, actor_id: ID, order: 'newest' });
  });
  test('unknown types and non-ids are left out and flagged', () => {
    const filters = { ...EMPTY_FILTERS, entityType: 'nonsense', entityId: 'abc' };
    expect(filtersToQuery(filters)).toEqual({ order: 'newest' });
    expect(invalidFilters(filters)).toEqual(['entityId']);
  });
  test('URL round trip', () => {
    const filters = { entityType: 'user', entityId: ID, parkId: '', actorId: ID, from: '2026-12-01', to: '2026-12-03' };
    expect(filtersFromSearch(filtersToSearch(filters))).toEqual(filters);
    expect(idFromInput(`  ${ID} `)).toBe(ID);
  });
  test('a period of local days: from the start of the first to the start of the day after the last', () => {
    const query = filtersToQuery({ ...EMPTY_FILTERS, from: '2026-12-01', to: '2026-12-03' });
    expect(query.from).toBe(new Date(2026, 11, 1).toISOString());
    expect(query.to).toBe(new Date(2026, 11, 4).toISOString());
    expect(localDayStart('2026-12-31', 1)).toEqual(new Date(2027, 0, 1));
    // One day is that whole day.
    const one = filtersToQuery({ ...EMPTY_FILTERS, from: '2026-12-02', to: '2026-12-02' });
    expect(new Date(one.to!).getTime() - new Date(one.from!).getTime()).toBeGreaterThanOrEqual(23 * 3600_000);
  });
  test('a period that ends before it starts, or a day that does not exist, is flagged and not sent', () => {
    const backwards = { ...EMPTY_FILTERS, from: '2026-12-03', to: '2026-12-01' };
    expect(invalidFilters(backwards)).toEqual(['to']);
    expect(filtersToQuery(backwards)).toEqual({ order: 'newest' });
    expect(invalidFilters({ ...EMPTY_FILTERS, from: '2026-02-30' })).toEqual(['from']);
    expect(localDayStart('gisteren')).toBeNull();
  });
  test('values are shown short', () => {
    expect(showValue(null)).toBe('—');
    expect(showValue(['UT', 'GE'])).toBe('["UT","GE"]');
    expect(showValue('x'.repeat(100), 10)).toHaveLength(10);
  });
});

describe('user rules', () => {
  const draft = { email: 'a@b.nl', fullName: 'A', password: '0123456789', role: 'expert' as const, provinces: ['UT' as const] };
  test('a good draft passes', () => {
    expect(validateUserDraft(draft)).toEqual([]);
  });
  test('short password, bad email, provinces for a viewer', () => {
    expect(validateUserDraft({ ...draft, email: 'x', password: 'short', role: 'viewer' })).toEqual(['email', 'password', 'provinces']);
  });
  test('only experts keep provinces', () => {
    expect(provincesForRole('admin', ['UT'])).toEqual([]);
    expect(provincesForRole('expert', ['UT'])).toEqual(['UT']);
  });
  test('an admin cannot demote or deactivate themselves', () => {
    expect(selfLimits('me', 'me')).toEqual({ canChangeRole: false, canDeactivate: false });
    expect(selfLimits('me', 'other')).toEqual({ canChangeRole: true, canDeactivate: true });
  });
});
