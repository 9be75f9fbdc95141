import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation, useNavigationType } from 'react-router';
import { ApiError } from './api/problem';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { Loading } from './components/Alert';
import { Layout } from './components/Layout';
import { LoginPage } from './pages/LoginPage';
import { interestRoutes } from './pages/interests/routes';
import { projectRoutes } from './pages/projects/routes';
import { organisationRoutes } from './pages/organisations/routes';
import { assessmentRoutes } from './pages/assessments/routes';
import { surveyRoutes } from './pages/surveys/routes';
import { adminRoutes } from './pages/admin/routes';

// Everything behind the login is loaded when first opened, so the login page (the first screen
// of most visits) loads only its own code; the maps (Leaflet) come with the pages that show them.
// vite.config.ts fails the build when these pages, Leaflet or ECharts end up in the first load.
const ParksPage = lazy(() => import('./pages/ParksPage').then((m) => ({ default: m.ParksPage })));
const ParkPage = lazy(() => import('./pages/ParkPage').then((m) => ({ default: m.ParkPage })));
const ParkOverview = lazy(() => import('./pages/ParkOverview').then((m) => ({ default: m.ParkOverview })));
const FollowUpsPage = lazy(() =>
  import('./pages/stakeholders/FollowUpsPage').then((m) => ({ default: m.FollowUpsPage })),
);
const StakeholdersTab = lazy(() =>
  import('./pages/stakeholders/StakeholdersTab').then((m) => ({ default: m.StakeholdersTab })),
);
const NewStakeholder = lazy(() =>
  import('./pages/stakeholders/NewStakeholder').then((m) => ({ default: m.NewStakeholder })),
);
const StakeholderDetail = lazy(() =>
  import('./pages/stakeholders/StakeholderDetail').then((m) => ({ default: m.StakeholderDetail })),
);

const WorkPage = lazy(() => import('./pages/work/WorkPage').then((m) => ({ default: m.WorkPage })));
const ProvinceOverviewPage = lazy(() =>
  import('./pages/work/ProvinceOverviewPage').then((m) => ({ default: m.ProvinceOverviewPage })),
);

const later = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // An answer with a 4xx status will not change by asking again.
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}

function RequireAuth({ children }: { children: ReactNode }) {
  const { token } = useAuth();
  const location = useLocation();
  if (!token) return <Navigate to="/inloggen" replace state={{ from: location }} />;
  return children;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t('app.notFound.title')}</h1>
      <p>{t('app.notFound.body')}</p>
      <p>
        <Link to="/werk">{t('app.notFound.back')}</Link>
      </p>
    </div>
  );
}

/** Where a park's pages live: a tab change inside one park keeps the park's heading. */
const parkPath = (path: string) => /^\/parken\/[^/]+/.exec(path)?.[0] ?? null;

/**
 * After a route change (not on the first load): focus moves to the new page's heading and its
 * title is announced in a polite live region. Pages load their code and data after the change,
 * so the heading is waited for (up to 5 s). Within one park the tab's own heading gets focus.
 */
function RouteFocus() {
  const location = useLocation();
  const navigationType = useNavigationType();
  const [message, setMessage] = useState('');
  const previous = useRef<string | null>(null);
  const changes = useRef(0);
  useEffect(() => {
    const from = previous.current;
    const to = location.pathname;
    previous.current = to;
    if (from === null || from === to) return;
    changes.current += 1;
    // The first load's own redirects ("/" to "/werk", to the login) are not a move by the user.
    if (changes.current === 1 && navigationType === 'REPLACE' && from !== '/inloggen') return;
    const before = document.activeElement;
    const samePark = parkPath(from) !== null && parkPath(from) === parkPath(to);
    const find = (): HTMLElement | null => {
      const root = document.getElementById('main') ?? document.body;
      if (samePark) {
        const inTab = root.querySelector<HTMLElement>('.tab-panel h1, .tab-panel h2');
        if (inTab) return inTab;
        // A tab still loading: wait for its heading rather than the park's.
        if (root.querySelector('.tab-panel')) return null;
      }
      return root.querySelector<HTMLElement>('h1');
    };
    let timer = 0;
    const started = Date.now();
    const attempt = () => {
      const heading = find();
      if (!heading) {
        if (Date.now() - started < 5000) timer = window.setTimeout(attempt, 50);
        return;
      }
      // Something else took focus meanwhile (a field that focuses itself): leave it there.
      const active = document.activeElement;
      if (active && active !== before && active !== document.body) return;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: false });
      setMessage('');
      timer = window.setTimeout(() => setMessage(document.title), 100);
    };
    timer = window.setTimeout(attempt, 0);
    return () => window.clearTimeout(timer);
  }, [location.pathname, navigationType]);
  return (
    <div
      className="visually-hidden"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="route-announcer"
    >
      {message}
    </div>
  );
}

export function AppRoutes() {
  return (
    <>
      <RouteFocus />
      <Routes>
        <Route path="/inloggen" element={<LoginPage />} />
        <Route
          element={
            <RequireAuth>
              <Layout />
            </RequireAuth>
          }
        >
          <Route index element={<Navigate to="/werk" replace />} />
          <Route path="werk" element={later(<WorkPage />)} />
          <Route path="provincies" element={later(<ProvinceOverviewPage />)} />
          <Route path="parken" element={later(<ParksPage />)} />
          <Route path="opvolgen" element={later(<FollowUpsPage />)} />
          <Route path="parken/:parkId" element={later(<ParkPage />)}>
            <Route index element={later(<ParkOverview />)} />
            <Route path="betrokkenen" element={later(<StakeholdersTab />)} />
            <Route path="betrokkenen/nieuw" element={later(<NewStakeholder />)} />
            <Route path="betrokkenen/:stakeholderId" element={later(<StakeholderDetail />)} />
            {interestRoutes}
            {projectRoutes}
            {organisationRoutes}
            {assessmentRoutes}
            {surveyRoutes}
          </Route>
          {adminRoutes}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </>
  );
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AuthProvider>
    </QueryClientProvider>
  );
}
