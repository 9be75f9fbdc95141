import type { BizVoter } from '../../api/organisations';
import { parseDecimal } from '../format';

/**
 * Voters pasted from a spreadsheet: one per line, cells separated by tabs (what Excel copies)
 * or semicolons (a Dutch CSV). Columns: group, vote, WOZ value; a header line is skipped.
 * Words in Dutch or English: gebruiker/user, eigenaar/owner; ja/yes, nee/no, anything else
 * (leeg, niet, onthouding, -) = did not vote. The WOZ value may be written "1.250.000" or
 * "€ 1.250.000,00"; empty = unknown.
 */
export interface PasteResult {
  voters: BizVoter[];
  errors: { line: number; text: string; problem: 'group' | 'woz' }[];
}

const USERS = new Set(['gebruiker', 'gebruikers', 'user', 'users', 'huurder', 'g', 'u']);
const OWNERS = new Set(['eigenaar', 'eigenaren', 'owner', 'owners', 'e', 'o']);
const YES = new Set(['ja', 'yes', 'voor', 'j', 'y']);
const NO = new Set(['nee', 'no', 'tegen', 'n']);
const HEADER = /^(groep|group|soort)\b/i;

export function parseVoters(text: string): PasteResult {
  const voters: BizVoter[] = [];
  const errors: PasteResult['errors'] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || HEADER.test(line)) return;
    const cells = line.split(line.includes('\t') ? '\t' : ';').map((c) => c.trim());
    const group = (cells[0] ?? '').toLowerCase();
    const vote = (cells[1] ?? '').toLowerCase();
    const wozText = (cells[2] ?? '').replace(/€/g, '').trim();
    const isUser = USERS.has(group);
    if (!isUser && !OWNERS.has(group)) {
      errors.push({ line: index + 1, text: raw, problem: 'group' });
      return;
    }
    let woz: string | null = null;
    if (wozText) {
      // "1.250.000" is Dutch grouping, not a decimal: a dot followed by three digits groups.
      const normalised = /^\d{1,3}(\.\d{3})+$/.test(wozText) ? wozText.replace(/\./g, '') : wozText;
      const parsed = parseDecimal(normalised);
      if (!parsed.ok || parsed.value === null || parsed.value < 0) {
        errors.push({ line: index + 1, text: raw, problem: 'woz' });
        return;
      }
      woz = parsed.value.toFixed(2);
    }
    voters.push({
      group: isUser ? 'user' : 'owner',
      vote: YES.has(vote) ? 'yes' : NO.has(vote) ? 'no' : 'none',
      woz_value_eur: woz,
    });
  });
  return { voters, errors };
}
