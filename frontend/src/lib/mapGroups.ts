import type { ParkLocation } from '../api/types';

/** Parks that share one spot on the map (often: several parks on one municipality centroid). */
export interface LocationGroup {
  key: string;
  latitude: number;
  longitude: number;
  /** True when every park in the group is only placed at its municipality's centre. */
  approximate: boolean;
  parks: ParkLocation[];
}

export function groupLocations(locations: readonly ParkLocation[]): LocationGroup[] {
  const groups = new Map<string, LocationGroup>();
  for (const location of locations) {
    if (!Number.isFinite(location.latitude) || !Number.isFinite(location.longitude)) continue;
    const key = `${location.latitude.toFixed(5)},${location.longitude.toFixed(5)}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        latitude: location.latitude,
        longitude: location.longitude,
        approximate: true,
        parks: [],
      };
      groups.set(key, group);
    }
    group.parks.push(location);
    if (!location.approximate) group.approximate = false;
  }
  const result = [...groups.values()];
  for (const group of result) group.parks.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return result;
}

/**
 * Circle radius in pixels: a single park is small, a crowded spot grows slowly, and the whole
 * country (low zoom) gets smaller circles than a province.
 */
export function groupRadius(count: number, zoom: number): number {
  const base = zoom < 8 ? 3 : zoom < 10 ? 4.5 : 6;
  const growth = zoom < 8 ? 0.9 : 1.4;
  return Math.min(zoom < 8 ? 9 : 15, base + growth * Math.sqrt(Math.max(0, count - 1)));
}

export function countApproximate(locations: readonly ParkLocation[]): number {
  return locations.reduce((n, l) => n + (l.approximate ? 1 : 0), 0);
}
