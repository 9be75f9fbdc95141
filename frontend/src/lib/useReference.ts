import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { keys } from '../api/queryKeys';
import type { Province } from '../api/types';

/** Reference lists change with the law, not during a session: cache them for long. */
const DAY = 24 * 60 * 60_000;

export function useProvinces() {
  return useQuery({
    queryKey: keys.reference.provinces,
    queryFn: async ({ signal }) => (await call(api.GET('/api/v1/provinces', { signal }))).data,
    staleTime: DAY,
    gcTime: DAY,
  });
}

export function useMunicipalities(province: Province | undefined) {
  return useQuery({
    queryKey: keys.reference.municipalities(province),
    queryFn: async ({ signal }) =>
      (await call(api.GET('/api/v1/municipalities', { params: { query: { province } }, signal }))).data,
    enabled: province !== undefined,
    staleTime: DAY,
    gcTime: DAY,
  });
}
