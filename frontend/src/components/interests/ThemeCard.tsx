import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  createInterest,
  getInterest,
  interestEtag,
  deleteInterest,
  listStakeholderInterests,
  OBSTACLES,
  TEXT_MAX,
  updateInterest,
  URGENCIES,
  WILLINGNESS,
  type Interest,
  type Theme,
} from '../../api/interests';
import { describeError } from '../../api/messages';
import { isApiError, NetworkError } from '../../api/problem';
import { EMPTY, formatDateTime } from '../../lib/format';
import { clearDraft, loadDraft, saveDraft, type DraftTarget } from '../../lib/interests/draft';
import {
  EMPTY_VALUES,
  INTERVIEW_FIELDS,
  TEXT_FIELDS,
  buildSaveRequest,
  formFieldOf,
  mergeLatest,
  parseBudget,
  sameValues,
  toggleObstacle,
  valuesFromInterest,
  type InterviewError,
  type InterviewField,
  type InterviewValues,
} from '../../lib/interests/interviewForm';
import { obstacleLabel, trackLabel, urgencyLabel, willingnessLabel } from '../../lib/interests/labels';
import { translateInterestMessage } from '../../lib/interests/messages';
import { formatEuro } from '../../lib/interests/ranking';
import { isTextField, shortcutFor, type ShortcutAction } from '../../lib/interests/shortcuts';
import { Alert } from '../Alert';
import { BudgetField, SegmentedField, TextAreaField, ToggleChips } from './InterviewFields';

type Notice =
  | { type: 'restored'; at: string }
  | { type: 'alreadySaved' }
  | { type: 'noChanges' }
  | { type: 'conflict' }
  | { type: 'created' }
  | { type: 'deleted' }
  | { type: 'offline' }
  | { type: 'forbidden' }
  | { type: 'failed'; error: unknown }
  | { type: 'invalid'; messages: string[] };

interface Base {
  interest: Interest | null;
  values: InterviewValues;
}

interface Initial {
  base: Base;
  values: InterviewValues;
  notice: Notice | null;
  conflicts: InterviewField[];
}

export type AfterSave = 'stay' | 'next';

/**
 * The form for one theme of one stakeholder. What is typed is kept as a draft in localStorage
 * until it is saved; a new theme is saved with POST, a recorded one with PATCH + If-Match.
 */
export function ThemeCard({
  parkId,
  stakeholderId,
  theme,
  themeName,
  index,
  total,
  interest,
  mayEdit,
  skipped,
  autoFocus,
  onSaved,
  onRefresh,
  onNavigate,
  onSkip,
  onUnskip,
  onDirtyChange,
}: {
  parkId: string;
  stakeholderId: string;
  theme: Theme;
  themeName: string;
  index: number;
  total: number;
  /** The saved interest of this stakeholder in this theme, if any. */
  interest: Interest | undefined;
  mayEdit: boolean;
  skipped: boolean;
  autoFocus: boolean;
  onSaved: (interest: Interest, then: AfterSave) => void;
  /** Something changed on the server: refetch this stakeholder's interests. */
  onRefresh: () => void;
  onNavigate: (direction: 'next' | 'previous') => void;
  onSkip: () => void;
  onUnskip: () => void;
  onDirtyChange: (themeCode: string, dirty: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const target: DraftTarget = useMemo(
    () => ({ parkId, stakeholderId, themeCode: theme.code }),
    [parkId, stakeholderId, theme.code],
  );

  const [initial] = useState<Initial>(() => initialState(target, interest, language, mayEdit));
  const [base, setBase] = useState<Base>(initial.base);
  const [values, setValues] = useState<InterviewValues>(initial.values);
  const [notice, setNotice] = useState<Notice | null>(initial.notice);
  const [conflicts, setConflicts] = useState<InterviewField[]>(initial.conflicts);
  const [conflictBase, setConflictBase] = useState<InterviewValues>(initial.base.values);
  const [clientErrors, setClientErrors] = useState<Partial<Record<InterviewField, InterviewError>>>({});
  const [serverErrors, setServerErrors] = useState<Partial<Record<InterviewField, string[]>>>({});
  const [saving, setSaving] = useState(false);
  const [storageFailed, setStorageFailed] = useState(false);

  const valuesRef = useRef(values);
  valuesRef.current = values;
  const baseRef = useRef(base);
  baseRef.current = base;
  const cardRef = useRef<HTMLElement>(null);
  const firstFieldRef = useRef<HTMLTextAreaElement | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const dirty = !sameValues(values, base.values);

  // Keep the draft while typing; drop it once the form equals what is saved.
  useEffect(() => {
    if (!mayEdit) return;
    if (sameValues(values, base.values)) {
      clearDraft(target);
      return;
    }
    const ok = saveDraft(target, {
      values,
      base: base.values,
      baseVersion: base.interest?.version ?? null,
      interestId: base.interest?.id ?? null,
      savedAt: new Date().toISOString(),
    });
    setStorageFailed(!ok);
  }, [values, base, target, mayEdit]);

  useEffect(() => {
    onDirtyChange(theme.code, dirty);
  }, [dirty, theme.code, onDirtyChange]);

  // A newer saved version arrived (refetch) while nothing is typed here: show it.
  useEffect(() => {
    if (saving) return;
    const current = baseRef.current;
    const serverVersion = interest?.version ?? null;
    const baseVersion = current.interest?.version ?? null;
    if ((interest?.id ?? null) === (current.interest?.id ?? null) && serverVersion === baseVersion) return;
    if (interest && current.interest && interest.id === current.interest.id && interest.version < current.interest.version) return;
    if (!sameValues(valuesRef.current, current.values)) return;
    const next = valuesFromInterest(interest, language);
    setBase({ interest: interest ?? null, values: next });
    setValues(next);
  }, [interest, saving, language]);

  useEffect(() => {
    if (!autoFocus) return;
    if (mayEdit) firstFieldRef.current?.focus({ preventScroll: true });
    else headingRef.current?.focus({ preventScroll: true });
  }, [autoFocus, mayEdit]);

  const set = <K extends InterviewField>(field: K, value: InterviewValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setClientErrors(({ [field]: _dropped, ...rest }) => rest);
    setServerErrors(({ [field]: _dropped, ...rest }) => rest);
    setNotice((n) => (n && (n.type === 'noChanges' || n.type === 'alreadySaved') ? null : n));
  };

  const applyLatest = (latest: Interest | null, kind: 'conflict' | 'created' | 'deleted') => {
    const latestValues = latest ? valuesFromInterest(latest, language) : { ...EMPTY_VALUES, obstacles: [] };
    const merged = mergeLatest(valuesRef.current, baseRef.current.values, latestValues);
    setBase({ interest: latest, values: latestValues });
    setValues(merged.values);
    setConflicts(merged.conflicts);
    setConflictBase(latestValues);
    if (kind !== 'deleted' && sameValues(merged.values, latestValues)) setNotice({ type: 'alreadySaved' });
    else setNotice({ type: kind });
    onRefresh();
  };

  const handleError = async (error: unknown) => {
    const current = baseRef.current;
    if (isApiError(error, 412) && current.interest) {
      try {
        applyLatest(await getInterest(current.interest.id), 'conflict');
      } catch (reloadError) {
        if (isApiError(reloadError, 404)) applyLatest(null, 'deleted');
        else setNotice(reloadError instanceof NetworkError ? { type: 'offline' } : { type: 'failed', error: reloadError });
      }
    } else if (isApiError(error, 409)) {
      try {
        const list = await listStakeholderInterests(stakeholderId);
        const existing = list.find((i) => i.theme_code === theme.code);
        if (existing) applyLatest(existing, 'created');
        else setNotice({ type: 'failed', error });
      } catch (reloadError) {
        setNotice(reloadError instanceof NetworkError ? { type: 'offline' } : { type: 'failed', error: reloadError });
      }
    } else if (isApiError(error, 404) && current.interest) {
      applyLatest(null, 'deleted');
    } else if (isApiError(error, 422)) {
      const byField: Partial<Record<InterviewField, string[]>> = {};
      const other: string[] = [];
      for (const [apiField, messages] of Object.entries(error.problem.fieldErrors)) {
        const translated = messages.map((m) => translateInterestMessage(m, t, language));
        const field = formFieldOf(apiField);
        if (field) (byField[field] ??= []).push(...translated);
        else other.push(...translated);
      }
      if (Object.keys(byField).length === 0 && other.length === 0 && error.problem.detail) other.push(error.problem.detail);
      setServerErrors(byField);
      setNotice({ type: 'invalid', messages: other });
      focusField(Object.keys(byField)[0] as InterviewField | undefined);
    } else if (isApiError(error, 403)) {
      setNotice({ type: 'forbidden' });
    } else if (error instanceof NetworkError) {
      setNotice({ type: 'offline' });
    } else {
      setNotice({ type: 'failed', error });
    }
  };

  const save = async (then: AfterSave) => {
    if (!mayEdit || saving) return;
    const sent = valuesRef.current;
    const current = baseRef.current;
    setClientErrors({});
    setServerErrors({});
    const request = buildSaveRequest(theme.code, sent, current.values, current.interest !== null);
    if (!request.ok) {
      setClientErrors(request.errors);
      setNotice({ type: 'invalid', messages: [] });
      focusField(INTERVIEW_FIELDS.find((f) => request.errors[f]));
      return;
    }
    if (request.kind === 'none') {
      if (then === 'next') onNavigate('next');
      else setNotice({ type: 'noChanges' });
      return;
    }
    setSaving(true);
    try {
      const result =
        request.kind === 'create'
          ? await createInterest(stakeholderId, request.body)
          : await updateInterest(current.interest!.id, interestEtag(current.interest!), request.body);
      const saved = valuesFromInterest(result, language);
      setBase({ interest: result, values: saved });
      // Whatever was typed while saving stays (and stays a draft).
      setValues((now) => (sameValues(now, sent) ? saved : now));
      if (sameValues(valuesRef.current, sent)) clearDraft(target);
      setConflicts([]);
      setNotice(null);
      onSaved(result, then);
    } catch (error) {
      await handleError(error);
    } finally {
      setSaving(false);
    }
  };

  const discardDraft = () => {
    clearDraft(target);
    setValues(base.values);
    setConflicts([]);
    setClientErrors({});
    setServerErrors({});
    setNotice(null);
  };

  const focusField = (field: InterviewField | undefined) => {
    if (!field) return;
    window.setTimeout(() => {
      const element = cardRef.current?.querySelector<HTMLElement>(
        `[data-field="${field}"] textarea, [data-field="${field}"] input`,
      );
      element?.focus();
    }, 0);
  };

  // Keyboard shortcuts, anywhere in the card (or with nothing focused).
  const onAction = useRef<(action: ShortcutAction) => void>(() => undefined);
  onAction.current = (action) => {
    switch (action.type) {
      case 'saveAndNext':
        if (mayEdit) void save('next');
        else onNavigate('next');
        break;
      case 'save':
        if (mayEdit) void save('stay');
        break;
      case 'next':
      case 'previous':
        onNavigate(action.type);
        break;
      case 'urgency':
        if (mayEdit) set('urgency', action.value);
        break;
    }
  };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const inCard = event.target instanceof Node && cardRef.current?.contains(event.target);
      const nowhere = event.target === document.body || event.target === document.documentElement;
      if (!inCard && !nowhere) return;
      const action = shortcutFor({
        key: event.key,
        code: event.code,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        shiftKey: event.shiftKey,
        inTextField: isTextField(event.target),
        isComposing: event.isComposing,
      });
      if (!action) return;
      // WCAG 2.1.4: a bare digit must not change the urgency wherever focus is (on "Opslaan", on
      // a radio button): only Alt+1 … Alt+5 do.
      if (action.type === 'urgency' && !event.altKey) return;
      event.preventDefault();
      onAction.current(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const errorsFor = (field: InterviewField): string[] => {
    const own = clientErrors[field];
    return [
      ...(own ? [own === 'tooLong' ? t('interests.interview.errors.tooLong', { max: TEXT_MAX }) : t(`interests.interview.errors.${own}`)] : []),
      ...(serverErrors[field] ?? []),
    ];
  };
  const conflictFor = (field: InterviewField): string | undefined =>
    conflicts.includes(field)
      ? t('interests.interview.conflict.nowSaved', { value: displayValue(field, conflictBase, t, language) })
      : undefined;

  const fieldId = (field: InterviewField) => `iv-${theme.code}-${field}`;
  const titleId = `iv-${theme.code}-title`;

  const removeInterest = async () => {
    const recorded = base.interest;
    if (!recorded) return;
    setDeleting(true);
    setDeleteError(null);
    try {
      await deleteInterest(recorded.id, interestEtag(recorded));
      setConfirmDelete(false);
    } catch (error) {
      // 412: changed elsewhere; 404: already gone. Either way the refetch shows what is true.
      if (!isApiError(error, 412) && !isApiError(error, 404)) setDeleteError(error);
    } finally {
      setDeleting(false);
      onRefresh();
    }
  };

  return (
    <section
      ref={cardRef}
      className="card theme-card"
      aria-labelledby={titleId}
      data-testid="theme-card"
      data-theme={theme.code}
      data-dirty={dirty}
    >
      <header className="theme-card-head">
        <div>
          <p className="muted small theme-card-kicker">
            {t('interests.interview.themeOf', { index: index + 1, total })} ·{' '}
            <span className={`track-text track-text-${theme.track}`}>{trackLabel(t, theme.track)}</span>
          </p>
          <h3 id={titleId} ref={headingRef} tabIndex={-1}>
            {themeName}
          </h3>
          <p className="small theme-card-status" data-testid="theme-status">
            {base.interest ? (
              <>
                <span className="status-recorded">
                  {t('interests.interview.recordedAt', { time: formatDateTime(base.interest.updated_at, language) })}
                </span>
                {mayEdit && (
                  <>
                    {' · '}
                    {confirmDelete ? (
                      <span role="group" aria-label={t('interests.interview.delete.question', { theme: themeName })}>
                        {t('interests.interview.delete.question', { theme: themeName })}{' '}
                        <button type="button" className="ix-link-button ix-danger" disabled={deleting} onClick={() => void removeInterest()}>
                          {t('interests.interview.delete.confirm')}
                        </button>{' '}
                        <button type="button" className="ix-link-button" onClick={() => setConfirmDelete(false)}>
                          {t('interests.interview.delete.cancel')}
                        </button>
                      </span>
                    ) : (
                      <button type="button" className="ix-link-button" data-testid="delete-interest" onClick={() => setConfirmDelete(true)}>
                        {t('interests.interview.delete.action')}
                      </button>
                    )}
                  </>
                )}
              </>
            ) : (
              <span className="muted">{t('interests.interview.notRecordedYet')}</span>
            )}
            {deleteError !== null && (
              <span className="field-error block" role="alert">
                {t('interests.interview.delete.failed')}
              </span>
            )}
            {skipped && !base.interest && (
              <>
                {' · '}
                <span className="status-skipped">{t('interests.interview.status.skipped')}</span>{' '}
                {mayEdit && (
                  <button type="button" className="ix-link-button" onClick={onUnskip}>
                    {t('interests.interview.actions.unskip')}
                  </button>
                )}
              </>
            )}
          </p>
        </div>
        <div className="theme-nav">
          <button type="button" className="button button-quiet" onClick={() => onNavigate('previous')} disabled={index === 0}>
            <span aria-hidden="true">←</span> {t('interests.interview.actions.previous')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => onNavigate('next')} disabled={index >= total - 1}>
            {t('interests.interview.actions.next')} <span aria-hidden="true">→</span>
          </button>
        </div>
      </header>

      <NoticeArea
        notice={notice}
        storageFailed={storageFailed && mayEdit}
        saving={saving}
        onRetry={() => void save('stay')}
        onDiscard={discardDraft}
        language={language}
      />

      {mayEdit ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save('next');
          }}
        >
          <div className="interview-texts">
            {TEXT_FIELDS.map((field, i) => (
              <TextAreaField
                key={field}
                id={fieldId(field)}
                label={t(`interests.interview.fields.${field}`)}
                hint={t(`interests.interview.hints.${field}`)}
                value={values[field]}
                onChange={(v) => set(field, v)}
                errors={errorsFor(field)}
                conflict={conflictFor(field)}
                max={TEXT_MAX}
                inputRef={i === 0 ? (el) => void (firstFieldRef.current = el) : undefined}
              />
            ))}
          </div>
          <div className="interview-scales">
            <SegmentedField
              id={fieldId('urgency')}
              legend={t('interests.interview.fields.urgency')}
              required={t('interests.interview.required')}
              hint={t('interests.interview.hints.urgency')}
              options={URGENCIES.map((n) => ({ value: n, label: String(n), title: urgencyLabel(t, n) }))}
              value={values.urgency}
              onChange={(v) => set('urgency', v)}
              errors={errorsFor('urgency')}
              conflict={conflictFor('urgency')}
              testId="urgency"
            />
            <SegmentedField
              id={fieldId('investment_willingness')}
              legend={t('interests.interview.fields.investment_willingness')}
              options={WILLINGNESS.map((w) => ({ value: w, label: willingnessLabel(t, w) }))}
              value={values.investment_willingness}
              onChange={(v) => set('investment_willingness', v)}
              errors={errorsFor('investment_willingness')}
              conflict={conflictFor('investment_willingness')}
              testId="willingness"
            />
            <BudgetField
              id={fieldId('budget')}
              label={t('interests.interview.fields.budget')}
              hint={t('interests.interview.hints.budget')}
              value={values.budget}
              onChange={(v) => set('budget', v)}
              errors={errorsFor('budget')}
              conflict={conflictFor('budget')}
            />
          </div>
          <ToggleChips
            id={fieldId('obstacles')}
            legend={t('interests.interview.fields.obstacles')}
            hint={t('interests.interview.hints.obstacles')}
            options={OBSTACLES.map((o) => ({ value: o, label: obstacleLabel(t, o) }))}
            selected={values.obstacles}
            onToggle={(o) => set('obstacles', toggleObstacle(valuesRef.current.obstacles, o))}
            errors={errorsFor('obstacles')}
            conflict={conflictFor('obstacles')}
          />
          <div className="form-actions interview-actions">
            <button type="submit" className="button button-primary" disabled={saving} data-testid="save-next">
              {saving ? t('interests.interview.actions.saving') : t('interests.interview.actions.saveNext')}
              <kbd className="ix-kbd-hint">Ctrl+Enter</kbd>
            </button>
            <button type="button" className="button button-secondary" disabled={saving} onClick={() => void save('stay')} data-testid="save">
              {t('interests.interview.actions.save')}
            </button>
            {!base.interest && !skipped && (
              <button type="button" className="button button-quiet" onClick={onSkip} disabled={saving} data-testid="skip">
                {t('interests.interview.actions.skip')}
              </button>
            )}
            {dirty && (
              <button type="button" className="button button-quiet ix-push-right" onClick={discardDraft} disabled={saving}>
                {t('interests.interview.actions.discardDraft')}
              </button>
            )}
          </div>
        </form>
      ) : (
        <ReadOnlyInterest interest={base.interest} language={language} />
      )}
    </section>
  );
}

function initialState(target: DraftTarget, interest: Interest | undefined, language: string, mayEdit: boolean): Initial {
  const server = interest ?? null;
  const serverValues = valuesFromInterest(server, language);
  const base: Base = { interest: server, values: serverValues };
  const plain: Initial = { base, values: serverValues, notice: null, conflicts: [] };
  if (!mayEdit) return plain;
  const draft = loadDraft(target);
  if (!draft) return plain;
  if (draft.baseVersion === (server?.version ?? null) && draft.interestId === (server?.id ?? null)) {
    if (sameValues(draft.values, serverValues)) {
      clearDraft(target);
      return plain;
    }
    return { base, values: draft.values, notice: { type: 'restored', at: draft.savedAt }, conflicts: [] };
  }
  // The saved version moved on since the draft began (someone else, or our own save whose answer
  // never arrived): keep the user's own changes on top of it.
  const merged = mergeLatest(draft.values, draft.base, serverValues);
  if (sameValues(merged.values, serverValues)) {
    clearDraft(target);
    return { ...plain, notice: { type: 'alreadySaved' } };
  }
  return { base, values: merged.values, notice: { type: 'restored', at: draft.savedAt }, conflicts: merged.conflicts };
}

function displayValue(
  field: InterviewField,
  values: InterviewValues,
  t: TFunction,
  language: string,
): string {
  const empty = t('interests.interview.conflict.empty');
  switch (field) {
    case 'current_situation':
    case 'challenge':
    case 'vision': {
      const text = values[field].trim();
      return text === '' ? empty : text.length > 240 ? `${text.slice(0, 239)}…` : text;
    }
    case 'urgency':
      return values.urgency === null ? empty : `${values.urgency} (${urgencyLabel(t, values.urgency).toLowerCase()})`;
    case 'investment_willingness':
      return willingnessLabel(t, values.investment_willingness);
    case 'budget': {
      const budget = parseBudget(values.budget);
      if (!budget.ok) return values.budget;
      return budget.value === null ? empty : formatEuro(budget.value, language);
    }
    case 'obstacles':
      return values.obstacles.length === 0 ? empty : values.obstacles.map((o) => obstacleLabel(t, o)).join(', ');
  }
}

function NoticeArea({
  notice,
  storageFailed,
  saving,
  onRetry,
  onDiscard,
  language,
}: {
  notice: Notice | null;
  storageFailed: boolean;
  saving: boolean;
  onRetry: () => void;
  onDiscard: () => void;
  language: string;
}) {
  const { t } = useTranslation();
  let content: ReactNode = null;
  if (notice) {
    switch (notice.type) {
      case 'restored':
        content = (
          <Alert
            tone="info"
            testId="draft-restored"
            title={t('interests.interview.notices.restoredTitle')}
            actions={
              <button type="button" className="button button-secondary" onClick={onDiscard}>
                {t('interests.interview.actions.discardDraft')}
              </button>
            }
          >
            <p>{t('interests.interview.notices.restored', { time: formatDateTime(notice.at, language) })}</p>
          </Alert>
        );
        break;
      case 'alreadySaved':
        content = (
          <Alert tone="success" testId="already-saved">
            <p>{t('interests.interview.notices.alreadySaved')}</p>
          </Alert>
        );
        break;
      case 'noChanges':
        content = (
          <Alert tone="info">
            <p>{t('interests.interview.notices.noChanges')}</p>
          </Alert>
        );
        break;
      case 'conflict':
      case 'created':
        content = (
          <Alert
            tone="warning"
            testId="conflict-message"
            title={t(notice.type === 'conflict' ? 'interests.interview.notices.conflictTitle' : 'interests.interview.notices.createdTitle')}
          >
            <p>{t(notice.type === 'conflict' ? 'interests.interview.notices.conflict' : 'interests.interview.notices.created')}</p>
          </Alert>
        );
        break;
      case 'deleted':
        content = (
          <Alert tone="warning" testId="deleted-message">
            <p>{t('interests.interview.notices.deleted')}</p>
          </Alert>
        );
        break;
      case 'offline':
        content = (
          <Alert
            tone="warning"
            testId="offline-message"
            title={t('interests.interview.notices.offlineTitle')}
            actions={
              <button type="button" className="button button-secondary" onClick={onRetry} disabled={saving}>
                {t('interests.interview.actions.retry')}
              </button>
            }
          >
            <p>{t('interests.interview.notices.offline')}</p>
          </Alert>
        );
        break;
      case 'forbidden':
        content = <Alert tone="error" testId="forbidden-message" title={t('interests.interview.notices.forbidden')} />;
        break;
      case 'invalid':
        content = (
          <Alert tone="error" testId="validation-message" title={t('interests.interview.notices.fixFields')}>
            {notice.messages.length > 0 && (
              <ul>
                {notice.messages.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
          </Alert>
        );
        break;
      case 'failed': {
        const { message, detail } = describeError(notice.error, t);
        content = (
          <Alert
            tone="error"
            testId="save-failed"
            title={`${t('interests.interview.notices.failed')} ${message}`}
            actions={
              <button type="button" className="button button-secondary" onClick={onRetry} disabled={saving}>
                {t('interests.interview.actions.retry')}
              </button>
            }
          >
            {detail && <p className="alert-detail">{t('errors.serverSays', { detail })}</p>}
          </Alert>
        );
        break;
      }
    }
  }
  return (
    <>
      {content}
      {storageFailed && (
        <Alert tone="warning">
          <p>{t('interests.interview.notices.noStorage')}</p>
        </Alert>
      )}
    </>
  );
}

function ReadOnlyInterest({ interest, language }: { interest: Interest | null; language: string }) {
  const { t } = useTranslation();
  if (!interest) return <p className="muted" data-testid="not-recorded">{t('interests.interview.notRecorded')}</p>;
  const text = (value: string | null) => (value && value.trim() !== '' ? value : EMPTY);
  return (
    <dl className="facts interview-readonly" data-testid="interest-readonly">
      {TEXT_FIELDS.map((field) => (
        <div key={field} className="fact fact-wide">
          <dt>{t(`interests.interview.fields.${field}`)}</dt>
          <dd className="description">{text(interest[field])}</dd>
        </div>
      ))}
      <div className="fact">
        <dt>{t('interests.interview.fields.urgency')}</dt>
        <dd>
          {interest.urgency} ({urgencyLabel(t, interest.urgency).toLowerCase()})
        </dd>
      </div>
      <div className="fact">
        <dt>{t('interests.interview.fields.investment_willingness')}</dt>
        <dd>{willingnessLabel(t, interest.investment_willingness)}</dd>
      </div>
      <div className="fact">
        <dt>{t('interests.interview.fields.budget')}</dt>
        <dd>{formatEuro(interest.budget_eur, language)}</dd>
      </div>
      <div className="fact">
        <dt>{t('interests.interview.fields.obstacles')}</dt>
        <dd>{interest.obstacles.length > 0 ? interest.obstacles.map((o) => obstacleLabel(t, o)).join(', ') : EMPTY}</dd>
      </div>
    </dl>
  );
}
