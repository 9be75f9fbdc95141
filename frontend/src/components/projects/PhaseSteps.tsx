import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { describeError } from '../../api/messages';
import { keys } from '../../api/queryKeys';
import { refresh } from '../../api/refresh';
import { TransitionRefused, transitionProject, type Phase, type PhaseHistory, type PhaseOption, type Project } from '../../lib/projects/api';
import { blockingRules, orderOptions, possibleWithReason, stepKind } from '../../lib/projects/phases';
import { ruleMessage } from '../../lib/projects/rules';
import { Alert } from '../Alert';

export function stepLabel(t: TFunction, current: Phase, to: Phase): string {
  const phase = t(`projects.phases.${to}`).toLowerCase();
  switch (stepKind(current, to)) {
    case 'stop':
      return t('projects.steps.stop');
    case 'restart':
      return t('projects.steps.restart', { phase });
    case 'back':
      return t('projects.steps.back', { phase });
    default:
      return t('projects.steps.to', { phase });
  }
}

/**
 * The possible next steps of a project: a button for each step it may take, the step it may
 * not take yet with the rules that block it, and a reason field for steps that need one.
 */
export function PhaseSteps({ project, history, mayEdit }: { project: Project; history: PhaseHistory; mayEdit: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [all, setAll] = useState(false);
  const [asking, setAsking] = useState<Phase | null>(null);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [moved, setMoved] = useState<Phase | null>(null);
  const current = history.phase;
  const options = orderOptions(current, history.options, all);
  const hidden = orderOptions(current, history.options, true).length - orderOptions(current, history.options).length;

  const move = useMutation({
    mutationFn: ({ to, why }: { to: Phase; why: string | null }) => transitionProject(project.id, to, why),
    onSuccess: (updated) => {
      setAsking(null);
      setReason('');
      setMoved(updated.phase);
      void refresh.projects(queryClient, project.park_id, project.id);
    },
    onError: () => {
      void queryClient.invalidateQueries({ queryKey: keys.park(project.park_id).project(project.id).history });
    },
  });

  const start = (option: PhaseOption) => {
    setMoved(null);
    move.reset();
    if (option.needs_reason) {
      setAsking(option.to);
      setReason('');
      setReasonMissing(false);
      return;
    }
    move.mutate({ to: option.to, why: null });
  };

  const confirm = () => {
    if (!asking) return;
    if (reason.trim() === '') {
      setReasonMissing(true);
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    move.mutate({ to: asking, why: reason.trim() });
  };

  const primary = options.find((o) => o.allowed && stepKind(current, o.to) !== 'stop' && stepKind(current, o.to) !== 'back');
  const refused = move.error instanceof TransitionRefused ? move.error : null;

  return (
    <section className="pj-steps" aria-labelledby={`${id}-title`} data-testid="phase-steps">
      <h2 id={`${id}-title`} className="pj-steps-title">
        {t('projects.steps.title')}
      </h2>
      {moved && (
        <Alert tone="success" testId="phase-moved">
          <p>{t('projects.steps.moved', { phase: t(`projects.phases.${moved}`).toLowerCase() })}</p>
        </Alert>
      )}
      {refused && (
        <Alert tone="warning" testId="phase-refused" title={t('projects.steps.refused')}>
          <ul>
            {refused.rules.map((r) => (
              <li key={r.code}>{ruleMessage(t, r)}</li>
            ))}
          </ul>
        </Alert>
      )}
      {move.error && !refused ? <Alert tone="error" title={describeError(move.error, t).message} /> : null}
      {options.length === 0 ? (
        <p className="muted">{t('projects.steps.none')}</p>
      ) : (
        <ul className="pj-step-list">
          {options.map((option) => {
            const blockers = blockingRules(option);
            const possible = possibleWithReason(option);
            const label = stepLabel(t, current, option.to);
            const kind = stepKind(current, option.to);
            const noteId = `${id}-${option.to}-why`;
            const style =
              option === primary ? 'button-primary' : kind === 'stop' ? 'pj-button-stop' : 'button-secondary';
            return (
              <li key={option.to} className={`pj-step${possible ? '' : ' pj-step-blocked'}`} data-testid={`step-${option.to}`} data-allowed={possible}>
                <button
                  type="button"
                  className={`button ${style}`}
                  disabled={!mayEdit || !possible || move.isPending}
                  aria-describedby={possible ? undefined : noteId}
                  onClick={() => start(option)}
                >
                  {label}
                </button>
                {!possible && (
                  <div className="pj-step-why" id={noteId}>
                    <span className="pj-step-why-title">{t('projects.steps.blocked')}</span>
                    <ul>
                      {blockers.map((r) => (
                        <li key={r.code} data-rule={r.code}>
                          {ruleMessage(t, r)}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {asking === option.to && (
                  <div className={`pj-reason field${reasonMissing ? ' field-invalid' : ''}`}>
                    <label htmlFor={`${id}-reason`}>{t('projects.steps.reasonFor', { step: label.toLowerCase() })}</label>
                    <textarea
                      id={`${id}-reason`}
                      rows={2}
                      value={reason}
                      autoFocus
                      aria-describedby={`${id}-reason-hint`}
                      onChange={(e) => {
                        setReason(e.target.value);
                        setReasonMissing(false);
                      }}
                      data-testid="transition-reason"
                    />
                    <p className="hint" id={`${id}-reason-hint`}>
                      {t('projects.steps.reasonHint')}
                    </p>
                    {reasonMissing && <p className="field-error">{t('projects.steps.reasonRequired')}</p>}
                    <div className="pj-reason-actions">
                      <button type="button" className="button button-primary" onClick={confirm} disabled={move.isPending} data-testid="transition-confirm">
                        {t('projects.steps.confirm')}
                      </button>
                      <button type="button" className="button button-secondary" onClick={() => setAsking(null)} disabled={move.isPending}>
                        {t('projects.steps.cancel')}
                      </button>
                    </div>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {(hidden > 0 || all) && (
        <button type="button" className="pj-link-button small" onClick={() => setAll((a) => !a)} aria-expanded={all}>
          {all ? t('projects.steps.fewerSteps') : t('projects.steps.allSteps')}
        </button>
      )}
    </section>
  );
}
