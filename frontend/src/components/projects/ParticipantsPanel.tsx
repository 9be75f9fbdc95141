import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Stakeholder } from '../../api/interests';
import { describeError, translateFieldMessage } from '../../api/messages';
import { isApiError } from '../../api/problem';
import { keys } from '../../api/queryKeys';
import { refresh } from '../../api/refresh';
import { kindLabel } from '../../lib/interests/labels';
import {
  addParticipant,
  removeParticipant,
  updateParticipant,
  type Commitment,
  type Participant,
  type Project,
} from '../../lib/projects/api';
import { COMMITMENTS, commitmentCounts } from '../../lib/projects/participants';
import { RequiredLegend, RequiredMark } from '../Required';
import { formatEuro, moneyToInput, parseMoney } from '../../lib/stakeholders/money';

/** The project's participants: add from the park's stakeholders, commitment, fixed contribution, remove. */
export function ParticipantsPanel({
  project,
  participants,
  stakeholders,
  mayEdit,
}: {
  project: Project;
  participants: readonly Participant[];
  stakeholders: readonly Stakeholder[];
  mayEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const id = useId();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState('');
  const [commitment, setCommitment] = useState<Commitment>('interested');
  const inProject = new Set(participants.map((p) => p.stakeholder_id));
  const available = stakeholders
    .filter((s) => !inProject.has(s.id))
    .sort((a, b) => a.name.localeCompare(b.name, language, { sensitivity: 'base' }));
  const counts = commitmentCounts(participants);

  const afterChange = () => {
    const projectKeys = keys.park(project.park_id).project(project.id);
    void queryClient.invalidateQueries({ queryKey: projectKeys.participants });
    void queryClient.invalidateQueries({ queryKey: projectKeys.history });
    void queryClient.invalidateQueries({ queryKey: projectKeys.businessCase.all });
    void refresh.projects(queryClient, project.park_id);
  };

  const add = useMutation({
    mutationFn: () => addParticipant(project.id, { stakeholder_id: choice, commitment }),
    onSuccess: () => {
      setChoice('');
      setCommitment('interested');
      afterChange();
    },
  });

  return (
    <section className="card pj-participants" aria-labelledby={`${id}-title`} data-testid="participants">
      <div className="card-head">
        <h2 id={`${id}-title`}>{t('projects.participants.title')}</h2>
        <span className="muted small" data-testid="participant-summary">
          {t('projects.participants.count', { count: participants.length })}
          {participants.length > 0 && ` · ${t('projects.participants.summary', counts)}`}
        </span>
      </div>
      {participants.length === 0 ? (
        <p className="muted" data-testid="participants-empty">
          {t('projects.participants.empty')}
        </p>
      ) : (
        <ul className="pj-participant-list">
          {mayEdit && (
            <li className="pj-participant pj-participant-head" aria-hidden="true">
              <span>{t('projects.participants.name')}</span>
              <span>{t('projects.participants.commitment')}</span>
              <span title={t('projects.participants.contributionHint')}>{t('projects.participants.contribution')}</span>
              <span />
            </li>
          )}
          {participants.map((p) => (
            <ParticipantRow key={p.id} projectId={project.id} participant={p} mayEdit={mayEdit} language={language} onChanged={afterChange} />
          ))}
        </ul>
      )}
      {mayEdit && (
        <div className="pj-add" data-testid="add-participant">
          <h3 className="pj-add-title">{t('projects.participants.add')}</h3>
          {stakeholders.length === 0 ? (
            <p className="muted small">
              {t('projects.participants.noStakeholders')}{' '}
              <Link to={`/parken/${project.park_id}/betrokkenen/nieuw`}>{t('projects.participants.addStakeholders')}</Link>
            </p>
          ) : available.length === 0 ? (
            <p className="muted small">{t('projects.participants.allIn')}</p>
          ) : (
            <>
            <RequiredLegend />
            <form
              className="pj-add-form"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                if (choice) add.mutate();
              }}
            >
              <div className="field pj-add-who">
                <label htmlFor={`${id}-who`}>
                  {t('projects.participants.pick')}
                  <RequiredMark />
                </label>
                <select id={`${id}-who`} required aria-required="true" value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="participant-choice">
                  <option value="">{t('projects.participants.pickPlaceholder')}</option>
                  {available.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name} ({kindLabel(t, s.kind)})
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-commitment`}>
                  {t('projects.participants.commitment')}
                  <RequiredMark />
                </label>
                <select id={`${id}-commitment`} required aria-required="true" value={commitment} onChange={(e) => setCommitment(e.target.value as Commitment)}>
                  {COMMITMENTS.map((c) => (
                    <option key={c} value={c}>
                      {t(`projects.commitments.${c}`)}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button button-secondary" disabled={!choice || add.isPending} data-testid="participant-add">
                {t('projects.participants.addButton')}
              </button>
            </form>
            </>
          )}
          {add.error ? <p className="field-error">{describeError(add.error, t).detail ?? describeError(add.error, t).message}</p> : null}
        </div>
      )}
    </section>
  );
}

function ParticipantRow({
  projectId,
  participant: p,
  mayEdit,
  language,
  onChanged,
}: {
  projectId: string;
  participant: Participant;
  mayEdit: boolean;
  language: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [contribution, setContribution] = useState(moneyToInput(p.contribution_eur, language));
  const [contributionError, setContributionError] = useState<string | null>(null);
  useEffect(() => setContribution(moneyToInput(p.contribution_eur, language)), [p.contribution_eur, language]);

  const update = useMutation({
    mutationFn: (body: { commitment?: Commitment; contribution_eur?: string | null }) => updateParticipant(projectId, p, body),
    onSuccess: onChanged,
    onError: (error) => {
      if (isApiError(error, 412)) onChanged();
    },
  });
  const remove = useMutation({
    mutationFn: () => removeParticipant(projectId, p),
    onSuccess: onChanged,
    onError: (error) => {
      if (isApiError(error, 412)) onChanged();
    },
  });

  const saveContribution = () => {
    const parsed = parseMoney(contribution);
    if (!parsed.ok) {
      setContributionError(t(`projects.businessCase.errors.${parsed.reason}`));
      return;
    }
    setContributionError(null);
    if ((parsed.value ?? null) === (p.contribution_eur ?? null)) return;
    update.mutate({ contribution_eur: parsed.value });
  };

  const error = update.error ?? remove.error;
  const errorText = !error
    ? null
    : isApiError(error, 412)
      ? t('projects.participants.conflict')
      : isApiError(error, 422)
        ? Object.values(error.problem.fieldErrors).flat().map((m) => translateFieldMessage(m, t, language)).join(' ') || describeError(error, t).message
        : describeError(error, t).message;

  return (
    <li className="pj-participant" data-testid="participant" data-name={p.stakeholder_name} data-commitment={p.commitment}>
      <div className="pj-participant-who">
        <span className="pj-participant-name">{p.stakeholder_name}</span>
        <span className="muted small">{kindLabel(t, p.stakeholder_kind)}</span>
      </div>
      {mayEdit ? (
        <>
          <div className="field pj-participant-commitment">
            <label htmlFor={`${id}-c`} className="pj-compact-label">
              {t('projects.participants.commitment')}
            </label>
            <select
              id={`${id}-c`}
              value={p.commitment}
              disabled={update.isPending}
              aria-label={t('projects.participants.commitmentOf', { name: p.stakeholder_name })}
              onChange={(e) => update.mutate({ commitment: e.target.value as Commitment })}
              data-testid="participant-commitment"
            >
              {COMMITMENTS.map((c) => (
                <option key={c} value={c}>
                  {t(`projects.commitments.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className={`field pj-participant-contribution${contributionError ? ' field-invalid' : ''}`}>
            <label htmlFor={`${id}-m`} className="pj-compact-label">
              {t('projects.participants.contribution')}
            </label>
            <div className="pj-money-input">
              <span aria-hidden="true">€</span>
              <input
                id={`${id}-m`}
                type="text"
                inputMode="decimal"
                value={contribution}
                placeholder="—"
                title={t('projects.participants.contributionHint')}
                aria-label={t('projects.participants.contributionOf', { name: p.stakeholder_name })}
                onChange={(e) => setContribution(e.target.value)}
                onBlur={saveContribution}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    saveContribution();
                  }
                }}
                data-testid="participant-contribution"
              />
            </div>
          </div>
          <button
            type="button"
            className="button button-quiet pj-remove"
            disabled={remove.isPending}
            aria-label={t('projects.participants.removeLabel', { name: p.stakeholder_name })}
            onClick={() => remove.mutate()}
          >
            {t('projects.participants.remove')}
          </button>
        </>
      ) : (
        <>
          <span className={`pj-commitment pj-commitment-${p.commitment}`}>{t(`projects.commitments.${p.commitment}`)}</span>
          <span className="pj-participant-fixed">{p.contribution_eur ? formatEuro(p.contribution_eur, language) : ''}</span>
        </>
      )}
      {(contributionError || errorText) && (
        <p className="field-error pj-participant-error" role="alert">
          {contributionError ?? errorText}
        </p>
      )}
    </li>
  );
}
