import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router';
import { Loading } from '../../components/Alert';

// Loaded when first opened: the charts (ECharts) stay out of the main bundle.
const InterestsSection = lazy(() => import('./InterestsSection').then((m) => ({ default: m.InterestsSection })));
const SharedInterestsPage = lazy(() => import('./SharedInterestsPage').then((m) => ({ default: m.SharedInterestsPage })));
const InterestMatrixPage = lazy(() => import('./InterestMatrixPage').then((m) => ({ default: m.InterestMatrixPage })));
const InterviewPage = lazy(() => import('./InterviewPage').then((m) => ({ default: m.InterviewPage })));

const later = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

/** Child routes of `parken/:parkId`: the shared interests (ranking, matrix) and the interviews. */
export const interestRoutes = (
  <>
    <Route path="belangen" element={later(<InterestsSection />)}>
      <Route index element={later(<SharedInterestsPage />)} />
      <Route path="matrix" element={later(<InterestMatrixPage />)} />
    </Route>
    <Route path="interview" element={later(<InterviewPage />)} />
    <Route path="interview/:stakeholderId" element={later(<InterviewPage />)} />
  </>
);
