import { describe, expect, test } from 'vitest';
import { formatDay, formatScore } from './dates';

describe('formatDay and formatScore', () => {
  test('a plain date is that day, in Dutch or English', () => {
    expect(formatDay('2026-11-23', 'nl')).toMatch(/23 nov\.? 2026/);
    expect(formatDay('2026-11-23', 'en')).toBe('23 Nov 2026');
    expect(formatDay(null, 'nl')).toBe('—');
    expect(formatDay('nonsense', 'nl')).toBe('—');
  });

  test('scores have one decimal with the reader’s separator', () => {
    expect(formatScore(58.1, 'nl')).toBe('58,1');
    expect(formatScore(60, 'en')).toBe('60.0');
    expect(formatScore(null, 'en')).toBe('—');
  });
});
