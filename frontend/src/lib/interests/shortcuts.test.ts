import { describe, expect, test } from 'vitest';
import { isTextField, shortcutFor, type KeyLike } from './shortcuts';

const key = (over: Partial<KeyLike>): KeyLike => ({
  key: '',
  code: '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  inTextField: false,
  ...over,
});

describe('interview shortcuts', () => {
  test('Ctrl+Enter and ⌘+Enter save and move on, also from a text area', () => {
    expect(shortcutFor(key({ key: 'Enter', code: 'Enter', ctrlKey: true, inTextField: true }))).toEqual({ type: 'saveAndNext' });
    expect(shortcutFor(key({ key: 'Enter', code: 'Enter', metaKey: true }))).toEqual({ type: 'saveAndNext' });
    expect(shortcutFor(key({ key: 'Enter', code: 'Enter', inTextField: true }))).toBeNull();
    expect(shortcutFor(key({ key: 'Enter', code: 'Enter', ctrlKey: true, shiftKey: true }))).toBeNull();
  });

  test('Ctrl+S saves', () => {
    expect(shortcutFor(key({ key: 's', code: 'KeyS', ctrlKey: true, inTextField: true }))).toEqual({ type: 'save' });
  });

  test('Alt+N / Alt+P by physical key (Alt+N types "˜" on a Mac)', () => {
    expect(shortcutFor(key({ key: '˜', code: 'KeyN', altKey: true, inTextField: true }))).toEqual({ type: 'next' });
    expect(shortcutFor(key({ key: 'π', code: 'KeyP', altKey: true }))).toEqual({ type: 'previous' });
  });

  test('Alt+1–5 set the urgency, also while typing; a bare digit never does (WCAG 2.1.4)', () => {
    expect(shortcutFor(key({ key: '3', code: 'Digit3' }))).toBeNull();
    expect(shortcutFor(key({ key: '5', code: 'Numpad5' }))).toBeNull();
    expect(shortcutFor(key({ key: '3', code: 'Digit3', inTextField: true }))).toBeNull();
    expect(shortcutFor(key({ key: '5', code: 'Numpad5', altKey: true }))).toEqual({ type: 'urgency', value: 5 });
    expect(shortcutFor(key({ key: '¡', code: 'Digit1', altKey: true, inTextField: true }))).toEqual({ type: 'urgency', value: 1 });
    expect(shortcutFor(key({ key: '6', code: 'Digit6' }))).toBeNull();
    expect(shortcutFor(key({ key: '3', code: 'Digit3', ctrlKey: true }))).toBeNull();
  });

  test('nothing while an IME composes', () => {
    expect(shortcutFor(key({ key: 'Enter', code: 'Enter', ctrlKey: true, isComposing: true }))).toBeNull();
  });

  test('which elements take text', () => {
    const make = (html: string) => {
      const div = document.createElement('div');
      div.innerHTML = html;
      return div.firstElementChild;
    };
    expect(isTextField(make('<textarea></textarea>'))).toBe(true);
    expect(isTextField(make('<input type="text">'))).toBe(true);
    expect(isTextField(make('<input>'))).toBe(true);
    expect(isTextField(make('<input type="radio">'))).toBe(false);
    expect(isTextField(make('<input type="checkbox">'))).toBe(false);
    expect(isTextField(make('<button>x</button>'))).toBe(false);
    expect(isTextField(null)).toBe(false);
  });
});
