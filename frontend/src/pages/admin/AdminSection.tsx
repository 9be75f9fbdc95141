import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { useAuth } from '../../auth/AuthContext';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import '../../components/admin/admin.css';

/** The admin area's frame: a friendly "no access" for non-admins (the API answers 403 anyway), tabs for admins. */
export function AdminSection() {
  const { t } = useTranslation();
  const { user } = useAuth();
  useDocumentTitle(t('admin.title'));
  if (!user || user.role !== 'admin') {
    return (
      <div className="page" data-testid="admin-no-access">
        <h1>{t('admin.noAccess.title')}</h1>
        <p>{t('admin.noAccess.body')}</p>
        <p>
          <Link to="/parken">{t('admin.noAccess.back')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page">
      <div className="page-head admin-head">
        <div>
          <h1>{t('admin.title')}</h1>
          <p className="admin-lead">{t('admin.intro')}</p>
        </div>
      </div>
      <nav className="tabs admin-tabs" aria-label={t('admin.title')}>
        <NavLink className="tab" to="gebruikers">
          {t('admin.tabs.users')}
        </NavLink>
        <NavLink className="tab" to="koppelingen">
          {t('admin.tabs.clients')}
        </NavLink>
        <NavLink className="tab" to="webhooks">
          {t('admin.tabs.webhooks')}
        </NavLink>
        <NavLink className="tab" to="audit">
          {t('admin.tabs.audit')}
        </NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
