/**
 * Interview drafts in localStorage, one per park + stakeholder + theme, so that nothing typed
 * during a conversation is lost when the connection drops or the page reloads. A draft also keeps
 * the version it started from, so that saving it later cannot silently overwrite someone else.
 */
import { OBSTACLES, WILLINGNESS, type Obstacle, type Willingness } from '../../api/interests';
import type { InterviewValues } from './interviewForm';

const PREFIX = 'parkregie.interview.draft.v1:';
const SKIPPED_PREFIX = 'parkregie.interview.skipped.v1:';

export interface DraftTarget {
  parkId: string;
  stakeholderId: string;
  themeCode: string;
}

export interface InterviewDraft {
  values: InterviewValues;
  /** The form as it was before typing (the saved version, or empty for a new theme). */
  base: InterviewValues;
  /** Version of the saved interest the typing started from; null for a theme not yet recorded. */
  baseVersion: number | null;
  interestId: string | null;
  /** ISO time of the last keystroke kept. */
  savedAt: string;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

function defaultStorage(): StorageLike | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function draftKey({ parkId, stakeholderId, themeCode }: DraftTarget): string {
  return `${PREFIX}${parkId}:${stakeholderId}:${themeCode}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Values read back from storage, checked field by field; null when they do not fit. */
export function readValues(raw: unknown): InterviewValues | null {
  if (!isRecord(raw)) return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const current_situation = text(raw.current_situation);
  const challenge = text(raw.challenge);
  const vision = text(raw.vision);
  const budget = text(raw.budget);
  if (current_situation === null || challenge === null || vision === null || budget === null) return null;
  const urgency = raw.urgency;
  if (!(urgency === null || (typeof urgency === 'number' && Number.isInteger(urgency) && urgency >= 1 && urgency <= 5)))
    return null;
  const willingness = raw.investment_willingness;
  if (typeof willingness !== 'string' || !(WILLINGNESS as readonly string[]).includes(willingness)) return null;
  if (!Array.isArray(raw.obstacles)) return null;
  const obstacles = OBSTACLES.filter((o) => (raw.obstacles as unknown[]).includes(o));
  return {
    current_situation,
    challenge,
    vision,
    urgency,
    investment_willingness: willingness as Willingness,
    budget,
    obstacles: obstacles as Obstacle[],
  };
}

export function loadDraft(target: DraftTarget, storage: StorageLike | null = defaultStorage()): InterviewDraft | null {
  if (!storage) return null;
  let raw: unknown;
  try {
    const text = storage.getItem(draftKey(target));
    if (!text) return null;
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(raw)) return null;
  const values = readValues(raw.values);
  const base = readValues(raw.base);
  const baseVersion = raw.baseVersion;
  const interestId = raw.interestId;
  if (!values || !base) return null;
  if (!(baseVersion === null || (typeof baseVersion === 'number' && Number.isInteger(baseVersion)))) return null;
  if (!(interestId === null || typeof interestId === 'string')) return null;
  return {
    values,
    base,
    baseVersion,
    interestId,
    savedAt: typeof raw.savedAt === 'string' ? raw.savedAt : new Date(0).toISOString(),
  };
}

/** Keeps the draft; false when the browser refuses (private mode, storage full). */
export function saveDraft(
  target: DraftTarget,
  draft: InterviewDraft,
  storage: StorageLike | null = defaultStorage(),
): boolean {
  if (!storage) return false;
  try {
    storage.setItem(draftKey(target), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(target: DraftTarget, storage: StorageLike | null = defaultStorage()): void {
  try {
    storage?.removeItem(draftKey(target));
  } catch {
    // nothing to clear
  }
}

/** The themes with a draft for this stakeholder. */
export function draftThemes(
  parkId: string,
  stakeholderId: string,
  storage: StorageLike | null = defaultStorage(),
): Set<string> {
  const themes = new Set<string>();
  if (!storage) return themes;
  const prefix = `${PREFIX}${parkId}:${stakeholderId}:`;
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(prefix)) themes.add(key.slice(prefix.length));
    }
  } catch {
    // storage unavailable
  }
  return themes;
}

const skippedKey = (parkId: string, stakeholderId: string) => `${SKIPPED_PREFIX}${parkId}:${stakeholderId}`;

/** Themes the expert passed over for this stakeholder ("not relevant for them"). */
export function loadSkipped(parkId: string, stakeholderId: string, storage: StorageLike | null = defaultStorage()): string[] {
  try {
    const raw: unknown = JSON.parse(storage?.getItem(skippedKey(parkId, stakeholderId)) ?? '[]');
    return Array.isArray(raw) ? raw.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

export function saveSkipped(
  parkId: string,
  stakeholderId: string,
  codes: readonly string[],
  storage: StorageLike | null = defaultStorage(),
): void {
  try {
    if (codes.length === 0) storage?.removeItem(skippedKey(parkId, stakeholderId));
    else storage?.setItem(skippedKey(parkId, stakeholderId), JSON.stringify([...new Set(codes)]));
  } catch {
    // private mode: skipping holds for this page only
  }
}
