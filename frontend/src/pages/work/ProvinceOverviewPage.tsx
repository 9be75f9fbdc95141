import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { downloadFile } from '../../api/stakeholders';
import { PROVINCES, type Province } from '../../api/types';
import { ErrorAlert, Loading } from '../../components/Alert';
import { ProvinceMap, type MapPoint } from '../../components/ProvinceMap';
import { LevelBadge, LevelSwatch } from '../../components/work/LevelBadge';
import { formatDay } from '../../lib/assessments/dates';
import { EMPTY, formatNumber } from '../../lib/format';
import { levelColor } from '../../lib/palette';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useProvinces } from '../../lib/useReference';
import type { ParkRow, ProvinceFigures } from '../../lib/work/api';
import { useProvinceOverview } from '../../lib/work/queries';

function readProvince(value: string | null): Province | undefined {
  return value && (PROVINCES as readonly string[]).includes(value) ? (value as Province) : undefined;
}

const PHASES = ['idea', 'exploration', 'business_case', 'realisation', 'operation', 'stopped'] as const;

/** The province overview for programme managers: how far each province's parks have come. */
export function ProvinceOverviewPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const province = readProvince(params.get('provincie'));
  const provinces = useProvinces();
  const overview = useProvinceOverview(province);
  const choose = (code: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (code) next.set('provincie', code);
      else next.delete('provincie');
      return next;
    });
  const name = overview.data?.totals.province_name;
  useDocumentTitle(province && name ? `${t('provinceOverview.title')}: ${name}` : t('provinceOverview.title'));

  const [exported, setExported] = useState<string | null>(null);
  const download = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') =>
      downloadFile(`/api/v1/overview/export?format=${format}${province ? `&province=${province}` : ''}`, `overzicht.${format}`),
    onSuccess: (file) => setExported(file),
  });

  return (
    <div className="page overview-page">
      <div className="page-head">
        <div>
          <h1>{t('provinceOverview.title')}</h1>
          <p className="muted">{t('provinceOverview.intro')}</p>
        </div>
      </div>
      <div className="filters">
        <div className="field">
          <label htmlFor="overview-province">{t('provinceOverview.province')}</label>
          <select id="overview-province" value={province ?? ''} onChange={(e) => choose(e.target.value)}>
            <option value="">{t('provinceOverview.all')}</option>
            {PROVINCES.map((code) => (
              <option key={code} value={code}>
                {provinces.data?.find((p) => p.code === code)?.name ?? code}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <span className="label" id="overview-export-label">
            {t('provinceOverview.export')}
          </span>
          <div className="button-row" role="group" aria-labelledby="overview-export-label">
            <button type="button" className="button button-secondary" disabled={download.isPending} onClick={() => download.mutate('csv')}>
              {t('provinceOverview.exportCsv')}
            </button>
            <button type="button" className="button button-secondary" disabled={download.isPending} onClick={() => download.mutate('xlsx')}>
              {t('provinceOverview.exportXlsx')}
            </button>
          </div>
        </div>
      </div>
      <p aria-live="polite" className="muted small">
        {exported ? t('provinceOverview.exported', { file: exported }) : ''}
      </p>
      {download.error && <ErrorAlert error={download.error} />}
      {overview.isPending ? (
        <Loading />
      ) : overview.error ? (
        <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <div aria-busy={overview.isFetching}>
          <Totals figures={overview.data.totals} />
          <div className="overview-columns">
            <Levels figures={overview.data.totals} />
            <Phases figures={overview.data.totals} />
            <Forms figures={overview.data.totals} />
          </div>
          {province && overview.data.parks ? (
            <ProvinceParks
              parks={overview.data.parks}
              provinceName={overview.data.totals.province_name}
              levelNames={Object.fromEntries(overview.data.totals.by_level.map((l) => [String(l.level), l.name]))}
            />
          ) : (
            <Provinces figures={overview.data.provinces} totals={overview.data.totals} onChoose={choose} />
          )}
        </div>
      )}
    </div>
  );
}

function Totals({ figures }: { figures: ProvinceFigures }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.resolvedLanguage ?? 'nl');
  const tiles: [string, number][] = [
    [t('provinceOverview.tiles.parks'), figures.parks],
    [t('provinceOverview.tiles.active'), figures.active_parks],
    [t('provinceOverview.tiles.stakeholders'), figures.stakeholders],
    [t('provinceOverview.tiles.interviewed'), figures.interviewed],
    [t('provinceOverview.tiles.assessed'), figures.assessed_parks],
  ];
  return (
    <ul className="tiles" data-testid="overview-totals">
      {tiles.map(([label, value]) => (
        <li key={label} className="tile">
          <span className="tile-value">{n(value)}</span>
          <span className="tile-label">{label}</span>
        </li>
      ))}
    </ul>
  );
}

function Levels({ figures }: { figures: ProvinceFigures }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const total = figures.by_level.reduce((sum, l) => sum + l.parks, 0);
  return (
    <section className="card" aria-labelledby="overview-levels">
      <h2 id="overview-levels">{t('provinceOverview.levels.heading')}</h2>
      <p className="muted small">{t('provinceOverview.levels.intro')}</p>
      {total === 0 ? (
        <p className="empty">{t('provinceOverview.levels.none')}</p>
      ) : (
        <>
          <div className="level-bar" aria-hidden="true">
            {figures.by_level
              .filter((l) => l.parks > 0)
              .map((l) => (
                <span key={String(l.level)} style={{ width: `${(100 * l.parks) / total}%`, background: levelColor(l.level) }} title={`${l.name}: ${l.parks}`} />
              ))}
          </div>
          <ul className="count-list" data-testid="overview-levels" aria-label={t('provinceOverview.levels.legend')}>
            {figures.by_level.map((l) => (
              <li key={String(l.level)}>
                <span>
                  <LevelSwatch level={l.level} />
                  {l.name}
                </span>
                <span className="count">{formatNumber(l.parks, language)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Phases({ figures }: { figures: ProvinceFigures }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const total = Object.values(figures.projects_by_phase).reduce((a, b) => a + b, 0);
  return (
    <section className="card" aria-labelledby="overview-phases">
      <h2 id="overview-phases">{t('provinceOverview.projects.heading')}</h2>
      {total === 0 ? (
        <p className="empty">{t('provinceOverview.projects.none')}</p>
      ) : (
        <ul className="count-list" data-testid="overview-phases">
          {PHASES.map((phase) => (
            <li key={phase}>
              <span>{t(`overview.projects.phases.${phase}`)}</span>
              <span className="count">{formatNumber(figures.projects_by_phase[phase] ?? 0, language)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const FORMS = ['biz', 'ondernemersfonds', 'ondernemersvereniging', 'cooperatie', 'stichting', 'bv', 'werkgroep', 'parkmanagement'] as const;

function Forms({ figures }: { figures: ProvinceFigures }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const present = FORMS.filter((f) => (figures.organisations_by_form[f] ?? 0) > 0);
  return (
    <section className="card" aria-labelledby="overview-forms">
      <h2 id="overview-forms">{t('provinceOverview.organisations.heading')}</h2>
      {present.length === 0 ? (
        <p className="empty">{t('provinceOverview.organisations.none')}</p>
      ) : (
        <ul className="count-list" data-testid="overview-forms">
          {present.map((form) => (
            <li key={form}>
              <span>{t(`organisations.forms.${form}`)}</span>
              <span className="count">{formatNumber(figures.organisations_by_form[form] ?? 0, language)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Provinces({ figures, totals, onChoose }: { figures: ProvinceFigures[]; totals: ProvinceFigures; onChoose: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const n = (v: number) => formatNumber(v, language);
  const running = (f: ProvinceFigures) => PHASES.filter((p) => p !== 'stopped').reduce((sum, p) => sum + (f.projects_by_phase[p] ?? 0), 0);
  const organisations = (f: ProvinceFigures) => Object.values(f.organisations_by_form).reduce((a, b) => a + b, 0);
  const points = useMemo<MapPoint[]>(
    () =>
      figures.flatMap((f) =>
        f.latitude !== null && f.longitude !== null
          ? [
              {
                id: f.province,
                latitude: f.latitude,
                longitude: f.longitude,
                label: `${f.province_name}: ${f.active_parks}`,
                level: null,
                fill: '#2f5d50',
                weight: Math.max(1, f.active_parks),
                onSelect: () => onChoose(f.province),
              },
            ]
          : [],
      ),
    [figures, onChoose],
  );
  return (
    <section className="card" aria-labelledby="overview-provinces">
      <h2 id="overview-provinces">{t('provinceOverview.table.heading')}</h2>
      <ProvinceMap points={points} label={t('provinceOverview.map.provincesLabel')} />
      <div className="table-wrap">
        <table className="table stack-table" data-testid="overview-provinces">
          <caption className="visually-hidden">{t('provinceOverview.table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('provinceOverview.table.province')}</th>
              <th scope="col" className="num">
                {t('provinceOverview.table.parks')}
              </th>
              <th scope="col" className="num">
                {t('provinceOverview.table.active')}
              </th>
              <th scope="col" className="num">
                {t('provinceOverview.table.stakeholders')}
              </th>
              <th scope="col" className="num">
                {t('provinceOverview.table.assessed')}
              </th>
              <th scope="col" className="num">
                {t('provinceOverview.table.projects')}
              </th>
              <th scope="col" className="num">
                {t('provinceOverview.table.organisations')}
              </th>
            </tr>
          </thead>
          <tbody>
            {figures.map((f) => (
              <tr key={f.province} data-testid="overview-province" data-province={f.province}>
                <th scope="row" data-label={t('provinceOverview.table.province')}>
                  <Link to={`/provincies?provincie=${f.province}`}>{f.province_name}</Link>
                </th>
                <td data-label={t('provinceOverview.table.parks')} className="num">
                  {n(f.parks)}
                </td>
                <td data-label={t('provinceOverview.table.active')} className="num">
                  {n(f.active_parks)}
                </td>
                <td data-label={t('provinceOverview.table.stakeholders')} className="num">
                  {n(f.stakeholders)}
                </td>
                <td data-label={t('provinceOverview.table.assessed')} className="num">
                  {n(f.assessed_parks)}
                </td>
                <td data-label={t('provinceOverview.table.projects')} className="num">
                  {n(running(f))}
                </td>
                <td data-label={t('provinceOverview.table.organisations')} className="num">
                  {n(organisations(f))}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" data-label={t('provinceOverview.table.province')}>
                {t('provinceOverview.table.total')}
              </th>
              <td data-label={t('provinceOverview.table.parks')} className="num">
                {n(totals.parks)}
              </td>
              <td data-label={t('provinceOverview.table.active')} className="num">
                {n(totals.active_parks)}
              </td>
              <td data-label={t('provinceOverview.table.stakeholders')} className="num">
                {n(totals.stakeholders)}
              </td>
              <td data-label={t('provinceOverview.table.assessed')} className="num">
                {n(totals.assessed_parks)}
              </td>
              <td data-label={t('provinceOverview.table.projects')} className="num">
                {n(running(totals))}
              </td>
              <td data-label={t('provinceOverview.table.organisations')} className="num">
                {n(organisations(totals))}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

type SortKey = 'name' | 'stakeholders' | 'interviewed' | 'last_contact' | 'level' | 'projects_running';

function compare(a: ParkRow, b: ParkRow, key: SortKey, language: string): number {
  switch (key) {
    case 'name':
      return a.name.localeCompare(b.name, language);
    case 'last_contact':
      return (a.last_contact ?? '').localeCompare(b.last_contact ?? '');
    case 'level':
      return (a.level ?? -1) - (b.level ?? -1) || (a.score ?? -1) - (b.score ?? -1);
    default:
      return a[key] - b[key];
  }
}

function ProvinceParks({ parks, provinceName, levelNames }: { parks: ParkRow[]; provinceName: string; levelNames: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'level', descending: true });
  const sorted = useMemo(() => {
    const copy = [...parks];
    copy.sort((a, b) => {
      const order = compare(a, b, sort.key, language);
      return (sort.descending ? -order : order) || a.name.localeCompare(b.name, language);
    });
    return copy;
  }, [parks, sort, language]);
  const points = useMemo<MapPoint[]>(
    () =>
      parks.flatMap((p) =>
        p.latitude !== null && p.longitude !== null
          ? [
              {
                id: p.id,
                latitude: p.latitude,
                longitude: p.longitude,
                label: `${p.name} · ${p.level_name ?? t('work.parks.notAssessed')}`,
                level: p.level,
                weight: Math.max(1, p.stakeholders),
                href: `/parken/${encodeURIComponent(p.id)}`,
              },
            ]
          : [],
      ),
    [parks, t],
  );
  const unplaced = parks.length - points.length;
  const header = (key: SortKey, label: string, numeric = false) => {
    const active = sort.key === key;
    return (
      <th scope="col" className={numeric ? 'num' : undefined} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button
          type="button"
          className="sort-button"
          onClick={() => setSort({ key, descending: active ? !sort.descending : key !== 'name' })}
          aria-label={t('provinceOverview.parks.sortBy', { column: label })}
        >
          {label}
          {active ? (sort.descending ? ' ↓' : ' ↑') : ''}
        </button>
      </th>
    );
  };
  return (
    <section className="card" aria-labelledby="overview-parks">
      <h2 id="overview-parks">{t('provinceOverview.parks.heading', { province: provinceName })}</h2>
      {parks.length === 0 ? (
        <p className="empty">{t('provinceOverview.parks.none', { province: provinceName })}</p>
      ) : (
        <>
          <ProvinceMap points={points} label={t('provinceOverview.map.label')} />
          <ul className="legend" aria-label={t('provinceOverview.levels.legend')}>
            {[0, 1, 2, 3, 4, null].map((level) => (
              <li key={String(level)}>
                <LevelSwatch level={level} />
                {levelNames[String(level)] ?? (level === null ? t('work.parks.notAssessed') : String(level))}
              </li>
            ))}
          </ul>
          {unplaced > 0 && <p className="muted small">{t('provinceOverview.map.noLocation', { count: unplaced })}</p>}
          <div className="table-wrap">
            <table className="table stack-table" data-testid="overview-parks">
              <caption className="visually-hidden">{t('provinceOverview.parks.caption')}</caption>
              <thead>
                <tr>
                  {header('name', t('work.parks.name'))}
                  {header('stakeholders', t('work.parks.stakeholders'), true)}
                  {header('interviewed', t('work.parks.interviewed'), true)}
                  {header('last_contact', t('work.parks.lastContact'))}
                  {header('level', t('work.parks.level'))}
                  {header('projects_running', t('provinceOverview.parks.running'), true)}
                </tr>
              </thead>
              <tbody>
                {sorted.map((p) => (
                  <tr key={p.id} data-testid="overview-park" data-name={p.name}>
                    <th scope="row" data-label={t('work.parks.name')}>
                      <Link to={`/parken/${encodeURIComponent(p.id)}`}>{p.name}</Link>
                      <span className="muted small block">{p.municipality}</span>
                    </th>
                    <td data-label={t('work.parks.stakeholders')} className="num">
                      {formatNumber(p.stakeholders, language)}
                    </td>
                    <td data-label={t('work.parks.interviewed')} className="num">
                      {formatNumber(p.interviewed, language)}
                    </td>
                    <td data-label={t('work.parks.lastContact')}>{p.last_contact ? formatDay(p.last_contact, language) : EMPTY}</td>
                    <td data-label={t('work.parks.level')}>
                      <LevelBadge level={p.level} name={p.level_name} />
                    </td>
                    <td data-label={t('provinceOverview.parks.running')} className="num">
                      {formatNumber(p.projects_running, language)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
