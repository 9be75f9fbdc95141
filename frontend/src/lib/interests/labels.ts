/** The words for kinds, tracks, willingness, obstacles and urgency, in the user's language. */
import type { TFunction } from 'i18next';
import { STAKEHOLDER_KINDS, type Obstacle, type StakeholderKind, type Track, type Willingness } from '../../api/interests';

export function asKind(kind: string): StakeholderKind {
  return (STAKEHOLDER_KINDS as readonly string[]).includes(kind) ? (kind as StakeholderKind) : 'other';
}

export const kindLabel = (t: TFunction, kind: string): string => t(`interests.kinds.${asKind(kind)}`);

export const kindCountLabel = (t: TFunction, kind: string, count: number): string =>
  t(`interests.kindCount.${asKind(kind)}`, { count });

export const trackLabel = (t: TFunction, track: Track): string => t(`interests.tracks.${track}`);

export const willingnessLabel = (t: TFunction, willingness: Willingness): string =>
  t(`interests.willingness.${willingness}`);

export const willingnessLong = (t: TFunction, willingness: Willingness): string =>
  t(`interests.willingnessLong.${willingness}`);

export const obstacleLabel = (t: TFunction, obstacle: Obstacle): string => t(`interests.obstacles.${obstacle}`);

export function urgencyLabel(t: TFunction, urgency: number): string {
  const n = Math.max(1, Math.min(5, Math.round(urgency))) as 1 | 2 | 3 | 4 | 5;
  return t(`interests.urgency.${n}`);
}
