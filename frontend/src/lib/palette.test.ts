import { describe, expect, test } from 'vitest';
import { LEVEL_COLORS, NOT_ASSESSED_COLOR, levelColor, levelTextColor } from './palette';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

describe('the level palette', () => {
  test('each level and the never-assessed grey have their colour', () => {
    expect(levelColor(0)).toBe(LEVEL_COLORS[0]);
    expect(levelColor(4)).toBe(LEVEL_COLORS[4]);
    expect(levelColor(9)).toBe(LEVEL_COLORS[4]);
    expect(levelColor(null)).toBe(NOT_ASSESSED_COLOR);
  });
  test('text on every level is readable (4.5:1)', () => {
    for (let level = 0; level < LEVEL_COLORS.length; level++) {
      expect(contrast(levelColor(level), levelTextColor(level))).toBeGreaterThanOrEqual(4.5);
    }
  });
  test('neighbouring levels differ visibly', () => {
    for (let level = 1; level < LEVEL_COLORS.length; level++) {
      expect(contrast(levelColor(level - 1), levelColor(level))).toBeGreaterThanOrEqual(1.3);
    }
  });
});

describe('the kinds of stakeholder', () => {
  test('have one colour each, the same on every screen, apart from the urgency scale', async () => {
    const { KIND_COLORS, kindColor } = await import('./palette');
    const { KIND_COLOURS, URGENCY_COLOURS } = await import('./interests/ranking');
    const { KIND_COLORS: LIST_COLORS } = await import('./stakeholders/kinds');
    const colours = Object.values(KIND_COLORS);
    expect(new Set(colours).size).toBe(colours.length);
    expect(KIND_COLOURS).toEqual(KIND_COLORS);
    expect(LIST_COLORS).toEqual(KIND_COLORS);
    for (const c of colours) expect(URGENCY_COLOURS as readonly string[]).not.toContain(c);
    expect(kindColor('unknown')).toBe(KIND_COLORS.other);
  });
});
