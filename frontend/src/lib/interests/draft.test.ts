import { beforeEach, describe, expect, test } from 'vitest';
import {
  clearDraft,
  draftKey,
  draftThemes,
  loadDraft,
  loadSkipped,
  readValues,
  saveDraft,
  saveSkipped,
  type InterviewDraft,
} from './draft';
import { EMPTY_VALUES, type InterviewValues } from './interviewForm';

class MemoryStorage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

const target = { parkId: 'p1', stakeholderId: 's1', themeCode: 'security' };
const typed: InterviewValues = {
  current_situation: 'Twee camera’s bij de poort',
  challenge: 'Inbraken in de nacht',
  vision: '',
  urgency: 4,
  investment_willingness: 'money',
  budget: '2.500',
  obstacles: ['money', 'regulation'],
};
const draft: InterviewDraft = {
  values: typed,
  base: EMPTY_VALUES,
  baseVersion: null,
  interestId: null,
  savedAt: '2026-05-01T10:15:00.000Z',
};

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
});

describe('interview drafts', () => {
  test('one key per park, stakeholder and theme', () => {
    expect(draftKey(target)).toBe('parkregie.interview.draft.v1:p1:s1:security');
    expect(draftKey({ ...target, themeCode: 'fibre' })).not.toBe(draftKey(target));
    expect(draftKey({ ...target, stakeholderId: 's2' })).not.toBe(draftKey(target));
  });

  test('a saved draft comes back as it was (after a reload)', () => {
    expect(saveDraft(target, draft, storage)).toBe(true);
    expect(loadDraft(target, storage)).toEqual(draft);
    expect(loadDraft({ ...target, themeCode: 'fibre' }, storage)).toBeNull();
  });

  test('clearing removes it; the list of themes with a draft follows', () => {
    saveDraft(target, draft, storage);
    saveDraft({ ...target, themeCode: 'fibre' }, draft, storage);
    saveDraft({ ...target, stakeholderId: 'other' }, draft, storage);
    expect([...draftThemes('p1', 's1', storage)].sort()).toEqual(['fibre', 'security']);
    clearDraft(target, storage);
    expect(loadDraft(target, storage)).toBeNull();
    expect([...draftThemes('p1', 's1', storage)]).toEqual(['fibre']);
  });

  test('a draft that was tampered with or from an old format is ignored', () => {
    storage.setItem(draftKey(target), '{not json');
    expect(loadDraft(target, storage)).toBeNull();
    storage.setItem(draftKey(target), JSON.stringify({ ...draft, values: { ...typed, urgency: 9 } }));
    expect(loadDraft(target, storage)).toBeNull();
    storage.setItem(draftKey(target), JSON.stringify({ ...draft, baseVersion: 'x' }));
    expect(loadDraft(target, storage)).toBeNull();
    storage.setItem(draftKey(target), JSON.stringify({ ...draft, values: { ...typed, investment_willingness: 'lots' } }));
    expect(loadDraft(target, storage)).toBeNull();
  });

  test('unknown obstacles are dropped, the rest kept in the usual order', () => {
    expect(readValues({ ...typed, obstacles: ['regulation', 'bananas', 'knowledge'] })?.obstacles).toEqual([
      'knowledge',
      'regulation',
    ]);
  });

  test('a storage that refuses (private mode, full) does not break typing', () => {
    const refusing = {
      ...storage,
      length: 0,
      key: () => null,
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(saveDraft(target, draft, refusing)).toBe(false);
    expect(loadDraft(target, refusing)).toBeNull();
    expect(() => clearDraft(target, refusing)).not.toThrow();
    expect(saveDraft(target, draft, null)).toBe(false);
  });

  test('skipped themes per stakeholder', () => {
    expect(loadSkipped('p1', 's1', storage)).toEqual([]);
    saveSkipped('p1', 's1', ['fibre', 'fibre', 'signage'], storage);
    expect(loadSkipped('p1', 's1', storage)).toEqual(['fibre', 'signage']);
    expect(loadSkipped('p1', 's2', storage)).toEqual([]);
    saveSkipped('p1', 's1', [], storage);
    expect(storage.length).toBe(0);
  });
});
