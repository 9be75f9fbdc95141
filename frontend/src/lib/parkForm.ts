import type { Park, ParkUpdate } from '../api/types';
import { parseDecimal, parseInteger, toInputNumber } from './format';

export const EDITABLE_FIELDS = [
  'name',
  'municipality',
  'description',
  'company_count',
  'area_ha',
  'area_net_ha',
  'area_available_ha',
  'latitude',
  'longitude',
  'geometry',
] as const;

export type EditableField = (typeof EDITABLE_FIELDS)[number];
export type FormValues = Record<EditableField, string>;
export type ClientError = 'required' | 'number' | 'integer' | 'latLngPair' | 'geojson';

const NUMBER_FIELDS = ['area_ha', 'area_net_ha', 'area_available_ha', 'latitude', 'longitude'] as const;

export function isEditableField(field: string): field is EditableField {
  return (EDITABLE_FIELDS as readonly string[]).includes(field);
}

export function formValuesFromPark(park: Park, language: string): FormValues {
  return {
    name: park.name,
    municipality: park.municipality,
    description: park.description ?? '',
    company_count: toInputNumber(park.company_count, language),
    area_ha: toInputNumber(park.area_ha, language),
    area_net_ha: toInputNumber(park.area_net_ha, language),
    area_available_ha: toInputNumber(park.area_available_ha, language),
    latitude: toInputNumber(park.latitude, language),
    longitude: toInputNumber(park.longitude, language),
    geometry: park.geometry ? JSON.stringify(park.geometry) : '',
  };
}

const GEOMETRY_TYPES = ['Polygon', 'MultiPolygon', 'Point', 'MultiPoint', 'LineString', 'MultiLineString'];

/**
 * Pasted GeoJSON as the geometry the API stores: a geometry, or the geometry of a Feature or of
 * a FeatureCollection's only feature (what GIS tools and geojson.io export). Null: empty input;
 * undefined: not GeoJSON the API takes.
 */
export function parseGeometry(input: string): Record<string, unknown> | null | undefined {
  const text = input.trim();
  if (text === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const object = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!object(value)) return undefined;
  if (value.type === 'FeatureCollection' && Array.isArray(value.features) && value.features.length === 1) value = value.features[0];
  if (object(value) && value.type === 'Feature') value = value.geometry;
  if (!object(value) || typeof value.type !== 'string' || !GEOMETRY_TYPES.includes(value.type) || !Array.isArray(value.coordinates)) {
    return undefined;
  }
  return { type: value.type, coordinates: value.coordinates };
}

/** A point as [latitude, longitude], the order Leaflet uses. */
export type LatLon = [number, number];

/**
 * The GeoJSON Polygon of an outline drawn as corners: [longitude, latitude] pairs, closed (the
 * first corner again at the end), repeated clicks on one spot dropped. Null below three corners.
 */
export function outlinePolygon(corners: readonly LatLon[]): Record<string, unknown> | null {
  const ring: [number, number][] = [];
  for (const [lat, lon] of corners) {
    const last = ring[ring.length - 1];
    if (!last || last[0] !== lon || last[1] !== lat) ring.push([lon, lat]);
  }
  if (ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1]) ring.pop();
  if (ring.length < 3) return null;
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}

export type BuildResult =
  | { ok: true; changes: ParkUpdate }
  | { ok: false; errors: Partial<Record<EditableField, ClientError>> };

/** The PATCH body: only the fields that differ from `base`; or what is wrong with the input. */
export function buildChanges(values: FormValues, base: Park): BuildResult {
  const errors: Partial<Record<EditableField, ClientError>> = {};
  const changes: ParkUpdate = {};

  const name = values.name.trim();
  if (name === '') errors.name = 'required';
  else if (name !== base.name) changes.name = name;

  const municipality = values.municipality.trim();
  if (municipality === '') errors.municipality = 'required';
  else if (municipality.toLocaleLowerCase('nl') !== base.municipality.toLocaleLowerCase('nl'))
    changes.municipality = municipality;

  const description = values.description.trim() === '' ? null : values.description.trim();
  if (description !== (base.description ?? null)) changes.description = description;

  const count = parseInteger(values.company_count);
  if (!count.ok) errors.company_count = 'integer';
  else if (count.value !== (base.company_count ?? null)) changes.company_count = count.value;

  const numbers: Partial<Record<(typeof NUMBER_FIELDS)[number], number | null>> = {};
  for (const field of NUMBER_FIELDS) {
    const parsed = parseDecimal(values[field]);
    if (!parsed.ok) errors[field] = 'number';
    else numbers[field] = parsed.value;
  }
  for (const field of ['area_ha', 'area_net_ha', 'area_available_ha'] as const) {
    const value = numbers[field];
    if (value !== undefined && value !== (base[field] ?? null)) changes[field] = value;
  }
  const { latitude, longitude } = numbers;
  if (latitude !== undefined && longitude !== undefined) {
    if ((latitude === null) !== (longitude === null)) {
      errors[latitude === null ? 'latitude' : 'longitude'] = 'latLngPair';
    } else if (latitude !== (base.latitude ?? null) || longitude !== (base.longitude ?? null)) {
      // The backend wants both or neither: send the pair together.
      changes.latitude = latitude;
      changes.longitude = longitude;
    }
  }

  const geometry = parseGeometry(values.geometry);
  if (geometry === undefined) errors.geometry = 'geojson';
  else if (JSON.stringify(geometry) !== JSON.stringify(base.geometry ?? null)) changes.geometry = geometry;

  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, changes };
}

/**
 * After a 412: take the latest version into the form. Fields the user did not touch follow the
 * latest version; fields the user changed keep the input and are reported as conflicts when
 * someone else changed them too.
 */
export function mergeLatest(
  values: FormValues,
  oldBase: Park,
  latest: Park,
  language: string,
): { values: FormValues; conflicts: EditableField[] } {
  const before = formValuesFromPark(oldBase, language);
  const now = formValuesFromPark(latest, language);
  const merged = { ...values };
  const conflicts: EditableField[] = [];
  for (const field of EDITABLE_FIELDS) {
    const touched = values[field] !== before[field];
    const changedElsewhere = now[field] !== before[field];
    if (!changedElsewhere) continue;
    if (touched) {
      if (values[field] !== now[field]) conflicts.push(field);
    } else {
      merged[field] = now[field];
    }
  }
  return { values: merged, conflicts };
}
