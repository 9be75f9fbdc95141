/** Matching stakeholder names as people type them: case and accents do not matter. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('nl')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every word typed must occur in one of the texts. */
export function matches(query: string, texts: readonly string[]): boolean {
  const words = normalise(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = texts.map(normalise).join(' ');
  return words.every((w) => haystack.includes(w));
}
