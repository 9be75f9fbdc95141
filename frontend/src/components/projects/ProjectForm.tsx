import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stakeholder, Theme } from '../../api/interests';
import { translateFieldMessage } from '../../api/messages';
import { isApiError } from '../../api/problem';
import { trackLabel } from '../../lib/interests/labels';
import {
  ORGANISATION_FORMS,
  parseProject,
  toggleTheme,
  type ParsedProject,
  type ProjectField,
  type ProjectFieldError,
  type ProjectValues,
} from '../../lib/projects/projectForm';
import { TRACKS } from '../../api/interests';
import { ErrorAlert } from '../Alert';
import { RequiredLegend, RequiredMark } from '../Required';

type Body = Extract<ParsedProject, { ok: true }>['body'];

/** Title, themes (one or more), description, organisation form and lead: for a new project and for editing one. */
export function ProjectForm({
  initial,
  themes,
  stakeholders,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  initial: ProjectValues;
  themes: readonly Theme[];
  stakeholders: readonly Stakeholder[];
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: Body) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const id = useId();
  const [values, setValues] = useState<ProjectValues>(initial);
  const [errors, setErrors] = useState<Partial<Record<ProjectField, ProjectFieldError>>>({});
  const set = <K extends keyof ProjectValues>(key: K, value: ProjectValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const serverErrors = (field: string): string[] =>
    isApiError(error, 422) ? (error.problem.fieldErrors[field] ?? []).map((m) => translateFieldMessage(m, t, language)) : [];
  const fieldError = (field: ProjectField, server: string): string | undefined => {
    const own = errors[field];
    if (own) return t(`projects.form.errors.${own}`);
    return serverErrors(server)[0];
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseProject(values);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      const first = Object.keys(parsed.errors)[0];
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setErrors({});
    onSubmit(parsed.body);
  };

  const titleError = fieldError('title', 'title');
  const themesError = fieldError('themeCodes', 'theme_codes');
  const descriptionError = fieldError('description', 'description');
  const sortedStakeholders = [...stakeholders].sort((a, b) => a.name.localeCompare(b.name, language));
  const generalError = error && !(isApiError(error, 422) && Object.keys(error.problem.fieldErrors).some((f) => f !== '')) ? error : null;

  return (
    <form className="pj-form" onSubmit={submit} noValidate data-testid="project-form">
      {generalError ? <ErrorAlert error={generalError} /> : null}
      <RequiredLegend />
      <div className={`field${titleError ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-title`}>
          {t('projects.form.title')}
          <RequiredMark />
        </label>
        <input
          id={`${id}-title`}
          type="text"
          required
          aria-required="true"
          value={values.title}
          maxLength={250}
          aria-invalid={!!titleError}
          aria-describedby={`${id}-title-hint${titleError ? ` ${id}-title-error` : ''}`}
          onChange={(e) => set('title', e.target.value)}
        />
        <p className="hint" id={`${id}-title-hint`}>
          {t('projects.form.titleHint')}
        </p>
        {titleError && (
          <p className="field-error" id={`${id}-title-error`} data-testid="error-title">
            {titleError}
          </p>
        )}
      </div>

      <fieldset
        className={`field pj-theme-picker${themesError ? ' field-invalid' : ''}`}
        id={`${id}-themeCodes`}
        tabIndex={-1}
        aria-describedby={`${id}-themes-hint${themesError ? ` ${id}-themes-error` : ''}`}
      >
        <legend>
          {t('projects.form.themes')}
          <RequiredMark spoken />{' '}
          <span className="muted small">{t('projects.form.themesChosen', { count: values.themeCodes.length })}</span>
        </legend>
        <p className="hint" id={`${id}-themes-hint`}>
          {t('projects.form.themesHint')}
        </p>
        {TRACKS.map((track) => (
          <div key={track} className="pj-theme-group">
            <p className="pj-theme-group-title">{trackLabel(t, track)}</p>
            <div className="pj-theme-options">
              {themes
                .filter((th) => th.track === track)
                .map((th) => {
                  const checked = values.themeCodes.includes(th.code);
                  return (
                    <label key={th.code} className={`pj-theme-option${checked ? ' checked' : ''}`}>
                      <input
                        type="checkbox"
                        checked={checked}
                        onChange={() => set('themeCodes', toggleTheme(values.themeCodes, th.code))}
                        data-theme={th.code}
                      />
                      {language.startsWith('en') ? th.name_en : th.name_nl}
                    </label>
                  );
                })}
            </div>
          </div>
        ))}
        {themesError && (
          <p className="field-error" id={`${id}-themes-error`} data-testid="error-themes">
            {themesError}
          </p>
        )}
      </fieldset>

      <div className={`field${descriptionError ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-description`}>{t('projects.form.description')}</label>
        <textarea id={`${id}-description`} value={values.description} rows={4} onChange={(e) => set('description', e.target.value)} />
        {descriptionError && <p className="field-error">{descriptionError}</p>}
      </div>

      <div className="pj-form-row">
        <div className="field">
          <label htmlFor={`${id}-form`}>{t('projects.form.organisationForm')}</label>
          <select id={`${id}-form`} value={values.organisationForm} onChange={(e) => set('organisationForm', e.target.value as ProjectValues['organisationForm'])}>
            <option value="">{t('projects.form.noForm')}</option>
            {ORGANISATION_FORMS.map((form) => (
              <option key={form} value={form}>
                {t(`projects.forms.${form}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-owner`}>{t('projects.form.owner')}</label>
          <select id={`${id}-owner`} value={values.ownerId} onChange={(e) => set('ownerId', e.target.value)} aria-describedby={`${id}-owner-hint`}>
            <option value="">{t('projects.form.noOwner')}</option>
            {sortedStakeholders.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <p className="hint" id={`${id}-owner-hint`}>
            {t('projects.form.ownerHint')}
          </p>
        </div>
      </div>

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending} data-testid="project-submit">
          {pending ? t('projects.form.saving') : submitLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={pending}>
          {t('projects.form.cancel')}
        </button>
      </div>
    </form>
  );
}
