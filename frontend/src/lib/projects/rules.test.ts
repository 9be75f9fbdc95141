import type { TFunction } from 'i18next';
import { describe, expect, test } from 'vitest';
import i18next, { enTranslation, nlTranslation } from '../../i18n';
import { RULE_CODES, ruleMessage, rulesOfProblem } from './rules';

describe('rule messages', () => {
  test('every rule code the backend documents has words in both languages', () => {
    for (const code of RULE_CODES) {
      expect(nlTranslation.projects.rules[code], code).toBeTruthy();
      expect(enTranslation.projects.rules[code], code).toBeTruthy();
    }
  });

  test('a known code is said in Dutch; an unknown one shows the server text', async () => {
    await i18next.changeLanguage('nl');
    const t = i18next.t.bind(i18next) as TFunction;
    expect(ruleMessage(t, { code: 'realisation_needs_commitment', text: 'Realisation needs …' })).toBe(
      'Voor realisatie moet minstens één deelnemer hebben toegezegd of getekend.',
    );
    expect(ruleMessage(t, { code: 'new_rule_2027', text: 'A rule from the future.' })).toBe('A rule from the future.');
    await i18next.changeLanguage('en');
    expect(ruleMessage(t, { code: 'stop_needs_reason', text: '' })).toBe('Say why the project stops.');
    await i18next.changeLanguage('nl');
  });
});

describe('rulesOfProblem', () => {
  test('reads the rules of a 409 body and ignores anything else', () => {
    expect(
      rulesOfProblem({
        type: 'x',
        status: 409,
        rules: [{ code: 'realisation_needs_business_case', text: 'Realisation needs a business case.' }, { nope: 1 }, 'x'],
      }),
    ).toEqual([{ code: 'realisation_needs_business_case', text: 'Realisation needs a business case.' }]);
    expect(rulesOfProblem(null)).toEqual([]);
    expect(rulesOfProblem({ rules: 'no' })).toEqual([]);
  });
});
