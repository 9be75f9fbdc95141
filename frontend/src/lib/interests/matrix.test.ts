import { describe, expect, test } from 'vitest';
import type { InterestMatrix } from '../../api/interests';
import { heatmapLayout, interestCounts, namedFirst, shapeMatrix, shortLabel, themeLists, VISIBLE_ROWS } from './matrix';

const matrix: InterestMatrix = {
  park_id: 'p',
  stakeholders: [
    { id: 'a', name: 'Autoschade Kanaalweg', kind: 'entrepreneur' },
    { id: 'b', name: 'Bedrijfshallen BV', kind: 'property_owner' },
    { id: 'g', name: 'Gemeente Utrecht', kind: 'municipality' },
    { id: 'z', name: 'Zuivel & Co', kind: 'entrepreneur' },
    { id: 'n', name: 'Nog niet gesproken', kind: 'entrepreneur' },
  ],
  themes: [
    { code: 'energy_hub', track: 'toekomstbestendig', name_nl: 'Energiehub', name_en: 'Energy hub' },
    { code: 'security', track: 'schoon_heel_veilig', name_nl: 'Beveiliging', name_en: 'Security' },
    { code: 'fibre', track: 'schoon_heel_veilig', name_nl: 'Glasvezel', name_en: 'Fibre' },
  ],
  cells: [
    { stakeholder_id: 'z', theme_code: 'energy_hub', urgency: 5, investment_willingness: 'money' },
    { stakeholder_id: 'z', theme_code: 'security', urgency: 2, investment_willingness: 'none' },
    { stakeholder_id: 'a', theme_code: 'security', urgency: 4, investment_willingness: 'time' },
    { stakeholder_id: 'g', theme_code: 'energy_hub', urgency: 3, investment_willingness: 'time_and_money' },
    { stakeholder_id: 'b', theme_code: 'fibre', urgency: 1, investment_willingness: 'none' },
    { stakeholder_id: 'gone', theme_code: 'fibre', urgency: 1, investment_willingness: 'none' },
  ],
};

describe('the interest matrix for the heat map', () => {
  test('grouped by kind (entrepreneurs first), by name within; themes per track', () => {
    const model = shapeMatrix(matrix, { language: 'nl', sort: 'kind', onlyInterviewed: false });
    expect(model.rows.map((r) => r.id)).toEqual(['a', 'n', 'z', 'b', 'g']);
    expect(model.groups).toEqual([
      { kind: 'entrepreneur', start: 0, end: 2 },
      { kind: 'property_owner', start: 3, end: 3 },
      { kind: 'municipality', start: 4, end: 4 },
    ]);
    expect(model.columns.map((c) => c.name)).toEqual(['Beveiliging', 'Glasvezel', 'Energiehub']);
    expect(model.total).toBe(5);
    expect(model.interviewed).toBe(4);
  });

  test('cells become [theme, stakeholder] points; cells of unknown rows are left out', () => {
    const model = shapeMatrix(matrix, { language: 'en', sort: 'kind', onlyInterviewed: false });
    expect(model.points).toEqual([
      { x: 0, y: 0, urgency: 4, willingness: 'time' },
      { x: 0, y: 2, urgency: 2, willingness: 'none' },
      { x: 2, y: 2, urgency: 5, willingness: 'money' },
      { x: 1, y: 3, urgency: 1, willingness: 'none' },
      { x: 2, y: 4, urgency: 3, willingness: 'time_and_money' },
    ]);
    expect(model.columns[2]?.name).toBe('Energy hub');
  });

  test('only interviewed, by name, by count, one kind', () => {
    const interviewed = shapeMatrix(matrix, { language: 'nl', sort: 'name', onlyInterviewed: true });
    expect(interviewed.rows.map((r) => r.id)).toEqual(['a', 'b', 'g', 'z']);
    expect(interviewed.groups).toEqual([]);
    const byCount = shapeMatrix(matrix, { language: 'nl', sort: 'count', onlyInterviewed: false });
    expect(byCount.rows.map((r) => [r.id, r.count])).toEqual([
      ['z', 2],
      ['a', 1],
      ['b', 1],
      ['g', 1],
      ['n', 0],
    ]);
    const entrepreneurs = shapeMatrix(matrix, { language: 'nl', sort: 'kind', onlyInterviewed: true, kind: 'entrepreneur' });
    expect(entrepreneurs.rows.map((r) => r.id)).toEqual(['a', 'z']);
  });

  test('counts per stakeholder', () => {
    expect(interestCounts(matrix).get('z')).toBe(2);
    expect(interestCounts(matrix).get('n')).toBeUndefined();
  });

  test('10 rows fit; 200 rows scroll with a fixed height', () => {
    expect(heatmapLayout(10)).toMatchObject({ scroll: false, visibleRows: 10 });
    const big = heatmapLayout(200);
    expect(big.scroll).toBe(true);
    expect(big.visibleRows).toBe(VISIBLE_ROWS);
    expect(big.height).toBe(heatmapLayout(VISIBLE_ROWS).height);
  });

  test('long labels are shortened', () => {
    expect(shortLabel('Glasvezel', 20)).toBe('Glasvezel');
    expect(shortLabel('Onderhoud openbare ruimte en groen', 20)).toBe('Onderhoud openbare…');
  });
});

test('per theme for a narrow screen: who named it, most urgent first, and the highest urgency', () => {
  const model = shapeMatrix(matrix, { language: 'nl', sort: 'kind', onlyInterviewed: false });
  const lists = themeLists(model);
  expect(lists.map((l) => [l.column.code, l.highest, l.entries.map((e) => [e.row.id, e.urgency, e.willingness])])).toEqual([
    ['security', 4, [['a', 4, 'time'], ['z', 2, 'none']]],
    ['fibre', 1, [['b', 1, 'none']]],
    ['energy_hub', 5, [['z', 5, 'money'], ['g', 3, 'time_and_money']]],
  ]);
  // A theme no one in the shown rows named stays in the list, empty.
  const one = shapeMatrix(matrix, { language: 'nl', sort: 'kind', onlyInterviewed: true, kind: 'municipality' });
  expect(themeLists(one).map((l) => [l.column.code, l.highest, l.entries.length])).toEqual([
    ['security', null, 0],
    ['fibre', null, 0],
    ['energy_hub', 3, 1],
  ]);
  expect(namedFirst(themeLists(one)).map((l) => l.column.code)).toEqual(['energy_hub', 'security', 'fibre']);
});
