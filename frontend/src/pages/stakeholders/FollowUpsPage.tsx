import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../api/messages';
import { isApiError } from '../../api/problem';
import { refresh } from '../../api/refresh';
import { updateContact, type FollowUp } from '../../api/stakeholders';
import { Alert, ErrorAlert, Loading } from '../../components/Alert';
import { Personal } from '../../components/stakeholders/parts';
import { EMPTY } from '../../lib/format';
import { daysBetween, formatDate, formatWeekday, localIsoDate } from '../../lib/stakeholders/dates';
import { FOLLOW_UP_GROUPS, groupFollowUps, type FollowUpGroup } from '../../lib/stakeholders/followUps';
import { displayPhone } from '../../lib/stakeholders/phone';
import { useFollowUps } from '../../lib/stakeholders/queries';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import '../../components/stakeholders/stakeholders.css';

/** Open follow-ups in the parks the user works on: overdue, this week, later. */
export function FollowUpsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  useDocumentTitle(t('stakeholders.followUps.title'));
  const queryClient = useQueryClient();
  const query = useFollowUps();
  const today = localIsoDate();
  const [parkFilter, setParkFilter] = useState('');
  const [lastDone, setLastDone] = useState<FollowUp | null>(null);

  const done = useMutation({
    mutationFn: ({ item, value }: { item: FollowUp; value: boolean }) => updateContact(item.contact_id, { follow_up_done: value }),
    onSuccess: (_contact, { item, value }) => {
      setLastDone(value ? item : null);
      void refresh.contacts(queryClient, item.park_id, item.stakeholder_id);
    },
  });

  const items = query.data?.items;
  const parks = useMemo(() => {
    const byId = new Map<string, string>();
    for (const item of items ?? []) byId.set(item.park_id, item.park_name);
    return [...byId].sort((a, b) => a[1].localeCompare(b[1], 'nl'));
  }, [items]);
  const groups = useMemo(
    () => groupFollowUps((items ?? []).filter((i) => !parkFilter || i.park_id === parkFilter), today),
    [items, parkFilter, today],
  );

  const head = (
    <div className="page-head">
      <div>
        <h1>{t('stakeholders.followUps.title')}</h1>
        <p className="muted">{t('stakeholders.followUps.intro')}</p>
      </div>
    </div>
  );

  if (query.isPending) {
    return (
      <div className="page">
        {head}
        <Loading />
      </div>
    );
  }
  if (query.error) {
    return (
      <div className="page">
        {head}
        {isApiError(query.error, 403) ? (
          <Alert tone="info" testId="follow-ups-forbidden" title={t('stakeholders.followUps.forbiddenTitle')}>
            <p>{t('stakeholders.followUps.forbidden')}</p>
            <p>
              <Link to="/parken">{t('app.notFound.back')}</Link>
            </p>
          </Alert>
        ) : (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        )}
      </div>
    );
  }

  const total = FOLLOW_UP_GROUPS.reduce((n, g) => n + groups[g].length, 0);
  const due = (item: FollowUp, group: FollowUpGroup) => {
    const days = daysBetween(item.follow_up_date, today);
    if (group === 'overdue') return t('stakeholders.followUps.daysLate', { count: days });
    if (days === 0) return t('stakeholders.followUps.today');
    if (days === -1) return t('stakeholders.followUps.tomorrow');
    return group === 'thisWeek' ? formatWeekday(item.follow_up_date, language) : t('stakeholders.followUps.inDays', { count: -days });
  };

  return (
    <div className="page sh-follow-ups-page">
      {head}
      {parks.length > 1 && (
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="follow-up-park">{t('stakeholders.followUps.park')}</label>
            <select id="follow-up-park" value={parkFilter} onChange={(e) => setParkFilter(e.target.value)}>
              <option value="">{t('stakeholders.followUps.allParks')}</option>
              {parks.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        </form>
      )}
      {lastDone && (
        <Alert
          tone="success"
          testId="follow-up-done"
          actions={
            <button
              type="button"
              className="button button-secondary"
              disabled={done.isPending}
              onClick={() => done.mutate({ item: lastDone, value: false })}
            >
              {t('stakeholders.followUps.undo')}
            </button>
          }
        >
          <p>{t('stakeholders.followUps.done', { name: lastDone.stakeholder_name })}</p>
        </Alert>
      )}
      {done.error ? <Alert tone="error" title={`${t('stakeholders.followUps.failed')} ${describeError(done.error, t).message}`} /> : null}
      {query.data.truncated && (
        <Alert tone="warning">
          <p>{t('stakeholders.followUps.truncated', { count: query.data.items.length })}</p>
        </Alert>
      )}
      {total === 0 ? (
        <div className="empty" data-testid="follow-ups-empty">
          <p>{t('stakeholders.followUps.empty')}</p>
        </div>
      ) : (
        <div className="sh-follow-up-groups">
          {FOLLOW_UP_GROUPS.map((group) => (
            <section
              key={group}
              className={`sh-follow-up-group sh-group-${group}${groups[group].length === 0 ? ' sh-group-empty' : ''}`} aria-labelledby={`group-${group}`} data-testid={`group-${group}`}>
              <h2 id={`group-${group}`}>
                {t(`stakeholders.followUps.groups.${group}`)}
                <span className="sh-group-count">{groups[group].length}</span>
              </h2>
              {groups[group].length === 0 ? (
                <p className="muted small">{t(`stakeholders.followUps.emptyGroup.${group}`)}</p>
              ) : (
                <ul className="sh-follow-up-list">
                  {groups[group].map((item) => (
                    <li key={item.contact_id} className="sh-follow-up-card" data-testid="follow-up">
                      <div className="sh-follow-up-when">
                        <time dateTime={item.follow_up_date}>{formatDate(item.follow_up_date, language, { short: true, today })}</time>
                        <span className="sh-follow-up-due">{due(item, group)}</span>
                      </div>
                      <div className="sh-follow-up-main">
                        <p className="sh-follow-up-title">
                          <Link to={`/parken/${item.park_id}/betrokkenen/${item.stakeholder_id}`}>{item.stakeholder_name}</Link>
                          <span className="muted small"> · {item.park_name}</span>
                        </p>
                        <p className="sh-follow-up-contact small">
                          <Personal value={item.contact_name} hidden={item.personal_data_hidden} />
                          {!item.personal_data_hidden && item.phone && (
                            <>
                              {' · '}
                              <a href={`tel:${item.phone}`}>{displayPhone(item.phone)}</a>
                            </>
                          )}
                          {!item.personal_data_hidden && item.email && (
                            <>
                              {' · '}
                              <a href={`mailto:${item.email}`}>{item.email}</a>
                            </>
                          )}
                        </p>
                        <p className="sh-follow-up-summary small">
                          <span className="muted">
                            {t(`stakeholders.channels.${item.channel}`)} {formatDate(item.date, language, { short: true, today })}:
                          </span>{' '}
                          {item.personal_data_hidden ? <Personal value={null} hidden /> : item.summary || EMPTY}
                        </p>
                      </div>
                      <div className="sh-follow-up-actions">
                        <button
                          type="button"
                          className="button button-secondary sh-button-small"
                          disabled={done.isPending && done.variables?.item.contact_id === item.contact_id}
                          onClick={() => done.mutate({ item, value: true })}
                        >
                          <span aria-hidden="true">✓ </span>
                          {t('stakeholders.followUps.markDone')}
                          {/* One name per button: "Afronden: Laboratorium FoodCheck, 12 dec" (a
                              stakeholder can have two follow-ups). */}
                          <span className="visually-hidden">
                            : {item.stakeholder_name}, {formatDate(item.follow_up_date, language, { short: true, today })}
                          </span>
                        </button>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
