import { afterEach, describe, expect, test, vi } from 'vitest';
import { endSession, getToken, lastSessionEnd, startSession, subscribe } from './session';

afterEach(() => localStorage.clear());

describe('the stored session', () => {
  test('keeps the token until it expires', () => {
    startSession('abc', 60, 1_000);
    expect(getToken(1_000)).toBe('abc');
    expect(getToken(60_999)).toBe('abc');
    expect(getToken(61_000)).toBeNull();
    expect(lastSessionEnd()).toBe('expired');
  });

  test('tells listeners about login and logout', () => {
    const listener = vi.fn();
    const unsubscribe = subscribe(listener);
    startSession('abc', 60);
    endSession('logout');
    unsubscribe();
    expect(listener.mock.calls).toEqual([['abc'], [null, 'logout']]);
    expect(getToken()).toBeNull();
    expect(lastSessionEnd()).toBe('logout');
  });

  test('ignores a damaged entry', () => {
    localStorage.setItem('parkregie.session', '{not json');
    expect(getToken()).toBeNull();
  });
});
