import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/messages';
import { isApiError } from '../../api/problem';
import { keys } from '../../api/queryKeys';
import { refresh } from '../../api/refresh';
import { updateContact, type ContactMoment } from '../../api/stakeholders';
import { formatDate, localIsoDate } from '../../lib/stakeholders/dates';
import { contactFollowUpState, timelineOrder } from '../../lib/stakeholders/followUps';
import { Alert } from '../Alert';
import { Hidden } from './parts';
import './stakeholders.css';

/** The contact moments of a stakeholder, newest first, with their follow-ups. */
export function ContactTimeline({
  parkId,
  stakeholderId,
  contacts,
  truncated,
  mayEdit,
}: {
  parkId: string;
  stakeholderId: string;
  contacts: readonly ContactMoment[];
  truncated: boolean;
  mayEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const today = localIsoDate();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (c: ContactMoment) => updateContact(c.id, { follow_up_done: !c.follow_up_done }, c.version),
    onSuccess: () => void refresh.contacts(queryClient, parkId, stakeholderId),
    onError: (error) => {
      if (isApiError(error, 412)) void queryClient.invalidateQueries({ queryKey: keys.park(parkId).stakeholder(stakeholderId).contacts });
    },
  });
  const ordered = timelineOrder(contacts);

  return (
    <section className="card" aria-labelledby="timeline-title">
      <div className="card-head">
        <h2 id="timeline-title">{t('stakeholders.contacts.title')}</h2>
        <span className="muted small">{t('stakeholders.contacts.count', { count: contacts.length })}</span>
      </div>
      {toggle.error ? (
        <Alert
          tone={isApiError(toggle.error, 412) ? 'warning' : 'error'}
          title={
            isApiError(toggle.error, 412)
              ? t('stakeholders.contacts.conflict')
              : `${t('stakeholders.contacts.failed')} ${describeError(toggle.error, t).message}`
          }
        />
      ) : null}
      {ordered.length === 0 ? (
        <p className="muted" data-testid="timeline-empty">
          {t('stakeholders.contacts.none')}
        </p>
      ) : (
        <ol className="sh-timeline" data-testid="timeline">
          {ordered.map((c) => {
            const state = contactFollowUpState(c, today);
            const pending = toggle.isPending && toggle.variables?.id === c.id;
            return (
              <li key={c.id} className={`sh-timeline-item channel-${c.channel}`} data-testid="timeline-item">
                <span className="sh-timeline-marker" aria-hidden="true" />
                <div className="sh-timeline-head">
                  <time dateTime={c.date} className="sh-timeline-date">
                    {formatDate(c.date, language)}
                  </time>
                  <span className="sh-channel-chip">{t(`stakeholders.channels.${c.channel}`)}</span>
                </div>
                <div className="sh-timeline-summary">
                  {c.personal_data_hidden ? (
                    <Hidden />
                  ) : c.summary ? (
                    <p>{c.summary}</p>
                  ) : (
                    <p className="muted">{t('stakeholders.contacts.noSummary')}</p>
                  )}
                </div>
                {state !== 'none' && c.follow_up_date && (
                  <div className={`sh-follow-up sh-follow-up-${state}`} data-testid="timeline-follow-up" data-state={state}>
                    <span>
                      {state === 'done'
                        ? t('stakeholders.contacts.followUpDone', { date: formatDate(c.follow_up_date, language) })
                        : state === 'overdue'
                          ? t('stakeholders.contacts.followUpOverdue', { date: formatDate(c.follow_up_date, language) })
                          : t('stakeholders.contacts.followUpOpen', { date: formatDate(c.follow_up_date, language) })}
                    </span>
                    {mayEdit && (
                      <button
                        type="button"
                        className="button button-quiet sh-button-small"
                        disabled={pending}
                        onClick={() => toggle.mutate(c)}
                      >
                        {c.follow_up_done ? t('stakeholders.contacts.reopen') : t('stakeholders.contacts.markDone')}
                      </button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {truncated && <p className="muted small">{t('stakeholders.contacts.truncated', { count: contacts.length })}</p>}
    </section>
  );
}
