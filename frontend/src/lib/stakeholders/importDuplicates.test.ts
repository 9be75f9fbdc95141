import { describe, expect, it } from 'vitest';
import { choiceFromValue, choiceValue, decidedChanges, decisionsOf, defaultChoices, type ImportDuplicate } from './importDuplicates';

const dup = (row: number, ids: string[]): ImportDuplicate => ({
  row,
  name: `Rij ${row}`,
  decision: null,
  candidates: ids.map((id) => ({ id, name: id, kvk_number: null, reasons: ['name'] })),
});

describe('import duplicates', () => {
  it('defaults to updating the best match and sends the decisions', () => {
    const choices = defaultChoices([dup(2, ['a', 'b']), dup(5, ['c'])]);
    expect(decisionsOf(choices)).toEqual({ '2': 'update:a', '5': 'update:c' });
    choices[5] = choiceFromValue('skip');
    choices[2] = choiceFromValue(choiceValue({ action: 'update', target: 'b' }));
    expect(decisionsOf(choices)).toEqual({ '2': 'update:b', '5': 'skip' });
    expect(decidedChanges(choices)).toBe(1);
    expect(choiceFromValue('create')).toEqual({ action: 'create' });
  });
});
