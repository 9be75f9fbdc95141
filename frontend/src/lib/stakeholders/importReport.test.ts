import { describe, expect, test } from 'vitest';
import {
  dryRunOutcome,
  warningsFromDetail,
  errorsToTsv,
  fileKind,
  formatFileSize,
  parseImportErrors,
  rowsWithErrors,
  sortImportErrors,
} from './importReport';

// As the backend answers an import with errors (see backend/stakeholders/service.py).
const problem = {
  type: 'https://parkregie.nl/problems/validation-error',
  title: 'Invalid input',
  status: 422,
  detail: 'Nothing was imported: 2 row(s) have errors (3 in all).',
  errors: [
    { loc: ['file', 3, 'soort'], msg: 'unknown value; use one of: ondernemer', row: 3, column: 'soort', value: 'ondrnemer' },
    { loc: ['file', 3, 'kvk'], msg: 'a KvK number has exactly 8 digits, e.g. 12345678', row: 3, column: 'kvk', value: '1234' },
    { loc: ['file', 2, 'telefoon'], msg: 'not a valid phone number', row: 2, column: 'telefoon', value: 'abc' },
  ],
};

describe('parseImportErrors', () => {
  test('reads row, column, value and message', () => {
    const errors = parseImportErrors(problem);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toEqual({ row: 3, column: 'soort', value: 'ondrnemer', message: 'unknown value; use one of: ondernemer' });
  });
  test('falls back on loc; a file-wide problem has no row', () => {
    expect(parseImportErrors({ errors: [{ loc: ['file', 7, 'naam'], msg: 'a name is required' }] })).toEqual([
      { row: 7, column: 'naam', value: '', message: 'a name is required' },
    ]);
    expect(parseImportErrors({ errors: [{ loc: ['file'], msg: 'The file is empty.' }] })).toEqual([
      { row: null, column: '', value: '', message: 'The file is empty.' },
    ]);
  });
  test('anything else is no errors', () => {
    expect(parseImportErrors(null)).toEqual([]);
    expect(parseImportErrors('oops')).toEqual([]);
    expect(parseImportErrors({ errors: [{ nope: 1 }] })).toEqual([]);
  });
});

describe('the error table', () => {
  const errors = parseImportErrors(problem);
  const order = ['naam', 'soort', 'kvk', 'telefoon'];
  test('by row, then in the order of the file’s columns', () => {
    expect(sortImportErrors(errors, 'row', 'asc', order).map((e) => `${e.row}:${e.column}`)).toEqual([
      '2:telefoon',
      '3:soort',
      '3:kvk',
    ]);
    expect(sortImportErrors(errors, 'row', 'desc', order).map((e) => `${e.row}:${e.column}`)).toEqual([
      '3:kvk',
      '3:soort',
      '2:telefoon',
    ]);
  });
  test('by column, value or message', () => {
    expect(sortImportErrors(errors, 'column', 'asc', order).map((e) => e.column)).toEqual(['soort', 'kvk', 'telefoon']);
    expect(sortImportErrors(errors, 'value', 'asc').map((e) => e.value)).toEqual(['1234', 'abc', 'ondrnemer']);
  });
  test('counts rows, not errors', () => {
    expect(rowsWithErrors(errors)).toBe(2);
    expect(rowsWithErrors([{ row: null, column: '', value: '', message: 'x' }])).toBe(0);
  });
  test('copies as tab-separated text that pastes into a spreadsheet', () => {
    const tsv = errorsToTsv(
      [{ row: 3, column: 'notities', value: 'a\tb\nc', message: 'too long' }],
      ['Rij', 'Kolom', 'Waarde', 'Melding'],
    );
    expect(tsv).toBe('Rij\tKolom\tWaarde\tMelding\n3\tnotities\ta b c\ttoo long\n');
  });
});

test('a clean dry run has something to confirm only when it changes something', () => {
  expect(dryRunOutcome({ created: 1, updated: 0 })).toBe('changes');
  expect(dryRunOutcome({ created: 0, updated: 2 })).toBe('changes');
  expect(dryRunOutcome({ created: 0, updated: 0 })).toBe('nothing');
});

test('file kinds and sizes', () => {
  expect(fileKind('Leden.CSV')).toBe('csv');
  expect(fileKind('lijst.xlsx')).toBe('xlsx');
  expect(fileKind('oud.xls')).toBe('xls');
  expect(fileKind('foto.png')).toBe('other');
  expect(formatFileSize(512, 'nl')).toBe('512 bytes');
  expect(formatFileSize(85_000, 'nl')).toBe('85 kB');
  expect(formatFileSize(3_450_000, 'nl')).toBe('3,5 MB');
  expect(formatFileSize(3_450_000, 'en')).toBe('3.5 MB');
});

test('the unknown columns of a 422 come out of its detail', () => {
  expect(
    warningsFromDetail(
      "Nothing was imported: 1 row(s) have errors (3 in all). Correct them in the file and import it again. Column 'kleur' is not known and was ignored. Known columns: naam, soort. Column 'x y' is not known and was ignored. Known columns: naam, soort.",
    ),
  ).toEqual(["Column 'kleur' is not known and was ignored.", "Column 'x y' is not known and was ignored."]);
  expect(warningsFromDetail('Nothing was imported.')).toEqual([]);
});
