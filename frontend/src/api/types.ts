import type { components } from './schema';

type Schemas = components['schemas'];

export type Park = Schemas['ParkPublic'];
export type ParkUpdate = Schemas['ParkUpdate'];
export type ParkLocation = Schemas['ParkLocation'];
export type ParkPage = Schemas['Page_ParkPublic_'];
export type User = Schemas['UserPublic'];
export type Role = Schemas['Role'];
export type Province = Schemas['Province'];
export type ProvinceInfo = Schemas['ProvincePublic'];
export type Municipality = Schemas['MunicipalityPublic'];
export type Token = Schemas['Token'];

export const PROVINCES: readonly Province[] = [
  'GR', 'FR', 'DR', 'OV', 'FL', 'GE', 'UT', 'NH', 'ZH', 'ZE', 'NB', 'LI',
];
export const ROLES: readonly Role[] = ['admin', 'expert', 'viewer'];
