import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { PROVINCES, type Province } from '../api/types';
import { ErrorAlert, Loading } from '../components/Alert';
import { ParksMap } from '../components/ParksMap';
import { formatNumber } from '../lib/format';
import {
  currentCursor,
  hasPrevious,
  nextPage,
  pageNumber,
  previousPage,
  toCursorStack,
  type CursorStack,
} from '../lib/pager';
import { rememberParksList } from '../lib/lastList';
import { useDebouncedValue } from '../lib/useDebouncedValue';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useProvinces } from '../lib/useReference';

export const PAGE_SIZES = [25, 50] as const;
const DEFAULT_PAGE_SIZE = 25;

function readProvince(value: string | null): Province | undefined {
  return value && (PROVINCES as readonly string[]).includes(value) ? (value as Province) : undefined;
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
  const stack: CursorStack = toCursorStack((location.state as { cursors?: unknown } | null)?.cursors);
  const cursor = currentCursor(stack);

  useEffect(() => rememberParksList(location.search, location.state), [location.search, location.state]);

  // The search box updates the address (and so the query) once typing pauses.
  const [text, setText] = useState(q);
  const debounced = useDebouncedValue(text, 300);
  useEffect(() => {
    if (debounced.trim() === q) return;
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

  const setFilter = (key: 'provincie' | 'per', value: string) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  };

  const goTo = (cursors: CursorStack) =>
    navigate({ pathname: location.pathname, search: location.search }, { state: { cursors } });

  const provinces = useProvinces();
  const provinceName = (code: Province) => provinces.data?.find((p) => p.code === code)?.name ?? code;

  const filters = { q: q || undefined, province };
  const parks = useQuery({
    queryKey: ['parks', { ...filters, limit, cursor }],
    queryFn: async ({ signal }) =>
      (
        await call(
          api.GET('/api/v1/parks', {
            params: { query: { ...filters, limit, cursor: cursor ?? undefined } },
            signal,
          }),
        )
      ).data,
    placeholderData: keepPreviousData,
  });
  const locations = useQuery({
    queryKey: ['park-locations', filters],
    queryFn: async ({ signal }) =>
      (await call(api.GET('/api/v1/park-locations', { params: { query: filters }, signal }))).data,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  const page = pageNumber(stack);
  const items = parks.data?.items ?? [];
  const nextCursor = parks.data?.next_cursor ?? null;
  const total = locations.data?.length;
  const filtered = Boolean(q || province);

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
        <section className="parks-list" aria-busy={parks.isFetching}>
          <p className="result-count" aria-live="polite" data-testid="result-count">
            {total !== undefined ? t('parks.found', { count: total }) : '\u00a0'}
          </p>
          {parks.error ? (
            <ErrorAlert error={parks.error} onRetry={() => void parks.refetch()} />
          ) : parks.isPending ? (
            <Loading />
          ) : items.length === 0 ? (
            <p className="empty">{t('parks.none')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="parks-table">
                <caption className="visually-hidden">{t('parks.table.caption', { page })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('parks.table.name')}</th>
                    <th scope="col">{t('parks.table.municipality')}</th>
                    <th scope="col">{t('parks.table.province')}</th>
                    <th scope="col" className="num">
                      {t('parks.table.grossHa')}
                    </th>
                    <th scope="col" className="num">
                      {t('parks.table.availableHa')}
                    </th>
                  </tr>
                </thead>
                <tbody className={parks.isPlaceholderData ? 'stale' : undefined}>
                  {items.map((park) => (
                    <tr key={park.id}>
                      <td>
                        <Link to={`/parken/${park.id}`}>{park.name}</Link>
                      </td>
                      <td>{park.municipality}</td>
                      <td className="nowrap">{provinceName(park.province)}</td>
                      <td className="num">{formatNumber(park.area_ha, language, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}</td>
                      <td className="num">
                        {formatNumber(park.area_available_ha, language, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}
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
          {locations.error ? <ErrorAlert error={locations.error} onRetry={() => void locations.refetch()} /> : null}
        </section>
      </div>
    </div>
  );
}
