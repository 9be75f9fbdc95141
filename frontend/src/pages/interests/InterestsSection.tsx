import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import '../../components/interests/interests.css';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useParkContext } from '../ParkPage';

/** The "Gedeelde belangen" tab: the ranking and the interest matrix as two views. */
export function InterestsSection() {
  const { t } = useTranslation();
  const context = useParkContext();
  useDocumentTitle(`${t('interests.title')} · ${context.versioned.park.name}`, { parent: true });
  return (
    <div className="interests">
      <div className="interests-head">
        <div>
          <h2 className="interests-title">{t('interests.title')}</h2>
          <p className="muted small">{t('interests.shared.intro')}</p>
        </div>
        <nav className="ix-subnav" aria-label={t('interests.views.label')}>
          <NavLink to="" end className="ix-subnav-link">
            {t('interests.views.ranking')}
          </NavLink>
          <NavLink to="matrix" className="ix-subnav-link">
            {t('interests.views.matrix')}
          </NavLink>
        </nav>
      </div>
      <Outlet context={context} />
    </div>
  );
}
