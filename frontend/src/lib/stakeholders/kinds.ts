import type { ContactChannel, PollVote, StakeholderKind, StakeholderRole } from '../../api/stakeholders';

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

/**
 * One colour per kind, after Okabe & Ito's palette for colour-blind readers (yellow replaced by
 * a darker ochre that reads on white). The map adds a shape per kind as a second cue.
 */
export const KIND_COLORS: Readonly<Record<StakeholderKind, string>> = {
  entrepreneur: '#0072b2',
  property_owner: '#e69f00',
  municipality: '#009e73',
  grid_operator: '#cc79a7',
  financier: '#d55e00',
  park_manager: '#56b4e9',
  province: '#8c6d1f',
  other: '#6b6b6b',
};

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

export function kindColor(kind: string): string {
  return (KIND_COLORS as Record<string, string>)[kind] ?? KIND_COLORS.other;
}

export function isKind(value: unknown): value is StakeholderKind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

export function isRole(value: unknown): value is StakeholderRole {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isChannel(value: unknown): value is ContactChannel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}
