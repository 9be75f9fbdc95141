import { describe, expect, test } from 'vitest';
import { levelOf, marksOf, radarData, scoreLine, sparkline } from './charts';

const points = [
  { code: 'continuity', title: 'Continuïteit' },
  { code: 'personal_contact', title: 'Persoonlijk contact' },
  { code: 'realisation', title: 'Focus op realisatie' },
];
const a = (created_at: string, marks: number[], score: number) => ({
  created_at,
  score,
  level: 0,
  answers: Object.fromEntries(points.map((p, i) => [p.code, { score: marks[i] }])),
});
const names = { latest: (d: string) => `latest ${d}`, previous: (d: string) => `previous ${d}` };

describe('radarData', () => {
  test('the latest against the previous one, axes in the rubric order with max 4', () => {
    const data = radarData(points, [a('2025-01-01', [0, 1, 2], 10), a('2025-06-01', [1, 2, 2], 30), a('2026-01-01', [3, 4, 2], 60)], names);
    expect(data?.indicators).toEqual([
      { name: 'Continuïteit', max: 4 },
      { name: 'Persoonlijk contact', max: 4 },
      { name: 'Focus op realisatie', max: 4 },
    ]);
    expect(data?.series).toEqual([
      { name: 'latest 2026-01-01', value: [3, 4, 2] },
      { name: 'previous 2025-06-01', value: [1, 2, 2] },
    ]);
  });

  test('one assessment gives one series; none gives nothing', () => {
    expect(radarData(points, [a('2026-01-01', [1, 1, 1], 20)], names)?.series).toHaveLength(1);
    expect(radarData(points, [], names)).toBeNull();
    expect(radarData([], [a('2026-01-01', [1, 1, 1], 20)], names)).toBeNull();
  });

  test('a missing or odd mark counts as 0 and marks stay within 0–4', () => {
    expect(marksOf(points, { continuity: { score: 7 }, personal_contact: { score: -1 } })).toEqual([4, 0, 0]);
    expect(marksOf(points, { continuity: { score: Number.NaN } })).toEqual([0, 0, 0]);
  });
});

describe('scoreLine', () => {
  test('time and score pairs, oldest first, from either date field', () => {
    expect(
      scoreLine([
        { assessed_at: '2026-01-01T00:00:00Z', score: 60 },
        { created_at: '2025-01-01T00:00:00Z', score: 30 },
        { created_at: 'not a date', score: 10 },
      ]),
    ).toEqual([
      [Date.parse('2025-01-01T00:00:00Z'), 30],
      [Date.parse('2026-01-01T00:00:00Z'), 60],
    ]);
  });
});

describe('sparkline', () => {
  test('evenly spaced, 100 at the top, 0 at the bottom, inside the padding', () => {
    expect(sparkline([0, 50, 100], 104, 24, 2)).toEqual({
      points: '2,22 52,12 102,2',
      last: { x: 102, y: 2 },
    });
  });

  test('one point sits in the middle; none draws nothing; values are clamped', () => {
    expect(sparkline([40], 100, 20, 0)).toEqual({ points: '50,12', last: { x: 50, y: 12 } });
    expect(sparkline([], 100, 20)).toEqual({ points: '', last: null });
    expect(sparkline([150, -5], 10, 10, 0).points).toBe('0,0 10,10');
  });
});

describe('levelOf', () => {
  const levels = [0, 20, 40, 60, 80].map((from_score, level) => ({ level, from_score }));
  test('a boundary belongs to the higher level', () => {
    expect(levelOf(0, levels)).toBe(0);
    expect(levelOf(19.9, levels)).toBe(0);
    expect(levelOf(20, levels)).toBe(1);
    expect(levelOf(59.9, levels)).toBe(2);
    expect(levelOf(80, levels)).toBe(4);
    expect(levelOf(100, levels)).toBe(4);
  });
});
