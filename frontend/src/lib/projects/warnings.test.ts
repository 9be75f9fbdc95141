import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, test } from 'vitest';
import i18next from '../../i18n';
import { commitmentCounts } from './participants';
import { translateWarning } from './warnings';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
let t: TFunction;

beforeAll(async () => {
  await i18next.changeLanguage('nl');
  t = i18next.t.bind(i18next) as TFunction;
});

describe('business-case warnings in Dutch', () => {
  test('the ones the server sends', () => {
    expect(translateWarning('The yearly benefits do not exceed the running costs: the project never pays back.', t, 'nl')).toMatch(/nooit terug/);
    expect(translateWarning('The payback time (18.5 years) is longer than the lifetime (15 years).', t, 'nl')).toBe(
      'De terugverdientijd (18,5 jaar) is langer dan de looptijd (15 jaar).',
    );
    expect(plain(translateWarning('The fixed contributions exceed the net investment by 2500.00.', t, 'nl'))).toBe(
      'De vaste bijdragen zijn € 2.500 hoger dan de netto investering.',
    );
    expect(translateWarning('No WOZ value known for Bakkerij A, Garage B: they get no share.', t, 'nl')).toBe(
      'WOZ-waarde onbekend voor Bakkerij A, Garage B: zij krijgen geen aandeel.',
    );
    expect(translateWarning('None of the participants has a number of employees: the investment is split equally instead.', t, 'nl')).toMatch(
      /aantal medewerkers/,
    );
    expect(
      plain(
        translateWarning(
          'the custom shares add up to 9000.00, but 10000.00 must be split (the net investment minus the fixed contributions)',
          t,
          'nl',
        ),
      ),
    ).toMatch(/samen € 9\.000, maar er moet € 10\.000 verdeeld/);
  });
  test('an unknown warning is shown as the server wrote it', () => {
    expect(translateWarning('Something new.', t, 'nl')).toBe('Something new.');
  });
});

describe('commitmentCounts', () => {
  test('committed counts signed too', () => {
    expect(commitmentCounts([{ commitment: 'interested' }, { commitment: 'committed' }, { commitment: 'signed' }])).toEqual({ committed: 2, signed: 1 });
  });
});
