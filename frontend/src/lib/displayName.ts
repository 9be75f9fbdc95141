/**
 * A readable form of a register name written in capitals: "'T AMBACHT (KATWIJK)" becomes
 * "'t Ambacht (Katwijk)". Only for display: the stored name stays as the register has it.
 *
 * Names with any lower-case letter are taken as written by a person and returned unchanged.
 * Words are title-cased; Dutch particles (de, van, en, ...) are lower-case except where a name or
 * a bracketed part begins; 't and 's always are; "IJ" stays one capital; abbreviations (BV, KVK),
 * Roman numerals (II, IV), single letters and road numbers (A12, N201) keep their capitals.
 */

/** Lower-case inside a name ("Poort van Dronten", "Oost en West"), capital where it begins. */
const PARTICLES = new Set([
  'de', 'den', 'der', 'des', 'het', 'een', 'van', 'von', 'en', 'op', 'aan', 'bij', 'in', 'onder',
  'te', 'ten', 'ter', 'tot', 'of', 'voor', 'over', 'uit', 'la', 'le', 'du',
]);
/** Always lower-case, also at the start ("'t Ambacht", "'s-Hertogenbosch"). */
const ALWAYS_LOWER = new Set(["'t", "'s", "'n", '’t', '’s', '’n']);
/** Abbreviations that keep their capitals. */
const ABBREVIATIONS = new Set([
  'BV', 'NV', 'VOF', 'CV', 'KVK', 'BIZ', 'IBIS', 'CBS', 'RWS', 'NS', 'KPN', 'DSM', 'TNO', 'ASML',
  'HTC', 'WTC', 'ABC', 'OV', 'MKB', 'ZZP', 'RO', 'VNO', 'NCW', 'EU', 'NL', 'BRT', 'TU', 'HSL', 'HHT',
]);
const ROMAN = /^(?=[IVX]{2,}$)X{0,3}(IX|IV|V?I{0,3})$/;
const WORD = /[\p{L}\p{N}'’.]+/gu;

function capitalise(lower: string): string {
  if (lower.startsWith('ij')) return `IJ${lower.slice(2)}`;
  return lower.charAt(0).toLocaleUpperCase('nl') + lower.slice(1);
}

function word(raw: string, first: boolean): string {
  const lower = raw.toLocaleLowerCase('nl');
  if (ALWAYS_LOWER.has(lower)) return lower;
  if (ABBREVIATIONS.has(raw.replace(/\./g, '')) || /^(\p{L}\.)+\p{L}?$/u.test(raw)) return raw;
  if (ROMAN.test(raw)) return raw;
  // 2E, 1STE: an ordinal ("2e Merwedehaven").
  if (/^\p{N}+(e|ste|de)$/u.test(lower)) return lower;
  const letters = raw.replace(/[^\p{L}]/gu, '');
  if (letters.length <= 1) return raw;
  // A12, N201, 2B: a road or plot number.
  if (/\p{N}/u.test(raw) && letters.length <= 2) return raw;
  if (!first && PARTICLES.has(lower)) return lower;
  return capitalise(lower);
}

export function displayName(name: string): string {
  if (!/\p{Lu}/u.test(name) || /\p{Ll}/u.test(name)) return name;
  return name.replace(WORD, (raw: string, offset: number) => {
    const before = name.slice(0, offset).trimEnd();
    // A name begins at the start, in brackets, after a slash, a colon or a hyphen.
    const first = before === '' || /[([/:,-]$/.test(before);
    return word(raw, first);
  });
}
