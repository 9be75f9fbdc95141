import type { TFunction } from 'i18next';
import { translateFieldMessage } from '../../api/messages';
import { formatNumber, localeFor } from '../format';

/** "20,000" as the backend writes counts, in the user's way of writing numbers. */
function count(raw: string, language: string): string {
  const value = Number(raw.replace(/,/g, ''));
  return Number.isFinite(value) ? formatNumber(value, language, { maximumFractionDigits: 0 }) : raw;
}

/** "a, b en c" / "a, b and c". */
function list(items: readonly string[], language: string): string {
  return new Intl.ListFormat(localeFor(language), { type: 'conjunction' }).format(items);
}

/** The quoted names of "'a', 'b' and 'c'" (or "'a', 'b' and 3 more") and how many more there are. */
function quotedNames(text: string): { names: string[]; more: string | null } {
  let names = text;
  let more: string | null = null;
  const tail = /^(.*) and ([\d,]+) more$/s.exec(names);
  if (tail?.[1] && tail[2]) {
    names = tail[1];
    more = tail[2];
  } else {
    const last = names.lastIndexOf("' and '");
    if (last >= 0) names = `${names.slice(0, last)}', '${names.slice(last + "' and '".length)}`;
  }
  return { names: names.replace(/^'/, '').replace(/'$/, '').split("', '"), more };
}

/** The sentence, followed by the columns the import knows when the backend's message names them. */
function withKnownColumns(sentence: string, msg: string, t: TFunction): string {
  const m = /Known columns: (.+)\.$/.exec(msg);
  return m?.[1] ? `${sentence} ${t('stakeholders.messages.knownColumns', { columns: m[1] })}` : sentence;
}

/**
 * A cell, header or message the backend shortened (``echo`` in backend/stakeholders/importing.py:
 * "aaaa… (20,000 characters)"): the text as it came ("aaaa…") and the note in the user's
 * language ("(ingekort; 20.000 tekens)"); the note is '' when the text was not shortened.
 */
export function shortenedParts(text: string, t: TFunction, language: string): { text: string; note: string } {
  const m = /… \(([\d,]+) characters\)$/.exec(text);
  if (!m?.[1]) return { text, note: '' };
  return { text: `${text.slice(0, m.index)}…`, note: t('stakeholders.messages.shortened', { length: count(m[1], language) }) };
}

/**
 * The column of an import error: as the file names it, except the form field `decisions` (a
 * choice for a likely duplicate, not a column of the file), which is named in the user's language.
 */
export function translateImportColumn(column: string, t: TFunction, language: string): string {
  return column === 'decisions' ? t('stakeholders.messages.decisionsColumn') : translateShortened(column, t, language);
}

/** The same as one text: "aaaa… (ingekort; 20.000 tekens)". */
export function translateShortened(text: string, t: TFunction, language: string): string {
  const { text: shown, note } = shortenedParts(text, t, language);
  return note ? `${shown} ${note}` : shown;
}

/**
 * The existing stakeholders a likely duplicate looks like (backend ``_describe``):
 * "'X' (same name, KvK 12345678; id …); 'Y' (same name and same e-mail; id …)", said again as
 * "‘X’ (zelfde naam, KvK 12345678) en ‘Y’ (zelfde naam en zelfde e-mailadres)"; the ids are left out.
 */
function describedCandidates(text: string, t: TFunction, language: string): string | null {
  const found = [...text.matchAll(/'(.*?)' \((same name and same e-mail|same name|same e-mail)(?:, KvK (\d+))?; id [0-9a-f-]{36}\)/gs)];
  if (found.length === 0) return null;
  const items = found.map(([, name, why, kvk]) => {
    const sameName = t('stakeholders.messages.sameReason.name');
    const sameEmail = t('stakeholders.messages.sameReason.email');
    const reasons = why === 'same name' ? [sameName] : why === 'same e-mail' ? [sameEmail] : [sameName, sameEmail];
    const said = list(reasons, language);
    const shown = `‘${translateShortened(name ?? '', t, language)}’`;
    return kvk ? t('stakeholders.messages.candidateKvk', { name: shown, why: said, kvk }) : t('stakeholders.messages.candidate', { name: shown, why: said });
  });
  return list(items, language);
}

/** A likely duplicate without a decision (backend ``_decision_help``), or null. */
function decisionHelp(text: string, t: TFunction, language: string): string | null {
  const m = /^looks like a stakeholder already in the park: (.*)\. Choose for row (\d+) in decisions:/s.exec(text);
  if (!m) return null;
  const candidates = describedCandidates(m[1] ?? '', t, language);
  return candidates ? t('stakeholders.messages.likelyDuplicate', { candidates, row: m[2] }) : null;
}

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
  if ((m = msg.match(/^Column '(.+)' is not known and was ignored\./s)))
    return t('stakeholders.messages.unknownColumn', { column: translateShortened(m[1] ?? '', t, language) });
  if ((m = msg.match(/^Columns (.+) are not known and were ignored\./s))) {
    const { names, more } = quotedNames(m[1] ?? '');
    const items = names.map((n) => `‘${translateShortened(n, t, language)}’`);
    if (more) items.push(t('stakeholders.messages.andMore', { number: count(more, language) }));
    return t('stakeholders.messages.unknownColumns', { columns: list(items, language) });
  }
  if ((m = msg.match(/^And ([\d,]+) more warnings\.$/))) return t('stakeholders.messages.moreWarnings', { number: count(m[1] ?? '', language) });
  if ((m = msg.match(/^Row\(s\) ([\d, ]+?)(?: and ([\d,]+) more)?: the contact person of this stakeholder was erased on request/))) {
    const rows = (m[1] ?? '').split(/,\s*/).filter(Boolean);
    const more = m[2] ? Number(m[2].replace(/,/g, '')) : 0;
    const items = more > 0 ? [...rows, t('stakeholders.messages.andMore', { number: count(m[2] ?? '', language) })] : rows;
    return t('stakeholders.messages.contactErased', { count: rows.length + more, rows: list(items, language) });
  }
  // Likely duplicates and the form field `decisions` (backend stakeholders/service.py, importing.py).
  const help = decisionHelp(msg, t, language);
  if (help) return help;
  if ((m = msg.match(/^stakeholder \S+ is not a likely duplicate of this row; (.*)$/s))) {
    const rest = decisionHelp(m[1] ?? '', t, language);
    if (rest) return `${t('stakeholders.messages.notACandidate')} ${rest}`;
  }
  if ((m = msg.match(/^this row is not a likely duplicate, so it takes no decision \(got '(.*)'\); leave it out of decisions$/s)))
    return t('stakeholders.messages.needlessDecision', { decision: translateShortened(m[1] ?? '', t, language) });
  if ((m = msg.match(/^row (\d+) is not a data row of the file; a decision is only for a row the check lists as a likely duplicate$/)))
    return t('stakeholders.messages.decisionNoRow', { row: m[1] });
  if (/^unknown decision; use /.test(msg)) return t('stakeholders.messages.unknownDecision');
  if (/^decisions is not valid JSON/.test(msg) || /^decisions must be a JSON object/.test(msg)) return t('stakeholders.messages.decisionsInvalid');
  if ((m = msg.match(/^decisions holds more than ([\d,]+) rows$/))) return t('stakeholders.messages.decisionsTooMany', { limit: count(m[1] ?? '', language) });
  if ((m = msg.match(/^decisions: (['"])(.*)\1 is not a row number; /s)))
    return t('stakeholders.messages.decisionsKey', { key: translateShortened(m[2] ?? '', t, language) });
  if ((m = msg.match(/^the stakeholder '(.*)' is already updated by row (\d+); keep one row per organisation$/s)))
    return t('stakeholders.messages.alreadyUpdated', { name: translateShortened(m[1] ?? '', t, language), row: m[2] });
  if (/^changed by someone else during the import$/.test(msg)) return t('stakeholders.messages.staleRow');
  if ((m = msg.match(/^Nothing was imported: ([\d,]+) stakeholder\(s\) in the file were changed by someone else/)))
    return t('stakeholders.messages.staleImport', { count: Number((m[1] ?? '').replace(/,/g, '')) });
  if (/^The file is empty\.?$/.test(msg)) return t('stakeholders.messages.fileEmpty');
  if (/^Old Excel files \(\.xls\)/.test(msg)) return t('stakeholders.messages.fileXls');
  if (/not a readable Excel workbook|Excel workbook is damaged/.test(msg)) return t('stakeholders.messages.fileXlsx');
  if (/^The file is not a CSV text file|^The CSV file cannot be read/.test(msg)) return t('stakeholders.messages.fileCsv');
  if (/^The file has no column with the organisation's name/.test(msg)) return withKnownColumns(t('stakeholders.messages.fileNoName'), msg, t);
  if ((m = msg.match(/^The columns '(.+)' and '(.+)' both hold/))) return t('stakeholders.messages.fileDuplicateColumn', { a: m[1], b: m[2] });
  if ((m = msg.match(/^The first row \(row (\d+)\) has ([\d,]+) columns; at most (\d+) are read\./)))
    return withKnownColumns(t('stakeholders.messages.fileTooWide', { row: m[1], width: count(m[2] ?? '', language), limit: m[3] }), msg, t);
  // A workbook inspected before it is read (check_workbook): its parts, their size, a DTD.
  if ((m = msg.match(/^The workbook part (['"])(.*)\1 has a document type declaration \(DTD\)/s)))
    return t('stakeholders.messages.fileDtd', { part: m[2] });
  if ((m = msg.match(/^The workbook part (['"])(.*)\1 unpacks to ([\d,]+) times its size; .* more than (\d+) times/s)))
    return t('stakeholders.messages.fileCompressed', { part: m[2], ratio: count(m[3] ?? '', language), limit: m[4] });
  if ((m = msg.match(/^The workbook unpacks to ([\d,]+) MB; the limit is (\d+) MB\./)))
    return t('stakeholders.messages.fileUnpacked', { size: count(m[1] ?? '', language), limit: m[2] });
  if ((m = msg.match(/^The workbook has ([\d,]+) parts; a workbook has at most ([\d,]+)\./)))
    return t('stakeholders.messages.fileParts', { parts: count(m[1] ?? '', language), limit: count(m[2] ?? '', language) });
  if (/^The workbook has no sheet/.test(msg)) return t('stakeholders.messages.fileNoSheet');
  // 413: the limits of one file.
  if ((m = msg.match(/^The file has more than ([\d,]+) rows; the limit is ([\d,]+) stakeholders per file\./)))
    return t('stakeholders.messages.fileRows', { rows: count(m[1] ?? '', language), limit: count(m[2] ?? '', language) });
  if ((m = msg.match(/^The file has more than ([\d,]+) stakeholders; the limit is ([\d,]+) per file\./)))
    return t('stakeholders.messages.fileStakeholders', { limit: count(m[2] ?? '', language) });
  if ((m = msg.match(/^The file is larger than the limit of (\d+) MB\./))) return t('stakeholders.messages.fileSize', { limit: m[1] });
  return translateFieldMessage(msg, t, language);
}

/** The id in the 409's detail ("… for stakeholder 'X' (uuid). …"): a link to the one that has the KvK number. */
export function duplicateFromDetail(detail: string): { id: string; name: string } | null {
  const m = /for stakeholder '(.+)' \(([0-9a-f-]{36})\)/i.exec(detail);
  return m?.[1] && m[2] ? { name: m[1], id: m[2] } : null;
}
