import { describe, expect, test } from 'vitest';
import {
  EMPTY,
  formatCoordinate,
  formatEuro,
  formatHectares,
  formatNumber,
  localeFor,
  parseDecimal,
  parseInteger,
  toInputNumber,
} from './format';

// Intl may use a narrow no-break space; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('number formatting', () => {
  test('Dutch by default, English as en-GB', () => {
    expect(localeFor('nl')).toBe('nl-NL');
    expect(localeFor(undefined)).toBe('nl-NL');
    expect(localeFor('en')).toBe('en-GB');
  });

  test('nl-NL uses a decimal comma and dots for thousands', () => {
    expect(formatNumber(1234.5, 'nl')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(3646, 'nl', { maximumFractionDigits: 0 })).toBe('3.646');
  });

  test('hectares with one or two decimals', () => {
    expect(plain(formatHectares(8.8, 'nl'))).toBe('8,8 ha');
    expect(plain(formatHectares(183.41, 'nl'))).toBe('183,41 ha');
    expect(plain(formatHectares(0, 'nl'))).toBe('0,0 ha');
    expect(plain(formatHectares(1500, 'en'))).toBe('1,500.0 ha');
  });

  test('missing values show a dash', () => {
    expect(formatNumber(null, 'nl')).toBe(EMPTY);
    expect(formatHectares(undefined, 'nl')).toBe(EMPTY);
    expect(formatNumber(Number.NaN, 'nl')).toBe(EMPTY);
  });

  test('coordinates keep four to six decimals', () => {
    expect(formatCoordinate(52.1, 'nl')).toBe('52,1000');
    expect(formatCoordinate(5.12345678, 'nl')).toBe('5,123457');
  });

  test('input values have no grouping and the locale decimal separator', () => {
    expect(toInputNumber(1234.5, 'nl')).toBe('1234,5');
    expect(toInputNumber(1234.5, 'en')).toBe('1234.5');
    expect(toInputNumber(null, 'nl')).toBe('');
  });
});

describe('parsing what people type', () => {
  test.each([
    ['12,5', 12.5],
    ['12.5', 12.5],
    [' 1.234,5 ', 1234.5],
    ['1,234.5', 1234.5],
    ['52.0907', 52.0907],
    ['-3', -3],
    ['0', 0],
    [',5', 0.5],
    ['1 234,5', 1234.5],
  ])('%s → %s', (input, value) => {
    expect(parseDecimal(input)).toEqual({ ok: true, value });
  });

  test('empty is null', () => {
    expect(parseDecimal('  ')).toEqual({ ok: true, value: null });
  });

  test.each(['abc', '1,2,3', '12ha', '1.2.3', '--1', 'Infinity'])('%s is not a number', (input) => {
    expect(parseDecimal(input).ok).toBe(false);
  });

  test('integers', () => {
    expect(parseInteger('560')).toEqual({ ok: true, value: 560 });
    expect(parseInteger('')).toEqual({ ok: true, value: null });
    expect(parseInteger('5,5').ok).toBe(false);
  });
});

describe('formatEuro, the one euro formatter', () => {
  const plain = (s: string) => s.replace(/\u00a0/g, ' ');
  test('the API’s decimal strings and numbers; cents only when there are any', () => {
    expect(plain(formatEuro('1250000.00', 'nl'))).toBe('€ 1.250.000');
    expect(plain(formatEuro('1250000.50', 'nl'))).toBe('€ 1.250.000,50');
    expect(plain(formatEuro(2500.5, 'nl'))).toBe('€ 2.500,50');
    expect(formatEuro(366000, 'en')).toBe('€366,000');
    expect(formatEuro(null, 'nl')).toBe('—');
    expect(formatEuro('', 'nl')).toBe('—');
    expect(formatEuro('nope', 'nl')).toBe('—');
  });
});
