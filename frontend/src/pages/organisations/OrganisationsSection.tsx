import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import '../../components/organisations/organisations.css';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useParkContext } from '../ParkPage';

/** The "Organisatie" tab: the organisations on the park, the advice and the BIZ vote. */
export function OrganisationsSection() {
  const { t } = useTranslation();
  const context = useParkContext();
  useDocumentTitle(`${t('organisations.title')} · ${context.versioned.park.name}`);
  return (
    <div className="orgs">
      <div className="orgs-head">
        <div>
          <h2 className="orgs-title">{t('organisations.title')}</h2>
          <p className="muted small">{t('organisations.intro')}</p>
        </div>
        <nav className="orgs-subnav" aria-label={t('organisations.views.label')}>
          <NavLink to="" end className="orgs-subnav-link">
            {t('organisations.views.list')}
          </NavLink>
          <NavLink to="advies" className="orgs-subnav-link">
            {t('organisations.views.advice')}
          </NavLink>
          <NavLink to="biz-stemming" className="orgs-subnav-link">
            {t('organisations.views.biz')}
          </NavLink>
        </nav>
      </div>
      <Outlet context={context} />
    </div>
  );
}
