/** The admin API: users, API clients, webhooks and their deliveries, the audit trail. */
import { api, call } from '../../api/client';
import { collectAll, PAGE_SIZE } from '../../api/pages';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type AdminUser = Schemas['UserPublic'];
export type UserCreate = Schemas['UserCreate'];
export type UserUpdate = Schemas['UserUpdate'];
export type ApiClient = Schemas['ApiClientPublic'];
export type ApiClientCreate = Schemas['ApiClientCreate'];
export type ApiClientUpdate = Schemas['ApiClientUpdate'];
export type ApiClientWithSecret = Schemas['ApiClientWithSecret'];
export type Scope = Schemas['Scope'];
export type Webhook = Schemas['WebhookPublic'];
export type WebhookCreate = Schemas['WebhookCreate'];
export type WebhookWithSecret = Schemas['WebhookWithSecret'];
export type EventType = Schemas['EventType'];
export type Delivery = Schemas['DeliveryPublic'];
export type AuditEvent = Schemas['AuditEventPublic'];

/** The If-Match of a versioned resource read from a list (the API compares the version only). */
export const ifMatch = (version: number) => `"${version}"`;

export async function listUsers(signal?: AbortSignal): Promise<AdminUser[]> {
  return collectAll(
    async (cursor) => (await call(api.GET('/api/v1/users', { params: { query: { limit: PAGE_SIZE, cursor } }, signal }))).data,
  );
}

export async function createUser(body: UserCreate): Promise<AdminUser> {
  return (await call(api.POST('/api/v1/users', { body }))).data;
}

export async function updateUser(user: AdminUser, body: UserUpdate): Promise<AdminUser> {
  return (
    await call(
      api.PATCH('/api/v1/users/{user_id}', {
        params: { path: { user_id: user.id }, header: { 'If-Match': ifMatch(user.version) } },
        body,
      }),
    )
  ).data;
}

export async function listClients(signal?: AbortSignal): Promise<ApiClient[]> {
  return collectAll(
    async (cursor) => (await call(api.GET('/api/v1/api-clients', { params: { query: { limit: PAGE_SIZE, cursor } }, signal }))).data,
  );
}

export async function createClient(body: ApiClientCreate): Promise<ApiClientWithSecret> {
  return (await call(api.POST('/api/v1/api-clients', { body }))).data;
}

export async function updateClient(client: ApiClient, body: ApiClientUpdate): Promise<ApiClient> {
  return (
    await call(
      api.PATCH('/api/v1/api-clients/{client_pk}', {
        params: { path: { client_pk: client.id }, header: { 'If-Match': ifMatch(client.version) } },
        body,
      }),
    )
  ).data;
}

export async function rotateClientSecret(client: ApiClient): Promise<ApiClientWithSecret> {
  return (
    await call(
      api.POST('/api/v1/api-clients/{client_pk}/secret', {
        params: { path: { client_pk: client.id }, header: { 'If-Match': ifMatch(client.version) } },
      }),
    )
  ).data;
}

export async function deleteClient(client: ApiClient): Promise<void> {
  await call(
    api.DELETE('/api/v1/api-clients/{client_pk}', {
      params: { path: { client_pk: client.id }, header: { 'If-Match': ifMatch(client.version) } },
    }),
  );
}

export async function listWebhooks(signal?: AbortSignal): Promise<Webhook[]> {
  return collectAll(
    async (cursor) => (await call(api.GET('/api/v1/webhooks', { params: { query: { limit: PAGE_SIZE, cursor } }, signal }))).data,
  );
}

export async function createWebhook(body: WebhookCreate): Promise<WebhookWithSecret> {
  return (await call(api.POST('/api/v1/webhooks', { body }))).data;
}

export async function deleteWebhook(id: string): Promise<void> {
  await call(api.DELETE('/api/v1/webhooks/{webhook_id}', { params: { path: { webhook_id: id } } }));
}

/** The latest 20 deliveries of a webhook (the screen shows no more). */
export async function listDeliveries(id: string, signal?: AbortSignal): Promise<Delivery[]> {
  return (
    await call(
      api.GET('/api/v1/webhooks/{webhook_id}/deliveries', {
        params: { path: { webhook_id: id }, query: { limit: 20 } },
        signal,
      }),
    )
  ).data.items;
}

export async function sendTest(id: string): Promise<Delivery> {
  return (await call(api.POST('/api/v1/webhooks/{webhook_id}/test', { params: { path: { webhook_id: id } } }))).data;
}

export interface AuditPage {
  items: AuditEvent[];
  next_cursor: string | null;
}

export async function listAudit(
  query: Record<string, string>,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<AuditPage> {
  const { data } = await call(
    api.GET('/api/v1/audit', { params: { query: { ...query, limit: 50, cursor } }, signal }),
  );
  return data;
}
