import { describe, expect, test } from 'vitest';
import { formatEuro, moneyToInput, parseMoney } from './money';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatEuro', () => {
  test('Dutch: euro sign, dots for thousands, no cents when whole', () => {
    expect(plain(formatEuro('1250000.00', 'nl'))).toBe('€ 1.250.000');
    expect(plain(formatEuro('0.00', 'nl'))).toBe('€ 0');
  });
  test('cents are shown when there are any, with a decimal comma', () => {
    expect(plain(formatEuro('1250000.50', 'nl'))).toBe('€ 1.250.000,50');
    expect(plain(formatEuro('12.05', 'nl'))).toBe('€ 12,05');
  });
  test('English', () => {
    expect(plain(formatEuro('1250000.00', 'en'))).toBe('€1,250,000');
    expect(plain(formatEuro('999999999999.99', 'en'))).toBe('€999,999,999,999.99');
  });
  test('nothing is a dash', () => {
    expect(formatEuro(null, 'nl')).toBe('—');
    expect(formatEuro(undefined, 'nl')).toBe('—');
    expect(formatEuro('', 'nl')).toBe('—');
  });
});

describe('moneyToInput', () => {
  test('whole amounts without decimals, cents with the locale separator', () => {
    expect(moneyToInput('1250000.00', 'nl')).toBe('1250000');
    expect(moneyToInput('1250000.50', 'nl')).toBe('1250000,50');
    expect(moneyToInput('1250000.50', 'en')).toBe('1250000.50');
    expect(moneyToInput(null, 'nl')).toBe('');
  });
  test('reads back to the same value', () => {
    for (const value of ['1250000.00', '0.05', '12.30', '999999999999.99']) {
      expect(parseMoney(moneyToInput(value, 'nl'))).toEqual({ ok: true, value });
      expect(parseMoney(moneyToInput(value, 'en'))).toEqual({ ok: true, value });
    }
  });
});

describe('parseMoney', () => {
  const ok = (input: string) => {
    const r = parseMoney(input);
    return r.ok ? r.value : `error:${r.reason}`;
  };
  test('the ways people write amounts', () => {
    expect(ok('1250000')).toBe('1250000.00');
    expect(ok('1.250.000')).toBe('1250000.00');
    expect(ok('1.250.000,50')).toBe('1250000.50');
    expect(ok('1,250,000.50')).toBe('1250000.50');
    expect(ok('€ 1.250.000,-')).toBe('1250000.00');
    expect(ok('1250000,5')).toBe('1250000.50');
    expect(ok('1 250 000')).toBe('1250000.00');
    expect(ok('0,5')).toBe('0.50');
  });
  test('a lone separator with three digits groups thousands', () => {
    expect(ok('1.250')).toBe('1250.00');
    expect(ok('1,250')).toBe('1250.00');
    expect(ok('12,50')).toBe('12.50');
  });
  test('empty is no value', () => {
    expect(ok('')).toBeNull();
    expect(ok('   ')).toBeNull();
  });
  test('what is refused, and why', () => {
    expect(ok('abc')).toBe('error:format');
    expect(ok('-5')).toBe('error:negative');
    expect(ok('1,2,3')).toBe('error:format');
    expect(ok('12,345,6')).toBe('error:format');
    expect(ok('1.5.0,00')).toBe('error:format');
    expect(ok('12,555')).toBe('12555.00');
    expect(ok('0,125')).toBe('125.00'); // as the import reads it: three digits group thousands
    expect(ok('1,2345')).toBe('error:cents');
    expect(ok('1000000000000')).toBe('error:max');
  });
});
