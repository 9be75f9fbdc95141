/** What an API client may do (scopes) and what a webhook can hear (events). */
import type { EventType, Scope } from './api';

export const SCOPES: readonly Scope[] = ['parks:read', 'parks:write', 'status:read', 'webhooks:manage'];

/** Events one can subscribe to; `ping` comes only from "send a test message" and always arrives. */
export const EVENTS: readonly EventType[] = ['park.status_changed', 'project.phase_changed', 'assessment.created'];

/** The i18n key part of a scope or event ("parks:read" → "parks_read", "park.status_changed" → "park_status_changed"). */
export function keyOf(value: string): string {
  return value.replace(/[:.]/g, '_');
}

/** Toggles a value in a list, keeping the order of `all`. */
export function toggle<T>(list: readonly T[], value: T, on: boolean, all: readonly T[]): T[] {
  const set = new Set(list);
  if (on) set.add(value);
  else set.delete(value);
  return all.filter((v) => set.has(v));
}

/** parks:write without parks:read is of little use: the UI adds the read scope with it. */
export function withImpliedScopes(scopes: readonly Scope[]): Scope[] {
  const set = new Set(scopes);
  if (set.has('parks:write')) set.add('parks:read');
  return SCOPES.filter((s) => set.has(s));
}
