import { describe, expect, test } from 'vitest';
import type { Stakeholder, StakeholderKind } from '../../api/stakeholders';
import { buildMapData, SPREAD, spreadOffsets } from './mapPoints';

let n = 0;
function s(kind: StakeholderKind, influence: number | null, involvement: number | null): Stakeholder {
  n += 1;
  return {
    id: `id-${n}`,
    park_id: 'p',
    name: `S${String(n).padStart(2, '0')}`,
    kind,
    kvk_number: null,
    contact_name: null,
    email: null,
    phone: null,
    sector: null,
    employees: null,
    role: 'none',
    influence,
    involvement,
    woz_value_eur: null,
    trial_poll_vote: 'unknown',
    notes: null,
    personal_data_hidden: false,
    personal_data_erased_at: null,
    created_at: '',
    updated_at: '',
    version: 1,
  };
}

describe('spreadOffsets', () => {
  test('one point stays on its spot', () => {
    expect(spreadOffsets(1)).toEqual([[0, 0]]);
  });
  test('several points: all different, all inside the cell', () => {
    for (const count of [2, 3, 5, 8, 20]) {
      const offsets = spreadOffsets(count);
      expect(offsets).toHaveLength(count);
      const keys = new Set(offsets.map(([x, y]) => `${x.toFixed(3)},${y.toFixed(3)}`));
      expect(keys.size).toBe(count);
      for (const [x, y] of offsets) expect(Math.hypot(x, y)).toBeLessThanOrEqual(SPREAD + 1e-9);
    }
  });
});

describe('buildMapData', () => {
  const items = [
    s('entrepreneur', 4, 4),
    s('entrepreneur', 4, 4),
    s('municipality', 4, 4),
    s('grid_operator', 5, 2),
    s('financier', null, 3),
    s('entrepreneur', 2, null),
  ];
  const data = buildMapData(items);

  test('one group per kind present, in the order of the kinds', () => {
    expect(data.byKind.map((g) => g.kind)).toEqual(['entrepreneur', 'municipality', 'grid_operator']);
  });
  test('without influence or involvement: counted, not drawn', () => {
    expect(data.unplaced).toBe(2);
    expect(data.byKind.flatMap((g) => g.points)).toHaveLength(4);
  });
  test('x is involvement, y is influence; shared spots are spread and stay near', () => {
    const points = data.byKind.flatMap((g) => g.points);
    const shared = points.filter((p) => p.influence === 4 && p.involvement === 4);
    expect(shared).toHaveLength(3);
    expect(shared.every((p) => p.shared === 3)).toBe(true);
    expect(new Set(shared.map((p) => `${p.x},${p.y}`)).size).toBe(3);
    for (const p of shared) expect(Math.hypot(p.x - 4, p.y - 4)).toBeLessThanOrEqual(SPREAD + 1e-9);
    const alone = points.find((p) => p.kind === 'grid_operator')!;
    expect([alone.x, alone.y, alone.shared]).toEqual([2, 5, 1]);
  });
  test('the same input gives the same picture', () => {
    expect(buildMapData([...items].reverse())).toEqual(data);
  });
});
