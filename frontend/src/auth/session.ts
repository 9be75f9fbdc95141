/**
 * The access token, kept in localStorage (so a park opened in a new tab stays logged in) with
 * its expiry. Listeners hear when it is set or cleared, also from another tab.
 */

const STORAGE_KEY = 'parkregie.session';

/** Why a session ended: logged out, expired, or revoked because the account changed. */
export type EndReason = 'logout' | 'expired' | 'revoked';

interface StoredSession {
  token: string;
  expiresAt: number; // epoch ms
}

type Listener = (token: string | null, reason?: EndReason) => void;

const listeners = new Set<Listener>();
let lastEndReason: EndReason | undefined;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function read(): StoredSession | null {
  const raw = storage()?.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof value.token === 'string' && typeof value.expiresAt === 'number') {
      return { token: value.token, expiresAt: value.expiresAt };
    }
  } catch {
    // fall through: a damaged entry is no session
  }
  return null;
}

/** The token, or null when there is none or it has expired. */
export function getToken(now = Date.now()): string | null {
  const session = read();
  if (!session) return null;
  if (session.expiresAt <= now) {
    storage()?.removeItem(STORAGE_KEY);
    lastEndReason = 'expired';
    return null;
  }
  return session.token;
}

export function startSession(token: string, expiresInSeconds: number, now = Date.now()): void {
  const session: StoredSession = { token, expiresAt: now + expiresInSeconds * 1000 };
  storage()?.setItem(STORAGE_KEY, JSON.stringify(session));
  lastEndReason = undefined;
  for (const listener of listeners) listener(token);
}

export function endSession(reason: EndReason): void {
  const had = read() !== null;
  storage()?.removeItem(STORAGE_KEY);
  if (!had && reason !== 'logout' && lastEndReason) return;
  lastEndReason = reason;
  for (const listener of listeners) listener(null, reason);
}

/** Why the last session ended (for the login page's message); cleared by the next login. */
export function lastSessionEnd(): EndReason | undefined {
  return lastEndReason;
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY) return;
    const token = getToken();
    for (const listener of listeners) listener(token, token ? undefined : 'logout');
  });
}
