import type { ContactChannel, PollVote, StakeholderKind, StakeholderRole } from '../../api/stakeholders';
import { KIND_COLORS as PALETTE_KIND_COLORS, kindColor } from '../palette';

export const KINDS: readonly StakeholderKind[] = [
  'entrepreneur',
  'property_owner',
  'municipality',
  'grid_operator',
  'financier',
  'park_manager',
  'province',
  'other',
];
export const ROLES: readonly StakeholderRole[] = ['none', 'member', 'core_team', 'board'];
export const VOTES: readonly PollVote[] = ['unknown', 'yes', 'no', 'abstain'];
export const CHANNELS: readonly ContactChannel[] = ['visit', 'phone', 'email', 'meeting', 'event'];
export const SCORES = [1, 2, 3, 4, 5] as const;

/** The kinds' colours are the app's one palette (lib/palette.ts). */
export const KIND_COLORS: Readonly<Record<StakeholderKind, string>> = PALETTE_KIND_COLORS;

export const KIND_SYMBOLS: Readonly<Record<StakeholderKind, string>> = {
  entrepreneur: 'circle',
  property_owner: 'rect',
  municipality: 'triangle',
  grid_operator: 'diamond',
  financier: 'roundRect',
  park_manager: 'circle',
  province: 'triangle',
  other: 'diamond',
};

export { kindColor };

export function isKind(value: unknown): value is StakeholderKind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

export function isRole(value: unknown): value is StakeholderRole {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isChannel(value: unknown): value is ContactChannel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}
