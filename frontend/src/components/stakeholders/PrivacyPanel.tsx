import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/messages';
import { isApiError } from '../../api/problem';
import { erasePersonalData, type VersionedStakeholder } from '../../api/stakeholders';
import { EMPTY, formatDateTime } from '../../lib/format';
import { formatDate } from '../../lib/stakeholders/dates';
import { displayPhone } from '../../lib/stakeholders/phone';
import { usePersonalData } from '../../lib/stakeholders/queries';
import { Alert, ErrorAlert, Loading } from '../Alert';
import './stakeholders.css';

/**
 * The contact person's data (AVG/GDPR): see everything that is held, and erase it on request.
 * Only for those who may see it (admins, experts of the park's province).
 */
export function PrivacyPanel({
  versioned,
  allowed,
  provinceName,
  onChanged,
}: {
  versioned: VersionedStakeholder;
  allowed: boolean;
  provinceName: string;
  /** After the erasure, or when the stakeholder turned out to have changed (412): read it again. */
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const { stakeholder, etag } = versioned;
  const [showing, setShowing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const personal = usePersonalData(stakeholder.park_id, stakeholder.id, stakeholder.version, showing && allowed);
  const erase = useMutation({
    mutationFn: () => erasePersonalData(stakeholder.id, etag),
    onSuccess: () => {
      setConfirming(false);
      setShowing(false);
      onChanged();
    },
    onError: (error) => {
      if (isApiError(error, 412)) onChanged();
    },
  });

  const mayAct = allowed && !stakeholder.personal_data_hidden;
  return (
    <section className="card privacy-card" aria-labelledby="privacy-title" data-testid="privacy-panel">
      <h2 id="privacy-title">{t('stakeholders.privacy.title')}</h2>
      {stakeholder.personal_data_erased_at && (
        <p className="privacy-erased" data-testid="privacy-erased">
          {t('stakeholders.privacy.erased', { date: formatDateTime(stakeholder.personal_data_erased_at, language) })}
        </p>
      )}
      {!mayAct ? (
        <p className="muted small" data-testid="privacy-hidden-note">
          {t('stakeholders.privacy.hiddenForYou', { province: provinceName })}
        </p>
      ) : (
        <>
          <p className="muted small">{t('stakeholders.privacy.intro')}</p>
          <div className="privacy-actions">
            <button
              type="button"
              className="button button-secondary"
              aria-expanded={showing}
              aria-controls="personal-data"
              onClick={() => setShowing((s) => !s)}
            >
              {showing ? t('stakeholders.privacy.hide') : t('stakeholders.privacy.show')}
            </button>
            {!confirming && (
              <button type="button" className="button sh-button-danger-quiet" onClick={() => setConfirming(true)}>
                {t('stakeholders.privacy.erase')}
              </button>
            )}
          </div>
          {showing && (
            <div id="personal-data" className="personal-data" data-testid="personal-data">
              {personal.isPending ? (
                <Loading />
              ) : personal.error ? (
                <ErrorAlert error={personal.error} onRetry={() => void personal.refetch()} />
              ) : (
                <>
                  <dl className="facts sh-facts-1">
                    <div className="fact">
                      <dt>{t('stakeholders.privacy.organisation')}</dt>
                      <dd>{personal.data.organisation}</dd>
                    </div>
                    <div className="fact">
                      <dt>{t('stakeholders.fields.contact_name')}</dt>
                      <dd>{personal.data.contact_name ?? EMPTY}</dd>
                    </div>
                    <div className="fact">
                      <dt>{t('stakeholders.fields.email')}</dt>
                      <dd>{personal.data.email ?? EMPTY}</dd>
                    </div>
                    <div className="fact">
                      <dt>{t('stakeholders.fields.phone')}</dt>
                      <dd>{personal.data.phone ? displayPhone(personal.data.phone) : EMPTY}</dd>
                    </div>
                  </dl>
                  <h3 className="sh-small-heading">{t('stakeholders.privacy.summaries', { count: personal.data.contact_moments.length })}</h3>
                  {personal.data.contact_moments.length === 0 ? (
                    <p className="muted small">{t('stakeholders.contacts.none')}</p>
                  ) : (
                    <ul className="sh-personal-contacts">
                      {personal.data.contact_moments.map((c) => (
                        <li key={c.id}>
                          <span className="muted small">
                            {formatDate(c.date, language)} · {t(`stakeholders.channels.${c.channel}`)}
                          </span>
                          <span>{c.summary ?? EMPTY}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                  <p className="hint">{t('stakeholders.privacy.auditNote')}</p>
                </>
              )}
            </div>
          )}
          {confirming && (
            <Alert tone="warning" testId="erase-confirm" title={t('stakeholders.privacy.confirmTitle')}>
              <p>{t('stakeholders.privacy.confirmBody', { name: stakeholder.name })}</p>
              <div className="sh-inline-actions">
                <button type="button" className="button sh-button-danger" disabled={erase.isPending} onClick={() => erase.mutate()}>
                  {erase.isPending ? t('stakeholders.privacy.erasing') : t('stakeholders.privacy.confirm')}
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={erase.isPending}
                  onClick={() => {
                    setConfirming(false);
                    erase.reset();
                  }}
                >
                  {t('stakeholders.privacy.cancel')}
                </button>
              </div>
            </Alert>
          )}
          {erase.error ? (
            <Alert
              tone="error"
              title={
                isApiError(erase.error, 412)
                  ? t('stakeholders.privacy.conflict')
                  : `${t('stakeholders.privacy.failed')} ${describeError(erase.error, t).message}`
              }
            />
          ) : null}
        </>
      )}
    </section>
  );
}
