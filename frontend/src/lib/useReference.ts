import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { Province } from '../api/types';

/** Reference lists change with the law, not during a session: cache them for long. */
const DAY = 24 * 60 * 60_000;

export function useProvinces() {
  return useQuery({
    queryKey: ['provinces'],
    queryFn: async ({ signal }) => (await call(api.GET('/api/v1/provinces', { signal }))).data,
    staleTime: DAY,
    gcTime: DAY,
  });
}

export function useMunicipalities(province: Province | undefined) {
  return useQuery({
    queryKey: ['municipalities', province],
    queryFn: async ({ signal }) =>
      (await call(api.GET('/api/v1/municipalities', { params: { query: { province } }, signal }))).data,
    enabled: province !== undefined,
    staleTime: DAY,
    gcTime: DAY,
  });
}
