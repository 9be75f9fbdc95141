import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { ApiError } from './api/problem';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { Layout } from './components/Layout';
import { LoginPage } from './pages/LoginPage';
import { ParkOverview } from './pages/ParkOverview';
import { ParkPage } from './pages/ParkPage';
import { ParksPage } from './pages/ParksPage';
import { interestRoutes } from './pages/interests/routes';
import { FollowUpsPage } from './pages/stakeholders/FollowUpsPage';
import { NewStakeholder } from './pages/stakeholders/NewStakeholder';
import { StakeholderDetail } from './pages/stakeholders/StakeholderDetail';
import { StakeholdersTab } from './pages/stakeholders/StakeholdersTab';

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
        <Link to="/parken">{t('app.notFound.back')}</Link>
      </p>
    </div>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/inloggen" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <Layout />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/parken" replace />} />
        <Route path="parken" element={<ParksPage />} />
        <Route path="opvolgen" element={<FollowUpsPage />} />
        <Route path="parken/:parkId" element={<ParkPage />}>
          <Route index element={<ParkOverview />} />
          <Route path="betrokkenen" element={<StakeholdersTab />} />
          <Route path="betrokkenen/nieuw" element={<NewStakeholder />} />
          <Route path="betrokkenen/:stakeholderId" element={<StakeholderDetail />} />
          {interestRoutes}
        </Route>
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
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
