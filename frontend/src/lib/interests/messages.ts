import type { TFunction } from 'i18next';
import { translateFieldMessage } from '../../api/messages';

/** The server's words for a bad interest field, in the user's language where we know them. */
export function translateInterestMessage(msg: string, t: TFunction, language: string): string {
  if (/^Decimal input should have no more than 2 decimal places/.test(msg)) return t('interests.interview.errors.budgetDecimals');
  if (/^Input should be a valid decimal/.test(msg)) return t('interests.interview.errors.decimal');
  return translateFieldMessage(msg, t, language);
}
