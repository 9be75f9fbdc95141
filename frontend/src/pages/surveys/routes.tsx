import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router';
import { Loading } from '../../components/Alert';

const SurveysPage = lazy(() => import('./SurveysPage').then((m) => ({ default: m.SurveysPage })));
const SurveyPage = lazy(() => import('./SurveyPage').then((m) => ({ default: m.SurveyPage })));

const later = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

/** Child routes of `parken/:parkId`: the park's surveys and one survey (links, answers). */
export const surveyRoutes = (
  <>
    <Route path="enquetes" element={later(<SurveysPage />)} />
    <Route path="enquetes/:surveyId" element={later(<SurveyPage />)} />
  </>
);
