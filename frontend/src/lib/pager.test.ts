import { describe, expect, test } from 'vitest';
import { FIRST_PAGE, currentCursor, hasPrevious, nextPage, pageNumber, previousPage, toCursorStack } from './pager';

describe('cursor pager', () => {
  test('starts on page 1 without a cursor or a previous page', () => {
    expect(currentCursor(FIRST_PAGE)).toBeNull();
    expect(pageNumber(FIRST_PAGE)).toBe(1);
    expect(hasPrevious(FIRST_PAGE)).toBe(false);
  });

  test('next pushes the next_cursor, previous pops it', () => {
    const two = nextPage(FIRST_PAGE, 'c2');
    const three = nextPage(two, 'c3');
    expect(currentCursor(three)).toBe('c3');
    expect(pageNumber(three)).toBe(3);
    expect(hasPrevious(three)).toBe(true);
    const back = previousPage(three);
    expect(back).toEqual([null, 'c2']);
    expect(currentCursor(previousPage(back))).toBeNull();
    expect(FIRST_PAGE).toEqual([null]); // never mutated
  });

  test('next without a next_cursor stays put; previous on page 1 stays on page 1', () => {
    expect(nextPage(FIRST_PAGE, null)).toBe(FIRST_PAGE);
    expect(nextPage(FIRST_PAGE, undefined)).toBe(FIRST_PAGE);
    expect(previousPage(FIRST_PAGE)).toEqual([null]);
  });

  test('a stack from history state is checked', () => {
    expect(toCursorStack([null, 'a', 'b'])).toEqual([null, 'a', 'b']);
    expect(toCursorStack(undefined)).toEqual([null]);
    expect(toCursorStack(['a'])).toEqual([null]);
    expect(toCursorStack([null, 3])).toEqual([null]);
    expect(toCursorStack([null, ''])).toEqual([null]);
    expect(toCursorStack('nope')).toEqual([null]);
  });
});
