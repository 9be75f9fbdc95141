import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem';
import type { Province, Role } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert, Loading } from '../../components/Alert';
import { ConfirmButton, Notice, ProvincePicker, Refusal, StatusBadge } from '../../components/admin/parts';
import { refresh } from '../../api/refresh';
import { RequiredLegend, RequiredMark } from '../../components/Required';
import { createUser, updateUser, type AdminUser, type UserUpdate } from '../../lib/admin/api';
import { useUsers } from '../../lib/admin/queries';
import { MIN_PASSWORD, ROLES, provincesForRole, selfLimits, validateUserDraft, type UserDraft } from '../../lib/admin/users';

const EMPTY: UserDraft = { email: '', fullName: '', password: '', role: 'expert', provinces: [] };

function NewUserForm({ onDone }: { onDone: (user: AdminUser) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<UserDraft>(EMPTY);
  const [tried, setTried] = useState(false);
  const errors = validateUserDraft(draft);
  const create = useMutation({
    mutationFn: () =>
      createUser({
        email: draft.email.trim(),
        full_name: draft.fullName.trim(),
        password: draft.password,
        role: draft.role,
        provinces: provincesForRole(draft.role, draft.provinces),
      }),
    onSuccess: (user) => {
      void refresh.admin(queryClient, 'users');
      setDraft(EMPTY);
      setTried(false);
      onDone(user);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (errors.length === 0) create.mutate();
  };
  const shown = (key: (typeof errors)[number]) => tried && errors.includes(key);
  return (
    <form className="card" onSubmit={submit} noValidate data-testid="new-user-form">
      <h2>{t('admin.users.new')}</h2>
      <Refusal error={create.error} />
      <RequiredLegend />
      <div className="form-grid">
        <div className={`field ${shown('email') ? 'field-invalid' : ''}`}>
          <label htmlFor="nu-email">
            {t('admin.users.email')}
            <RequiredMark />
          </label>
          <input id="nu-email" type="email" required aria-required="true" autoComplete="off" value={draft.email} onChange={(e) => setDraft({ ...draft, email: e.target.value })} />
          {shown('email') && <span className="field-error">{t('admin.users.errors.email')}</span>}
        </div>
        <div className={`field ${shown('fullName') ? 'field-invalid' : ''}`}>
          <label htmlFor="nu-name">
            {t('admin.users.name')}
            <RequiredMark />
          </label>
          <input id="nu-name" type="text" required aria-required="true" value={draft.fullName} onChange={(e) => setDraft({ ...draft, fullName: e.target.value })} />
          {shown('fullName') && <span className="field-error">{t('admin.users.errors.fullName')}</span>}
        </div>
        <div className={`field ${shown('password') ? 'field-invalid' : ''}`}>
          <label htmlFor="nu-password">
            {t('admin.users.password')}
            <RequiredMark />
          </label>
          <input
            id="nu-password"
            type="password"
            required
            aria-required="true"
            autoComplete="new-password"
            minLength={MIN_PASSWORD}
            value={draft.password}
            onChange={(e) => setDraft({ ...draft, password: e.target.value })}
          />
          <span className="hint">{t('admin.users.passwordHint')}</span>
          {shown('password') && <span className="field-error">{t('admin.users.errors.password')}</span>}
        </div>
        <div className="field">
          <label htmlFor="nu-role">
            {t('admin.users.role')}
            <RequiredMark />
          </label>
          <select
            id="nu-role"
            required
            aria-required="true"
            value={draft.role}
            onChange={(e) => {
              const role = e.target.value as Role;
              setDraft({ ...draft, role, provinces: provincesForRole(role, draft.provinces) });
            }}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        {draft.role === 'expert' && (
          <div className="span-2">
            <ProvincePicker
              name="nu-provinces"
              legend={t('admin.common.provinces')}
              hint={t('admin.users.provincesHint')}
              value={draft.provinces}
              onChange={(provinces) => setDraft({ ...draft, provinces })}
            />
          </div>
        )}
      </div>
      <div className="form-actions" style={{ marginTop: '1rem' }}>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? t('admin.common.saving') : t('admin.users.create')}
        </button>
      </div>
    </form>
  );
}

function UserEditor({ user, self, onSaved, onClose }: { user: AdminUser; self: boolean; onSaved: (message: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>(user.role);
  const [provinces, setProvinces] = useState<Province[]>(user.provinces);
  const [password, setPassword] = useState('');
  const limits = selfLimits(self ? user.id : undefined, user.id);
  const save = useMutation({
    mutationFn: ({ body }: { body: UserUpdate; message: string }) => updateUser(user, body),
    onSuccess: (_saved, { message }) => {
      void refresh.admin(queryClient, 'users');
      onSaved(message);
    },
    onError: (error) => {
      if (isApiError(error, 412)) void refresh.admin(queryClient, 'users');
    },
  });
  return (
    <div className="user-editor" data-testid="user-editor">
      {!limits.canChangeRole && <p className="hint">{t('admin.users.selfNote')}</p>}
      {isApiError(save.error, 412) ? <p className="field-error">{t('admin.common.conflict')}</p> : <Refusal error={save.error} />}
      <div className="inline-form">
        <div className="field">
          <label htmlFor={`role-${user.id}`}>{t('admin.users.role')}</label>
          <select
            id={`role-${user.id}`}
            value={role}
            onChange={(e) => {
              const next = e.target.value as Role;
              setRole(next);
              setProvinces(provincesForRole(next, provinces));
            }}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {role === 'expert' && (
        <ProvincePicker
          name={`provinces-${user.id}`}
          legend={t('admin.common.provinces')}
          hint={t('admin.users.provincesHint')}
          value={provinces}
          onChange={setProvinces}
        />
      )}
      <div className="row-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={save.isPending}
          onClick={() =>
            save.mutate({
              body: { role, provinces: provincesForRole(role, provinces) },
              message: t('admin.users.saved', { name: user.full_name }),
            })
          }
        >
          {t('admin.common.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('admin.common.cancel')}
        </button>
      </div>
      <RequiredLegend />
      <form
        className="inline-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (password.length >= MIN_PASSWORD)
            save.mutate({ body: { password }, message: t('admin.users.passwordSet', { name: user.full_name }) });
        }}
      >
        <div className="field">
          <label htmlFor={`pw-${user.id}`}>
            {t('admin.users.newPassword')}
            <RequiredMark />
          </label>
          <input id={`pw-${user.id}`} type="password" required aria-required="true" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          <span className="hint">{t('admin.users.passwordHint')}</span>
        </div>
        <button type="submit" className="button button-secondary" disabled={save.isPending || password.length < MIN_PASSWORD}>
          {t('admin.users.setPassword')}
        </button>
      </form>
      <div className="row-actions">
        {user.is_active ? (
          <ConfirmButton
            label={t('admin.users.deactivate')}
            question={t('admin.users.deactivate') + '?'}
            danger
            onConfirm={() => save.mutate({ body: { is_active: false }, message: t('admin.users.deactivated', { name: user.full_name }) })}
          />
        ) : (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => save.mutate({ body: { is_active: true }, message: t('admin.users.reactivated', { name: user.full_name }) })}
          >
            {t('admin.users.reactivate')}
          </button>
        )}
      </div>
    </div>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const { user: me } = useAuth();
  const users = useUsers();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="admin-grid">
      <NewUserForm onDone={(u) => setNotice(t('admin.users.created', { name: u.full_name }))} />
      {notice && <Notice>{notice}</Notice>}
      <section>
        <h2>{t('admin.users.heading')}</h2>
        {users.isPending ? (
          <Loading />
        ) : users.error ? (
          <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
        ) : users.data.length === 0 ? (
          <p className="empty">{t('admin.users.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table stack-table" data-testid="users-table">
              <thead>
                <tr>
                  <th>{t('admin.users.name')}</th>
                  <th>{t('admin.users.email')}</th>
                  <th>{t('admin.users.role')}</th>
                  <th>{t('admin.common.provinces')}</th>
                  <th>{t('admin.common.status')}</th>
                  <th>{t('admin.common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {users.data.map((u) => (
                  <UserRow
                    key={u.id}
                    user={u}
                    self={me?.id === u.id}
                    editing={editing === u.id}
                    onEdit={() => setEditing(editing === u.id ? null : u.id)}
                    onSaved={(message) => {
                      setNotice(message);
                      setEditing(null);
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function UserRow({
  user,
  self,
  editing,
  onEdit,
  onSaved,
}: {
  user: AdminUser;
  self: boolean;
  editing: boolean;
  onEdit: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <tr data-testid="user-row" data-email={user.email}>
        <td data-label={t('admin.users.name')}>
          <span>
            {user.full_name}
            {self && <span className="hint"> ({t('admin.users.you')})</span>}
          </span>
        </td>
        <td data-label={t('admin.users.email')} className="mono">
          {user.email}
        </td>
        <td data-label={t('admin.users.role')} data-testid="user-role">
          {t(`roles.${user.role}`)}
        </td>
        <td data-label={t('admin.common.provinces')}>{user.provinces.length ? user.provinces.join(', ') : '—'}</td>
        <td data-label={t('admin.common.status')}>
          <StatusBadge active={user.is_active} />
        </td>
        <td data-label={t('admin.common.actions')}>
          <button type="button" className="button button-secondary" onClick={onEdit} aria-expanded={editing}>
            {t('admin.common.edit')}
          </button>
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={6} className="stack-full" style={{ padding: 0 }}>
            <UserEditor user={user} self={self} onSaved={onSaved} onClose={onEdit} />
          </td>
        </tr>
      )}
    </>
  );
}
