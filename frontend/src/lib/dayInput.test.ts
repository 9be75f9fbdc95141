import { describe, expect, test } from 'vitest';
import { dayPlaceholder, formatDayInput, parseDayInput } from './dayInput';

describe('typed dates', () => {
  test('day first, as written in the Netherlands, or the ISO form', () => {
    expect(parseDayInput('4-12-2026')).toBe('2026-12-04');
    expect(parseDayInput('04/12/2026')).toBe('2026-12-04');
    expect(parseDayInput(' 4.12.2026 ')).toBe('2026-12-04');
    expect(parseDayInput('2026-12-04')).toBe('2026-12-04');
  });
  test('what is not a day is not one', () => {
    expect(parseDayInput('31-02-2026')).toBeNull();
    expect(parseDayInput('12-2026')).toBeNull();
    expect(parseDayInput('morgen')).toBeNull();
    expect(parseDayInput('')).toBeNull();
    expect(parseDayInput('1-1-26')).toBeNull();
  });
  test('shown in the language of the page', () => {
    expect(formatDayInput('2026-12-04', 'nl')).toBe('04-12-2026');
    expect(formatDayInput('2026-12-04', 'en')).toBe('04/12/2026');
    expect(formatDayInput('4-12', 'nl')).toBe('4-12');
    expect(dayPlaceholder('nl')).toBe('dd-mm-jjjj');
  });
});
