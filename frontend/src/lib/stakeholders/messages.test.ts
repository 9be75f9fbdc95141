import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import '../../i18n';
import { duplicateFromDetail, shortenedParts, translateImportColumn, translateShortened, translateStakeholderMessage } from './messages';

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
  const KNOWN = 'Known columns: naam, soort, kvk, contactpersoon, e-mail, telefoon, sector, medewerkers, rol, invloed, betrokkenheid, woz, peiling, notities.';
  test('unknown columns in one warning, at most 20 named (backend _unknown_columns_warning)', () => {
    expect(nl(`Columns 'kleur', 'x y' and 'z' are not known and were ignored. ${KNOWN}`)).toBe(
      'De kolommen ‘kleur’, ‘x y’ en ‘z’ zijn onbekend en zijn overgeslagen.',
    );
    expect(nl(`Columns 'a' and 'b' are not known and were ignored. ${KNOWN}`)).toBe('De kolommen ‘a’ en ‘b’ zijn onbekend en zijn overgeslagen.');
    const twenty = Array.from({ length: 20 }, (_, i) => `'c${i}'`).join(', ');
    expect(nl(`Columns ${twenty} and 1,205 more are not known and were ignored. ${KNOWN}`)).toBe(
      `De kolommen ${Array.from({ length: 20 }, (_, i) => `‘c${i}’`).join(', ')} en nog 1.205 andere zijn onbekend en zijn overgeslagen.`,
    );
    expect(nl(`Columns '${'a'.repeat(42)}… (500 characters)' and 'b' are not known and were ignored. ${KNOWN}`)).toBe(
      `De kolommen ‘${'a'.repeat(42)}… (ingekort; 500 tekens)’ en ‘b’ zijn onbekend en zijn overgeslagen.`,
    );
    expect(nl('And 31 more warnings.')).toBe('En nog 31 waarschuwingen.');
  });
  test('workbooks refused before they are read, and the limits of a file', () => {
    expect(
      nl("The workbook part 'xl/workbook.xml' has a document type declaration (DTD), which Excel never writes; save the file again as .xlsx or CSV."),
    ).toBe('Het Excelbestand bevat een documenttypedefinitie (DTD) in ‘xl/workbook.xml’; die schrijft Excel nooit. Sla het bestand opnieuw op als .xlsx of als CSV.');
    expect(nl('The workbook unpacks to 146 MB; the limit is 50 MB. Split it into smaller files, or save it as CSV.')).toBe(
      'Uitgepakt is het Excelbestand 146 MB; de grens is 50 MB. Splits het in kleinere bestanden, of sla het op als CSV.',
    );
    expect(
      nl("The workbook part 'xl/sharedStrings.xml' unpacks to 1,026 times its size; Excel files are never compressed more than 200 times. Save it again as .xlsx or CSV."),
    ).toBe(
      'Een onderdeel van het Excelbestand (‘xl/sharedStrings.xml’) wordt uitgepakt 1.026 keer zo groot; Excel comprimeert nooit meer dan 200 keer. Sla het bestand opnieuw op als .xlsx of als CSV.',
    );
    expect(nl('The workbook has 1,001 parts; a workbook has at most 1,000. Save it again as .xlsx or CSV.')).toBe(
      'Het Excelbestand bestaat uit 1.001 onderdelen; een Excelbestand heeft er hoogstens 1.000. Sla het opnieuw op als .xlsx of als CSV.',
    );
    expect(nl(`The first row (row 1) has 301 columns; at most 256 are read. Remove the columns that are not needed. ${KNOWN}`)).toBe(
      'De eerste rij (rij 1) heeft 301 kolommen; er worden er hoogstens 256 gelezen. Verwijder de kolommen die niet nodig zijn. Bekende kolommen: naam, soort, kvk, contactpersoon, e-mail, telefoon, sector, medewerkers, rol, invloed, betrokkenheid, woz, peiling, notities.',
    );
    expect(nl('The file has more than 25,000 rows; the limit is 20,000 stakeholders per file. Split it into smaller files.')).toBe(
      'Het bestand heeft meer dan 25.000 rijen; de grens is 20.000 betrokkenen per bestand. Splits het in kleinere bestanden.',
    );
    expect(nl('The file is larger than the limit of 10 MB.')).toBe('Het bestand is groter dan de grens van 10 MB. Splits het in kleinere bestanden.');
    expect(
      nl('Old Excel files (.xls) and password-protected workbooks are not supported; save the sheet as .xlsx (without a password) or as CSV.'),
    ).toMatch(/wachtwoord/);
  });
  test('a cell with a control character, and shortened values', () => {
    expect(nl('contains a control character (U+0001); remove it')).toBe('Bevat een onzichtbaar stuurteken (U+0001); haal het weg.');
    const long = `${'a'.repeat(179)}… (20,000 characters)`;
    expect(translateShortened(long, i18next.t, 'nl')).toBe(`${'a'.repeat(179)}… (ingekort; 20.000 tekens)`);
    expect(translateShortened('gewoon… (niet ingekort)', i18next.t, 'nl')).toBe('gewoon… (niet ingekort)');
    expect(translateShortened('', i18next.t, 'nl')).toBe('');
    expect(shortenedParts(long, i18next.t, 'nl')).toEqual({ text: `${'a'.repeat(179)}…`, note: '(ingekort; 20.000 tekens)' });
    expect(shortenedParts('kort', i18next.t, 'nl')).toEqual({ text: 'kort', note: '' });
    // A name longer than 200 characters (a validated single-line text says "items").
    expect(nl('Value should have at most 200 items after validation, not 20799')).toBe('Gebruik hoogstens 200 tekens.');
  });
  test('erased contact persons, and stakeholders changed by someone else during the import', () => {
    const erased = ": the contact person of this stakeholder was erased on request; the contact person's name, e-mail and phone in the file were not imported. Enter them in the stakeholder's form if the person agrees anew.";
    expect(nl(`Row(s) 4${erased}`)).toMatch(/^Rij 4: de contactpersoon van deze betrokkene is op verzoek gewist\. Naam, e-mail en telefoon/);
    expect(nl(`Row(s) 2, 5${erased}`)).toMatch(/^Rijen 2 en 5: de contactpersonen van deze betrokkenen zijn op verzoek gewist\./);
    const twenty = Array.from({ length: 20 }, (_, i) => i + 2).join(', ');
    expect(nl(`Row(s) ${twenty} and 3 more${erased}`)).toMatch(/^Rijen 2, 3, .*, 21 en nog 3 andere: /);
    expect(nl('changed by someone else during the import')).toBe('Door iemand anders gewijzigd tijdens het importeren.');
    expect(
      nl('Nothing was imported: 3 stakeholder(s) in the file were changed by someone else while the file was being imported. Import the file again: it then starts from the current data.'),
    ).toBe(
      'Er is niets geïmporteerd: 3 betrokkenen uit het bestand zijn tijdens het importeren door iemand anders gewijzigd. Importeer het bestand opnieuw; dan wordt uitgegaan van de huidige gegevens.',
    );
  });
  test('likely duplicates and the field decisions of the import (backend _decision_help, parse_decisions)', () => {
    const id1 = '650878ea-35b4-46d3-862f-715a4a30fa22';
    const id2 = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed';
    const help = (row: number) =>
      `looks like a stakeholder already in the park: 'Bakkerij de Korf' (same name, KvK 12345678; id ${id1}); 'Korf; Bakkerij' (same name and same e-mail; id ${id2}). ` +
      `Choose for row ${row} in decisions: "update:<id>" (this row updates that stakeholder), "create" (a new stakeholder) or "skip" (leave the row out)`;
    expect(nl(help(3))).toBe(
      'Lijkt op een betrokkene die al in het park staat: ‘Bakkerij de Korf’ (zelfde naam, KvK 12345678) en ‘Korf; Bakkerij’ (zelfde naam en zelfde e-mailadres). ' +
        'Kies bij de mogelijke dubbelen wat er met rij 3 gebeurt: die betrokkene bijwerken, een nieuwe betrokkene aanmaken of de rij overslaan.',
    );
    expect(nl(`looks like a stakeholder already in the park: 'Garage' (same e-mail; id ${id1}). Choose for row 9 in decisions: "update:<id>" …`)).toBe(
      'Lijkt op een betrokkene die al in het park staat: ‘Garage’ (zelfde e-mailadres). Kies bij de mogelijke dubbelen wat er met rij 9 gebeurt: die betrokkene bijwerken, een nieuwe betrokkene aanmaken of de rij overslaan.',
    );
    expect(nl(`stakeholder ${id2} is not a likely duplicate of this row; ${help(4)}`)).toMatch(
      /^De gekozen betrokkene hoort niet bij de mogelijke dubbelen van deze rij\. Lijkt op een betrokkene .* met rij 4 gebeurt/,
    );
    expect(nl("this row is not a likely duplicate, so it takes no decision (got 'skip'); leave it out of decisions")).toBe(
      'Deze rij lijkt niet op een betrokkene die al in het park staat en vraagt dus geen keuze (gekregen: ‘skip’).',
    );
    expect(nl('row 12 is not a data row of the file; a decision is only for a row the check lists as a likely duplicate')).toBe(
      'Rij 12 is geen gegevensrij van het bestand; een keuze is er alleen voor een rij die de controle als mogelijk dubbel noemt.',
    );
    expect(nl('unknown decision; use "update:<stakeholder id>", "create" or "skip"')).toBe('Onbekende keuze; kies bijwerken, nieuw aanmaken of overslaan.');
    expect(nl('decisions is not valid JSON; send an object such as {"3": "skip"}')).toMatch(/^De keuzes voor de mogelijke dubbelen konden niet worden gelezen/);
    expect(nl('decisions must be a JSON object such as {"3": "skip"}')).toMatch(/^De keuzes voor de mogelijke dubbelen konden niet worden gelezen/);
    expect(nl('decisions holds more than 20,000 rows')).toBe('Er zijn keuzes voor meer dan 20.000 rijen gestuurd; dat is de grens.');
    expect(nl("decisions: 'drie' is not a row number; the keys are the rows as the spreadsheet numbers them (the header is row 1)")).toBe(
      'De keuze voor ‘drie’ hoort niet bij een rijnummer; de rijen tellen zoals in het spreadsheet (de kolomnamen staan in rij 1).',
    );
    expect(nl("the stakeholder 'Bakkerij de Korf' is already updated by row 3; keep one row per organisation")).toBe(
      'De betrokkene ‘Bakkerij de Korf’ wordt al bijgewerkt door rij 3; houd één rij per organisatie.',
    );
    // The field decisions is no column of the file: named in words; a real column as the file has it.
    expect(translateImportColumn('decisions', i18next.t, 'nl')).toBe('keuze bij mogelijke dubbelen');
    expect(translateImportColumn('naam', i18next.t, 'nl')).toBe('naam');
    // A description that is not the backend's: as the server wrote it.
    expect(nl('looks like a stakeholder already in the park: something else. Choose for row 3 in decisions: x')).toBe(
      'looks like a stakeholder already in the park: something else. Choose for row 3 in decisions: x',
    );
  });
  test('English, and unknown messages as the server wrote them', async () => {
    await i18next.changeLanguage('en');
    expect(translateStakeholderMessage('a name is required', i18next.t, 'en')).toBe('A name is required.');
    expect(translateStakeholderMessage('Something new happened', i18next.t, 'en')).toBe('Something new happened');
    const en = (msg: string) => translateStakeholderMessage(msg, i18next.t, 'en');
    expect(en(`Columns 'kleur', 'x y' and 'z' are not known and were ignored. ${KNOWN}`)).toBe(
      'The columns ‘kleur’, ‘x y’ and ‘z’ are not known and were skipped.',
    );
    expect(en(`Columns ${Array.from({ length: 20 }, (_, i) => `'c${i}'`).join(', ')} and 5 more are not known and were ignored.`)).toMatch(
      /‘c18’, ‘c19’ and 5 more are not known/,
    );
    expect(translateShortened(`aaa… (20,000 characters)`, i18next.t, 'en')).toBe('aaa… (shortened; 20,000 characters)');
    expect(en(`looks like a stakeholder already in the park: 'A' (same name and same e-mail; id 650878ea-35b4-46d3-862f-715a4a30fa22). Choose for row 2 in decisions: …`)).toBe(
      'Looks like a stakeholder already in the park: ‘A’ (same name and same e-mail address). Choose under the likely duplicates what happens to row 2: update that stakeholder, create a new one, or skip the row.',
    );
    expect(en("Row(s) 2, 5: the contact person of this stakeholder was erased on request; …")).toMatch(/^Rows 2 and 5: /);
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
