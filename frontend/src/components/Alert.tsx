import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/messages';

type Tone = 'error' | 'warning' | 'success' | 'info';

export function Alert({
  tone,
  title,
  children,
  actions,
  testId,
}: {
  tone: Tone;
  title?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  testId?: string;
}) {
  const urgent = tone === 'error' || tone === 'warning';
  return (
    <div className={`alert alert-${tone}`} role={urgent ? 'alert' : 'status'} data-testid={testId}>
      <div className="alert-body">
        {title && <p className="alert-title">{title}</p>}
        {children}
      </div>
      {actions && <div className="alert-actions">{actions}</div>}
    </div>
  );
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { message, detail } = describeError(error, t);
  return (
    <Alert
      tone="error"
      title={message}
      actions={
        onRetry && (
          <button type="button" className="button button-secondary" onClick={onRetry}>
            {t('app.retry')}
          </button>
        )
      }
    >
      {detail && <p className="alert-detail">{t('errors.serverSays', { detail })}</p>}
    </Alert>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('app.loading')}
    </p>
  );
}
