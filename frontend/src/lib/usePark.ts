import { useQuery } from '@tanstack/react-query';
import { getPark } from '../api/client';

export const parkKey = (id: string) => ['park', id] as const;

export function usePark(id: string) {
  return useQuery({
    queryKey: parkKey(id),
    queryFn: ({ signal }) => getPark(id, signal),
  });
}
