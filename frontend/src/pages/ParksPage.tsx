import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { PROVINCES, type Province } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert, Loading } from '../components/Alert';
import { LevelBadge } from '../components/work/LevelBadge';
import { formatDay } from '../lib/assessments/dates';
import { ParksMap } from '../components/ParksMap';
import { EMPTY, formatNumber } from '../lib/format';
import {
  currentCursor,
  hasPrevious,
  nextPage,
  pageNumber,
  previousPage,
  toCursorStack,
  type CursorStack,
} from '../lib/pager';
import { displayName } from '../lib/displayName';
import { rememberParksList } from '../lib/lastList';
import { useParkLocations, useRegisterPage } from '../lib/parks/queries';
import { useDebouncedValue } from '../lib/useDebouncedValue';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useProvinces } from '../lib/useReference';

export const PAGE_SIZES = [25, 50] as const;
const DEFAULT_PAGE_SIZE = 25;

function readProvince(value: string | null): Province | undefined {
  return value && (PROVINCES as readonly string[]).includes(value) ? (value as Province) : undefined;
}

export const SORTS = ['name', 'stakeholders', 'interviewed', 'level', 'last_contact'] as const;
type Sort = (typeof SORTS)[number];

function readSort(value: string | null): Sort {
  return value && (SORTS as readonly string[]).includes(value) ? (value as Sort) : 'name';
}

function readPageSize(value: string | null): number {
  const n = Number(value);
  return (PAGE_SIZES as readonly number[]).includes(n) ? n : DEFAULT_PAGE_SIZE;
}

export function ParksPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  useDocumentTitle(t('parks.title'));

  const q = params.get('q')?.trim() ?? '';
  const province = readProvince(params.get('provincie'));
  const limit = readPageSize(params.get('per'));
  const sort = readSort(params.get('sorteer'));
  const { user } = useAuth();
  // Experts see the parks where the work started; everyone can switch to the whole register.
  const activeDefault = user?.role === 'expert';
  const activeParam = params.get('actief');
  const active = activeParam === null ? activeDefault : activeParam === '1';
  const listRef = useRef<HTMLElement>(null);
  const listPath = location.pathname;
  // The box answers the click at once; the address (and the list) follow.
  const [activeBox, setActiveBox] = useState(active);
  useEffect(() => setActiveBox(active), [active]);
  const stack: CursorStack = toCursorStack((location.state as { cursors?: unknown } | null)?.cursors);
  const cursor = currentCursor(stack);

  useEffect(() => rememberParksList(location.search, location.state), [location.search, location.state]);

  // The search box updates the address (and so the query) once typing pauses.
  const [text, setText] = useState(q);
  const debounced = useDebouncedValue(text, 300);
  useEffect(() => {
    if (debounced.trim() === q) return;
    // The user went on (opened a park) before the pause ended: this page is only still on
    // screen while the next one loads, and must not pull the address back to the list.
    if (window.location.pathname !== listPath) return;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (debounced.trim()) next.set('q', debounced.trim());
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
    // Only the typed text drives this effect.
  }, [debounced]);
  useEffect(() => {
    // Back/forward to another search: show it in the box.
    setText((current) => (current.trim() === q ? current : q));
  }, [q]);

  const setFilter = (key: 'provincie' | 'per' | 'sorteer' | 'actief', value: string) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  };

  const goTo = (cursors: CursorStack) => {
    navigate({ pathname: location.pathname, search: location.search }, { state: { cursors } });
    // A new page starts at the top of the list, where the focus goes too.
    listRef.current?.scrollIntoView({ block: 'start' });
    listRef.current?.focus({ preventScroll: true });
  };

  const provinces = useProvinces();
  const provinceName = (code: Province) => provinces.data?.find((p) => p.code === code)?.name ?? code;

  const filters = { q: q || undefined, province };
  const parks = useRegisterPage({ ...filters, active, sort, limit, cursor, language });
  const locations = useParkLocations(filters);

  const page = pageNumber(stack);
  const items = parks.data?.items ?? [];
  const nextCursor = parks.data?.next_cursor ?? null;
  const total = parks.data?.total;
  const filtered = Boolean(q || province || sort !== 'name' || active !== activeDefault);
  const first = (page - 1) * limit + 1;
  const last = first + items.length - 1;

  return (
    <div className="page parks-page">
      <div className="page-head">
        <div>
          <h1>{t('parks.title')}</h1>
          <p className="muted">{t('parks.intro')}</p>
        </div>
      </div>

      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field field-grow">
          <label htmlFor="park-search">{t('parks.search')}</label>
          <input
            id="park-search"
            type="search"
            value={text}
            placeholder={t('parks.searchPlaceholder')}
            onChange={(e) => setText(e.target.value)}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor="park-province">{t('parks.province')}</label>
          <select
            id="park-province"
            value={province ?? ''}
            onChange={(e) => setFilter('provincie', e.target.value)}
          >
            <option value="">{t('parks.allProvinces')}</option>
            {PROVINCES.map((code) => (
              <option key={code} value={code}>
                {provinceName(code)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="park-sort">{t('parks.sort.label')}</label>
          <select id="park-sort" value={sort} onChange={(e) => setFilter('sorteer', e.target.value === 'name' ? '' : e.target.value)}>
            {SORTS.map((key) => (
              <option key={key} value={key}>
                {t(`parks.sort.${key}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-check">
          <label>
            <input
              type="checkbox"
              checked={activeBox}
              onChange={(e) => {
                setActiveBox(e.target.checked);
                setFilter('actief', e.target.checked === activeDefault ? '' : e.target.checked ? '1' : '0');
              }}
            />{' '}
            {t('parks.activeOnly')}
          </label>
        </div>
        <div className="field">
          <label htmlFor="park-page-size">{t('parks.pageSize')}</label>
          <select
            id="park-page-size"
            value={limit}
            onChange={(e) => setFilter('per', e.target.value === String(DEFAULT_PAGE_SIZE) ? '' : e.target.value)}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
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
              setParams(new URLSearchParams(limit === DEFAULT_PAGE_SIZE ? {} : { per: String(limit) }));
            }}
          >
            {t('parks.clearFilters')}
          </button>
        )}
      </form>

      <div className="parks-grid">
        <section className="parks-list" aria-busy={parks.isFetching} ref={listRef} tabIndex={-1} aria-label={t('parks.listLabel')}>
          <p className="result-count" aria-live="polite" data-testid="result-count">
            {total === undefined
              ? '\u00a0'
              : total === 0
                ? t('parks.found', { count: 0 })
                : t('parks.range', { first: formatNumber(first, language), last: formatNumber(last, language), total: formatNumber(total, language) })}
          </p>
          {parks.error ? (
            <ErrorAlert error={parks.error} onRetry={() => void parks.refetch()} />
          ) : parks.isPending ? (
            <Loading />
          ) : items.length === 0 ? (
            <div className="empty">
              <p>{active ? t('parks.noneActive') : t('parks.none')}</p>
              {active && (
                <button type="button" className="button button-secondary" onClick={() => setFilter('actief', activeDefault ? '0' : '')}>
                  {t('parks.searchWholeRegister')}
                </button>
              )}
            </div>
          ) : (
            <div className="table-wrap">
              <table className="table stack-table" data-testid="parks-table">
                <caption className="visually-hidden">{t('parks.table.caption', { page })}</caption>
                <thead>
                  <tr>
                    <th scope="col" aria-sort={sort === 'name' ? 'ascending' : undefined}>
                      {t('parks.table.name')}
                    </th>
                    <th scope="col">{t('parks.table.province')}</th>
                    <th scope="col" className="num" aria-sort={sort === 'stakeholders' ? 'descending' : undefined}>
                      {t('parks.table.stakeholders')}
                    </th>
                    <th scope="col" aria-sort={sort === 'interviewed' ? 'descending' : undefined}>
                      {t('parks.table.interviewed')}
                    </th>
                    <th scope="col" aria-sort={sort === 'last_contact' ? 'ascending' : undefined}>
                      {t('parks.table.lastContact')}
                    </th>
                    <th scope="col" aria-sort={sort === 'level' ? 'descending' : undefined}>
                      {t('parks.table.level')}
                    </th>
                  </tr>
                </thead>
                <tbody className={parks.isPlaceholderData ? 'stale' : undefined}>
                  {items.map((park) => (
                    <tr key={park.id} data-testid="parks-row" data-name={park.name}>
                      <th scope="row" data-label={t('parks.table.name')}>
                        <Link to={`/parken/${park.id}`}>{displayName(park.name)}</Link>
                        <span className="muted small block">{park.municipality}</span>
                      </th>
                      <td className="nowrap" data-label={t('parks.table.province')}>
                        {provinceName(park.province as Province)}
                      </td>
                      <td className="num" data-label={t('parks.table.stakeholders')}>
                        {formatNumber(park.stakeholders, language)}
                      </td>
                      <td data-label={t('parks.table.interviewed')}>
                        {park.stakeholders > 0
                          ? t('work.parks.interviewedOf', { n: formatNumber(park.interviewed, language), m: formatNumber(park.stakeholders, language) })
                          : EMPTY}
                      </td>
                      <td data-label={t('parks.table.lastContact')}>{park.last_contact ? formatDay(park.last_contact, language) : EMPTY}</td>
                      <td data-label={t('parks.table.level')}>
                        <LevelBadge level={park.level} name={park.level_name} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav className="pager" aria-label={t('parks.pager.label')}>
            <button
              type="button"
              className="button button-secondary"
              disabled={!hasPrevious(stack)}
              onClick={() => goTo(previousPage(stack))}
            >
              ← {t('parks.pager.previous')}
            </button>
            <span className="pager-page" data-testid="page-number">
              {t('parks.pager.page', { page })}
            </span>
            <button
              type="button"
              className="button button-secondary"
              disabled={!nextCursor || parks.isPlaceholderData}
              onClick={() => goTo(nextPage(stack, nextCursor))}
            >
              {t('parks.pager.next')} →
            </button>
          </nav>
        </section>
        <section className="parks-map">
          <ParksMap locations={locations.data} loading={locations.isFetching} />
          {active && <p className="muted small">{t('parks.mapShowsRegister')}</p>}
          {locations.error ? <ErrorAlert error={locations.error} onRetry={() => void locations.refetch()} /> : null}
        </section>
      </div>
    </div>
  );
}
