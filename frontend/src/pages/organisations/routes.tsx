import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router';
import { Loading } from '../../components/Alert';

const OrganisationsSection = lazy(() =>
  import('./OrganisationsSection').then((m) => ({ default: m.OrganisationsSection })),
);
const OrganisationsPage = lazy(() => import('./OrganisationsPage').then((m) => ({ default: m.OrganisationsPage })));
const AdvicePage = lazy(() => import('./AdvicePage').then((m) => ({ default: m.AdvicePage })));
const BizVotePage = lazy(() => import('./BizVotePage').then((m) => ({ default: m.BizVotePage })));

const later = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

/** Child routes of `parken/:parkId`: the organisations, the advice and the BIZ vote. */
export const organisationRoutes = (
  <Route path="organisatie" element={later(<OrganisationsSection />)}>
    <Route index element={later(<OrganisationsPage />)} />
    <Route path="advies" element={later(<AdvicePage />)} />
    <Route path="biz-stemming" element={later(<BizVotePage />)} />
  </Route>
);
