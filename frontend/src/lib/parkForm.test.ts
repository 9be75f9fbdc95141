import { describe, expect, test } from 'vitest';
import type { Park } from '../api/types';
import { buildChanges, formValuesFromPark, mergeLatest, outlinePolygon, parseGeometry } from './parkForm';

const park: Park = {
  id: '00000000-0000-0000-0000-000000000001',
  name: 'Lage Weide',
  municipality: 'Utrecht',
  municipality_code: '0344',
  province: 'UT',
  ibis_id: '155053',
  ibis_type: 'B',
  ibis_year: 2024,
  area_ha: 407.81,
  area_net_ha: 308.4,
  area_available_ha: 0,
  company_count: null,
  latitude: null,
  longitude: null,
  geometry: null,
  description: null,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  version: 3,
};

describe('the edit form', () => {
  test('starts from the park, numbers in Dutch notation', () => {
    expect(formValuesFromPark(park, 'nl')).toEqual({
      name: 'Lage Weide',
      municipality: 'Utrecht',
      description: '',
      company_count: '',
      area_ha: '407,81',
      area_net_ha: '308,4',
      area_available_ha: '0',
      latitude: '',
      longitude: '',
      geometry: '',
    });
  });

  test('an untouched form changes nothing', () => {
    expect(buildChanges(formValuesFromPark(park, 'nl'), park)).toEqual({ ok: true, changes: {} });
    expect(buildChanges(formValuesFromPark(park, 'en'), park)).toEqual({ ok: true, changes: {} });
  });

  test('sends only what changed, parsed', () => {
    const values = {
      ...formValuesFromPark(park, 'nl'),
      description: '  Nieuw  ',
      area_ha: '410,5',
      company_count: '560',
      municipality: 'utrecht', // same place, other case: no change
    };
    expect(buildChanges(values, park)).toEqual({
      ok: true,
      changes: { description: 'Nieuw', area_ha: 410.5, company_count: 560 },
    });
  });

  test('clearing a field sends null', () => {
    const withDescription = { ...park, description: 'Oud', area_net_ha: 3 };
    const values = { ...formValuesFromPark(withDescription, 'nl'), description: ' ', area_net_ha: '' };
    expect(buildChanges(values, withDescription)).toEqual({
      ok: true,
      changes: { description: null, area_net_ha: null },
    });
  });

  test('latitude and longitude go together', () => {
    const values = { ...formValuesFromPark(park, 'nl'), latitude: '52,1', longitude: '5,06' };
    expect(buildChanges(values, park)).toEqual({ ok: true, changes: { latitude: 52.1, longitude: 5.06 } });
    const placed = { ...park, latitude: 52.1, longitude: 5.06 };
    const moved = { ...formValuesFromPark(placed, 'nl'), latitude: '52,2' };
    expect(buildChanges(moved, placed)).toEqual({ ok: true, changes: { latitude: 52.2, longitude: 5.06 } });
  });

  test('reports what is wrong before sending', () => {
    const values = {
      ...formValuesFromPark(park, 'nl'),
      name: ' ',
      area_ha: 'veel',
      company_count: '1,5',
      latitude: '52',
    };
    expect(buildChanges(values, park)).toEqual({
      ok: false,
      errors: { name: 'required', area_ha: 'number', company_count: 'integer', longitude: 'latLngPair' },
    });
  });
});

describe('after a conflict', () => {
  test('fields the user left alone follow the latest version; edited ones are kept and flagged', () => {
    const base = park;
    const latest: Park = { ...park, description: 'Van een collega', company_count: 12, version: 4 };
    const values = { ...formValuesFromPark(base, 'nl'), description: 'Van mij', area_ha: '400' };
    const merged = mergeLatest(values, base, latest, 'nl');
    expect(merged.values.description).toBe('Van mij');
    expect(merged.values.area_ha).toBe('400');
    expect(merged.values.company_count).toBe('12');
    expect(merged.conflicts).toEqual(['description']);
    // Saving now sends only the user's own changes against the latest version.
    expect(buildChanges(merged.values, latest)).toEqual({
      ok: true,
      changes: { description: 'Van mij', area_ha: 400 },
    });
  });

  test('the same change made by both is no conflict', () => {
    const latest: Park = { ...park, description: 'Zelfde', version: 4 };
    const values = { ...formValuesFromPark(park, 'nl'), description: 'Zelfde' };
    expect(mergeLatest(values, park, latest, 'nl').conflicts).toEqual([]);
  });
});

describe('a pasted outline', () => {
  const square = { type: 'Polygon', coordinates: [[[5, 52], [5.01, 52], [5.01, 52.01], [5, 52]]] };
  test('a geometry, a Feature or a one-feature collection become the geometry', () => {
    expect(parseGeometry(JSON.stringify(square))).toEqual(square);
    expect(parseGeometry(JSON.stringify({ type: 'Feature', properties: { naam: 'x' }, geometry: square }))).toEqual(square);
    expect(parseGeometry(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: square }] }))).toEqual(square);
    expect(parseGeometry('  ')).toBeNull();
  });
  test('what is not GeoJSON the API takes is refused before sending', () => {
    expect(parseGeometry('{nope')).toBeUndefined();
    expect(parseGeometry('[1, 2]')).toBeUndefined();
    expect(parseGeometry(JSON.stringify({ type: 'Circle', coordinates: [] }))).toBeUndefined();
    expect(parseGeometry(JSON.stringify({ type: 'FeatureCollection', features: [{}, {}] }))).toBeUndefined();
  });
  test('the form sends a changed outline, and null to remove it', () => {
    const values = { ...formValuesFromPark(park, 'nl'), geometry: JSON.stringify(square) };
    expect(buildChanges(values, park)).toEqual({ ok: true, changes: { geometry: square } });
    const withOutline = { ...park, geometry: square } as Park;
    expect(buildChanges({ ...formValuesFromPark(withOutline, 'nl'), geometry: '' }, withOutline)).toEqual({
      ok: true,
      changes: { geometry: null },
    });
    expect(buildChanges({ ...values, geometry: 'x' }, park)).toEqual({ ok: false, errors: { geometry: 'geojson' } });
  });
  test('a drawn outline becomes a closed GeoJSON polygon in longitude, latitude order', () => {
    expect(outlinePolygon([[52.1, 5.1], [52.1, 5.2], [52.2, 5.2]])).toEqual({
      type: 'Polygon',
      coordinates: [[[5.1, 52.1], [5.2, 52.1], [5.2, 52.2], [5.1, 52.1]]],
    });
    // A double click on one corner, and closing on the first corner, add no corners.
    expect(outlinePolygon([[52.1, 5.1], [52.1, 5.2], [52.1, 5.2], [52.2, 5.2], [52.1, 5.1]])).toEqual(
      outlinePolygon([[52.1, 5.1], [52.1, 5.2], [52.2, 5.2]]),
    );
    expect(outlinePolygon([[52.1, 5.1], [52.1, 5.2]])).toBeNull();
    expect(parseGeometry(JSON.stringify(outlinePolygon([[52.1, 5.1], [52.1, 5.2], [52.2, 5.2]])))).not.toBeUndefined();
  });
});
