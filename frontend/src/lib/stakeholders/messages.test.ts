import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import '../../i18n';
import { duplicateFromDetail, translateStakeholderMessage } from './messages';

describe('backend messages in the user’s language', () => {
  beforeAll(async () => {
    await i18next.changeLanguage('nl');
  });
  afterAll(async () => {
    await i18next.changeLanguage('nl');
  });
  const nl = (msg: string) => translateStakeholderMessage(msg, i18next.t, 'nl');

  test('import row messages', () => {
    expect(nl('unknown value; use one of: ondernemer, gemeente')).toBe('Onbekende waarde; gebruik een van: ondernemer, gemeente.');
    expect(nl('a KvK number has exactly 8 digits, e.g. 12345678')).toBe('Een KvK-nummer heeft precies 8 cijfers, bijvoorbeeld 12345678.');
    expect(nl('KvK number 12345678 appears twice in the file (also in row 3); keep one row per organisation')).toBe(
      'KvK-nummer 12345678 staat twee keer in het bestand (ook in rij 3); houd één rij per organisatie.',
    );
    expect(nl('the kind (soort) is required for a new stakeholder')).toBe('De soort is verplicht voor een nieuwe betrokkene.');
    expect(nl('Input should be less than or equal to 5')).toBe('Mag hoogstens 5 zijn.');
  });
  test('API field messages, with pydantic’s prefix', () => {
    expect(nl('Value error, not a valid phone number; write a Dutch number such as 06-12345678')).toMatch(/^Geen geldig telefoonnummer/);
    expect(nl('value is not a valid email address: An email address must have an @-sign.')).toBe('Geen geldig e-mailadres.');
    expect(nl('Input should be a valid decimal')).toMatch(/^Geen bedrag in euro's/);
  });
  test('warnings and file problems', () => {
    expect(nl("Column 'kleur' is not known and was ignored. Known columns: naam, soort.")).toBe('Kolom ‘kleur’ is onbekend en is overgeslagen.');
    expect(nl('Old Excel files (.xls) are not supported; save the sheet as .xlsx or as CSV.')).toMatch(/^Oude Excelbestanden/);
  });
  test('English, and unknown messages as the server wrote them', async () => {
    await i18next.changeLanguage('en');
    expect(translateStakeholderMessage('a name is required', i18next.t, 'en')).toBe('A name is required.');
    expect(translateStakeholderMessage('Something new happened', i18next.t, 'en')).toBe('Something new happened');
  });
});

test('the other stakeholder in a 409 about a KvK number', () => {
  expect(
    duplicateFromDetail(
      "KvK number 90020536 is already registered in this park, for stakeholder 'Autoschade (Kanaalweg)' (650878ea-35b4-46d3-862f-715a4a30fa22). Edit that stakeholder instead.",
    ),
  ).toEqual({ name: 'Autoschade (Kanaalweg)', id: '650878ea-35b4-46d3-862f-715a4a30fa22' });
  expect(duplicateFromDetail('Conflict')).toBeNull();
});
