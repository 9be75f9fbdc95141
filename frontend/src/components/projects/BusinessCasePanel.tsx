import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, translateFieldMessage } from '../../api/messages';
import { isApiError } from '../../api/problem';
import { keys } from '../../api/queryKeys';
import { refresh } from '../../api/refresh';
import { formatNumber } from '../../lib/format';
import {
  putBusinessCase,
  type BusinessCase,
  type Participant,
  type Project,
  type Versioned,
} from '../../lib/projects/api';
import {
  COST_SPLITS,
  EMPTY_VALUES,
  bodyFromBusinessCase,
  formatYears,
  isNegative,
  parseBusinessCase,
  sameBody,
  valuesFromBusinessCase,
  type BusinessCaseField,
  type BusinessCaseValues,
  type FieldError,
  type MoneyField,
} from '../../lib/projects/businessCaseForm';
import { useBusinessCaseCalculation } from '../../lib/projects/queries';
import { translateWarning } from '../../lib/projects/warnings';
import { formatEuro } from '../../lib/stakeholders/money';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { Alert } from '../Alert';
import { RequiredLegend, RequiredMark } from '../Required';
import { CommitmentBadge } from './parts';

const SERVER_FIELDS: Record<string, BusinessCaseField> = {
  capex_eur: 'capex',
  opex_eur_per_year: 'opex',
  benefits_eur_per_year: 'benefits',
  subsidy_eur: 'subsidy',
  lifetime_years: 'lifetime',
  discount_rate: 'rate',
  custom_shares: 'custom',
};

/** The business case: inputs on one side, the figures (computed by the server as you type) on the other. */
export function BusinessCasePanel({
  project,
  saved,
  participants,
  mayEdit,
}: {
  project: Project;
  saved: Versioned<BusinessCase> | null;
  participants: readonly Participant[];
  mayEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const id = useId();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<BusinessCaseValues>(() => (saved ? valuesFromBusinessCase(saved.data, language) : EMPTY_VALUES));
  const [showRequired, setShowRequired] = useState(false);
  const [notice, setNotice] = useState<'saved' | 'conflict' | null>(null);
  // A newer saved version (someone else, or our own save) replaces the form once.
  const [loadedVersion, setLoadedVersion] = useState(saved?.data.version ?? null);
  useEffect(() => {
    const version = saved?.data.version ?? null;
    if (saved && version !== loadedVersion) {
      setValues(valuesFromBusinessCase(saved.data, language));
      setLoadedVersion(version);
    }
  }, [saved, loadedVersion, language]);

  const parsed = useMemo(() => parseBusinessCase(values, participants), [values, participants]);
  const body = parsed.ok ? parsed.body : null;
  const savedBody = useMemo(() => (saved ? bodyFromBusinessCase(saved.data, language, participants) : null), [saved, language, participants]);
  const dirty = saved ? !sameBody(body, savedBody) : values !== EMPTY_VALUES;
  const debounced = useDebouncedValue(body, 350);

  const projectKeys = keys.park(project.park_id).project(project.id);
  const calc = useBusinessCaseCalculation(project.park_id, project.id, debounced, participants);

  const save = useMutation({
    mutationFn: () => putBusinessCase(project.id, saved?.etag ?? null, body!),
    onSuccess: (result) => {
      queryClient.setQueryData(projectKeys.businessCase.saved, result);
      setLoadedVersion(result.data.version ?? null);
      setNotice('saved');
      void queryClient.invalidateQueries({ queryKey: projectKeys.history });
      void refresh.projects(queryClient, project.park_id);
    },
    onError: (error) => {
      if (isApiError(error, 412)) {
        setNotice('conflict');
        setLoadedVersion(-1); // the refetched version replaces the form
        void queryClient.invalidateQueries({ queryKey: projectKeys.businessCase.all });
      }
    },
  });

  const set = <K extends keyof BusinessCaseValues>(key: K, value: BusinessCaseValues[K]) => {
    setNotice((n) => (n === 'conflict' ? n : null));
    setValues((v) => ({ ...v, [key]: value }));
  };

  const ownErrors = parsed.ok ? {} : parsed.errors;
  const serverErrors: Partial<Record<BusinessCaseField, string>> = {};
  if (isApiError(save.error, 422)) {
    for (const [field, messages] of Object.entries(save.error.problem.fieldErrors)) {
      const key = SERVER_FIELDS[field.split('.')[0] ?? ''];
      if (key && messages[0]) serverErrors[key] = translateWarning(translateFieldMessage(messages[0], t, language), t, language);
    }
  }
  const errorOf = (field: BusinessCaseField): string | undefined => {
    const own = ownErrors[field];
    if (own && (own !== 'required' || showRequired)) return t(`projects.businessCase.errors.${own}`);
    return serverErrors[field];
  };

  const onSave = () => {
    if (!body) {
      setShowRequired(true);
      return;
    }
    setNotice(null);
    save.mutate();
  };

  const figures = debounced !== null ? calc.data?.figures : undefined;
  const calculating = body !== null && (calc.isFetching || !sameBody(body, debounced));
  const ratePercent = body ? formatNumber(Number(body.discount_rate) * 100, language, { maximumFractionDigits: 2 }) + '%' : '';
  const splitParticipants = participants.filter((p) => p.contribution_eur === null || p.contribution_eur === undefined);

  const moneyField = (field: MoneyField, label: string, hint?: string) => {
    const error = errorOf(field);
    // The investment is required; the subsidy, the yearly costs and benefits count as 0 when empty.
    const required = mayEdit && field === 'capex';
    return (
      <div className={`field${error ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-${field}`}>
          {label}
          {required && <RequiredMark />}
        </label>
        <div className="pj-money-input">
          <span aria-hidden="true">€</span>
          <input
            id={`${id}-${field}`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={values[field]}
            readOnly={!mayEdit}
            required={required || undefined}
            aria-required={required || undefined}
            aria-invalid={!!error}
            aria-describedby={[hint && `${id}-${field}-hint`, error && `${id}-${field}-error`].filter(Boolean).join(' ') || undefined}
            onChange={(e) => set(field, e.target.value)}
            data-testid={`bc-${field}`}
          />
        </div>
        {hint && (
          <p className="hint" id={`${id}-${field}-hint`}>
            {hint}
          </p>
        )}
        {error && (
          <p className="field-error" id={`${id}-${field}-error`}>
            {error}
          </p>
        )}
      </div>
    );
  };

  const lifetimeError = errorOf('lifetime');
  const rateError = errorOf('rate');

  return (
    <section className="card pj-bc" aria-labelledby={`${id}-title`} data-testid="business-case">
      <div className="card-head">
        <h2 id={`${id}-title`}>{t('projects.businessCase.title')}</h2>
        {mayEdit && (saved || dirty) && (
          <span className={`pj-save-state${dirty ? ' dirty' : ''}`} data-testid="bc-state">
            {dirty ? t('projects.businessCase.unsaved') : t('projects.businessCase.upToDate')}
          </span>
        )}
      </div>
      {mayEdit ? <p className="muted small">{t('projects.businessCase.intro')}</p> : !saved && <p className="muted">{t('projects.businessCase.none')}</p>}
      {notice === 'saved' && !dirty && (
        <Alert tone="success" testId="bc-saved">
          <p>{t('projects.businessCase.saved')}</p>
        </Alert>
      )}
      {notice === 'conflict' && (
        <Alert tone="warning" testId="bc-conflict">
          <p>{t('projects.businessCase.conflict')}</p>
        </Alert>
      )}
      {save.error && !isApiError(save.error, 412) && !isApiError(save.error, 422) ? (
        <Alert tone="error" title={describeError(save.error, t).message} />
      ) : null}
      <div className="pj-bc-grid">
        <form
          className="pj-bc-inputs"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (mayEdit) onSave();
          }}
        >
          {mayEdit && <RequiredLegend />}
          <div className="pj-bc-fields">
            {moneyField('capex', t('projects.businessCase.capex'), t('projects.businessCase.capexHint'))}
            {moneyField('subsidy', t('projects.businessCase.subsidy'))}
            {moneyField('opex', t('projects.businessCase.opex'))}
            {moneyField('benefits', t('projects.businessCase.benefits'))}
            <div className={`field${lifetimeError ? ' field-invalid' : ''}`}>
              <label htmlFor={`${id}-lifetime`}>
                {t('projects.businessCase.lifetime')}
                {mayEdit && <RequiredMark />}
              </label>
              <input
                id={`${id}-lifetime`}
                type="text"
                inputMode="numeric"
                value={values.lifetime}
                readOnly={!mayEdit}
                required={mayEdit || undefined}
                aria-required={mayEdit || undefined}
                aria-invalid={!!lifetimeError}
                onChange={(e) => set('lifetime', e.target.value)}
                data-testid="bc-lifetime"
              />
              {lifetimeError && <p className="field-error">{lifetimeError}</p>}
            </div>
            <div className={`field${rateError ? ' field-invalid' : ''}`}>
              <label htmlFor={`${id}-rate`}>
                {t('projects.businessCase.rate')}
                {mayEdit && <RequiredMark />}
              </label>
              <input
                id={`${id}-rate`}
                type="text"
                inputMode="decimal"
                value={values.rate}
                readOnly={!mayEdit}
                required={mayEdit || undefined}
                aria-required={mayEdit || undefined}
                aria-invalid={!!rateError}
                onChange={(e) => set('rate', e.target.value)}
                data-testid="bc-rate"
              />
              {rateError && <p className="field-error">{rateError}</p>}
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${id}-split`}>{t('projects.businessCase.split')}</label>
            <select
              id={`${id}-split`}
              value={values.split}
              disabled={!mayEdit}
              onChange={(e) => set('split', e.target.value as BusinessCaseValues['split'])}
              aria-describedby={`${id}-split-hint`}
              data-testid="bc-split"
            >
              {COST_SPLITS.map((s) => (
                <option key={s} value={s}>
                  {t(`projects.splits.${s}`)}
                </option>
              ))}
            </select>
            <p className="hint" id={`${id}-split-hint`}>
              {t('projects.businessCase.splitHint')}
            </p>
          </div>
          {values.split === 'custom' && (
            <fieldset className="pj-custom">
              <legend className="small">{t('projects.businessCase.customHint')}</legend>
              {splitParticipants.length === 0 && <p className="muted small">{t('projects.businessCase.noCustomParticipants')}</p>}
              {splitParticipants.map((p) => {
                const own = parsed.ok ? undefined : parsed.customErrors[p.id];
                return (
                  <div key={p.id} className={`field pj-custom-row${own ? ' field-invalid' : ''}`}>
                    <label htmlFor={`${id}-custom-${p.id}`}>{p.stakeholder_name}</label>
                    <div className="pj-money-input">
                      <span aria-hidden="true">€</span>
                      <input
                        id={`${id}-custom-${p.id}`}
                        type="text"
                        inputMode="decimal"
                        value={values.custom[p.id] ?? ''}
                        readOnly={!mayEdit}
                        aria-label={t('projects.businessCase.customShare', { name: p.stakeholder_name })}
                        onChange={(e) => set('custom', { ...values.custom, [p.id]: e.target.value })}
                      />
                    </div>
                    {own && <p className="field-error">{t(`projects.businessCase.errors.${own as FieldError}`)}</p>}
                  </div>
                );
              })}
              {errorOf('custom') && ownErrors.custom === undefined && <p className="field-error">{errorOf('custom')}</p>}
            </fieldset>
          )}
          {mayEdit && (
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={save.isPending || (!dirty && !!saved)} data-testid="bc-save">
                {t('projects.businessCase.save')}
              </button>
              {saved && dirty && (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => {
                    setValues(valuesFromBusinessCase(saved.data, language));
                    save.reset();
                  }}
                >
                  {t('projects.businessCase.reset')}
                </button>
              )}
            </div>
          )}
        </form>

        <div className="pj-bc-figures" aria-live="polite" aria-busy={calculating} data-testid="bc-figures" data-calculating={calculating}>
          <h3 className="pj-bc-figures-title">
            {t('projects.businessCase.figures')}
            {calculating && <span className="muted small pj-calculating"> · {t('projects.businessCase.calculating')}</span>}
          </h3>
          {!figures ? (
            <p className="muted small">{calc.error ? describeError(calc.error, t).message : t('projects.businessCase.fillIn')}</p>
          ) : (
            <div className={calculating ? 'pj-stale' : undefined}>
              <dl className="pj-figures">
                <Figure label={t('projects.businessCase.netInvestment')} hint={t('projects.businessCase.netInvestmentHint')} testId="fig-net-investment">
                  {formatEuro(figures.net_investment_eur, language)}
                </Figure>
                <Figure
                  label={t('projects.businessCase.yearlyNet')}
                  hint={t('projects.businessCase.yearlyNetHint')}
                  testId="fig-yearly-net"
                  negative={isNegative(figures.yearly_net_benefit_eur)}
                >
                  {formatEuro(figures.yearly_net_benefit_eur, language)}
                </Figure>
                <Figure label={t('projects.businessCase.payback')} testId="fig-payback" negative={figures.simple_payback_years === null}>
                  {figures.simple_payback_years === null
                    ? t('projects.businessCase.never')
                    : t('projects.businessCase.paybackYears', { years: formatYears(figures.simple_payback_years, language) })}
                </Figure>
                <Figure
                  label={t('projects.businessCase.npv')}
                  hint={body ? t('projects.businessCase.npvHint', { years: body.lifetime_years, rate: ratePercent }) : undefined}
                  testId="fig-npv"
                  negative={isNegative(figures.npv_eur)}
                >
                  {formatEuro(figures.npv_eur, language)}
                </Figure>
              </dl>
              <h4 className="pj-shares-title">{t('projects.businessCase.shares')}</h4>
              {figures.shares.length === 0 ? (
                <p className="muted small">{t('projects.businessCase.noShares')}</p>
              ) : (
                <ul className="pj-shares" data-testid="bc-shares">
                  {figures.shares.map((s) => (
                    <li key={s.participant_id} className="pj-share" data-testid="bc-share" data-name={s.stakeholder_name}>
                      <span className="pj-share-name">
                        {s.stakeholder_name} <CommitmentBadge commitment={s.commitment} />
                      </span>
                      <span className="pj-share-basis muted small">
                        {s.basis === 'fixed' ? t('projects.businessCase.basisFixed') : t(`projects.splits.${values.split}`).toLowerCase()}
                      </span>
                      <span className="pj-share-amount" data-testid="bc-share-amount">
                        {formatEuro(s.share_eur, language)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              <p className={`pj-unallocated${Number(figures.unallocated_eur) === 0 ? ' ok' : ' open'}`} data-testid="fig-unallocated">
                {Number(figures.unallocated_eur) === 0
                  ? t('projects.businessCase.allocated')
                  : `${t('projects.businessCase.unallocated')}: ${formatEuro(figures.unallocated_eur, language)}`}
              </p>
              {figures.warnings.length > 0 && (
                <div className="pj-warnings" data-testid="bc-warnings">
                  <p className="pj-warnings-title">{t('projects.businessCase.warnings')}</p>
                  <ul>
                    {figures.warnings.map((w) => (
                      <li key={w}>{translateWarning(w, t, language)}</li>
                    ))}
                  </ul>
                </div>
              )}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

function Figure({
  label,
  hint,
  testId,
  negative = false,
  children,
}: {
  label: string;
  hint?: string | undefined;
  testId: string;
  negative?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className={`pj-figure${negative ? ' negative' : ''}`}>
      <dt>
        {label}
        {hint && <span className="pj-figure-hint">{hint}</span>}
      </dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}
