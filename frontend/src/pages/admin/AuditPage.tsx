import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert, Loading } from '../../components/Alert';
import type { AuditEvent } from '../../lib/admin/api';
import { useAuditEvents, useUsers } from '../../lib/admin/queries';
import {
  EMPTY_FILTERS,
  ENTITY_TYPES,
  filtersFromSearch,
  filtersToQuery,
  filtersToSearch,
  invalidFilters,
  localDayStart,
  showValue,
  type AuditFilters,
} from '../../lib/admin/audit';
import { formatDateTime } from '../../lib/format';
import { DateInput } from '../../components/DateInput';

function Changes({ event }: { event: AuditEvent }) {
  const entries = Object.entries(event.changes);
  if (entries.length === 0) return <>—</>;
  return (
    <ul className="changes-list">
      {entries.map(([field, change]) => (
        <li key={field}>
          <span className="mono">{field}</span>: {showValue(change.old)} → {showValue(change.new)}
        </li>
      ))}
    </ul>
  );
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const applied = filtersFromSearch(search);
  const [draft, setDraft] = useState<AuditFilters>(applied);
  const query = filtersToQuery(applied);
  const users = useUsers();
  const events = useAuditEvents(query);
  const bad = invalidFilters(draft);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (bad.length === 0) setSearch(filtersToSearch(draft));
  };
  const clear = () => {
    setDraft(EMPTY_FILTERS);
    setSearch(new URLSearchParams());
  };
  const filtered = filtersToSearch(applied).toString() !== '';
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  const typeLabel = (type: string) =>
    (ENTITY_TYPES as readonly string[]).includes(type) ? t(`admin.audit.types.${type}` as 'admin.audit.types.park') : type;
  const idField = (key: 'entityId' | 'parkId', label: string) => (
    <div className={`field ${bad.includes(key) ? 'field-invalid' : ''}`}>
      <label htmlFor={`audit-${key}`}>{label}</label>
      <input id={`audit-${key}`} type="text" spellCheck={false} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
      {bad.includes(key) && <span className="field-error">{t('admin.audit.invalidId')}</span>}
    </div>
  );
  return (
    <div className="admin-grid">
      <p className="admin-lead">{t('admin.audit.intro')}</p>
      <form className="card audit-filters" onSubmit={submit} data-testid="audit-filters">
        <div className="field">
          <label htmlFor="audit-type">{t('admin.audit.entityType')}</label>
          <select id="audit-type" value={draft.entityType} onChange={(e) => setDraft({ ...draft, entityType: e.target.value })}>
            <option value="">{t('admin.audit.allTypes')}</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {typeLabel(type)}
              </option>
            ))}
          </select>
        </div>
        {idField('entityId', t('admin.audit.entityId'))}
        {idField('parkId', t('admin.audit.park'))}
        <div className="field">
          <label htmlFor="audit-actor">{t('admin.audit.actor')}</label>
          <select id="audit-actor" value={draft.actorId} onChange={(e) => setDraft({ ...draft, actorId: e.target.value })}>
            <option value="">{t('admin.audit.anyone')}</option>
            {users.data?.map((u) => (
              <option key={u.id} value={u.id}>
                {u.full_name}
              </option>
            ))}
          </select>
        </div>
        <div className={`field ${bad.includes('from') ? 'field-invalid' : ''}`}>
          <label htmlFor="audit-from">{t('admin.audit.from')}</label>
          <DateInput id="audit-from" value={draft.from} max={draft.to || undefined} onChange={(from) => setDraft({ ...draft, from })} />
          {bad.includes('from') && <span className="field-error">{t('admin.audit.invalidDate')}</span>}
        </div>
        <div className={`field ${bad.includes('to') ? 'field-invalid' : ''}`}>
          <label htmlFor="audit-to">{t('admin.audit.to')}</label>
          <DateInput id="audit-to" value={draft.to} min={draft.from || undefined} onChange={(to) => setDraft({ ...draft, to })} />
          {bad.includes('to') && (
            <span className="field-error">{localDayStart(draft.to) ? t('admin.audit.toBeforeFrom') : t('admin.audit.invalidDate')}</span>
          )}
        </div>
        <div className="row-actions audit-filter-actions">
          <button type="submit" className="button button-primary" disabled={bad.length > 0}>
            {t('admin.audit.apply')}
          </button>
          <button
            type="button"
            className="button button-quiet"
            onClick={clear}
          >
            {t('admin.audit.clear')}
          </button>
        </div>
        <p className="hint audit-period-note">{t('admin.audit.periodNote')}</p>
      </form>
      {events.isPending ? (
        <Loading />
      ) : events.error ? (
        <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />
      ) : items.length === 0 ? (
        <div className="empty" data-testid="audit-empty">
          <p>{filtered ? t('admin.audit.empty') : t('admin.audit.emptyAll')}</p>
          {filtered && (
            <button type="button" className="button button-secondary" onClick={clear}>
              {t('admin.audit.clear')}
            </button>
          )}
        </div>
      ) : (
        <>
          <p className="result-count" data-testid="audit-count">
            {t('admin.audit.count', { count: items.length })}
          </p>
          <div className="table-wrap">
            <table className="table stack-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th>{t('admin.audit.when')}</th>
                  <th>{t('admin.audit.who')}</th>
                  <th>{t('admin.audit.what')}</th>
                  <th>{t('admin.audit.changes')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((e) => (
                  <tr key={e.id} data-testid="audit-row">
                    <td data-label={t('admin.audit.when')} className="nowrap">
                      {formatDateTime(e.occurred_at, i18n.language)}
                    </td>
                    <td data-label={t('admin.audit.who')}>{e.actor_label}</td>
                    <td data-label={t('admin.audit.what')}>
                      <div>
                        {typeLabel(e.entity_type)} {t(`admin.audit.actions.${e.action}`)}
                        <br />
                        <button
                          type="button"
                          className="button-link mono hint"
                          title={t('admin.audit.entityId')}
                          onClick={() => {
                            const next = { ...EMPTY_FILTERS, entityType: e.entity_type, entityId: e.entity_id };
                            setDraft(next);
                            setSearch(filtersToSearch(next));
                          }}
                        >
                          {e.entity_id}
                        </button>
                      </div>
                    </td>
                    <td data-label={t('admin.audit.changes')}>
                      <Changes event={e} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {events.hasNextPage && (
            <p>
              <button type="button" className="button button-secondary" disabled={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
                {t('admin.audit.more')}
              </button>
            </p>
          )}
        </>
      )}
    </div>
  );
}
