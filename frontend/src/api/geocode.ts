/** Address search for placing a park (the server asks PDOK's Locatieserver). */
import { api, call } from './client';
import type { components } from './schema';

export type AddressHit = components['schemas']['AddressHit'];

export async function searchAddress(q: string, signal?: AbortSignal): Promise<AddressHit[]> {
  return (await call(api.GET('/api/v1/address-search', { params: { query: { q, limit: 8 } }, signal }))).data;
}
