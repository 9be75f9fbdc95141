import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/messages';
import { isApiError, type ApiError } from '../../api/problem';
import {
  ImportRejectedError,
  importStakeholders,
  type ImportReport,
  type UploadProgress,
} from '../../api/stakeholders';
import {
  dryRunOutcome,
  errorTotals,
  errorsToTsv,
  fileKind,
  formatFileSize,
  importFailureView,
  sortImportErrors,
  staleStakeholders,
  type ErrorSortKey,
} from '../../lib/stakeholders/importReport';
import {
  choiceFromValue,
  choiceValue,
  decidedChanges,
  decisionsOf,
  defaultChoices,
  type DuplicateChoice,
  type DuplicateChoices,
  type ImportDuplicate,
} from '../../lib/stakeholders/importDuplicates';
import { shortenedParts, translateImportColumn, translateShortened, translateStakeholderMessage } from '../../lib/stakeholders/messages';
import { refresh } from '../../api/refresh';
import { Alert } from '../Alert';
import './stakeholders.css';

type Phase =
  | { step: 'choose' }
  | { step: 'checking' | 'importing'; file: File; progress: UploadProgress | null }
  | { step: 'clean'; file: File; report: ImportReport }
  | { step: 'rejected'; file: File; error: ImportRejectedError; during: 'check' | 'import' }
  | { step: 'stale'; file: File; error: ImportRejectedError }
  | { step: 'failed'; file: File | null; error: unknown }
  | { step: 'done'; file: File; report: ImportReport };

/** The columns the import knows, as exports write them. */
const KNOWN_COLUMNS = 'naam, soort, kvk, contactpersoon, e-mail, telefoon, sector, medewerkers, rol, invloed, betrokkenheid, woz, peiling, notities';

/**
 * Import from CSV or Excel in two steps: the file is checked first (dry run: counts, warnings,
 * or every error per row and column); only a clean check offers the real import.
 */
export function ImportDialog({
  parkId,
  parkName,
  open,
  onClose,
}: {
  parkId: string;
  parkName: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const queryClient = useQueryClient();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  // What to do with each likely duplicate of the check (row -> choice); sent with the import.
  const [choices, setChoices] = useState<DuplicateChoices>({});
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setPhase({ step: 'choose' });
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => () => abortRef.current?.abort(), []);

  const close = () => {
    abortRef.current?.abort();
    abortRef.current = null;
    onClose();
  };

  const run = async (file: File, dryRun: boolean, decisions?: Record<string, string>) => {
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    const step = dryRun ? 'checking' : 'importing';
    setPhase({ step, file, progress: null });
    try {
      const report = await importStakeholders(
        parkId,
        file,
        dryRun,
        (progress) => setPhase((p) => (p.step === step ? { step, file, progress } : p)),
        controller.signal,
        decisions,
      );
      if (controller.signal.aborted) return;
      if (dryRun) {
        setChoices(defaultChoices(report.duplicates ?? []));
        setPhase({ step: 'clean', file, report });
      } else {
        setPhase({ step: 'done', file, report });
        void refresh.stakeholders(queryClient, parkId);
      }
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      if (controller.signal.aborted) return;
      const view = importFailureView(
        isApiError(error) ? error.status : 0,
        error instanceof ImportRejectedError ? error.rows.filter((e) => e.row !== null).length : 0,
      );
      if (view === 'stale' && error instanceof ImportRejectedError) {
        // Someone else changed stakeholders meanwhile: the list behind the dialog shows that now.
        setPhase({ step: 'stale', file, error });
        void refresh.stakeholders(queryClient, parkId);
      } else if (view === 'rejected' && error instanceof ImportRejectedError) {
        setPhase({ step: 'rejected', file, error, during: dryRun ? 'check' : 'import' });
      } else {
        setPhase({ step: 'failed', file, error });
      }
    }
  };

  const choose = (file: File | undefined) => {
    if (!file) return;
    const kind = fileKind(file.name);
    if (kind === 'xls' || kind === 'other') {
      setPhase({ step: 'failed', file, error: new WrongTypeError(kind) });
      return;
    }
    void run(file, true);
  };

  const busy = phase.step === 'checking' || phase.step === 'importing';
  const file = 'file' in phase ? phase.file : null;

  const picker = (label: string, primary: boolean) => (
    <button
      type="button"
      className={`button ${primary ? 'button-primary' : 'button-secondary'}`}
      onClick={() => inputRef.current?.click()}
      disabled={busy}
    >
      {label}
    </button>
  );

  let body: ReactNode = null;
  switch (phase.step) {
    case 'choose':
      body = (
        <div className="import-choose">
          <p>{t('stakeholders.import.intro')}</p>
          <p className="muted small">{t('stakeholders.import.columns', { columns: KNOWN_COLUMNS })}</p>
          <p className="muted small">{t('stakeholders.import.rules')}</p>
        </div>
      );
      break;
    case 'checking':
    case 'importing':
      body = <Progress file={phase.file} progress={phase.progress} step={phase.step} language={language} />;
      break;
    case 'clean':
      body = (
        <CleanReport
          report={phase.report}
          language={language}
          choices={choices}
          onChoose={(row, choice) => setChoices((c) => ({ ...c, [row]: choice }))}
        />
      );
      break;
    case 'rejected':
      body = <RejectedReport error={phase.error} during={phase.during} language={language} />;
      break;
    case 'stale':
      body = <StaleReport error={phase.error} language={language} />;
      break;
    case 'failed':
      body = <Failure error={phase.error} language={language} />;
      break;
    case 'done':
      body = (
        <Alert tone="success" testId="import-done" title={t('stakeholders.import.done.title')}>
          <p>
            {t('stakeholders.import.done.body', {
              created: phase.report.created,
              updated: phase.report.updated,
              unchanged: phase.report.unchanged,
            })}
            {phase.report.skipped > 0 && ` ${t('stakeholders.import.duplicates.doneSkipped', { count: phase.report.skipped })}`}
          </p>
        </Alert>
      );
      break;
  }

  return (
    <dialog
      ref={dialogRef}
      className="sh-dialog import-dialog"
      aria-labelledby={titleId}
      data-testid="import-dialog"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <div className="sh-dialog-head">
        <h2 id={titleId}>{t('stakeholders.import.title', { park: parkName })}</h2>
        <button type="button" className="sh-dialog-close" aria-label={t('stakeholders.import.close')} onClick={close}>
          ×
        </button>
      </div>
      <input
        ref={inputRef}
        type="file"
        accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className="visually-hidden"
        data-testid="import-file"
        aria-hidden="true"
        tabIndex={-1}
        onChange={(e) => {
          choose(e.target.files?.[0]);
          // The same file (corrected) may be chosen again.
          e.target.value = '';
        }}
      />
      {file && (
        <p className="import-file" data-testid="import-file-name">
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
            <path d="M4 1h5l4 4v9a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V2a1 1 0 0 1 1-1Zm5 1.5V5h2.5L9 2.5Z" fill="currentColor" />
          </svg>{' '}
          {t('stakeholders.import.file', { name: file.name, size: formatFileSize(file.size, language) })}
        </p>
      )}
      <div className="sh-dialog-body" aria-live="polite">
        {body}
      </div>
      <div className="sh-dialog-actions">
        {phase.step === 'choose' && picker(t('stakeholders.import.choose'), true)}
        {phase.step === 'clean' && phase.report.created + phase.report.updated + decidedChanges(choices) > 0 && (
          <button
            type="button"
            className="button button-primary"
            data-testid="import-confirm"
            onClick={() => void run(phase.file, false, decisionsOf(choices))}
          >
            {t('stakeholders.import.confirm', { count: phase.report.created + phase.report.updated + decidedChanges(choices) })}
          </button>
        )}
        {phase.step === 'stale' && (
          <button type="button" className="button button-primary" data-testid="import-recheck" onClick={() => void run(phase.file, true)}>
            {t('stakeholders.import.stale.recheck')}
          </button>
        )}
        {(phase.step === 'rejected' || phase.step === 'failed') && picker(t('stakeholders.import.chooseAgain'), true)}
        {(phase.step === 'clean' || phase.step === 'done' || phase.step === 'stale') && picker(t('stakeholders.import.chooseOther'), false)}
        <button type="button" className="button button-secondary" onClick={close}>
          {phase.step === 'done' ? t('stakeholders.import.close') : t('stakeholders.import.cancel')}
        </button>
      </div>
    </dialog>
  );
}

class WrongTypeError extends Error {
  constructor(readonly kind: 'xls' | 'other') {
    super(kind);
    this.name = 'WrongTypeError';
  }
}

function Progress({
  file,
  progress,
  step,
  language,
}: {
  file: File;
  progress: UploadProgress | null;
  step: 'checking' | 'importing';
  language: string;
}) {
  const { t } = useTranslation();
  const total = progress?.total || file.size;
  const loaded = Math.min(progress?.loaded ?? 0, total);
  const uploaded = progress !== null && loaded >= total;
  const percent = total > 0 ? Math.round((loaded / total) * 100) : 0;
  return (
    <div className="import-progress" data-testid="import-progress">
      <p className="loading">
        <span className="spinner" aria-hidden="true" />
        {uploaded
          ? step === 'checking'
            ? t('stakeholders.import.checking')
            : t('stakeholders.import.importing')
          : t('stakeholders.import.uploading', {
              percent,
              loaded: formatFileSize(loaded, language),
              total: formatFileSize(total, language),
            })}
      </p>
      <progress max={100} value={uploaded ? undefined : percent} aria-label={t('stakeholders.import.progressLabel')} />
    </div>
  );
}

function CleanReport({
  report,
  language,
  choices,
  onChoose,
}: {
  report: ImportReport;
  language: string;
  choices: DuplicateChoices;
  onChoose: (row: number, choice: DuplicateChoice) => void;
}) {
  const { t } = useTranslation();
  const duplicates = report.duplicates ?? [];
  const nothing = dryRunOutcome(report) === 'nothing' && duplicates.length === 0;
  return (
    <div data-testid="import-clean">
      <Alert tone={nothing ? 'info' : 'success'} title={t('stakeholders.import.clean.title')}>
        <p>{nothing ? t('stakeholders.import.clean.nothing') : t('stakeholders.import.clean.body')}</p>
      </Alert>
      <dl className="import-counts">
        <div>
          <dt>{t('stakeholders.import.clean.rows')}</dt>
          <dd data-testid="count-rows">{report.rows}</dd>
        </div>
        <div className="count-create">
          <dt>{t('stakeholders.import.clean.create')}</dt>
          <dd data-testid="count-create">{report.created}</dd>
        </div>
        <div className="count-update">
          <dt>{t('stakeholders.import.clean.update')}</dt>
          <dd data-testid="count-update">{report.updated}</dd>
        </div>
        <div>
          <dt>{t('stakeholders.import.clean.unchanged')}</dt>
          <dd data-testid="count-unchanged">{report.unchanged}</dd>
        </div>
        {report.skipped > 0 && (
          <div>
            <dt>{t('stakeholders.import.duplicates.skippedCount')}</dt>
            <dd data-testid="count-skipped">{report.skipped}</dd>
          </div>
        )}
      </dl>
      {duplicates.length > 0 && <DuplicateRows duplicates={duplicates} choices={choices} onChoose={onChoose} />}
      {report.warnings.length > 0 && (
        <Alert tone="warning" testId="import-warnings" title={t('stakeholders.import.warnings')}>
          <ul>
            {report.warnings.map((w) => (
              <li key={w}>{translateStakeholderMessage(w, t, language)}</li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}

/**
 * Rows that matched no stakeholder by KvK number but look like one already there (same name or
 * e-mail): the stakeholder they resemble, and per row update it (the default), create a new
 * one or skip the row.
 */
function DuplicateRows({
  duplicates,
  choices,
  onChoose,
}: {
  duplicates: ImportDuplicate[];
  choices: DuplicateChoices;
  onChoose: (row: number, choice: DuplicateChoice) => void;
}) {
  const { t } = useTranslation();
  const baseId = useId();
  return (
    <section className="import-duplicates" data-testid="import-duplicates" aria-labelledby={`${baseId}-title`}>
      <Alert tone="warning" title={<span id={`${baseId}-title`}>{t('stakeholders.import.duplicates.title', { count: duplicates.length })}</span>}>
        <p>{t('stakeholders.import.duplicates.intro', { count: duplicates.length })}</p>
      </Alert>
      <ul style={{ listStyle: 'none', padding: 0, margin: '0.75rem 0 0', display: 'grid', gap: '0.75rem' }}>
        {duplicates.map((d) => {
          const chosen = choices[d.row] ? choiceValue(choices[d.row]!) : '';
          const many = d.candidates.length > 1;
          const options: [string, string][] = [
            ...d.candidates.map(
              (c): [string, string] => [
                `update:${c.id}`,
                many ? t('stakeholders.import.duplicates.updateWhich', { name: c.name }) : t('stakeholders.import.duplicates.update'),
              ],
            ),
            ['create', t('stakeholders.import.duplicates.create')],
            ['skip', t('stakeholders.import.duplicates.skip')],
          ];
          return (
            <li key={d.row} data-testid={`import-duplicate-${d.row}`} style={{ border: '1px solid var(--border)', borderRadius: 'var(--radius)', padding: '0.6rem 0.75rem' }}>
              <fieldset className="field">
                <legend>
                  <strong>{t('stakeholders.import.duplicates.legend', { row: d.row, name: d.name })}</strong>
                </legend>
                <p className="small" style={{ margin: '0 0 0.4rem' }}>
                  {t('stakeholders.import.duplicates.looksLike')}:{' '}
                  {d.candidates.map((c, i) => (
                    <span key={c.id} data-testid="import-duplicate-candidate">
                      {i > 0 && '; '}
                      <strong>{c.name}</strong>{' '}
                      <span className="muted">
                        (
                        <span style={{ whiteSpace: 'nowrap' }}>
                          {c.kvk_number ? t('stakeholders.import.duplicates.kvk', { kvk: c.kvk_number }) : t('stakeholders.import.duplicates.noKvk')}
                        </span>
                        ,{' '}
                        {c.reasons.map((r) => t(`stakeholders.import.duplicates.reason_${r}`)).join(', ')})
                      </span>
                    </span>
                  ))}
                </p>
                <div className="sh-segmented" role="radiogroup" aria-label={t('stakeholders.import.duplicates.legend', { row: d.row, name: d.name })}>
                  {options.map(([value, label]) => (
                    <label key={value} className={chosen === value ? 'active' : undefined}>
                      <input
                        type="radio"
                        name={`${baseId}-row-${d.row}`}
                        value={value}
                        checked={chosen === value}
                        onChange={() => onChoose(d.row, choiceFromValue(value))}
                      />
                      {label}
                    </label>
                  ))}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function RejectedReport({
  error,
  during,
  language,
}: {
  error: ImportRejectedError;
  during: 'check' | 'import';
  language: string;
}) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: ErrorSortKey; direction: 'asc' | 'desc' }>({ key: 'row', direction: 'asc' });
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const rows = useMemo(
    () =>
      error.rows.map((e) => ({
        ...e,
        column: translateImportColumn(e.column, t, language),
        value: translateShortened(e.value, t, language),
        shown: shortenedParts(e.value, t, language),
        message: translateStakeholderMessage(e.message, t, language),
      })),
    [error.rows, t, language],
  );
  const columnOrder = useMemo(() => [...new Set(rows.map((e) => e.column))], [rows]);
  const sorted = useMemo(() => sortImportErrors(rows, sort.key, sort.direction, columnOrder), [rows, sort, columnOrder]);
  const totals = errorTotals(error.problem.detail, error.rows);
  const warnings = error.warnings;
  const fileWide = rows.filter((e) => e.row === null);
  const headers: [string, string, string, string] = [
    t('stakeholders.import.table.row'),
    t('stakeholders.import.table.column'),
    t('stakeholders.import.table.value'),
    t('stakeholders.import.table.message'),
  ];
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(errorsToTsv(sorted, headers));
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  const th = (key: ErrorSortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
        <button
          type="button"
          className="sh-sort-button"
          onClick={() => setSort((s) => ({ key, direction: s.key === key && s.direction === 'asc' ? 'desc' : 'asc' }))}
        >
          {label}
          <span className="sh-sort-indicator" aria-hidden="true">
            {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };
  return (
    <div data-testid="import-rejected">
      <Alert tone="error" title={t('stakeholders.import.rejected.title', { count: totals.rows, errors: totals.errors })}>
        <p>{during === 'check' ? t('stakeholders.import.rejected.nothingWritten') : t('stakeholders.import.rejected.nothingWrittenReal')}</p>
        <p>{t('stakeholders.import.rejected.hint')}</p>
        {totals.listed < totals.errors && (
          <p data-testid="import-errors-listed">{t('stakeholders.import.rejected.listedFirst', { count: totals.listed })}</p>
        )}
      </Alert>
      {fileWide.length > 0 && (
        <ul className="sh-file-errors">
          {fileWide.map((e) => (
            <li key={e.message}>{e.message}</li>
          ))}
        </ul>
      )}
      {rows.length > fileWide.length && (
        <>
          <div className="sh-error-table-tools">
            <button type="button" className="button button-secondary sh-button-small" onClick={() => void copy()} data-testid="copy-errors">
              {t('stakeholders.import.copy')}
            </button>
            <span className="muted small" role="status">
              {copied === 'yes' ? t('stakeholders.import.copied') : copied === 'failed' ? t('stakeholders.import.copyFailed') : ''}
            </span>
          </div>
          <div className="table-wrap sh-error-table-wrap">
            <table className="table sh-error-table" data-testid="import-errors">
              <caption className="visually-hidden">{t('stakeholders.import.table.caption')}</caption>
              <thead>
                <tr>
                  {th('row', headers[0])}
                  {th('column', headers[1])}
                  {th('value', headers[2])}
                  {th('message', headers[3])}
                </tr>
              </thead>
              <tbody>
                {sorted
                  .filter((e) => e.row !== null)
                  .map((e, i) => (
                    <tr key={`${e.row}-${e.column}-${i}`}>
                      <td className="num" data-label={headers[0]}>
                        {e.row}
                      </td>
                      <td className="nowrap" data-label={headers[1]}>
                        {e.column || '—'}
                      </td>
                      <td className="error-value" data-label={headers[2]}>
                        <ErrorValue value={e.shown} />
                      </td>
                      <td data-label={headers[3]}>{e.message}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {warnings.length > 0 && (
        <Alert tone="warning" testId="import-warnings" title={t('stakeholders.import.warnings')}>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{translateStakeholderMessage(w, t, language)}</li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}

/** A cell as the file has it; a shortened one with its note ("(ingekort; 20.000 tekens)") beside it. */
function ErrorValue({ value }: { value: { text: string; note: string } }) {
  const { t } = useTranslation();
  if (value.text === '') return <span className="muted">{t('stakeholders.import.table.empty')}</span>;
  return (
    <span>
      <code>{value.text}</code>
      {value.note && <span className="muted small"> {value.note}</span>}
    </span>
  );
}

/**
 * A 409 from the real import: stakeholders in the file were changed by someone else while it
 * was imported, so nothing was written. The file is fine: check it again (against the current
 * data) and import it again.
 */
function StaleReport({ error, language }: { error: ImportRejectedError; language: string }) {
  const { t } = useTranslation();
  const count = staleStakeholders(error.problem.detail, error.rows);
  const rows = useMemo(
    () =>
      error.rows
        .filter((e) => e.row !== null)
        .map((e) => ({ ...e, shown: shortenedParts(e.value, t, language) }))
        .sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
    [error.rows, t, language],
  );
  const [rowLabel, columnLabel, valueLabel] = [
    t('stakeholders.import.table.row'),
    t('stakeholders.import.table.column'),
    t('stakeholders.import.table.value'),
  ];
  return (
    <div data-testid="import-stale">
      <Alert
        tone="error"
        title={count === null ? t('stakeholders.import.stale.titleUnknown') : t('stakeholders.import.stale.title', { count })}
      >
        <p>{t('stakeholders.import.stale.nothingWritten')}</p>
        <p>
          <strong>{t('stakeholders.import.stale.what')}</strong>
        </p>
        {rows.length > 0 && <p>{t('stakeholders.import.stale.overwrite')}</p>}
      </Alert>
      {rows.length > 0 && (
        <div className="table-wrap sh-error-table-wrap">
          <table className="table sh-error-table" data-testid="import-stale-rows">
            <caption className="visually-hidden">{t('stakeholders.import.stale.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{rowLabel}</th>
                <th scope="col">{columnLabel}</th>
                <th scope="col">{valueLabel}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e, i) => (
                <tr key={`${e.row}-${i}`}>
                  <td className="num" data-label={rowLabel}>
                    {e.row}
                  </td>
                  <td className="nowrap" data-label={columnLabel}>
                    {e.column || '—'}
                  </td>
                  <td className="error-value" data-label={valueLabel}>
                    <ErrorValue value={e.shown} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {count !== null && rows.length > 0 && rows.length < count && (
        <p className="muted small">{t('stakeholders.import.stale.listedFirst', { count: rows.length })}</p>
      )}
    </div>
  );
}

function Failure({ error, language }: { error: unknown; language: string }) {
  const { t } = useTranslation();
  if (error instanceof WrongTypeError) {
    return <Alert tone="error" testId="import-failed" title={t(error.kind === 'xls' ? 'stakeholders.import.xls' : 'stakeholders.import.wrongType')} />;
  }
  const api = error as ApiError;
  if (isApiError(error, 413)) {
    // Which limit (rows, megabytes, an Excel file that unpacks to far more): said in the user's
    // language when known, else the general sentence and what the server said.
    const said = api.problem.detail;
    const known = said ? translateStakeholderMessage(said, t, language) : said;
    if (said && known !== said) {
      return <Alert tone="error" testId="import-failed" title={known} />;
    }
    return (
      <Alert tone="error" testId="import-failed" title={t('stakeholders.import.tooLarge')}>
        {said && <p className="alert-detail">{t('errors.serverSays', { detail: said })}</p>}
      </Alert>
    );
  }
  if (isApiError(error, 403)) {
    return <Alert tone="error" testId="import-failed" title={t('stakeholders.import.forbidden')} />;
  }
  if (isApiError(error, 422) || isApiError(error, 400)) {
    // A problem with the whole file (unreadable, no name column): one message.
    const messages = Object.values(api.problem.fieldErrors).flat();
    const shown = messages.length > 0 ? messages : [api.problem.detail];
    return (
      <Alert tone="error" testId="import-failed" title={t('stakeholders.import.unreadable')}>
        <ul>
          {shown.map((m) => (
            <li key={m}>{translateStakeholderMessage(m, t, language)}</li>
          ))}
        </ul>
        <p>{t('stakeholders.import.rejected.hintFile')}</p>
      </Alert>
    );
  }
  const { message, detail } = describeError(error, t);
  return (
    <Alert tone="error" testId="import-failed" title={`${t('stakeholders.import.failed')} ${message}`}>
      {detail && <p className="alert-detail">{t('errors.serverSays', { detail })}</p>}
    </Alert>
  );
}
