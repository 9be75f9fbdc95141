import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { describeError } from '../../api/messages';
import { downloadExport, STAKEHOLDER_CAP, type ExportFormat, type StakeholderKind } from '../../api/stakeholders';
import { useAuth } from '../../auth/AuthContext';
import { canEditPark } from '../../auth/permissions';
import { Alert, ErrorAlert, Loading } from '../../components/Alert';
import { ImportDialog } from '../../components/stakeholders/ImportDialog';
import { MapBoundary } from '../../components/stakeholders/MapBoundary';
import { KindBadge, Personal, Score } from '../../components/stakeholders/parts';
import { EMPTY, formatNumber } from '../../lib/format';
import { isKind, isRole, KIND_COLORS, KINDS, ROLES } from '../../lib/stakeholders/kinds';
import { rememberStakeholderList } from '../../lib/stakeholders/lastList';
import { useStakeholderFigures, useStakeholders } from '../../lib/stakeholders/queries';
import { countByKind, formatSort, parseSort, sortStakeholders, toggleSort, type SortKey } from '../../lib/stakeholders/sort';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { formatDay } from '../../lib/assessments/dates';
import { useParkContext } from '../ParkPage';

const StakeholderMap = lazy(() => import('../../components/stakeholders/StakeholderMap'));

/**
 * The stakeholders of a park. All of them are loaded (up to STAKEHOLDER_CAP, 200 per request)
 * with the search and the role filter done by the server; sorting, the kind filter and the
 * counts per kind happen here, on what was loaded.
 */
export function StakeholdersTab() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const { versioned } = useParkContext();
  const { park } = versioned;
  const { user } = useAuth();
  const mayEdit = canEditPark(user, park.province);
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  useDocumentTitle(`${t('stakeholders.title')} · ${park.name}`);

  const q = params.get('q')?.trim() ?? '';
  const kindParam = params.get('soort');
  const kind: StakeholderKind | undefined = isKind(kindParam) ? kindParam : undefined;
  const roleParam = params.get('rol');
  const role = isRole(roleParam) ? roleParam : undefined;
  const sort = parseSort(params.get('sorteer'));

  useEffect(() => rememberStakeholderList(park.id, location.search), [park.id, location.search]);

  const [text, setText] = useState(q);
  const debounced = useDebouncedValue(text, 300);
  useEffect(() => {
    if (debounced.trim() === q) return;
    setParam('q', debounced.trim());
    // Only the typed text drives this effect.
  }, [debounced]);
  useEffect(() => {
    setText((current) => (current.trim() === q ? current : q));
  }, [q]);

  function setParam(key: string, value: string | null) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: key === 'q' },
    );
  }

  const query = useStakeholders(park.id, { q: q || undefined, role });
  const figures = useStakeholderFigures(park.id);
  const personalHidden = (query.data?.items ?? []).some((s) => s.personal_data_hidden);
  const figuresOf = useMemo(() => new Map((figures.data ?? []).map((f) => [f.stakeholder_id, f])), [figures.data]);
  const loaded = query.data?.items;
  const counts = useMemo(() => countByKind(loaded ?? []), [loaded]);
  const label = (key: 'kind' | 'role', value: string) =>
    key === 'kind'
      ? t(`stakeholders.kinds.${value as StakeholderKind}`)
      : t(`stakeholders.roles.${value as (typeof ROLES)[number]}`);
  const rows = useMemo(() => {
    const filtered = (loaded ?? []).filter((s) => !kind || s.kind === kind);
    return sortStakeholders(filtered, sort, language, label);
    // `label` follows the language.
  }, [loaded, kind, sort.key, sort.direction, language]);

  const [importOpen, setImportOpen] = useState(false);
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const [exportResult, setExportResult] = useState<{ ok: true; file: string } | { ok: false; error: unknown } | null>(null);
  const exportAs = async (format: ExportFormat) => {
    setExporting(format);
    setExportResult(null);
    try {
      const file = await downloadExport(park.id, format);
      setExportResult({ ok: true, file });
    } catch (error) {
      setExportResult({ ok: false, error });
    } finally {
      setExporting(null);
    }
  };

  const filtered = Boolean(q || kind || role);
  const sortLabel = (key: SortKey) => t(`stakeholders.list.columns.${key}`);
  const th = (key: SortKey, className?: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" className={className} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
        <button type="button" className="sh-sort-button" onClick={() => setParam('sorteer', formatSort(toggleSort(sort, key)))}>
          {sortLabel(key)}
          <span className="sh-sort-indicator" aria-hidden="true">
            {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };
  const open = (id: string) => navigate(`/parken/${park.id}/betrokkenen/${id}`);

  return (
    <div className="stakeholders-tab">
      <div className="sh-tab-toolbar">
        <div>
          <h2 className="sh-tab-title">{t('stakeholders.title')}</h2>
          {!mayEdit && (
            <p className="muted small" data-testid="stakeholders-read-only">
              {t('stakeholders.list.readOnly')}
            </p>
          )}
        </div>
        <div className="sh-toolbar-actions">
          {mayEdit && (
            <>
              <Link to={`/parken/${park.id}/betrokkenen/nieuw`} className="button button-primary" data-testid="new-stakeholder">
                + {t('stakeholders.list.new')}
              </Link>
              <button type="button" className="button button-secondary" onClick={() => setImportOpen(true)} data-testid="open-import">
                {t('stakeholders.list.import')}
              </button>
            </>
          )}
          <div className="sh-button-group" role="group" aria-label={t('stakeholders.list.export')}>
            <span className="sh-button-group-label">{t('stakeholders.list.export')}</span>
            {(['csv', 'xlsx'] as const).map((format) => (
              <button
                key={format}
                type="button"
                className="button button-secondary"
                disabled={exporting !== null}
                onClick={() => void exportAs(format)}
                data-testid={`export-${format}`}
              >
                {exporting === format ? t('stakeholders.list.exporting') : t(`stakeholders.list.exportAs.${format}`)}
              </button>
            ))}
          </div>
        </div>
      </div>

      {exportResult && (
        <div className="sh-export-result">
          {exportResult.ok ? (
            <Alert tone="success" testId="export-done">
              <p>{t('stakeholders.list.exported', { file: exportResult.file })}</p>
            </Alert>
          ) : (
            <Alert tone="error" title={`${t('stakeholders.list.exportFailed')} ${describeError(exportResult.error, t).message}`} />
          )}
        </div>
      )}

      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field field-grow">
          <label htmlFor="stakeholder-search">{t('stakeholders.list.search')}</label>
          <input
            id="stakeholder-search"
            type="search"
            value={text}
            placeholder={t('stakeholders.list.searchPlaceholder')}
            onChange={(e) => setText(e.target.value)}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor="stakeholder-kind">{t('stakeholders.list.kind')}</label>
          <select id="stakeholder-kind" value={kind ?? ''} onChange={(e) => setParam('soort', e.target.value)}>
            <option value="">{t('stakeholders.list.allKinds')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`stakeholders.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="stakeholder-role">{t('stakeholders.list.role')}</label>
          <select id="stakeholder-role" value={role ?? ''} onChange={(e) => setParam('rol', e.target.value)}>
            <option value="">{t('stakeholders.list.allRoles')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`stakeholders.roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        {filtered && (
          <button
            type="button"
            className="button button-quiet filters-clear"
            onClick={() => {
              setText('');
              setParams(new URLSearchParams(params.get('sorteer') ? { sorteer: params.get('sorteer')! } : {}));
            }}
          >
            {t('stakeholders.list.clear')}
          </button>
        )}
      </form>

      {loaded && (
        <div className="sh-kind-counts" role="group" aria-label={t('stakeholders.list.kindCounts')} data-testid="kind-counts">
          {KINDS.filter((k) => counts[k] > 0 || k === kind).map((k) => (
            <button
              key={k}
              type="button"
              className={`sh-kind-chip${kind === k ? ' active' : ''}`}
              aria-pressed={kind === k}
              onClick={() => setParam('soort', kind === k ? null : k)}
              data-kind={k}
            >
              <span className="sh-kind-dot" style={{ background: KIND_COLORS[k] }} aria-hidden="true" />
              {t(`stakeholders.kinds.${k}`)}
              <span className="sh-kind-chip-count">{formatNumber(counts[k], language, { maximumFractionDigits: 0 })}</span>
            </button>
          ))}
        </div>
      )}

      {query.data?.truncated && (
        <Alert tone="warning" testId="stakeholders-truncated">
          <p>{t('stakeholders.list.truncated', { cap: formatNumber(STAKEHOLDER_CAP, language) })}</p>
        </Alert>
      )}

      <div className="stakeholders-grid">
        <section className="stakeholders-list" aria-busy={query.isFetching}>
          <p className="result-count" aria-live="polite" data-testid="stakeholder-count">
            {loaded ? t('stakeholders.list.count', { count: rows.length }) : '\u00a0'}
          </p>
          {personalHidden && (
            <p className="muted small" data-testid="personal-hidden-note">
              {t('stakeholders.list.personalHidden')}
            </p>
          )}
          {query.error ? (
            <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
          ) : query.isPending ? (
            <Loading />
          ) : rows.length === 0 ? (
            <div className="empty" data-testid="stakeholders-empty">
              <p>{filtered ? t('stakeholders.list.noneFiltered') : t('stakeholders.list.none')}</p>
              {!filtered && mayEdit && <p className="small">{t('stakeholders.list.noneHint')}</p>}
            </div>
          ) : (
            <div className="table-wrap">
              <table className="table stakeholders-table" data-testid="stakeholders-table">
                <caption className="visually-hidden">
                  {t('stakeholders.list.caption', {
                    park: park.name,
                    column: sortLabel(sort.key),
                    direction: t(sort.direction === 'asc' ? 'stakeholders.list.sortAsc' : 'stakeholders.list.sortDesc'),
                  })}
                </caption>
                <thead>
                  <tr>
                    {th('name')}
                    {th('kind')}
                    {th('role')}
                    {th('influence')}
                    {th('involvement')}
                    {th('sector')}
                    <th scope="col">{t('stakeholders.list.interviewed')}</th>
                    <th scope="col">{t('stakeholders.list.lastContact')}</th>
                  </tr>
                </thead>
                <tbody className={query.isPlaceholderData ? 'stale' : undefined}>
                  {rows.map((s) => (
                    <tr key={s.id}>
                      <td>
                        <Link to={`/parken/${park.id}/betrokkenen/${s.id}`} className="stakeholder-link">
                          {s.name}
                        </Link>
                        <div className="muted small contact-line">
                          {/* Hidden contact persons are said once, above the table. */}
                          {!s.personal_data_hidden && <Personal value={s.contact_name} hidden={false} />}
                        </div>
                      </td>
                      <td className="nowrap">
                        <KindBadge kind={s.kind} />
                      </td>
                      <td className="nowrap">{s.role === 'none' ? <span className="muted">{EMPTY}</span> : t(`stakeholders.roles.${s.role}`)}</td>
                      <td className="nowrap">
                        <Score value={s.influence} label={t('stakeholders.fields.influence')} />
                      </td>
                      <td className="nowrap">
                        <Score value={s.involvement} label={t('stakeholders.fields.involvement')} />
                      </td>
                      <td>{s.sector || <span className="muted">{EMPTY}</span>}</td>
                      <td className="nowrap" data-testid="stakeholder-interviewed">
                        {(figuresOf.get(s.id)?.interests ?? 0) > 0 ? (
                          t('stakeholders.list.interestCount', { count: figuresOf.get(s.id)?.interests ?? 0 })
                        ) : (
                          <span className="muted">{figures.data ? t('stakeholders.list.notInterviewed') : EMPTY}</span>
                        )}
                      </td>
                      <td className="nowrap" data-testid="stakeholder-last-contact">
                        {figuresOf.get(s.id)?.last_contact ? (
                          formatDay(figuresOf.get(s.id)?.last_contact, language)
                        ) : (
                          <span className="muted">{EMPTY}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section className="card stakeholders-map-card" aria-labelledby="stakeholder-map-title">
          <h2 id="stakeholder-map-title">{t('stakeholders.map.title')}</h2>
          {loaded && rows.length > 0 ? (
            <MapBoundary
              fallback={() => (
                <Alert
                  tone="warning"
                  title={t('stakeholders.map.failed')}
                  actions={
                    <button type="button" className="button button-secondary" onClick={() => window.location.reload()}>
                      {t('stakeholders.map.reload')}
                    </button>
                  }
                />
              )}
            >
              <Suspense fallback={<Loading />}>
                <StakeholderMap items={rows} onOpen={open} />
              </Suspense>
            </MapBoundary>
          ) : loaded ? (
            <p className="muted">{t('stakeholders.map.empty')}</p>
          ) : (
            <Loading />
          )}
        </section>
      </div>

      {mayEdit && (
        <ImportDialog parkId={park.id} parkName={park.name} open={importOpen} onClose={() => setImportOpen(false)} />
      )}
    </div>
  );
}
