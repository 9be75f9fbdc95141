import type { TFunction } from 'i18next';
import { translateFieldMessage } from '../../api/messages';

/**
 * The backend's messages about stakeholders, contact moments and import files are English;
 * the known ones are said again in the user's language. Anything else goes through the common
 * field messages, or is shown as the server wrote it.
 */
export function translateStakeholderMessage(raw: string, t: TFunction, language: string): string {
  const msg = raw.replace(/^Value error, /, '').trim();
  let m: RegExpMatchArray | null;
  if ((m = msg.match(/^unknown value; use one of: (.+)$/))) return t('stakeholders.messages.unknownValue', { values: m[1] });
  if (/^a name is required$/.test(msg)) return t('stakeholders.messages.nameRequired');
  if (/^the kind \(soort\) is required/.test(msg)) return t('stakeholders.messages.kindRequired');
  if (/^not a whole number$/.test(msg)) return t('validation.integer');
  if ((m = msg.match(/^KvK number (\S+) appears twice in the file \(also in row (\d+)\)/)))
    return t('stakeholders.messages.kvkTwice', { kvk: m[1], row: m[2] });
  if (/^a KvK number has exactly 8 digits/.test(msg)) return t('stakeholders.messages.kvkDigits');
  if (/^not a valid phone number/.test(msg)) return t('stakeholders.messages.phone');
  if (/^the phone number is empty$/.test(msg)) return t('stakeholders.messages.phone');
  if (/^value is not a valid email address/.test(msg)) return t('stakeholders.messages.email');
  if (/^not an amount in euros/.test(msg) || /^Input should be a valid decimal/.test(msg)) return t('stakeholders.messages.amount');
  if (/^an amount cannot be negative$/.test(msg)) return t('stakeholders.messages.amountNegative');
  if (/^an amount in euros has at most two decimals$/.test(msg)) return t('stakeholders.messages.amountCents');
  if (/^the amount is larger than/.test(msg)) return t('stakeholders.messages.amountMax');
  if (/^the follow-up date cannot be before the date of the contact$/.test(msg)) return t('stakeholders.messages.followUpBeforeDate');
  if (/^\w+ cannot be empty$/.test(msg)) return t('validation.required');
  if (/^duplicate column$/.test(msg)) return t('stakeholders.messages.duplicateColumn');
  if (/^Input should be a valid date/.test(msg)) return t('stakeholders.messages.date');
  if ((m = msg.match(/^Column '(.+)' is not known and was ignored\./))) return t('stakeholders.messages.unknownColumn', { column: m[1] });
  if (/^The file is empty\.?$/.test(msg)) return t('stakeholders.messages.fileEmpty');
  if (/^Old Excel files \(\.xls\)/.test(msg)) return t('stakeholders.messages.fileXls');
  if (/not a readable Excel workbook|Excel workbook is damaged/.test(msg)) return t('stakeholders.messages.fileXlsx');
  if (/^The file is not a CSV text file|^The CSV file cannot be read/.test(msg)) return t('stakeholders.messages.fileCsv');
  if (/^The file has no column with the organisation's name/.test(msg)) return t('stakeholders.messages.fileNoName');
  if ((m = msg.match(/^The columns '(.+)' and '(.+)' both hold/))) return t('stakeholders.messages.fileDuplicateColumn', { a: m[1], b: m[2] });
  return translateFieldMessage(msg, t, language);
}

/** The id in the 409's detail ("… for stakeholder 'X' (uuid). …"): a link to the one that has the KvK number. */
export function duplicateFromDetail(detail: string): { id: string; name: string } | null {
  const m = /for stakeholder '(.+)' \(([0-9a-f-]{36})\)/i.exec(detail);
  return m?.[1] && m[2] ? { name: m[1], id: m[2] } : null;
}
