import i18next from 'i18next';
import { beforeAll, describe, expect, test } from 'vitest';
import '../../i18n';
import { translateInterestMessage } from './messages';

describe('validation messages of the interests API', () => {
  beforeAll(async () => {
    await i18next.changeLanguage('nl');
  });

  test('budget messages in Dutch', () => {
    const t = i18next.t.bind(i18next);
    expect(translateInterestMessage('Decimal input should have no more than 2 decimal places', t, 'nl')).toBe(
      'Gebruik hoogstens twee cijfers achter de komma.',
    );
    expect(translateInterestMessage('Input should be a valid decimal', t, 'nl')).toContain('Vul een bedrag in');
  });

  test('the common ones via the shared translation; unknown ones as the server wrote them', () => {
    const t = i18next.t.bind(i18next);
    expect(translateInterestMessage('String should have at most 5000 characters', t, 'nl')).toBe('Gebruik hoogstens 5000 tekens.');
    expect(translateInterestMessage('Input should be less than or equal to 5', t, 'nl')).toBe('Mag hoogstens 5 zijn.');
    expect(translateInterestMessage("unknown theme 'x'", t, 'nl')).toBe("unknown theme 'x'");
  });
});
