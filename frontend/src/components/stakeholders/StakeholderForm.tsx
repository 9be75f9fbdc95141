import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../api/messages';
import { ApiError, isApiError } from '../../api/problem';
import {
  createStakeholder,
  getStakeholder,
  updateStakeholder,
  type VersionedStakeholder,
} from '../../api/stakeholders';
import { KINDS, ROLES, SCORES, VOTES } from '../../lib/stakeholders/kinds';
import { duplicateFromDetail, translateStakeholderMessage } from '../../lib/stakeholders/messages';
import {
  buildChanges,
  buildCreate,
  emptyForm,
  formValuesFrom,
  isFormField,
  isMoreField,
  mergeLatest,
  type ClientError,
  type FormField,
  type FormValues,
} from '../../lib/stakeholders/stakeholderForm';
import { Alert } from '../Alert';
import { RequiredLegend, RequiredMark } from '../Required';
import { Hidden } from './parts';
import './stakeholders.css';

type Notice = 'none' | 'noChanges' | 'conflict' | 'reloaded';

/**
 * The stakeholder form, made for use during a visit: the essentials first (name, kind, contact
 * person, phone, e-mail), the rest folded away; Enter or Ctrl+Enter saves, Esc cancels.
 */
export function StakeholderForm({
  parkId,
  versioned,
  onSaved,
  onCancel,
}: {
  parkId: string;
  /** Absent: a new stakeholder. */
  versioned?: VersionedStakeholder;
  onSaved: (result: VersionedStakeholder) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const editing = versioned !== undefined;
  const [base, setBase] = useState<VersionedStakeholder | undefined>(versioned);
  const [values, setValues] = useState<FormValues>(() =>
    versioned ? formValuesFrom(versioned.stakeholder, language) : emptyForm(),
  );
  const [clientErrors, setClientErrors] = useState<Partial<Record<FormField, ClientError>>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [notice, setNotice] = useState<Notice>('none');
  const [conflicts, setConflicts] = useState<Partial<Record<FormField, string>>>({});
  const [reloading, setReloading] = useState(false);
  const [reloadError, setReloadError] = useState<unknown>(null);
  const [moreOpen, setMoreOpen] = useState(editing);
  const formRef = useRef<HTMLFormElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const hiddenPersonal = base?.stakeholder.personal_data_hidden ?? false;

  useEffect(() => {
    nameRef.current?.focus();
  }, []);

  const mutation = useMutation({
    mutationFn: (body: { create: Parameters<typeof createStakeholder>[1] } | { update: Parameters<typeof updateStakeholder>[2] }) =>
      'create' in body
        ? createStakeholder(parkId, body.create)
        : updateStakeholder(base!.stakeholder.id, base!.etag, body.update),
    onSuccess: (result) => onSaved(result),
    onError: (error) => {
      if (isApiError(error, 412)) setNotice('conflict');
      if (isApiError(error, 422)) {
        setServerErrors(error.problem.fieldErrors);
        if (Object.keys(error.problem.fieldErrors).some(isMoreField)) setMoreOpen(true);
      }
      if (isApiError(error, 409)) setMoreOpen(true);
    },
  });

  const set = (field: FormField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setClientErrors(({ [field]: _dropped, ...rest }) => rest);
    setServerErrors(({ [field]: _dropped, ...rest }) => rest);
    if (notice === 'noChanges') setNotice('none');
  };

  const submit = () => {
    mutation.reset();
    setServerErrors({});
    if (!editing) {
      const result = buildCreate(values);
      if (!result.ok) {
        setClientErrors(result.errors);
        if (Object.keys(result.errors).some(isMoreField)) setMoreOpen(true);
        return;
      }
      setClientErrors({});
      mutation.mutate({ create: result.body });
      return;
    }
    const result = buildChanges(values, base!.stakeholder);
    if (!result.ok) {
      setClientErrors(result.errors);
      if (Object.keys(result.errors).some(isMoreField)) setMoreOpen(true);
      return;
    }
    setClientErrors({});
    if (Object.keys(result.changes).length === 0) {
      setNotice('noChanges');
      return;
    }
    if (notice === 'noChanges') setNotice('none');
    mutation.mutate({ update: result.changes });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && !mutation.isPending) {
      event.preventDefault();
      onCancel();
    }
  };

  const reload = async () => {
    if (!base) return;
    setReloading(true);
    setReloadError(null);
    try {
      const latest = await getStakeholder(base.stakeholder.id);
      const merged = mergeLatest(values, base.stakeholder, latest.stakeholder, language);
      const shown = formValuesFrom(latest.stakeholder, language);
      setValues(merged.values);
      setConflicts(
        Object.fromEntries(merged.conflicts.map((f) => [f, shownValue(f, shown[f]) || t('stakeholders.form.conflict.empty')])),
      );
      if (merged.conflicts.some(isMoreField)) setMoreOpen(true);
      setBase(latest);
      setNotice('reloaded');
      mutation.reset();
    } catch (error) {
      setReloadError(error);
    } finally {
      setReloading(false);
    }
  };

  const shownValue = (field: FormField, value: string): string => {
    if (value === '') return '';
    if (field === 'kind') return t(`stakeholders.kinds.${value as (typeof KINDS)[number]}`);
    if (field === 'role') return t(`stakeholders.roles.${value as (typeof ROLES)[number]}`);
    if (field === 'trial_poll_vote') return t(`stakeholders.votes.${value as (typeof VOTES)[number]}`);
    return value;
  };

  const messagesFor = (field: FormField): string[] => {
    const own = clientErrors[field];
    return [
      ...(own ? [t(`stakeholders.form.errors.${own}`)] : []),
      ...(serverErrors[field] ?? []).map((msg) => translateStakeholderMessage(msg, t, language)),
    ];
  };
  const otherServerErrors = Object.entries(serverErrors)
    .filter(([field]) => !isFormField(field))
    .flatMap(([, msgs]) => msgs.map((msg) => translateStakeholderMessage(msg, t, language)));
  const hasFieldErrors =
    Object.keys(clientErrors).length > 0 || Object.keys(serverErrors).some((f) => isFormField(f));

  const error = mutation.error;
  let errorAlert: ReactNode = null;
  if (notice === 'conflict' || (error && isApiError(error, 412))) {
    errorAlert = (
      <Alert
        tone="warning"
        testId="conflict-message"
        title={t('stakeholders.form.conflict.title')}
        actions={
          <button type="button" className="button button-secondary" onClick={() => void reload()} disabled={reloading}>
            {reloading ? t('stakeholders.form.conflict.reloading') : t('stakeholders.form.conflict.reload')}
          </button>
        }
      >
        <p>{t('stakeholders.form.conflict.body')}</p>
      </Alert>
    );
  } else if (error && isApiError(error, 409)) {
    const other = duplicateFromDetail(error.problem.detail);
    errorAlert = (
      <Alert tone="error" testId="duplicate-message" title={t('stakeholders.form.duplicate.title')}>
        <p>{t('stakeholders.form.duplicate.body')}</p>
        {other && other.id !== base?.stakeholder.id && (
          <p>
            <Link to={`/parken/${parkId}/betrokkenen/${other.id}`}>{t('stakeholders.form.duplicate.open', { name: other.name })}</Link>
          </p>
        )}
      </Alert>
    );
  } else if (error && isApiError(error, 403)) {
    errorAlert = (
      <Alert tone="error" testId="forbidden-message" title={t('stakeholders.form.forbidden')}>
        {error.problem.detail && <p className="alert-detail">{t('errors.serverSays', { detail: error.problem.detail })}</p>}
      </Alert>
    );
  } else if (error && isApiError(error, 422)) {
    errorAlert = (
      <Alert tone="error" testId="validation-message" title={t('stakeholders.form.fixFields')}>
        {otherServerErrors.length > 0 ? (
          <ul>
            {otherServerErrors.map((msg) => (
              <li key={msg}>{msg}</li>
            ))}
          </ul>
        ) : null}
      </Alert>
    );
  } else if (error) {
    const { message, detail } = describeError(error, t);
    errorAlert = (
      <Alert tone="error" title={`${t('stakeholders.form.failed')} ${message}`}>
        {detail && error instanceof ApiError && <p className="alert-detail">{t('errors.serverSays', { detail })}</p>}
      </Alert>
    );
  } else if (hasFieldErrors) {
    errorAlert = <Alert tone="error" testId="validation-message" title={t('stakeholders.form.fixFields')} />;
  }

  const field = (name: FormField, input: (props: InputProps) => ReactNode, opts: { hint?: string; wide?: boolean } = {}) => (
    <FormRow
      name={name}
      required={name === 'name' || name === 'kind'}
      label={t(`stakeholders.fields.${name}`)}
      hint={opts.hint}
      errors={messagesFor(name)}
      conflict={conflicts[name]}
      wide={opts.wide}
      input={input}
    />
  );
  const text = (
    name: FormField,
    opts: { type?: string; hint?: string; inputMode?: 'decimal' | 'numeric' | 'tel' | 'email'; autoComplete?: string; wide?: boolean } = {},
  ) =>
    field(
      name,
      (props) => (
        <input
          type={opts.type ?? 'text'}
          {...props}
          ref={name === 'name' ? nameRef : undefined}
          autoComplete={opts.autoComplete ?? 'off'}
          inputMode={opts.inputMode}
          value={values[name]}
          onChange={(e) => set(name, e.target.value)}
        />
      ),
      { hint: opts.hint, wide: opts.wide },
    );
  const personal = (name: 'contact_name' | 'phone' | 'email', input: () => ReactNode) =>
    hiddenPersonal
      ? field(name, (props) => (
          <div className="sh-hidden-field" id={props.id}>
            <Hidden />
          </div>
        ))
      : input();
  const select = (name: FormField, options: { value: string; label: string }[]) =>
    field(name, (props) => (
      <select {...props} value={values[name]} onChange={(e) => set(name, e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    ));
  const scoreOptions = (which: 'influence' | 'involvement') => [
    { value: '', label: t('stakeholders.form.scoreNone') },
    ...SCORES.map((n) => ({ value: String(n), label: t(`stakeholders.scores.${which}.${n}`) })),
  ];

  const title = editing ? t('stakeholders.form.editTitle') : t('stakeholders.form.newTitle');
  return (
    <section className="card edit-card stakeholder-form-card" aria-labelledby="stakeholder-form-title">
      <h2 id="stakeholder-form-title">{title}</h2>
      <p className="muted small">{t('stakeholders.form.intro')}</p>
      {errorAlert}
      {reloadError ? <Alert tone="error" title={describeError(reloadError, t).message} /> : null}
      {notice === 'reloaded' && !error && (
        <Alert tone="info" testId="reloaded-message">
          <p>{t('stakeholders.form.conflict.reloaded')}</p>
        </Alert>
      )}
      {notice === 'noChanges' && (
        <Alert tone="info">
          <p>{t('stakeholders.form.noChanges')}</p>
        </Alert>
      )}
      <form ref={formRef} onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate className="form-grid stakeholder-form" data-testid="stakeholder-form">
        <div className="span-2">
          <RequiredLegend />
        </div>
        {text('name', { wide: true })}
        {field('kind', (props) => (
          <select {...props} value={values.kind} onChange={(e) => set('kind', e.target.value)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`stakeholders.kinds.${k}`)}
              </option>
            ))}
          </select>
        ))}
        {personal('contact_name', () => text('contact_name', { autoComplete: 'off' }))}
        {personal('phone', () => text('phone', { type: 'tel', inputMode: 'tel', hint: t('stakeholders.form.hints.phone') }))}
        {personal('email', () => text('email', { type: 'email', inputMode: 'email' }))}
        <details
          className="sh-form-more span-2"
          open={moreOpen}
          onToggle={(e) => setMoreOpen((e.currentTarget as HTMLDetailsElement).open)}
        >
          <summary>{t('stakeholders.form.more')}</summary>
          <div className="form-grid sh-form-grid-3">
            {text('kvk_number', { inputMode: 'numeric', hint: t('stakeholders.form.hints.kvk') })}
            {text('sector')}
            {text('employees', { inputMode: 'numeric' })}
            {select(
              'role',
              ROLES.map((r) => ({ value: r, label: t(`stakeholders.roles.${r}`) })),
            )}
            {select('influence', scoreOptions('influence'))}
            {select('involvement', scoreOptions('involvement'))}
            {text('woz_value_eur', { inputMode: 'decimal', hint: t('stakeholders.form.hints.woz') })}
            {select(
              'trial_poll_vote',
              VOTES.map((v) => ({ value: v, label: t(`stakeholders.votes.${v}`) })),
            )}
            <div className="sh-span-3">
              {field('notes', (props) => (
                <textarea {...props} rows={4} value={values.notes} onChange={(e) => set('notes', e.target.value)} />
              ))}
            </div>
          </div>
        </details>
        <div className="form-actions span-2">
          <button type="submit" className="button button-primary" disabled={mutation.isPending || reloading}>
            {mutation.isPending
              ? t('stakeholders.form.saving')
              : editing
                ? t('stakeholders.form.save')
                : t('stakeholders.form.create')}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel} disabled={mutation.isPending}>
            {t('stakeholders.form.cancel')}
          </button>
          <span className="muted small sh-form-keys">{t('stakeholders.form.keyboard')}</span>
        </div>
      </form>
    </section>
  );
}

interface InputProps {
  id: string;
  name: string;
  required?: boolean;
  'aria-required'?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

function FormRow({
  name,
  required,
  label,
  hint,
  errors,
  conflict,
  wide,
  input,
}: {
  name: FormField;
  required: boolean;
  label: string;
  hint: string | undefined;
  errors: string[];
  conflict: string | undefined;
  wide?: boolean | undefined;
  input: (props: InputProps) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = `stakeholder-${name}`;
  const described = [hint && `${id}-hint`, conflict && `${id}-conflict`, errors.length > 0 && `${id}-error`]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${errors.length > 0 ? ' field-invalid' : ''}${wide ? ' span-2' : ''}`} data-field={name}>
      <label htmlFor={id}>
        {label}
        {required && <RequiredMark />}
      </label>
      {input({
        id,
        name,
        required: required || undefined,
        'aria-required': required || undefined,
        'aria-invalid': errors.length > 0 || undefined,
        'aria-describedby': described || undefined,
      })}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {conflict !== undefined && (
        <p className="field-conflict" id={`${id}-conflict`}>
          {t('stakeholders.form.conflict.nowSaved', { value: conflict })}
        </p>
      )}
      {errors.length > 0 && (
        <p className="field-error" id={`${id}-error`} data-testid={`error-${name}`}>
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}
