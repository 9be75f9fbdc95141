/** The admin screens' reads, in one place; writes refresh them through refresh.admin. */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { keys } from '../../api/queryKeys';
import { listAudit, listClients, listDeliveries, listUsers, listWebhooks, type Delivery } from './api';

export function useUsers() {
  return useQuery({ queryKey: keys.admin.users, queryFn: ({ signal }) => listUsers(signal) });
}

export function useApiClients() {
  return useQuery({ queryKey: keys.admin.clients, queryFn: ({ signal }) => listClients(signal) });
}

export function useWebhooks() {
  return useQuery({ queryKey: keys.admin.webhooks.list, queryFn: ({ signal }) => listWebhooks(signal) });
}

/** A webhook's latest deliveries; while one waits in the queue, looked at again every few seconds. */
export function useDeliveries(webhookId: string) {
  return useQuery({
    queryKey: keys.admin.webhooks.deliveries(webhookId),
    queryFn: ({ signal }) => listDeliveries(webhookId, signal),
    refetchInterval: (query) => (query.state.data?.some((d: Delivery) => d.status === 'pending') ? 2_000 : false),
  });
}

/** The audit trail for the filters, a page of 50 at a time ("more" loads the next). */
export function useAuditEvents(query: Record<string, string>) {
  return useInfiniteQuery({
    queryKey: keys.admin.audit(query),
    queryFn: ({ pageParam, signal }) => listAudit(query, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
