/**
 * Parks, in one place: the register's pages (the parks page), the map's locations, one park.
 * Every screen reads parks through these hooks; a park's edit goes through refresh.park.
 */
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, call, getPark, type VersionedPark } from '../../api/client';
import { keys, type LocationFilters, type RegisterParams } from '../../api/queryKeys';
import type { components } from '../../api/schema';

export type ParkRowPage = components['schemas']['ParkRowPage'];
export type ParkLocation = components['schemas']['ParkLocation'];

export async function getRegisterPage(params: RegisterParams, signal?: AbortSignal): Promise<ParkRowPage> {
  const { q, province, active, sort, limit, cursor } = params;
  return (
    await call(
      api.GET('/api/v1/overview/parks', {
        params: { query: { q, province, active, sort, limit, cursor: cursor ?? undefined } },
        signal,
      }),
    )
  ).data;
}

export async function getParkLocations(filters: LocationFilters, signal?: AbortSignal): Promise<ParkLocation[]> {
  return (await call(api.GET('/api/v1/park-locations', { params: { query: filters }, signal }))).data;
}

/** One page of the register with each park's figures; the last page stays while the next loads. */
export function useRegisterPage(params: RegisterParams) {
  return useQuery({
    queryKey: keys.parks.register.page(params),
    queryFn: ({ signal }) => getRegisterPage(params, signal),
    placeholderData: keepPreviousData,
  });
}

/** Where the parks the filters let through lie (for the map). */
export function useParkLocations(filters: LocationFilters) {
  return useQuery({
    queryKey: keys.parks.locations(filters),
    queryFn: ({ signal }) => getParkLocations(filters, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** One park with its ETag. */
export function usePark(id: string) {
  return useQuery({
    queryKey: keys.park(id).detail,
    queryFn: ({ signal }) => getPark(id, signal),
  });
}

/** Reads the park again from the server (after a 412) and puts it into the cache. */
export function fetchLatestPark(queryClient: QueryClient, id: string): Promise<VersionedPark> {
  return queryClient.fetchQuery({ queryKey: keys.park(id).detail, queryFn: ({ signal }) => getPark(id, signal), staleTime: 0 });
}

/** Puts a park the server answered with (after a save) into the cache. */
export function setPark(queryClient: QueryClient, versioned: VersionedPark): void {
  queryClient.setQueryData(keys.park(versioned.park.id).detail, versioned);
}
