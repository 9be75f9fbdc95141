import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText, type SecretAction, type ShownSecret } from '../../lib/admin/secret';
import './admin.css';

function CopyField({ label, value, testId, onCopied }: { label: string; value: string; testId: string; onCopied?: () => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'selected'>('idle');
  const id = `copy-${testId}`;
  return (
    <div className="field secret-field">
      <label htmlFor={id}>{label}</label>
      <div className="secret-row">
        <input
          id={id}
          ref={input}
          type="text"
          readOnly
          value={value}
          data-testid={testId}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className="button button-secondary"
          onClick={async () => {
            const ok = await copyText(value, input.current);
            setState(ok ? 'copied' : 'selected');
            if (ok) onCopied?.();
          }}
        >
          {state === 'copied' ? t('admin.secret.copied') : t('admin.secret.copy')}
        </button>
      </div>
      {state === 'selected' && <span className="hint">{t('admin.secret.selected')}</span>}
    </div>
  );
}

/** A secret the API gives once: the value, a copy button, and the warning that it will not come back. */
export function SecretReveal({ secret, dispatch }: { secret: ShownSecret; dispatch: (action: SecretAction) => void }) {
  const { t } = useTranslation();
  const heading =
    secret.kind === 'client-created'
      ? t('admin.secret.forClientCreated', { label: secret.label })
      : secret.kind === 'client-rotated'
        ? t('admin.secret.forClientRotated', { label: secret.label })
        : t('admin.secret.forWebhookCreated', { label: secret.label });
  return (
    <section className="card secret-card" data-testid="secret-reveal" aria-labelledby="secret-title">
      <h2 id="secret-title">{t('admin.secret.title')}</h2>
      <p className="secret-for">{heading}</p>
      <p className="secret-warning" role="alert">
        {t('admin.secret.warning')}
      </p>
      {secret.clientId && <CopyField label={t('admin.secret.clientId')} value={secret.clientId} testId="shown-client-id" />}
      <CopyField
        label={t('admin.secret.secret')}
        value={secret.secret}
        testId="shown-secret"
        onCopied={() => dispatch({ type: 'copied' })}
      />
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={() => dispatch({ type: 'dismiss' })}>
          {t('admin.secret.done')}
        </button>
      </div>
    </section>
  );
}
