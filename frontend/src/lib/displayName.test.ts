import { describe, expect, test } from 'vitest';
import { displayName } from './displayName';

describe('displayName', () => {
  test.each([
    ["'T AMBACHT (KATWIJK)", "'t Ambacht (Katwijk)"],
    ['POORT VAN DRONTEN', 'Poort van Dronten'],
    ['DEN DRIES', 'Den Dries'],
    ['DE LELIE', 'De Lelie'],
    ['HOOGKERK OOST EN WEST', 'Hoogkerk Oost en West'],
    ['BEDRIJVENTERREIN DE KROON', 'Bedrijventerrein de Kroon'],
    ['BORCHWERF II D (HALDERBERGE)', 'Borchwerf II D (Halderberge)'],
    ['AMSTELWIJCK-WEST', 'Amstelwijck-West'],
    ['IJSSELOORD 2', 'IJsseloord 2'],
    ['CRUIJCKELCREKE', 'Cruijckelcreke'],
    ["'S-HERTOGENBOSCH NOORD", "'s-Hertogenbosch Noord"],
    ['BEDRIJVENPARK A12', 'Bedrijvenpark A12'],
    ['DE VEKEN 4, FASE1', 'De Veken 4, Fase1'],
    ['VERHUUR JANSEN BV', 'Verhuur Jansen BV'],
    ['JANSEN B.V.', 'Jansen B.V.'],
    ['KVK-GEBOUW', 'KVK-Gebouw'],
    ['NIEUW WALDEN/ MACHINEWEG', 'Nieuw Walden/ Machineweg'],
    ['ZEGGERSHOEK- FABELENWEG', 'Zeggershoek- Fabelenweg'],
    ['GELOËRVELD', 'Geloërveld'],
    ['WESTSTAD FASE 1+2', 'Weststad Fase 1+2'],
    ['LAGE WEIDE (DE WETERING)', 'Lage Weide (De Wetering)'],
    ['2E MERWEDEHAVEN', '2e Merwedehaven'],
    ['HAVEN VII', 'Haven VII'],
    ['VAN DER REIJTSTRAAT', 'Van der Reijtstraat'],
  ])('%s → %s', (stored, shown) => {
    expect(displayName(stored)).toBe(shown);
  });

  test('a name a person wrote (any lower case) is kept as it is', () => {
    for (const name of ['Bedrijventerrein de Kroon', 'De Kieën', 'Lage Weide', 'Businesspark Aviation Valley', 'A1 Zone']) {
      expect(displayName(name)).toBe(name);
    }
  });

  test('nothing to change without letters', () => {
    expect(displayName('')).toBe('');
    expect(displayName('123')).toBe('123');
  });
});
