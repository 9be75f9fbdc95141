import { expect, test } from 'vitest';
import { enTranslation, nlTranslation } from '../../i18n';
import { isKind, KIND_COLORS, KIND_SYMBOLS, kindColor, KINDS } from './kinds';

test('every kind has its own colour, a shape and a name in both languages', () => {
  expect(Object.keys(KIND_COLORS).sort()).toEqual([...KINDS].sort());
  expect(new Set(Object.values(KIND_COLORS)).size).toBe(KINDS.length);
  for (const kind of KINDS) {
    expect(KIND_COLORS[kind]).toMatch(/^#[0-9a-f]{6}$/);
    expect(KIND_SYMBOLS[kind]).toBeTruthy();
    expect(nlTranslation.stakeholders.kinds[kind]).toBeTruthy();
    expect(enTranslation.stakeholders.kinds[kind]).toBeTruthy();
  }
});

/** WCAG relative luminance contrast against white. */
function contrastOnWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (l + 0.05);
}

test('the colours stand out on a white background (graphics: at least 1.9:1, most 3:1)', () => {
  const ratios = KINDS.map((k) => contrastOnWhite(KIND_COLORS[k]));
  for (const r of ratios) expect(r).toBeGreaterThanOrEqual(1.9);
  expect(ratios.filter((r) => r >= 3).length).toBeGreaterThanOrEqual(5);
});

test('an unknown kind gets the colour of "other"', () => {
  expect(kindColor('nonsense')).toBe(KIND_COLORS.other);
  expect(isKind('grid_operator')).toBe(true);
  expect(isKind('grid operator')).toBe(false);
});
