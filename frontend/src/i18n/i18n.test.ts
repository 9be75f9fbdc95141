import { describe, expect, test } from 'vitest';
import { enTranslation as en, nlTranslation as nl } from './index';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const variables = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const nlKeys = flatten(nl as Tree);
  const enKeys = flatten(en as Tree);

  test('nl and en have the same keys', () => {
    expect([...enKeys.keys()].sort()).toEqual([...nlKeys.keys()].sort());
  });

  test('no string is empty and both use the same {{variables}}', () => {
    for (const [key, text] of nlKeys) {
      expect(text.trim(), key).not.toBe('');
      const other = enKeys.get(key) ?? '';
      expect(other.trim(), key).not.toBe('');
      expect(variables(other), key).toEqual(variables(text));
    }
  });

  test('the product name is the same in both languages', () => {
    expect(nl.app.name).toBe('Parkregie');
    expect(en.app.name).toBe('Parkregie');
  });
});
