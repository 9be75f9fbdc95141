/**
 * A secret the API shows once (a new API client, a rotated secret, a new webhook): held in
 * component state only (never in the query cache, storage or the URL), shown until dismissed.
 */

export type SecretKind = 'client-created' | 'client-rotated' | 'webhook-created';

export interface ShownSecret {
  kind: SecretKind;
  /** What the secret belongs to: the client's or webhook's id. */
  ownerId: string;
  /** A label to show: the client's name or the webhook's URL. */
  label: string;
  /** The client_id to send with the secret (API clients only). */
  clientId?: string;
  secret: string;
  copied: boolean;
}

export type SecretState = ShownSecret | null;

export type SecretAction =
  | { type: 'show'; secret: Omit<ShownSecret, 'copied'> }
  | { type: 'copied' }
  | { type: 'dismiss' }
  /** The owner was deleted: its secret is of no use any more. */
  | { type: 'forget'; ownerId: string };

export function secretReducer(state: SecretState, action: SecretAction): SecretState {
  switch (action.type) {
    case 'show':
      return { ...action.secret, copied: false };
    case 'copied':
      return state ? { ...state, copied: true } : state;
    case 'dismiss':
      return null;
    case 'forget':
      return state && state.ownerId === action.ownerId ? null : state;
  }
}

/**
 * Copies text to the clipboard. Without the async clipboard API (plain http, old browsers) or
 * when it is refused, the text in `fallback` is selected so that Ctrl+C / the menu copies it;
 * answers whether it was copied for sure.
 */
export async function copyText(
  text: string,
  fallback: HTMLInputElement | HTMLTextAreaElement | null,
  clipboard: Pick<Clipboard, 'writeText'> | undefined = globalThis.navigator?.clipboard,
): Promise<boolean> {
  if (clipboard) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // refused (no permission, not a secure context): select it instead
    }
  }
  if (fallback) {
    fallback.focus();
    fallback.select();
    try {
      return typeof document !== 'undefined' && document.execCommand?.('copy') === true;
    } catch {
      return false;
    }
  }
  return false;
}
