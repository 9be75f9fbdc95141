import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route } from 'react-router';
import { Loading } from '../../components/Alert';

// Loaded when first opened: only admins ever need this code.
const AdminSection = lazy(() => import('./AdminSection').then((m) => ({ default: m.AdminSection })));
const UsersPage = lazy(() => import('./UsersPage').then((m) => ({ default: m.UsersPage })));
const ApiClientsPage = lazy(() => import('./ApiClientsPage').then((m) => ({ default: m.ApiClientsPage })));
const WebhooksPage = lazy(() => import('./WebhooksPage').then((m) => ({ default: m.WebhooksPage })));
const AuditPage = lazy(() => import('./AuditPage').then((m) => ({ default: m.AuditPage })));

const later = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

/** Routes under `/beheer` (inside the Layout): users, API clients, webhooks, the audit trail. */
export const adminRoutes = (
  <Route path="beheer" element={later(<AdminSection />)}>
    <Route index element={<Navigate to="gebruikers" replace />} />
    <Route path="gebruikers" element={later(<UsersPage />)} />
    <Route path="koppelingen" element={later(<ApiClientsPage />)} />
    <Route path="webhooks" element={later(<WebhooksPage />)} />
    <Route path="audit" element={later(<AuditPage />)} />
  </Route>
);
