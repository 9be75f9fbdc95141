import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useReducer, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { keys } from '../../api/queryKeys';
import { refresh } from '../../api/refresh';
import { ErrorAlert, Loading } from '../../components/Alert';
import { ConfirmButton, Notice, Refusal, StatusBadge } from '../../components/admin/parts';
import { RequiredLegend, RequiredMark } from '../../components/Required';
import { SecretReveal } from '../../components/admin/SecretReveal';
import {
  createWebhook,
  deleteWebhook,
  sendTest,
  type Delivery,
  type EventType,
  type Webhook,
} from '../../lib/admin/api';
import { useDeliveries, useWebhooks } from '../../lib/admin/queries';
import { EVENTS, keyOf, toggle } from '../../lib/admin/scopes';
import { secretReducer } from '../../lib/admin/secret';
import { formatDateTime } from '../../lib/format';

const STATUS_BADGE: Record<Delivery['status'], string> = { pending: 'badge-pending', delivered: 'badge-ok', failed: 'badge-failed' };

function Deliveries({ hook }: { hook: Webhook }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const deliveries = useDeliveries(hook.id);
  const test = useMutation({
    mutationFn: () => sendTest(hook.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.admin.webhooks.deliveries(hook.id) }),
  });
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : '—');
  return (
    <div className="deliveries">
      <div className="webhook-head">
        <h3>{t('admin.webhooks.deliveries')}</h3>
        <div className="row-actions">
          <button type="button" className="button button-primary" disabled={test.isPending} onClick={() => test.mutate()}>
            {t('admin.webhooks.test')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void deliveries.refetch()}
            disabled={deliveries.isFetching}
          >
            {t('admin.common.refresh')}
          </button>
        </div>
      </div>
      {test.isSuccess && <p className="hint">{t('admin.webhooks.testQueued')}</p>}
      <Refusal error={test.error} />
      {deliveries.isPending ? (
        <Loading />
      ) : deliveries.error ? (
        <ErrorAlert error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : deliveries.data.length === 0 ? (
        <p className="hint">{t('admin.webhooks.noDeliveries')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table stack-table" data-testid="deliveries-table">
            <thead>
              <tr>
                <th>{t('admin.webhooks.event')}</th>
                <th>{t('admin.common.status')}</th>
                <th className="num">{t('admin.webhooks.attempts')}</th>
                <th>{t('admin.webhooks.answer')}</th>
                <th>{t('admin.webhooks.createdAt')}</th>
                <th>{t('admin.webhooks.deliveredAt')}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.map((d) => (
                <tr key={d.id} data-testid="delivery-row" data-event={d.event} data-status={d.status}>
                  <td data-label={t('admin.webhooks.event')} className="mono">
                    {d.event}
                  </td>
                  <td data-label={t('admin.common.status')}>
                    <span className={`badge ${STATUS_BADGE[d.status]}`}>{t(`admin.webhooks.statuses.${d.status}`)}</span>
                  </td>
                  <td data-label={t('admin.webhooks.attempts')} className="num">
                    {d.attempts}
                  </td>
                  <td data-label={t('admin.webhooks.answer')}>
                    <span>
                      {d.last_status_code ?? ''}
                      {d.last_error && <span className="hint"> {d.last_error}</span>}
                      {d.last_status_code == null && !d.last_error && '—'}
                    </span>
                  </td>
                  <td data-label={t('admin.webhooks.createdAt')} className="nowrap">
                    {when(d.created_at)}
                  </td>
                  <td data-label={t('admin.webhooks.deliveredAt')} className="nowrap">
                    {d.delivered_at
                      ? when(d.delivered_at)
                      : d.next_attempt_at
                        ? `${t('admin.webhooks.nextAttempt')}: ${when(d.next_attempt_at)}`
                        : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function WebhooksPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const hooks = useWebhooks();
  const [secret, dispatch] = useReducer(secretReducer, null);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<EventType[]>([]);
  const [tried, setTried] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => void refresh.admin(queryClient, 'webhooks');
  const urlOk = /^https?:\/\/\S+$/i.test(url.trim());

  const create = useMutation({
    mutationFn: () => createWebhook({ url: url.trim(), events }),
    onSuccess: (made) => {
      dispatch({ type: 'show', secret: { kind: 'webhook-created', ownerId: made.id, label: made.url, secret: made.secret } });
      setUrl('');
      setEvents([]);
      setTried(false);
      setNotice(null);
      reload();
    },
  });
  const remove = useMutation({
    mutationFn: (hook: Webhook) => deleteWebhook(hook.id),
    onSuccess: (_r, hook) => {
      dispatch({ type: 'forget', ownerId: hook.id });
      setNotice(t('admin.webhooks.deleted'));
      reload();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (urlOk && events.length > 0) create.mutate();
  };

  return (
    <div className="admin-grid">
      {secret && <SecretReveal secret={secret} dispatch={dispatch} />}
      <form className="card" onSubmit={submit} noValidate data-testid="new-webhook-form">
        <h2>{t('admin.webhooks.new')}</h2>
        <p className="hint">{t('admin.webhooks.intro')}</p>
        <Refusal error={create.error} />
        <RequiredLegend />
        <div className="admin-grid">
          <div className={`field ${tried && !urlOk ? 'field-invalid' : ''}`}>
            <label htmlFor="nw-url">
              {t('admin.webhooks.url')}
              <RequiredMark />
            </label>
            <input id="nw-url" type="url" required aria-required="true" inputMode="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />
            <span className="hint">{t('admin.webhooks.urlHint')}</span>
            {tried && !urlOk && <span className="field-error">{t('admin.webhooks.urlRequired')}</span>}
          </div>
          <fieldset className="checks">
            <legend>
              {t('admin.webhooks.events')}
              <RequiredMark spoken />
            </legend>
            <div className="check-list">
              {EVENTS.map((event) => (
                <label key={event} className="check-explained">
                  <input
                    type="checkbox"
                    name="events"
                    value={event}
                    checked={events.includes(event)}
                    onChange={(e) => setEvents(toggle(events, event, e.target.checked, EVENTS))}
                  />
                  <code>{event}</code>
                  <span className="hint">{t(`admin.events.${keyOf(event)}` as 'admin.events.ping')}</span>
                </label>
              ))}
            </div>
            {tried && events.length === 0 && <span className="field-error">{t('admin.webhooks.eventsRequired')}</span>}
          </fieldset>
        </div>
        <div className="form-actions" style={{ marginTop: '1rem' }}>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? t('admin.common.saving') : t('admin.webhooks.create')}
          </button>
        </div>
      </form>
      {notice && <Notice>{notice}</Notice>}
      <Refusal error={remove.error} />
      <section>
        <h2>{t('admin.webhooks.heading')}</h2>
        {hooks.isPending ? (
          <Loading />
        ) : hooks.error ? (
          <ErrorAlert error={hooks.error} onRetry={() => void hooks.refetch()} />
        ) : hooks.data.length === 0 ? (
          <p className="empty">{t('admin.webhooks.empty')}</p>
        ) : (
          hooks.data.map((hook) => (
            <article key={hook.id} className="card" data-testid="webhook-card" data-url={hook.url}>
              <div className="webhook-head">
                <div>
                  <p className="webhook-url mono">{hook.url}</p>
                  <p className="hint" style={{ margin: '0.25rem 0 0' }}>
                    <span className="mono">{hook.events.join(', ')}</span> · {t('admin.common.created')}{' '}
                    {formatDateTime(hook.created_at, i18n.language)} · {hook.owner}
                  </p>
                </div>
                <div className="row-actions">
                  <StatusBadge active={hook.is_active} />
                  <ConfirmButton
                    danger
                    label={t('admin.common.delete')}
                    question={t('admin.webhooks.deleteConfirm', { url: hook.url })}
                    confirmLabel={t('admin.common.delete')}
                    onConfirm={() => remove.mutate(hook)}
                  />
                </div>
              </div>
              <Deliveries hook={hook} />
            </article>
          ))
        )}
      </section>
    </div>
  );
}
