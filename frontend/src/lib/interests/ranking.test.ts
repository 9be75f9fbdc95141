import { describe, expect, test } from 'vitest';
import {
  formatEuro,
  formatPercent,
  formatScore,
  kindEntries,
  obstacleEntries,
  readFilters,
  scoreWidth,
  urgencyColour,
  writeFilters,
} from './ranking';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('ranking display helpers', () => {
  test('kinds: most first, ties in the usual order of kinds, zeros left out', () => {
    expect(kindEntries({ municipality: 1, entrepreneur: 10, grid_operator: 1, property_owner: 0 })).toEqual([
      { kind: 'entrepreneur', count: 10, share: 10 / 12 },
      { kind: 'municipality', count: 1, share: 1 / 12 },
      { kind: 'grid_operator', count: 1, share: 1 / 12 },
    ]);
    expect(kindEntries({})).toEqual([]);
  });

  test('obstacles: only those named, most named first', () => {
    expect(
      obstacleEntries({ knowledge: 8, grid_congestion: 7, money: 0, time: 0, regulation: 7, other: 0 }),
    ).toEqual([
      { obstacle: 'knowledge', count: 8 },
      { obstacle: 'grid_congestion', count: 7 },
      { obstacle: 'regulation', count: 7 },
    ]);
  });

  test('euros in nl-NL and en-GB; cents only when there are any', () => {
    expect(nbsp(formatEuro('366000.00', 'nl'))).toBe('€ 366.000');
    expect(nbsp(formatEuro('2500.50', 'nl'))).toBe('€ 2.500,50');
    expect(formatEuro('366000.00', 'en')).toBe('€366,000');
    expect(formatEuro(null, 'nl')).toBe('—');
    expect(formatEuro('nope', 'nl')).toBe('—');
  });

  test('percent, score and bar width', () => {
    expect(formatPercent(0.8571, 'nl')).toBe('86%');
    expect(formatScore(74.2, 'nl')).toBe('74,2');
    expect(formatScore(70, 'en')).toBe('70.0');
    expect(scoreWidth(120)).toBe(100);
    expect(scoreWidth(-1)).toBe(0);
    expect(scoreWidth(Number.NaN)).toBe(0);
  });

  test('filters from and to the address bar', () => {
    expect(readFilters(new URLSearchParams(''))).toEqual({ track: null, minStakeholders: 2 });
    expect(readFilters(new URLSearchParams('spoor=toekomstbestendig&min=3'))).toEqual({
      track: 'toekomstbestendig',
      minStakeholders: 3,
    });
    expect(readFilters(new URLSearchParams('spoor=mars&min=0'))).toEqual({ track: null, minStakeholders: 2 });
    expect(writeFilters({ track: null, minStakeholders: 2 }).toString()).toBe('');
    expect(writeFilters({ track: 'schoon_heel_veilig', minStakeholders: 1 }).toString()).toBe('spoor=schoon_heel_veilig&min=1');
  });

  test('urgency colours from 1 to 5, clamped', () => {
    expect(urgencyColour(1)).not.toBe(urgencyColour(5));
    expect(urgencyColour(9)).toBe(urgencyColour(5));
    expect(urgencyColour(0)).toBe(urgencyColour(1));
  });
});
