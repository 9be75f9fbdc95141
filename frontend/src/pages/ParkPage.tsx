import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useOutletContext, useParams } from 'react-router';
import type { VersionedPark } from '../api/client';
import { isApiError } from '../api/problem';
import { ErrorAlert, Loading } from '../components/Alert';
import { displayName } from '../lib/displayName';
import { lastParksList } from '../lib/lastList';
import { usePark } from '../lib/parks/queries';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useProvinces } from '../lib/useReference';

export interface ParkContext {
  versioned: VersionedPark;
  provinceName: string;
}

export function useParkContext(): ParkContext {
  return useOutletContext<ParkContext>();
}

/**
 * The park page: a header and a tab bar whose sections (stakeholders, shared interests, projects,
 * ...) are child routes. Only "Overzicht" exists so far.
 */
export function ParkPage() {
  const { t } = useTranslation();
  const { parkId = '' } = useParams();
  const query = usePark(parkId);
  const provinces = useProvinces();
  useDocumentTitle(query.data ? displayName(query.data.park.name) : t('park.breadcrumb'), { parent: true });

  if (query.isPending) return <Loading />;
  if (query.error) {
    if (isApiError(query.error, 404) || isApiError(query.error, 422)) {
      return (
        <div className="page">
          <Breadcrumb />
          <h1>{t('park.notFound')}</h1>
          <p>
            <Link to="/parken">{t('app.notFound.back')}</Link>
          </p>
        </div>
      );
    }
    return (
      <div className="page">
        <Breadcrumb />
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }

  const { park } = query.data;
  const provinceName = provinces.data?.find((p) => p.code === park.province)?.name ?? park.province;
  const tabs = [
    { to: '', label: t('park.tabs.overview'), end: true },
    { to: 'betrokkenen', label: t('stakeholders.tab'), end: false },
    { to: 'belangen', label: t('interests.tabs.shared'), end: false },
    { to: 'interview', label: t('interests.tabs.interview'), end: false },
    { to: 'enquetes', label: t('surveys.tab'), end: false },
    { to: 'projecten', label: t('projects.tab'), end: false },
    { to: 'organisatie', label: t('organisations.tab'), end: false },
    { to: 'organisatiegraad', label: t('assessments.tab'), end: false },
  ];
  const context: ParkContext = { versioned: query.data, provinceName };

  return (
    <div className="page park-page">
      <Breadcrumb current={displayName(park.name)} />
      <div className="page-head">
        <div>
          {/* The register's name, readable ("'T AMBACHT" as "'t Ambacht"); stored unchanged. */}
          <h1 data-testid="park-title" data-name={park.name}>
            {displayName(park.name)}
          </h1>
          <p className="muted">
            {park.municipality} · {provinceName}
          </p>
        </div>
      </div>
      <nav className="tabs" aria-label={t('park.tabs.label')}>
        {tabs.map((tab) => (
          <NavLink
            key={tab.label}
            to={tab.to}
            end={tab.end}
            className="tab"
            // Tabs with views of their own (ranking and matrix; list, advice, vote): the view is
            // the current page, the tab only highlighted.
            aria-current={tab.to === 'belangen' || tab.to === 'organisatie' ? 'false' : 'page'}
          >
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <div className="tab-panel">
        <Outlet context={context} />
      </div>
    </div>
  );
}

function Breadcrumb({ current }: { current?: string }) {
  const { t } = useTranslation();
  const list = lastParksList();
  return (
    <nav className="breadcrumb" aria-label={t('park.breadcrumbLabel')}>
      <Link to={{ pathname: '/parken', search: list.search }} state={list.state}>
        {t('park.breadcrumb')}
      </Link>
      {current && (
        <>
          <span aria-hidden="true"> / </span>
          {/* The park's tab is the current page (one aria-current at a time). */}
          <span>{current}</span>
        </>
      )}
    </nav>
  );
}
