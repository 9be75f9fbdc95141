import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { describeError } from '../../api/messages';
import { keys } from '../../api/queryKeys';
import { refresh } from '../../api/refresh';
import { isApiError } from '../../api/problem';
import { deleteStakeholder, type Stakeholder } from '../../api/stakeholders';
import { useAuth } from '../../auth/AuthContext';
import { canEditPark } from '../../auth/permissions';
import { Alert, ErrorAlert, Loading } from '../../components/Alert';
import { ContactForm } from '../../components/stakeholders/ContactForm';
import { ContactTimeline } from '../../components/stakeholders/ContactTimeline';
import { StakeholderInterests } from '../../components/stakeholders/StakeholderInterests';
import { KindBadge, Personal, Score } from '../../components/stakeholders/parts';
import { PrivacyPanel } from '../../components/stakeholders/PrivacyPanel';
import { StakeholderForm } from '../../components/stakeholders/StakeholderForm';
import { EMPTY, formatDateTime, formatNumber } from '../../lib/format';
import { lastStakeholderList } from '../../lib/stakeholders/lastList';
import { formatEuro } from '../../lib/stakeholders/money';
import { displayPhone } from '../../lib/stakeholders/phone';
import { useContacts, useStakeholder } from '../../lib/stakeholders/queries';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useParkContext } from '../ParkPage';

export function StakeholderDetail() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const { stakeholderId = '' } = useParams();
  const { versioned: parkVersioned, provinceName } = useParkContext();
  const { park } = parkVersioned;
  const { user } = useAuth();
  const mayEdit = canEditPark(user, park.province);
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useStakeholder(park.id, stakeholderId);
  const contacts = useContacts(park.id, stakeholderId);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const created = (location.state as { created?: boolean } | null)?.created === true;
  useDocumentTitle(query.data?.stakeholder.name ?? t('stakeholders.title'));
  const listPath = `/parken/${park.id}/betrokkenen${lastStakeholderList(park.id)}`;

  const remove = useMutation({
    mutationFn: () => deleteStakeholder(stakeholderId, query.data!.etag),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: keys.park(park.id).stakeholder(stakeholderId).all });
      void refresh.stakeholders(queryClient, park.id);
      navigate(listPath, { state: null });
    },
    onError: (error) => {
      if (isApiError(error, 412)) void query.refetch();
    },
  });

  const back = (
    <p className="sh-back-link">
      <Link to={listPath}>← {t('stakeholders.detail.back')}</Link>
    </p>
  );

  if (query.isPending) return <Loading />;
  if (query.error) {
    return (
      <div>
        {back}
        {isApiError(query.error, 404) || isApiError(query.error, 422) ? (
          <Alert tone="info" title={t('stakeholders.detail.notFound')} />
        ) : (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        )}
      </div>
    );
  }

  const { stakeholder: s } = query.data;
  if (s.park_id !== park.id) {
    return (
      <div>
        {back}
        <Alert tone="info" title={t('stakeholders.detail.otherPark')}>
          <p>
            <Link to={`/parken/${s.park_id}/betrokkenen/${s.id}`}>{s.name}</Link>
          </p>
        </Alert>
      </div>
    );
  }

  // After the personal data's erasure (or a 412 there): the stakeholder is read again everywhere.
  const reread = () => void refresh.stakeholders(queryClient, park.id);

  return (
    <div className="stakeholder-detail">
      {back}
      <div className="sh-detail-head">
        <div>
          <h2 className="sh-detail-title" data-testid="stakeholder-title">
            {s.name}
          </h2>
          <p className="sh-detail-sub">
            <KindBadge kind={s.kind} />
            {s.role !== 'none' && <span className="sh-role-chip">{t(`stakeholders.roles.${s.role}`)}</span>}
            {s.sector && <span className="muted">{s.sector}</span>}
          </p>
        </div>
        {mayEdit && !editing && (
          <div className="sh-toolbar-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('stakeholders.detail.edit')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setConfirmDelete(true)} disabled={confirmDelete}>
              {t('stakeholders.detail.delete')}
            </button>
          </div>
        )}
      </div>
      {!mayEdit && (
        <p className="muted small" data-testid="read-only-note">
          {t('stakeholders.detail.readOnly')}
        </p>
      )}
      {created && !editing && !saved && (
        <Alert tone="success" testId="created-message">
          <p>{t('stakeholders.detail.created', { name: s.name })}</p>
        </Alert>
      )}
      {saved && !editing && (
        <Alert tone="success" testId="save-success">
          <p>{t('stakeholders.form.saved')}</p>
        </Alert>
      )}
      {confirmDelete && (
        <Alert
          tone="warning"
          testId="delete-confirm"
          title={t('stakeholders.detail.deleteTitle', { name: s.name })}
          actions={
            <div className="sh-stack-actions">
              <button type="button" className="button sh-button-danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
                {t('stakeholders.detail.deleteConfirm')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                disabled={remove.isPending}
                onClick={() => {
                  setConfirmDelete(false);
                  remove.reset();
                }}
              >
                {t('stakeholders.form.cancel')}
              </button>
            </div>
          }
        >
          <p>{t('stakeholders.detail.deleteBody')}</p>
          {remove.error ? (
            <p className="alert-detail">
              {isApiError(remove.error, 412) ? t('stakeholders.detail.deleteConflict') : describeError(remove.error, t).message}
            </p>
          ) : null}
        </Alert>
      )}

      <div className="sh-detail-grid">
        <div className="sh-detail-main">
          {editing ? (
            <StakeholderForm
              key={s.id}
              parkId={park.id}
              versioned={query.data}
              onCancel={() => setEditing(false)}
              onSaved={(result) => {
                queryClient.setQueryData(keys.park(park.id).stakeholder(s.id).detail, result);
                void refresh.stakeholders(queryClient, park.id);
                setEditing(false);
                setSaved(true);
              }}
            />
          ) : (
            <StakeholderFacts s={s} language={language} />
          )}
          <StakeholderInterests parkId={park.id} stakeholderId={s.id} mayEdit={mayEdit} />
          {contacts.error ? (
            <ErrorAlert error={contacts.error} onRetry={() => void contacts.refetch()} />
          ) : contacts.isPending ? (
            <Loading />
          ) : (
            <ContactTimeline parkId={park.id} stakeholderId={s.id} contacts={contacts.data.items} truncated={contacts.data.truncated} mayEdit={mayEdit} />
          )}
        </div>
        <aside className="sh-detail-side">
          {mayEdit && (
            <ContactForm
              stakeholderId={s.id}
              openFollowUps={contacts.data ? contacts.data.items.filter((c) => c.follow_up_date && !c.follow_up_done).length : 0}
              // The timeline, the start page, the overviews and the list's "last contact" count it.
              onSaved={() => void refresh.contacts(queryClient, park.id, s.id)}
            />
          )}
          <PrivacyPanel versioned={query.data} allowed={mayEdit} provinceName={provinceName} onChanged={reread} />
        </aside>
      </div>
    </div>
  );
}

function StakeholderFacts({ s, language }: { s: Stakeholder; language: string }) {
  const { t } = useTranslation();
  const hidden = s.personal_data_hidden;
  const facts: [string, ReactNode, string?][] = [
    [t('stakeholders.fields.contact_name'), <Personal value={s.contact_name} hidden={hidden} />, 'contact_name'],
    [
      t('stakeholders.fields.phone'),
      <Personal value={s.phone} hidden={hidden} render={(v) => <a href={`tel:${v}`}>{displayPhone(v)}</a>} />,
      'phone',
    ],
    [t('stakeholders.fields.email'), <Personal value={s.email} hidden={hidden} render={(v) => <a href={`mailto:${v}`}>{v}</a>} />, 'email'],
    [t('stakeholders.fields.kvk_number'), s.kvk_number ?? EMPTY],
    [t('stakeholders.fields.sector'), s.sector ?? EMPTY],
    [t('stakeholders.fields.employees'), formatNumber(s.employees, language, { maximumFractionDigits: 0 })],
    [t('stakeholders.fields.role'), t(`stakeholders.roles.${s.role}`)],
    [t('stakeholders.fields.trial_poll_vote'), t(`stakeholders.votes.${s.trial_poll_vote}`)],
    [t('stakeholders.fields.influence'), <Score value={s.influence} label={t('stakeholders.fields.influence')} />],
    [t('stakeholders.fields.involvement'), <Score value={s.involvement} label={t('stakeholders.fields.involvement')} />],
    [t('stakeholders.fields.woz_value_eur'), formatEuro(s.woz_value_eur, language), 'woz_value_eur'],
    [t('stakeholders.fields.updated_at'), formatDateTime(s.updated_at, language)],
  ];
  return (
    <section className="card" aria-labelledby="stakeholder-data-title">
      <h2 id="stakeholder-data-title">{t('stakeholders.detail.data')}</h2>
      <dl className="facts" data-testid="stakeholder-facts">
        {facts.map(([label, value, testId]) => (
          <div key={label} className="fact" data-testid={testId ? `fact-${testId}` : undefined}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="sh-notes">
        <h3 className="sh-small-heading">{t('stakeholders.fields.notes')}</h3>
        {s.notes ? <p className="description">{s.notes}</p> : <p className="muted">{t('stakeholders.detail.noNotes')}</p>}
      </div>
    </section>
  );
}
