import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { useProvinces } from '../lib/useReference';
import { ErrorAlert, Loading } from './Alert';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * A menu link: highlighted in its whole section (Parken on a park's page), but the current page
 * only on its own address, so one element at a time says aria-current="page" (the park's tab).
 */
function MenuLink({ to, children }: { to: string; children: string }) {
  const { pathname } = useLocation();
  return (
    <NavLink to={to} aria-current={pathname === to ? 'page' : 'false'}>
      {children}
    </NavLink>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const { user, userError, userLoading, refetchUser, logout } = useAuth();
  const provinces = useProvinces();
  const provinceName = (code: string) => provinces.data?.find((p) => p.code === code)?.name ?? code;
  const location = useLocation();
  // Below 720 px the menu (links, user, language, logout) folds behind one button.
  const [menuOpen, setMenuOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => setMenuOpen(false), [location.pathname]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

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
          <button
            ref={toggle}
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="topbar-menu"
            data-testid="menu-toggle"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span className="menu-icon" aria-hidden="true" />
            {t('nav.menu')}
          </button>
          <div
            id="topbar-menu"
            className={menuOpen ? 'topbar-menu open' : 'topbar-menu'}
            onClick={(event) => {
              if ((event.target as HTMLElement).closest('a')) setMenuOpen(false);
            }}
          >
            <nav aria-label={t('nav.main')} className="mainnav">
              <MenuLink to="/werk">{t('work.nav')}</MenuLink>
              <MenuLink to="/parken">{t('nav.parks')}</MenuLink>
              <MenuLink to="/provincies">{t('provinceOverview.nav')}</MenuLink>
              {/* Viewers work on no park: they have no follow-ups to do. */}
              {user && user.role !== 'viewer' && <MenuLink to="/opvolgen">{t('stakeholders.nav.followUps')}</MenuLink>}
              {user?.role === 'admin' && <MenuLink to="/beheer">{t('admin.nav')}</MenuLink>}
            </nav>
            <div className="topbar-end">
              {user && (
                <div className="user" data-testid="current-user" title={user.email}>
                  <span className="user-name">{user.full_name}</span>
                  <span className="user-role">
                    {t(`roles.${user.role}`)}
                    {user.role === 'expert' &&
                      user.provinces.length > 0 &&
                      ` · ${user.provinces.map(provinceName).join(', ')}`}
                  </span>
                </div>
              )}
              <LanguageSwitch />
              <button type="button" className="button button-quiet" onClick={logout}>
                {t('nav.logout')}
              </button>
            </div>
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
