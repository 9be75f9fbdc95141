import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router';
import { Loading } from '../../components/Alert';

// Loaded when first opened: the project pages stay out of the first load.
const ProjectsBoard = lazy(() => import('./ProjectsBoard').then((m) => ({ default: m.ProjectsBoard })));
const NewProjectPage = lazy(() => import('./NewProjectPage').then((m) => ({ default: m.NewProjectPage })));
const ProjectPage = lazy(() => import('./ProjectPage').then((m) => ({ default: m.ProjectPage })));

const later = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

/** Child routes of `parken/:parkId`: the project board, a new project and a project's page. */
export const projectRoutes = (
  <>
    <Route path="projecten" element={later(<ProjectsBoard />)} />
    <Route path="projecten/nieuw" element={later(<NewProjectPage />)} />
    <Route path="projecten/:projectId" element={later(<ProjectPage />)} />
  </>
);
