import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { skipTheme, TRACKS, unskipTheme, type Interest, type Theme } from '../../api/interests';
import { ApiError } from '../../api/problem';
import { keys } from '../../api/queryKeys';
import { refresh } from '../../api/refresh';
import { STAKEHOLDER_CAP } from '../../api/stakeholders';
import { useAuth } from '../../auth/AuthContext';
import { canEditPark } from '../../auth/permissions';
import { Alert, ErrorAlert, Loading } from '../../components/Alert';
import '../../components/interests/interests.css';
import { StakeholderPicker, type PickerOption } from '../../components/interests/StakeholderPicker';
import { ThemeCard, type AfterSave } from '../../components/interests/ThemeCard';
import { draftThemes, loadSkipped, saveSkipped } from '../../lib/interests/draft';
import { kindLabel, trackLabel } from '../../lib/interests/labels';
import { interestCounts, themeName } from '../../lib/interests/matrix';
import { useInterestMatrix, useSkippedThemes, useStakeholderInterests, useThemes } from '../../lib/interests/queries';
import { useParkStakeholders } from '../../lib/stakeholders/queries';
import { kindColour } from '../../lib/interests/ranking';
import { formatNumber } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useParkContext } from '../ParkPage';

function useOnline(): boolean {
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** Themes in interview order: clean-intact-safe first, then future-proof; the API's order within. */
function orderThemes(themes: readonly Theme[]): Theme[] {
  return TRACKS.flatMap((track) => themes.filter((t) => t.track === track));
}

/**
 * The interview screen: pick a stakeholder, then walk through the themes one card at a time.
 * `parken/:parkId/interview[/:stakeholderId]?thema=<code>`.
 */
export function InterviewPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const { stakeholderId } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { versioned } = useParkContext();
  const { park } = versioned;
  const { user } = useAuth();
  const mayEdit = canEditPark(user, park.province);
  const online = useOnline();
  useDocumentTitle(`${t('interests.interview.title')} · ${park.name}`);

  const themesQuery = useThemes();
  const stakeholdersQuery = useParkStakeholders(park.id);
  const matrixQuery = useInterestMatrix(park.id);
  const interestsQuery = useStakeholderInterests(park.id, stakeholderId);
  const skippedQuery = useSkippedThemes(park.id, stakeholderId);
  const skipped = useMemo(() => skippedQuery.data ?? [], [skippedQuery.data]);
  const [skipError, setSkipError] = useState<unknown>(null);

  // What this device keeps per stakeholder (drafts), read again when the stakeholder changes
  // (during render, so the first card shown is already the right one).
  const storeKey = `${park.id}:${stakeholderId ?? ''}`;
  const readLocal = () => ({
    key: storeKey,
    drafts: stakeholderId ? draftThemes(park.id, stakeholderId) : new Set<string>(),
    lastSaved: null as string | null,
  });
  const [local, setLocal] = useState(readLocal);
  if (local.key !== storeKey) setLocal(readLocal());
  const { drafts, lastSaved } = local;
  const setLastSaved = (name: string | null) => setLocal((l) => ({ ...l, lastSaved: name }));
  const [autoFocus, setAutoFocus] = useState(false);

  const themes = useMemo(() => orderThemes(themesQuery.data ?? []), [themesQuery.data]);
  const byTheme = useMemo(
    () => new Map((interestsQuery.data ?? []).map((i) => [i.theme_code, i] as const)),
    [interestsQuery.data],
  );
  const counts = useMemo(() => (matrixQuery.data ? interestCounts(matrixQuery.data) : new Map<string, number>()), [matrixQuery.data]);
  const options: PickerOption[] = useMemo(
    () =>
      (stakeholdersQuery.data?.items ?? [])
        .map((s) => ({ id: s.id, name: s.name, kind: s.kind, sector: s.sector, count: counts.get(s.id) ?? 0 }))
        .sort((a, b) => a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' })),
    [stakeholdersQuery.data, counts],
  );
  const stakeholder = options.find((o) => o.id === stakeholderId);

  const requested = params.get('thema');
  const currentCode = useMemo(() => {
    if (requested && themes.some((th) => th.code === requested)) return requested;
    const open = themes.find((th) => !byTheme.has(th.code) && !skipped.includes(th.code));
    return (open ?? themes[0])?.code ?? null;
  }, [requested, themes, byTheme, skipped]);
  const currentIndex = themes.findIndex((th) => th.code === currentCode);
  const current = themes[currentIndex];

  const goTo = useCallback(
    (code: string) => {
      setAutoFocus(true);
      setParams({ thema: code }, { replace: true });
    },
    [setParams],
  );

  const onNavigate = (direction: 'next' | 'previous') => {
    const next = themes[currentIndex + (direction === 'next' ? 1 : -1)];
    if (next) goTo(next.code);
  };

  const skippedKey = keys.park(park.id).stakeholder(stakeholderId ?? '').skipped;
  const setSkippedCache = (change: (codes: string[]) => string[]) =>
    queryClient.setQueryData<string[]>(skippedKey, (codes) => change(codes ?? []));

  /** Skip or open a theme: shown at once, stored on the server, put back if that fails. */
  const updateSkip = async (code: string, skip: boolean) => {
    if (!stakeholderId) return;
    setSkipError(null);
    setSkippedCache((codes) => (skip ? [...codes.filter((c) => c !== code), code] : codes.filter((c) => c !== code)));
    try {
      if (skip) await skipTheme(stakeholderId, code);
      else await unskipTheme(stakeholderId, code);
    } catch (error) {
      // Opening a theme someone else already opened is no failure.
      if (!(error instanceof ApiError && error.status === 404 && !skip)) setSkipError(error);
      await queryClient.invalidateQueries({ queryKey: skippedKey });
    }
  };

  // Themes skipped on this device before skips were kept on the server: move them there once.
  useEffect(() => {
    if (!stakeholderId || !mayEdit || !skippedQuery.isSuccess) return;
    const onDevice = loadSkipped(park.id, stakeholderId);
    if (onDevice.length === 0) return;
    saveSkipped(park.id, stakeholderId, []);
    void Promise.allSettled(onDevice.map((code) => skipTheme(stakeholderId, code))).then(() =>
      queryClient.invalidateQueries({ queryKey: keys.park(park.id).stakeholder(stakeholderId).skipped }),
    );
  }, [park.id, stakeholderId, mayEdit, skippedQuery.isSuccess, queryClient]);

  const onSaved = (interest: Interest, then: AfterSave) => {
    queryClient.setQueryData<Interest[]>(keys.park(park.id).stakeholder(interest.stakeholder_id).interests, (list) => [
      ...(list ?? []).filter((i) => i.id !== interest.id && i.theme_code !== interest.theme_code),
      interest,
    ]);
    void refresh.interests(queryClient, park.id);
    const theme = themes.find((th) => th.code === interest.theme_code);
    setLastSaved(theme ? themeName(theme, language) : interest.theme_code);
    // The server takes the skip away when an interest is recorded in the theme.
    if (skipped.includes(interest.theme_code)) setSkippedCache((codes) => codes.filter((c) => c !== interest.theme_code));
    if (then === 'next') onNavigate('next');
  };

  const onRefresh = () => {
    void refresh.interests(queryClient, park.id, stakeholderId);
    if (stakeholderId) void queryClient.invalidateQueries({ queryKey: keys.park(park.id).stakeholder(stakeholderId).skipped });
  };

  const onDirtyChange = useCallback((code: string, dirty: boolean) => {
    setLocal((l) => {
      if (l.drafts.has(code) === dirty) return l;
      const next = new Set(l.drafts);
      if (dirty) next.add(code);
      else next.delete(code);
      return { ...l, drafts: next };
    });
  }, []);

  const select = (id: string) => {
    setAutoFocus(true);
    void navigate(`/parken/${park.id}/interview/${id}`);
  };

  if (themesQuery.isPending || stakeholdersQuery.isPending) return <Loading />;
  if (themesQuery.error) return <ErrorAlert error={themesQuery.error} onRetry={() => void themesQuery.refetch()} />;
  if (stakeholdersQuery.error)
    return <ErrorAlert error={stakeholdersQuery.error} onRetry={() => void stakeholdersQuery.refetch()} />;

  const recorded = themes.filter((th) => byTheme.has(th.code)).length;
  const skippedCount = themes.filter((th) => !byTheme.has(th.code) && skipped.includes(th.code)).length;
  const discussed = recorded + skippedCount;

  return (
    <div className="interview" data-testid="interview">
      <div className="interview-head">
        <div className="interview-head-text">
          <h2 className="interests-title">{t('interests.interview.title')}</h2>
          <p className="muted small">{mayEdit ? t('interests.interview.intro') : t('interests.interview.introReadOnly')}</p>
        </div>
        {options.length > 0 && (
          <div className="interview-picker">
            <StakeholderPicker
              options={options}
              selectedId={stakeholderId}
              onSelect={select}
              autoFocus={!stakeholderId}
            />
          </div>
        )}
      </div>

      {!online && (
        <Alert tone="warning" testId="offline-banner">
          <p>{t('interests.interview.notices.offlineNow')}</p>
        </Alert>
      )}
      {stakeholdersQuery.data.truncated && (
        <Alert tone="warning" testId="stakeholders-truncated">
          <p>{t('interests.interview.truncated', { cap: formatNumber(STAKEHOLDER_CAP, language) })}</p>
        </Alert>
      )}
      {!mayEdit && (
        <p className="muted small" data-testid="read-only-note">
          {t('interests.interview.readOnly')}
        </p>
      )}

      {options.length === 0 ? (
        <div className="empty interests-empty" data-testid="no-stakeholders">
          <h3>{t('interests.interview.noStakeholders.title')}</h3>
          <p>{t('interests.interview.noStakeholders.body')}</p>
        </div>
      ) : !stakeholderId ? (
        <ChooseStakeholder parkId={park.id} options={options} />
      ) : !stakeholder ? (
        <Alert tone="warning" testId="unknown-stakeholder">
          <p>{t('interests.interview.unknownStakeholder')}</p>
        </Alert>
      ) : interestsQuery.isPending || skippedQuery.isPending ? (
        <Loading />
      ) : interestsQuery.error ? (
        <ErrorAlert error={interestsQuery.error} onRetry={() => void interestsQuery.refetch()} />
      ) : skippedQuery.error ? (
        <ErrorAlert error={skippedQuery.error} onRetry={() => void skippedQuery.refetch()} />
      ) : (
        <>
          <div className="interview-who card">
            <div>
              <p className="interview-name" data-testid="interview-stakeholder">
                <span className="ix-chip-dot" style={{ background: kindColour(stakeholder.kind) }} aria-hidden="true" />
                <strong>{stakeholder.name}</strong>
                <span className="muted">
                  {' · '}
                  {kindLabel(t, stakeholder.kind)}
                  {stakeholder.sector ? ` · ${stakeholder.sector}` : ''}
                </span>
              </p>
            </div>
            <div className="ix-progress" data-testid="interview-progress">
              <p className="ix-progress-text">
                <strong>{t('interests.interview.progress', { done: discussed, total: themes.length })}</strong>
                <span className="muted small">
                  {' '}
                  ({t('interests.interview.progressDetail', { recorded, skipped: skippedCount })})
                </span>
              </p>
              <div
                className="ix-progress-bar"
                role="progressbar"
                aria-valuemin={0}
                aria-valuemax={themes.length}
                aria-valuenow={discussed}
                aria-label={t('interests.interview.progress', { done: discussed, total: themes.length })}
              >
                <span className="ix-progress-recorded" style={{ width: `${(100 * recorded) / Math.max(1, themes.length)}%` }} />
                <span className="ix-progress-skipped" style={{ width: `${(100 * skippedCount) / Math.max(1, themes.length)}%` }} />
              </div>
            </div>
          </div>

          {skipError !== null && <ErrorAlert error={skipError} />}
          {lastSaved && (
            <Alert tone="success" testId="interview-saved">
              <p>{t('interests.interview.notices.saved', { theme: lastSaved })}</p>
            </Alert>
          )}
          {mayEdit && discussed === themes.length && themes.length > 0 && (
            <Alert
              tone="success"
              testId="interview-done"
              title={t('interests.interview.done.title')}
              actions={
                <Link to={`/parken/${park.id}/belangen`} className="button button-secondary">
                  {t('interests.interview.actions.toShared')}
                </Link>
              }
            >
              <p>{t('interests.interview.done.body')}</p>
            </Alert>
          )}

          <div className="interview-grid">
            {/* A way past the 17 theme buttons, to the theme being discussed. */}
            <a className="ix-skip" href="#interview-main">
              {t('interests.interview.skipThemes')}
            </a>
            <nav className="theme-index" aria-label={t('interests.interview.themeList')}>
              {TRACKS.map((track) => (
                <div key={track} className="theme-index-group">
                  <h3 className={`theme-index-track track-text-${track}`}>{trackLabel(t, track)}</h3>
                  <ol>
                    {themes
                      .filter((th) => th.track === track)
                      .map((th) => {
                        const saved = byTheme.get(th.code);
                        const state = saved ? 'recorded' : drafts.has(th.code) ? 'draft' : skipped.includes(th.code) ? 'skipped' : 'open';
                        const hasDraft = drafts.has(th.code);
                        return (
                          <li key={th.code}>
                            <button
                              type="button"
                              className={`theme-index-item state-${state}${th.code === currentCode ? ' current' : ''}`}
                              aria-current={th.code === currentCode ? 'step' : undefined}
                              data-theme={th.code}
                              data-state={state}
                              onClick={() => goTo(th.code)}
                            >
                              <span className="theme-index-mark" aria-hidden="true">
                                {saved ? saved.urgency : state === 'skipped' ? '–' : state === 'draft' ? '✎' : ''}
                              </span>
                              <span className="theme-index-name">{themeName(th, language)}</span>
                              <span className="visually-hidden">
                                {' '}
                                ({t(`interests.interview.status.${state}`)}
                                {saved && hasDraft ? `, ${t('interests.interview.status.draft')}` : ''})
                              </span>
                              {saved && hasDraft && (
                                <span className="theme-index-draft" aria-hidden="true">
                                  ✎
                                </span>
                              )}
                            </button>
                          </li>
                        );
                      })}
                  </ol>
                </div>
              ))}
            </nav>
            <div className="interview-main" id="interview-main" tabIndex={-1}>
              {current && (
                <ThemeCard
                  key={`${stakeholderId}:${current.code}`}
                  parkId={park.id}
                  stakeholderId={stakeholderId}
                  theme={current}
                  themeName={themeName(current, language)}
                  index={currentIndex}
                  total={themes.length}
                  interest={byTheme.get(current.code)}
                  mayEdit={mayEdit}
                  skipped={skipped.includes(current.code)}
                  autoFocus={autoFocus}
                  onSaved={onSaved}
                  onRefresh={onRefresh}
                  onNavigate={onNavigate}
                  onSkip={() => {
                    void updateSkip(current.code, true);
                    onNavigate('next');
                  }}
                  onUnskip={() => void updateSkip(current.code, false)}
                  onDirtyChange={onDirtyChange}
                />
              )}
              <ShortcutLegend mayEdit={mayEdit} />
            </div>
          </div>
        </>
      )}
    </div>
  );
}

function ChooseStakeholder({ parkId, options }: { parkId: string; options: PickerOption[] }) {
  const { t } = useTranslation();
  const notYet = options.filter((o) => o.count === 0);
  const done = options.filter((o) => o.count > 0);
  const list = (items: PickerOption[]) => (
    <ul className="ix-choose-list">
      {items.map((o) => (
        <li key={o.id}>
          <Link to={`/parken/${parkId}/interview/${o.id}`}>
            <span className="ix-chip-dot" style={{ background: kindColour(o.kind) }} aria-hidden="true" />
            {o.name}
          </Link>{' '}
          <span className="muted small">
            {kindLabel(t, o.kind)}
            {o.count > 0 && ` · ${t('interests.interview.picker.themes', { count: o.count })}`}
          </span>
        </li>
      ))}
    </ul>
  );
  return (
    <section className="card ix-choose" aria-labelledby="choose-title" data-testid="choose-stakeholder">
      <h3 id="choose-title">{t('interests.interview.choose.title')}</h3>
      <p className="muted">{t('interests.interview.choose.body')}</p>
      <div className="ix-choose-columns">
        {notYet.length > 0 && (
          <div>
            <h4>
              {t('interests.interview.choose.notYet')} ({notYet.length})
            </h4>
            {list(notYet)}
          </div>
        )}
        {done.length > 0 && (
          <div>
            <h4>
              {t('interests.interview.choose.done')} ({done.length})
            </h4>
            {list(done)}
          </div>
        )}
      </div>
    </section>
  );
}

function ShortcutLegend({ mayEdit }: { mayEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <details className="ix-shortcuts">
      <summary>{t('interests.interview.shortcuts.title')}</summary>
      <dl>
        {mayEdit && (
          <>
            <div>
              <dt>
                <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
              </dt>
              <dd>{t('interests.interview.shortcuts.saveNext')}</dd>
            </div>
            <div>
              <dt>
                <kbd>Ctrl</kbd>+<kbd>S</kbd>
              </dt>
              <dd>{t('interests.interview.shortcuts.save')}</dd>
            </div>
            <div>
              <dt>
                <kbd>Alt</kbd>+<kbd>1</kbd>–<kbd>5</kbd>
              </dt>
              <dd>{t('interests.interview.shortcuts.urgency')}</dd>
            </div>
          </>
        )}
        <div>
          <dt>
            <kbd>Alt</kbd>+<kbd>N</kbd> / <kbd>Alt</kbd>+<kbd>P</kbd>
          </dt>
          <dd>{t('interests.interview.shortcuts.nav')}</dd>
        </div>
      </dl>
    </details>
  );
}
