import { describe, expect, test } from 'vitest';
import { parseVoters } from './paste';

describe('pasted voters', () => {
  test('tabs or semicolons, a header, Dutch and English words, Dutch numbers', () => {
    const text = [
      'groep\tstem\tWOZ',
      'gebruiker\tja\t1.250.000',
      'Eigenaar\tnee\t€ 800.000,50',
      'user;yes;300000',
      'owner;;',
      '',
      'gebruiker\tonthouding\t',
    ].join('\n');
    const { voters, errors } = parseVoters(text);
    expect(errors).toEqual([]);
    expect(voters).toEqual([
      { group: 'user', vote: 'yes', woz_value_eur: '1250000.00' },
      { group: 'owner', vote: 'no', woz_value_eur: '800000.50' },
      { group: 'user', vote: 'yes', woz_value_eur: '300000.00' },
      { group: 'owner', vote: 'none', woz_value_eur: null },
      { group: 'user', vote: 'none', woz_value_eur: null },
    ]);
  });

  test('an unknown group or an unreadable WOZ value is reported with its line', () => {
    const { voters, errors } = parseVoters('huurder;ja;100\nbuurman;ja;100\ngebruiker;ja;veel');
    expect(voters).toHaveLength(1);
    expect(errors.map((e) => [e.line, e.problem])).toEqual([
      [2, 'group'],
      [3, 'woz'],
    ]);
  });
});
