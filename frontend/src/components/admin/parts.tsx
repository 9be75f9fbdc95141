import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/messages';
import { PROVINCES, type Province } from '../../api/types';
import { toggle } from '../../lib/admin/scopes';
import { Alert } from '../Alert';
import './admin.css';

/** Checkboxes for the twelve provinces. */
export function ProvincePicker({
  value,
  onChange,
  legend,
  hint,
  disabled,
  name,
}: {
  value: readonly Province[];
  onChange: (next: Province[]) => void;
  legend: string;
  hint?: string;
  disabled?: boolean;
  name: string;
}) {
  return (
    <fieldset className="checks checks-provinces" disabled={disabled}>
      <legend>{legend}</legend>
      {hint && <p className="hint">{hint}</p>}
      <div className="checks-grid">
        {PROVINCES.map((code) => (
          <label key={code} className="check">
            <input
              type="checkbox"
              name={name}
              checked={value.includes(code)}
              onChange={(e) => onChange(toggle(value, code, e.target.checked, PROVINCES))}
            />
            {code}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A button that asks "sure?" in place before it acts. */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  danger,
  disabled,
  testId,
}: {
  label: string;
  question: string;
  confirmLabel?: string;
  onConfirm: () => void;
  danger?: boolean;
  disabled?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className={`button ${danger ? 'button-danger' : 'button-secondary'}`}
        disabled={disabled}
        onClick={() => setAsking(true)}
        data-testid={testId}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button
        type="button"
        className={`button ${danger ? 'button-danger' : 'button-primary'}`}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel ?? t('admin.common.yes')}
      </button>
      <button type="button" className="button button-quiet" onClick={() => setAsking(false)}>
        {t('admin.common.cancel')}
      </button>
    </span>
  );
}

/** The API's refusal, with its own words (problem+json detail). */
export function Refusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const { message, detail } = describeError(error, t);
  return (
    <Alert tone="error" title={detail ? t('admin.common.refused', { detail }) : message} testId="admin-refusal">
      {detail && <p className="alert-detail">{message}</p>}
    </Alert>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <Alert tone="success" testId="admin-notice">
      <p>{children}</p>
    </Alert>
  );
}

export function StatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${active ? 'badge-ok' : 'badge-off'}`}>
      {active ? t('admin.common.active') : t('admin.common.inactive')}
    </span>
  );
}
