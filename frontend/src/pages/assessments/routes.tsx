import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router';
import { Loading } from '../../components/Alert';

// Loaded when first opened: the charts (ECharts) stay out of the main bundle.
const AssessmentPage = lazy(() => import('./AssessmentPage').then((m) => ({ default: m.AssessmentPage })));
const ReportPage = lazy(() => import('./ReportPage').then((m) => ({ default: m.ReportPage })));

const later = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

/** Child routes of `parken/:parkId`: the organisatiegraad and the park report. */
export const assessmentRoutes = (
  <>
    <Route path="organisatiegraad" element={later(<AssessmentPage />)} />
    <Route path="rapport" element={later(<ReportPage />)} />
  </>
);
