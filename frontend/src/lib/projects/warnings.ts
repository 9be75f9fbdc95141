/** The business case's warnings (English, from the server) in the user's words where we know them. */
import type { TFunction } from 'i18next';
import { formatEuro } from '../stakeholders/money';

export function translateWarning(raw: string, t: TFunction, language: string): string {
  const euro = (amount: string | undefined) => formatEuro(amount ?? '', language);
  const msg = raw.trim();
  let m: RegExpMatchArray | null;
  if (/^The yearly benefits do not exceed the running costs/.test(msg)) return t('projects.warnings.neverPaysBack');
  if ((m = msg.match(/^The payback time \(([\d.]+) years\) is longer than the lifetime \((\d+) years\)\.$/)))
    return t('projects.warnings.paybackBeyondLifetime', {
      payback: new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 2 }).format(Number(m[1])),
      lifetime: m[2],
    });
  if (/^The project has no participants yet/.test(msg)) return t('projects.warnings.noParticipants');
  if ((m = msg.match(/^The fixed contributions exceed the net investment by (-?[\d.]+)\.$/)))
    return t('projects.warnings.fixedExceed', { amount: euro(m[1]) });
  if (/^the fixed contributions already exceed the net investment$/.test(msg)) return t('projects.warnings.fixedExceedPlain');
  if ((m = msg.match(/^(-?[\d.]+) is not covered: every participant has a fixed contribution\.$/)))
    return t('projects.warnings.notCovered', { amount: euro(m[1]) });
  if ((m = msg.match(/^None of the participants has (a number of employees|a WOZ value)/)))
    return t(m[1] === 'a WOZ value' ? 'projects.warnings.noneHaveWoz' : 'projects.warnings.noneHaveEmployees');
  if ((m = msg.match(/^No (number of employees|WOZ value) known for (.+): they get no share\.$/)))
    return t(m[1] === 'WOZ value' ? 'projects.warnings.someLackWoz' : 'projects.warnings.someLackEmployees', { names: m[2] });
  if ((m = msg.match(/^the custom shares add up to (-?[\d.]+), but (-?[\d.]+) must be split/)))
    return t('projects.warnings.customSum', { total: euro(m[1]), needed: euro(m[2]) });
  if ((m = msg.match(/^no share given for (.+)$/))) return t('projects.warnings.customMissing', { names: m[1] });
  if (/^the subsidy is larger than the investment/.test(msg)) return t('projects.warnings.subsidyTooLarge');
  return msg;
}
