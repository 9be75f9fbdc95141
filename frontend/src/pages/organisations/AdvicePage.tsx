import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  BOOLEAN_QUESTIONS,
  saveAnswers,
  type AdviceAnswers,
  type BooleanQuestion,
  type OrganisationAdvice,
  type Reason,
  type SavedAdvice,
} from '../../api/organisations';
import { refresh } from '../../api/refresh';
import { useAuth } from '../../auth/AuthContext';
import { canEditPark } from '../../auth/permissions';
import { Alert, ErrorAlert, Loading } from '../../components/Alert';
import { formatDateTime, formatNumber, parseDecimal, toInputNumber } from '../../lib/format';
import { useAdvice, useLanguage, useSavedAnswers } from '../../lib/organisations/queries';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useParkContext } from '../ParkPage';

const EMPTY: AdviceAnswers = {
  municipality_cooperates: null,
  mandatory_contribution_acceptable: null,
  needs_legal_entity: null,
  will_own_assets: null,
  distribute_profit: null,
  levy_for_this_area_only: null,
  annual_budget_eur: null,
};

function fromSaved(saved: SavedAdvice): AdviceAnswers {
  return { ...saved.answers };
}

/** The advice: the questions (each with "weet ik niet"), the ranked forms, combination and path. */
export function AdvicePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { park } = useParkContext().versioned;
  const { user } = useAuth();
  const mayEdit = canEditPark(user, park.province);
  const saved = useSavedAnswers(park.id);
  const [answers, setAnswers] = useState<AdviceAnswers | null>(null);
  const [budgetText, setBudgetText] = useState('');
  const client = useQueryClient();

  useEffect(() => {
    if (saved.data && answers === null) {
      const initial = fromSaved(saved.data);
      setAnswers(initial);
      setBudgetText(initial.annual_budget_eur ? toInputNumber(Number(initial.annual_budget_eur), language) : '');
    }
  }, [saved.data, answers, language]);

  const current = useDebouncedValue(answers, 250);
  const advice = useAdvice(park.id, current, current !== null);
  const save = useMutation({
    mutationFn: () => saveAnswers(park.id, saved.data?.version ?? 0, answers ?? EMPTY),
    onSuccess: async () => {
      await refresh.organisations(client, park.id);
    },
  });

  if (saved.isPending || answers === null) return <Loading />;
  if (saved.error) return <ErrorAlert error={saved.error} onRetry={() => void saved.refetch()} />;

  const budget = parseDecimal(budgetText);
  const setAnswer = (key: BooleanQuestion, value: boolean | null) => setAnswers({ ...answers, [key]: value });
  const setBudget = (text: string) => {
    setBudgetText(text);
    const parsed = parseDecimal(text);
    if (parsed.ok) setAnswers({ ...answers, annual_budget_eur: parsed.value === null ? null : parsed.value.toFixed(2) });
  };
  const unsaved = JSON.stringify(answers) !== JSON.stringify(fromSaved(saved.data));

  return (
    <div className="orgs-advice">
      <p className="orgs-lead">{t('organisations.advice.lead')}</p>
      <div className="orgs-advice-grid">
        <section className="card orgs-questions" aria-labelledby="questions-title" data-testid="advice-questions">
          <h3 id="questions-title" className="card-title">
            {t('organisations.advice.questions.title')}
          </h3>
          <p className="small muted">{t('organisations.advice.questions.intro')}</p>
          {BOOLEAN_QUESTIONS.map((key) => (
            <fieldset key={key} className="orgs-question" data-testid={`question-${key}`}>
              <legend>{t(`organisations.advice.q.${key}.label`)}</legend>
              <p className="hint">{t(`organisations.advice.q.${key}.help`)}</p>
              <div className="orgs-choices">
                {([true, false, null] as const).map((value) => (
                  <label key={String(value)} className={`orgs-choice${answers[key] === value ? ' is-selected' : ''}`}>
                    <input
                      type="radio"
                      name={key}
                      checked={answers[key] === value}
                      onChange={() => setAnswer(key, value)}
                    />
                    {value === true
                      ? t('organisations.advice.yes')
                      : value === false
                        ? t('organisations.advice.no')
                        : t('organisations.advice.unknown')}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <div className={`field orgs-question${budget.ok ? '' : ' field-invalid'}`}>
            <label htmlFor="advice-budget">{t('organisations.advice.q.annual_budget_eur.label')}</label>
            <p className="hint">{t('organisations.advice.q.annual_budget_eur.help')}</p>
            <input
              id="advice-budget"
              type="text"
              inputMode="decimal"
              value={budgetText}
              placeholder={t('organisations.advice.unknown')}
              onChange={(e) => setBudget(e.target.value)}
            />
            {!budget.ok && <p className="field-error">{t('organisations.advice.budgetInvalid')}</p>}
          </div>
          <div className="orgs-save">
            {mayEdit ? (
              <button
                type="button"
                className="button button-primary"
                disabled={save.isPending || !budget.ok}
                onClick={() => save.mutate()}
                data-testid="save-answers"
              >
                {t('organisations.advice.save')}
              </button>
            ) : (
              <p className="small muted">{t('organisations.advice.readOnly')}</p>
            )}
            <p className="small muted" data-testid="saved-state">
              {saved.data.saved
                ? t('organisations.advice.savedAt', {
                    when: formatDateTime(saved.data.saved_at, language),
                    who: saved.data.saved_by ?? '',
                  })
                : t('organisations.advice.neverSaved')}
              {unsaved && saved.data.saved ? ` ${t('organisations.advice.unsaved')}` : ''}
            </p>
          </div>
          {save.error && <ErrorAlert error={save.error} />}
          {save.isSuccess && !unsaved && (
            <Alert tone="success" testId="answers-saved">
              {t('organisations.advice.savedNow')}
            </Alert>
          )}
        </section>
        <div className="orgs-results" aria-busy={advice.isFetching}>
          {advice.isPending ? (
            <Loading />
          ) : advice.error ? (
            <ErrorAlert error={advice.error} onRetry={() => void advice.refetch()} />
          ) : (
            <AdviceResult advice={advice.data} />
          )}
        </div>
      </div>
    </div>
  );
}

function Source({ reason }: { reason: Pick<Reason, 'source_label'> }) {
  const { t } = useTranslation();
  return (
    <span className="orgs-source">
      {t('organisations.advice.source')}: {reason.source_label}
    </span>
  );
}

function AdviceResult({ advice }: { advice: OrganisationAdvice }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const since = advice.since_saved;
  const inputs = advice.inputs;
  return (
    <>
      <section className="card orgs-combination" data-testid="advice-combination">
        <h3 className="card-title">{t('organisations.advice.combination')}</h3>
        {advice.combination.forms.length > 0 && (
          <p className="orgs-combination-forms">
            {advice.combination.forms.map((f) => (
              <span key={f} className="orgs-form-badge orgs-form-badge-large">
                {t(`organisations.forms.${f}`)}
              </span>
            ))}
          </p>
        )}
        <p>{advice.combination.rationale}</p>
      </section>

      {since && (
        <section className="card orgs-since" data-testid="advice-since">
          <h3 className="card-title">
            {t('organisations.advice.since.title', { when: formatDateTime(since.saved_at, language) })}
          </h3>
          {since.changes.length === 0 ? (
            <p className="small">{t('organisations.advice.since.none')}</p>
          ) : (
            <ul className="orgs-since-list">
              {since.changes.map((c) => (
                <li key={c.code}>{c.text}</li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section className="card orgs-path" data-testid="advice-path">
        <h3 className="card-title">{t('organisations.advice.path')}</h3>
        <ol className="orgs-steps">
          {advice.path.map((step, i) => (
            <li key={i} className={step.done ? 'is-done' : undefined}>
              <p className="orgs-step-text">
                {step.done && <span className="orgs-done">{t('organisations.advice.done')}</span>} {step.text}
              </p>
              {step.requires.length > 0 && (
                <p className="small muted">
                  {t('organisations.advice.requires')}: {step.requires.join('; ')}
                </p>
              )}
              <Source reason={step} />
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="ranking-title">
        <h3 id="ranking-title" className="orgs-section-title">
          {t('organisations.advice.ranking')}
        </h3>
        <ol className="orgs-ranking" data-testid="advice-ranking">
          {advice.recommendations.map((r) => (
            <li key={r.form} className={`card orgs-rec${r.blockers.length ? ' is-blocked' : ''}`} data-testid={`rec-${r.form}`}>
              <div className="orgs-rec-head">
                <span className="orgs-rank">{r.rank}</span>
                <h4 className="orgs-rec-name">{r.name}</h4>
                <span className="orgs-score">
                  <span className="visually-hidden">{t('organisations.advice.scoreLabel', { score: formatNumber(r.score, language) })}</span>
                  <span className="orgs-score-bar" style={{ width: `${r.score}%` }} aria-hidden="true" />
                  <span className="orgs-score-value" aria-hidden="true">
                    {formatNumber(r.score, language)}
                  </span>
                </span>
              </div>
              {r.blockers.length > 0 && (
                <ul className="orgs-reasons orgs-blockers">
                  {r.blockers.map((b, i) => (
                    <li key={i}>
                      <strong>{t('organisations.advice.blocker')}:</strong> {b.text} <Source reason={b} />
                    </li>
                  ))}
                </ul>
              )}
              <ul className="orgs-reasons">
                {r.reasons.map((reason, i) => (
                  <li key={i}>
                    <span className={`orgs-points${(reason.points ?? 0) < 0 ? ' is-minus' : ''}`}>
                      {(reason.points ?? 0) > 0 ? `+${reason.points}` : (reason.points ?? 0)}
                    </span>{' '}
                    {reason.text} <Source reason={reason} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>

      {advice.open_questions.length > 0 && (
        <section className="card orgs-open" data-testid="advice-open">
          <h3 className="card-title">{t('organisations.advice.open')}</h3>
          <ul className="orgs-reasons">
            {advice.open_questions.map((q, i) => (
              <li key={i}>
                {q.text} <Source reason={q} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <details className="card orgs-inputs" data-testid="advice-inputs">
        <summary>
          <strong>{t('organisations.advice.inputs.title')}</strong>{' '}
          <span className="muted small">{t('organisations.advice.inputs.hint')}</span>
        </summary>
        <dl className="orgs-facts">
          {(
            [
              ['companies', inputs.company_count ?? '—'],
              ['stakeholders', inputs.stakeholder_count],
              ['entrepreneurs', inputs.entrepreneurs],
              ['owners', inputs.property_owners],
              ['interviewed', inputs.interviewed],
              ['coreTeam', inputs.core_team_or_board],
              ['poll', `${inputs.poll_yes} / ${inputs.poll_no}`],
              ['woz', formatNumber(Number(inputs.woz_known_eur), language, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })],
            ] as const
          ).map(([key, value]) => (
            <div key={key}>
              <dt>{t(`organisations.advice.inputs.${key}`)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="small">
          {t('organisations.advice.inputs.organisations')}:{' '}
          {inputs.organisations.map((o) => o.name).join(', ') || '—'} ·{' '}
          {t('organisations.advice.inputs.shared')}:{' '}
          {inputs.shared_interests.map((s) => s.theme_name).join(', ') || '—'} ·{' '}
          {t('organisations.advice.inputs.projects')}:{' '}
          {inputs.projects.map((p) => p.title).join(', ') || '—'}
        </p>
        <p className="small">
          <Link to="..">{t('organisations.advice.inputs.fixOrganisations')}</Link> ·{' '}
          <Link to="../../betrokkenen">{t('organisations.advice.inputs.fixStakeholders')}</Link>
        </p>
      </details>
    </>
  );
}
