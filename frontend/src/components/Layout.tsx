import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert, Loading } from './Alert';
import { LanguageSwitch } from './LanguageSwitch';

export function Layout() {
  const { t } = useTranslation();
  const { user, userError, userLoading, refetchUser, logout } = useAuth();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link to="/werk" className="brand">
            <span className="brand-mark" aria-hidden="true">P</span>
            {t('app.name')}
          </Link>
          <nav aria-label={t('nav.main')} className="mainnav">
            <NavLink to="/werk">{t('work.nav')}</NavLink>
            <NavLink to="/parken">{t('nav.parks')}</NavLink>
            <NavLink to="/provincies">{t('provinceOverview.nav')}</NavLink>
            {/* Viewers work on no park: they have no follow-ups to do. */}
            {user && user.role !== 'viewer' && <NavLink to="/opvolgen">{t('stakeholders.nav.followUps')}</NavLink>}
            {user?.role === 'admin' && <NavLink to="/beheer">{t('admin.nav')}</NavLink>}
          </nav>
          <div className="topbar-end">
            {user && (
              <div className="user" data-testid="current-user" title={user.email}>
                <span className="user-name">{user.full_name}</span>
                <span className="user-role">
                  {t(`roles.${user.role}`)}
                  {user.role === 'expert' && user.provinces.length > 0 && ` · ${user.provinces.join(', ')}`}
                </span>
              </div>
            )}
            <LanguageSwitch />
            <button type="button" className="button button-quiet" onClick={logout}>
              {t('nav.logout')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        {userLoading ? (
          <Loading />
        ) : userError && !user ? (
          <ErrorAlert error={userError} onRetry={refetchUser} />
        ) : (
          <Outlet />
        )}
      </main>
    </div>
  );
}
