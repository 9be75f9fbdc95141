import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useReducer, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem';
import { refresh } from '../../api/refresh';
import type { Province } from '../../api/types';
import { ErrorAlert, Loading } from '../../components/Alert';
import { ConfirmButton, Notice, ProvincePicker, Refusal, StatusBadge } from '../../components/admin/parts';
import { RequiredLegend, RequiredMark } from '../../components/Required';
import { SecretReveal } from '../../components/admin/SecretReveal';
import {
  createClient,
  deleteClient,
  rotateClientSecret,
  updateClient,
  type ApiClient,
  type Scope,
} from '../../lib/admin/api';
import { useApiClients } from '../../lib/admin/queries';
import { SCOPES, keyOf, toggle, withImpliedScopes } from '../../lib/admin/scopes';
import { secretReducer } from '../../lib/admin/secret';
import { formatDateTime } from '../../lib/format';

export function ApiClientsPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const clients = useApiClients();
  const [secret, dispatch] = useReducer(secretReducer, null);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>([]);
  const [provinces, setProvinces] = useState<Province[]>([]);
  const [limit, setLimit] = useState('');
  const [tried, setTried] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => void refresh.admin(queryClient, 'clients');

  const create = useMutation({
    mutationFn: () =>
      createClient({ name: name.trim(), scopes: withImpliedScopes(scopes), provinces, rate_limit: limit.trim() ? Number(limit) : null }),
    onSuccess: (made) => {
      dispatch({ type: 'show', secret: { kind: 'client-created', ownerId: made.id, label: made.name, clientId: made.client_id, secret: made.client_secret } });
      setName('');
      setScopes([]);
      setProvinces([]);
      setLimit('');
      setTried(false);
      setNotice(null);
      reload();
    },
  });
  const act = useMutation({
    mutationFn: async ({ client, what }: { client: ApiClient; what: 'rotate' | 'disable' | 'enable' | 'delete' }) => {
      if (what === 'rotate') {
        const rotated = await rotateClientSecret(client);
        dispatch({ type: 'show', secret: { kind: 'client-rotated', ownerId: rotated.id, label: rotated.name, clientId: rotated.client_id, secret: rotated.client_secret } });
        return null;
      }
      if (what === 'delete') {
        await deleteClient(client);
        dispatch({ type: 'forget', ownerId: client.id });
        return t('admin.clients.deleted', { name: client.name });
      }
      await updateClient(client, { is_active: what === 'enable' });
      return what === 'enable' ? t('admin.clients.enabled', { name: client.name }) : t('admin.clients.disabled', { name: client.name });
    },
    onSuccess: (message) => {
      setNotice(message);
      reload();
    },
    onError: (error) => {
      if (isApiError(error, 412)) reload();
    },
  });

  const limitValid = limit.trim() === '' || (/^\d+$/.test(limit.trim()) && Number(limit) >= 1 && Number(limit) <= 1_000_000);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (name.trim() && scopes.length > 0 && limitValid) create.mutate();
  };

  return (
    <div className="admin-grid">
      {secret && <SecretReveal secret={secret} dispatch={dispatch} />}
      <form className="card" onSubmit={submit} noValidate data-testid="new-client-form">
        <h2>{t('admin.clients.new')}</h2>
        <p className="hint">{t('admin.clients.intro')}</p>
        <Refusal error={create.error} />
        <RequiredLegend />
        <div className="admin-grid">
          <div className={`field ${tried && !name.trim() ? 'field-invalid' : ''}`}>
            <label htmlFor="nc-name">
              {t('admin.clients.name')}
              <RequiredMark />
            </label>
            <input id="nc-name" type="text" required aria-required="true" value={name} onChange={(e) => setName(e.target.value)} />
            {tried && !name.trim() && <span className="field-error">{t('admin.clients.nameRequired')}</span>}
          </div>
          <fieldset className="checks">
            <legend>
              {t('admin.clients.scopes')}
              <RequiredMark spoken />
            </legend>
            <div className="check-list">
              {SCOPES.map((scope) => (
                <label key={scope} className="check-explained">
                  <input
                    type="checkbox"
                    name="scopes"
                    value={scope}
                    checked={scopes.includes(scope)}
                    onChange={(e) => setScopes(toggle(scopes, scope, e.target.checked, SCOPES))}
                  />
                  <code>{scope}</code>
                  <span className="hint">{t(`admin.scopes.${keyOf(scope)}` as 'admin.scopes.parks_read')}</span>
                </label>
              ))}
            </div>
            {tried && scopes.length === 0 && <span className="field-error">{t('admin.clients.scopesRequired')}</span>}
          </fieldset>
          <ProvincePicker name="nc-provinces" legend={t('admin.common.provinces')} hint={t('admin.clients.provincesHint')} value={provinces} onChange={setProvinces} />
          <div className={`field ${tried && !limitValid ? 'field-invalid' : ''}`}>
            <label htmlFor="nc-limit">{t('admin.clients.limit')}</label>
            <input
              id="nc-limit"
              type="text"
              inputMode="numeric"
              value={limit}
              onChange={(e) => setLimit(e.target.value)}
              aria-describedby="nc-limit-hint"
              placeholder={t('admin.clients.limitDefault')}
            />
            <span className="hint" id="nc-limit-hint">
              {t('admin.clients.limitHint')}
            </span>
            {tried && !limitValid && <span className="field-error">{t('admin.clients.limitInvalid')}</span>}
          </div>
        </div>
        <div className="form-actions" style={{ marginTop: '1rem' }}>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? t('admin.common.saving') : t('admin.clients.create')}
          </button>
        </div>
      </form>
      {notice && <Notice>{notice}</Notice>}
      {isApiError(act.error, 412) ? <p className="field-error">{t('admin.common.conflict')}</p> : <Refusal error={act.error} />}
      <section>
        <h2>{t('admin.clients.heading')}</h2>
        {clients.isPending ? (
          <Loading />
        ) : clients.error ? (
          <ErrorAlert error={clients.error} onRetry={() => void clients.refetch()} />
        ) : clients.data.length === 0 ? (
          <p className="empty">{t('admin.clients.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table stack-table" data-testid="clients-table">
              <thead>
                <tr>
                  <th>{t('admin.clients.name')}</th>
                  <th>{t('admin.secret.clientId')}</th>
                  <th>{t('admin.clients.scopes')}</th>
                  <th>{t('admin.common.provinces')}</th>
                  <th>{t('admin.clients.limitColumn')}</th>
                  <th>{t('admin.clients.lastToken')}</th>
                  <th>{t('admin.common.status')}</th>
                  <th>{t('admin.common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {clients.data.map((c) => (
                  <tr key={c.id} data-testid="client-row" data-name={c.name}>
                    <td data-label={t('admin.clients.name')}>{c.name}</td>
                    <td data-label={t('admin.secret.clientId')} className="mono">
                      {c.client_id}
                    </td>
                    <td data-label={t('admin.clients.scopes')} className="mono">
                      {c.scopes.join(', ')}
                    </td>
                    <td data-label={t('admin.common.provinces')}>{c.provinces.length ? c.provinces.join(', ') : t('admin.common.allProvinces')}</td>
                    <td data-label={t('admin.clients.limitColumn')} data-testid="client-limit">
                      {c.effective_rate_limit === 0
                        ? t('admin.clients.unlimited')
                        : t('admin.clients.perWindow', {
                            count: c.effective_rate_limit,
                            seconds: c.rate_limit_window_seconds,
                          })}
                      {c.rate_limit === null && <span className="hint"> {t('admin.clients.isDefault')}</span>}
                    </td>
                    <td data-label={t('admin.clients.lastToken')}>
                      {c.last_token_at ? formatDateTime(c.last_token_at, i18n.language) : t('admin.clients.never')}
                    </td>
                    <td data-label={t('admin.common.status')}>
                      <StatusBadge active={c.is_active} />
                    </td>
                    <td data-label={t('admin.common.actions')}>
                      <div className="row-actions">
                        <ConfirmButton
                          label={t('admin.clients.rotate')}
                          question={t('admin.clients.rotateConfirm')}
                          onConfirm={() => act.mutate({ client: c, what: 'rotate' })}
                        />
                        <button
                          type="button"
                          className="button button-secondary"
                          disabled={act.isPending}
                          onClick={() => act.mutate({ client: c, what: c.is_active ? 'disable' : 'enable' })}
                        >
                          {c.is_active ? t('admin.clients.disable') : t('admin.clients.enable')}
                        </button>
                        <ConfirmButton
                          danger
                          label={t('admin.common.delete')}
                          question={t('admin.clients.deleteConfirm', { name: c.name })}
                          confirmLabel={t('admin.common.delete')}
                          onConfirm={() => act.mutate({ client: c, what: 'delete' })}
                        />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
