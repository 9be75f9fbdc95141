import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import type { Province } from '../../api/types';

type Schemas = components['schemas'];
export type MyWork = Schemas['MyWork'];
export type ParkRow = Schemas['ParkRow'];
export type ProvinceOverview = Schemas['ProvinceOverview'];
export type ProvinceFigures = Schemas['ProvinceFigures'];
export type ActivityItem = Schemas['ActivityItem'];
export type FollowUp = Schemas['FollowUp'];

export type StakeholderFigures = Schemas['StakeholderFigures'];

export async function getStakeholderFigures(parkId: string, signal?: AbortSignal): Promise<StakeholderFigures[]> {
  return (await call(api.GET('/api/v1/parks/{park_id}/stakeholder-figures', { params: { path: { park_id: parkId } }, signal }))).data.items;
}

export async function getMyWork(signal?: AbortSignal): Promise<MyWork> {
  return (await call(api.GET('/api/v1/my-work', { signal }))).data;
}

export async function getNextFollowUps(limit: number, signal?: AbortSignal): Promise<FollowUp[]> {
  return (await call(api.GET('/api/v1/contacts', { params: { query: { limit } }, signal }))).data.items;
}

export async function getProvinceOverview(province: Province | undefined, signal?: AbortSignal): Promise<ProvinceOverview> {
  return (await call(api.GET('/api/v1/overview', { params: { query: { province } }, signal }))).data;
}
