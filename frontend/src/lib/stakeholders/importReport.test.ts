import { describe, expect, test } from 'vitest';
import {
  dryRunOutcome,
  errorTotals,
  importFailureView,
  parseImportWarnings,
  staleStakeholders,
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

describe('what a 422 or 409 from the import says besides its errors', () => {
  test('the warnings come as the problem’s `warnings` member (older answers: in the detail)', () => {
    expect(
      parseImportWarnings({
        detail: 'Nothing was imported: 1 row(s) have errors (1 in all). Correct them in the file and import it again. The file also has 2 warning(s); see warnings.',
        warnings: ["Columns 'a' and 'b' are not known and were ignored. Known columns: naam.", 'And 3 more warnings.', 7],
      }),
    ).toEqual(["Columns 'a' and 'b' are not known and were ignored. Known columns: naam.", 'And 3 more warnings.']);
    expect(parseImportWarnings({ detail: "Nothing was imported. Column 'kleur' is not known and was ignored. Known columns: naam." })).toEqual([
      "Column 'kleur' is not known and was ignored.",
    ]);
    expect(parseImportWarnings(null)).toEqual([]);
  });
  test('the totals of a 422 that lists only the first 200 errors', () => {
    const listed = Array.from({ length: 200 }, (_, i) => ({ row: i + 2, column: 'naam', value: '', message: 'a name is required' }));
    expect(
      errorTotals(
        'Nothing was imported: 250 row(s) have errors (1,300 in all, the first 200 are listed). Correct them in the file and import it again.',
        listed,
      ),
    ).toEqual({ rows: 250, errors: 1300, listed: 200 });
    expect(errorTotals('Nothing was imported: 2 row(s) have errors (3 in all).', parseImportErrors(problem))).toEqual({ rows: 2, errors: 3, listed: 3 });
    expect(errorTotals('Something else', parseImportErrors(problem))).toEqual({ rows: 2, errors: 3, listed: 3 });
  });
  test('a 409: how many stakeholders someone else changed during the import', () => {
    const body = {
      status: 409,
      detail:
        'Nothing was imported: 3 stakeholder(s) in the file were changed by someone else while the file was being imported. Import the file again: it then starts from the current data.',
      errors: [
        { loc: ['file', 2, 'name'], msg: 'changed by someone else during the import', row: 2, column: 'kvk', value: '12345678' },
        { loc: ['file', 5, 'name'], msg: 'changed by someone else during the import', row: 5, column: 'naam', value: 'Bakkerij Jansen' },
      ],
    };
    const rows = parseImportErrors(body);
    expect(rows.map((r) => `${r.row}:${r.column}:${r.value}`)).toEqual(['2:kvk:12345678', '5:naam:Bakkerij Jansen']);
    expect(staleStakeholders(body.detail, rows)).toBe(3);
    expect(staleStakeholders('The change conflicts with data that was written at the same moment; retry.', [])).toBeNull();
    expect(staleStakeholders('Conflict', rows)).toBe(2);
  });
  test('which view the dialog shows', () => {
    expect(importFailureView(409, 2)).toBe('stale');
    expect(importFailureView(409, 0)).toBe('stale');
    expect(importFailureView(422, 3)).toBe('rejected');
    expect(importFailureView(422, 0)).toBe('failed'); // a problem with the whole file: one message
    expect(importFailureView(413, 0)).toBe('failed');
    expect(importFailureView(0, 0)).toBe('failed');
  });
});
