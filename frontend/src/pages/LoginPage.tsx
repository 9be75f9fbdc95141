import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { login } from '../api/client';
import { loginErrorMessage } from '../api/messages';
import { useAuth } from '../auth/AuthContext';
import { lastSessionEnd } from '../auth/session';
import { Alert } from '../components/Alert';
import { RequiredLegend, RequiredMark } from '../components/Required';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useDocumentTitle } from '../lib/useDocumentTitle';

interface FromState {
  from?: { pathname?: string; search?: string };
}

function safeTarget(state: unknown): string {
  const from = (state as FromState | null)?.from;
  const path = from?.pathname ?? '';
  if (!path.startsWith('/') || path.startsWith('//') || path === '/inloggen') return '/werk';
  return path + (from?.search ?? '');
}

export function LoginPage() {
  const { t } = useTranslation();
  const { token, loggedIn } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [endReason] = useState(() => lastSessionEnd());
  useDocumentTitle(t('login.title'));

  const mutation = useMutation({
    mutationFn: () => login(email.trim(), password),
    onSuccess: (tok) => {
      loggedIn(tok);
      navigate(safeTarget(location.state), { replace: true });
    },
  });

  if (token && !mutation.isPending && !mutation.isSuccess) {
    return <Navigate to={safeTarget(location.state)} replace />;
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  const error = mutation.error;
  const errorText = loginErrorMessage(error, t);

  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <main className="login-card" id="main">
        <div className="login-brand">
          <span className="brand-mark brand-mark-large" aria-hidden="true">P</span>
          <div>
            <p className="login-product">{t('app.name')}</p>
            <p className="login-tagline">{t('app.tagline')}</p>
          </div>
        </div>
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('login.intro')}</p>
        {endReason && !error && (
          <Alert tone="info">
            <p data-testid="session-ended">
              {endReason === 'expired'
                ? t('login.expired')
                : endReason === 'revoked'
                  ? t('login.revoked')
                  : t('login.loggedOut')}
            </p>
          </Alert>
        )}
        {errorText && (
          <Alert tone="error" testId="login-error">
            <p>{errorText}</p>
          </Alert>
        )}
        <form onSubmit={onSubmit} noValidate>
          <RequiredLegend />
          <div className="field">
            <label htmlFor="login-email">
              {t('login.email')}
              <RequiredMark />
            </label>
            <input
              id="login-email"
              name="username"
              type="email"
              autoComplete="username"
              required
              aria-required="true"
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">
              {t('login.password')}
              <RequiredMark />
            </label>
            <input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              aria-required="true"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <button type="submit" className="button button-primary button-block" disabled={mutation.isPending}>
            {mutation.isPending ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
