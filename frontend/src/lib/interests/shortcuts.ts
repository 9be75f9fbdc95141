/**
 * Keyboard shortcuts of the interview card, as a pure function of the key event:
 *
 * - Ctrl+Enter (⌘+Enter): save and go to the next theme
 * - Ctrl+S (⌘+S): save, stay
 * - Alt+N / Alt+P: next / previous theme without saving (the draft stays)
 * - Alt+1 … Alt+5: urgency, anywhere in the card. Digits alone do nothing: a character key
 *   without a modifier must not act wherever focus is (WCAG 2.1.4).
 */
export type ShortcutAction =
  | { type: 'saveAndNext' }
  | { type: 'save' }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'urgency'; value: number };

export interface KeyLike {
  key: string;
  /** Physical key ("KeyN", "Digit3"): the same on every layout, also with Alt on a Mac. */
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** The event comes from a text field (input, textarea, contenteditable). */
  inTextField: boolean;
  /** An IME is composing; leave the keys alone. */
  isComposing?: boolean;
}

function digitOf(event: KeyLike): number | null {
  const fromCode = /^(?:Digit|Numpad)([1-5])$/.exec(event.code);
  if (fromCode) return Number(fromCode[1]);
  return /^[1-5]$/.test(event.key) ? Number(event.key) : null;
}

export function shortcutFor(event: KeyLike): ShortcutAction | null {
  if (event.isComposing) return null;
  const mod = event.ctrlKey || event.metaKey;
  if (mod && !event.altKey && !event.shiftKey && event.key === 'Enter') return { type: 'saveAndNext' };
  if (mod && !event.altKey && !event.shiftKey && (event.code === 'KeyS' || event.key.toLowerCase() === 's'))
    return { type: 'save' };
  if (event.altKey && !mod && !event.shiftKey) {
    if (event.code === 'KeyN') return { type: 'next' };
    if (event.code === 'KeyP') return { type: 'previous' };
    const digit = digitOf(event);
    if (digit !== null) return { type: 'urgency', value: digit };
    return null;
  }
  return null;
}

/** Is this element one where typed characters go into text? */
export function isTextField(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag !== 'input') return false;
  const type = ((element as HTMLInputElement).type || 'text').toLowerCase();
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(type);
}
