import { describe, expect, test } from 'vitest';
import type { ParkLocation } from '../api/types';
import { countApproximate, groupLocations, groupRadius } from './mapGroups';

const loc = (id: string, name: string, lat: number, lng: number, approximate: boolean): ParkLocation => ({
  id,
  name,
  municipality: 'Utrecht',
  province: 'UT',
  latitude: lat,
  longitude: lng,
  approximate,
});

describe('map groups', () => {
  test('parks on the same spot share one marker, sorted by name', () => {
    const groups = groupLocations([
      loc('1', 'Zuid', 52.09, 5.12, true),
      loc('2', 'Noord', 52.09, 5.12, true),
      loc('3', 'Lage Weide', 52.1135, 5.0597, false),
    ]);
    expect(groups).toHaveLength(2);
    expect(groups[0]?.parks.map((p) => p.name)).toEqual(['Noord', 'Zuid']);
    expect(groups[0]?.approximate).toBe(true);
    expect(groups[1]?.approximate).toBe(false);
  });

  test('a group is exact when any park in it has its own location', () => {
    const [group] = groupLocations([loc('1', 'A', 52, 5, true), loc('2', 'B', 52, 5, false)]);
    expect(group?.approximate).toBe(false);
  });

  test('counts approximate parks', () => {
    expect(countApproximate([loc('1', 'A', 52, 5, true), loc('2', 'B', 52, 5, false)])).toBe(1);
  });

  test('radius grows with the count, is capped, and is smaller for the whole country', () => {
    expect(groupRadius(1, 11)).toBe(6);
    expect(groupRadius(5, 11)).toBeGreaterThan(groupRadius(1, 11));
    expect(groupRadius(10_000, 11)).toBe(15);
    expect(groupRadius(1, 7)).toBeLessThan(groupRadius(1, 11));
    expect(groupRadius(10_000, 7)).toBe(9);
  });
});
