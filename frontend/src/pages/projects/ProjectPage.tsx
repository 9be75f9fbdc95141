import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { describeError } from '../../api/messages';
import { isApiError } from '../../api/problem';
import { keys } from '../../api/queryKeys';
import { refresh } from '../../api/refresh';
import { useAuth } from '../../auth/AuthContext';
import { canEditPark } from '../../auth/permissions';
import { Alert, ErrorAlert, Loading } from '../../components/Alert';
import { BusinessCasePanel } from '../../components/projects/BusinessCasePanel';
import { ParticipantsPanel } from '../../components/projects/ParticipantsPanel';
import { PhaseHistoryList } from '../../components/projects/PhaseHistoryList';
import { PhaseSteps } from '../../components/projects/PhaseSteps';
import { ProjectForm } from '../../components/projects/ProjectForm';
import { PhaseBadge, ThemeChips, formLabel } from '../../components/projects/parts';
import '../../components/projects/projects.css';
import { useThemes } from '../../lib/interests/queries';
import { useParkStakeholders } from '../../lib/stakeholders/queries';
import { deleteProject, updateProject, type Phase } from '../../lib/projects/api';
import { FORWARD } from '../../lib/projects/phases';
import { changedFields, valuesFromProject } from '../../lib/projects/projectForm';
import { useBusinessCase, useParticipants, usePhaseHistory, useProject } from '../../lib/projects/queries';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useParkContext } from '../ParkPage';

export function ProjectPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const { projectId = '' } = useParams();
  const { versioned } = useParkContext();
  const { park } = versioned;
  const { user } = useAuth();
  const mayEdit = canEditPark(user, park.province);
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useProject(park.id, projectId);
  const history = usePhaseHistory(park.id, projectId);
  const participants = useParticipants(park.id, projectId);
  const businessCase = useBusinessCase(park.id, projectId);
  const themes = useThemes();
  const stakeholders = useParkStakeholders(park.id);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<'saved' | 'unchanged' | 'conflict' | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const created = (location.state as { created?: 'theme' | 'form' } | null)?.created;
  useDocumentTitle(query.data?.data.title ?? t('projects.title'));
  const boardPath = `/parken/${park.id}/projecten`;

  const save = useMutation({
    mutationFn: (changes: Record<string, unknown>) => updateProject(projectId, query.data!.etag, changes),
    onSuccess: (result) => {
      queryClient.setQueryData(keys.park(park.id).project(projectId).detail, result);
      void refresh.projects(queryClient, park.id);
      setEditing(false);
      setNotice('saved');
    },
    onError: (error) => {
      if (isApiError(error, 412)) {
        setNotice('conflict');
        setEditing(false);
        void query.refetch();
      }
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteProject(projectId, query.data!.etag),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: keys.park(park.id).project(projectId).all });
      void refresh.projects(queryClient, park.id);
      navigate(boardPath, { replace: true });
    },
    onError: (error) => {
      if (isApiError(error, 412)) void query.refetch();
    },
  });

  const back = (
    <p className="pj-back">
      <Link to={boardPath}>← {t('projects.page.back')}</Link>
    </p>
  );
  if (query.isPending) return <Loading />;
  if (query.error) {
    return (
      <div>
        {back}
        {isApiError(query.error, 404) || isApiError(query.error, 422) ? (
          <Alert tone="info" title={t('projects.page.notFound')} />
        ) : (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        )}
      </div>
    );
  }
  const project = query.data.data;
  if (project.park_id !== park.id) {
    return (
      <div>
        {back}
        <Alert tone="info" title={t('projects.page.otherPark')}>
          <p>
            <Link to={`/parken/${project.park_id}/projecten/${project.id}`}>{project.title}</Link>
          </p>
        </Alert>
      </div>
    );
  }

  const owner = stakeholders.data?.items.find((s) => s.id === project.owner_stakeholder_id);
  const form = formLabel(t, project.organisation_form);

  return (
    <div className="pj-page" data-testid="project-page" data-phase={project.phase}>
      {back}
      <header className="pj-head card" data-testid="project-head">
        <div className="pj-head-top">
          <div className="pj-head-title">
            <h2 data-testid="project-title">{project.title}</h2>
            <PhaseBadge phase={project.phase} withStep />
          </div>
          {mayEdit && !editing && (
            <div className="pj-head-actions">
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setNotice(null);
                  save.reset();
                  setEditing(true);
                }}
              >
                {t('projects.page.edit')}
              </button>
              <button type="button" className="button button-quiet" onClick={() => setConfirmDelete(true)} disabled={confirmDelete}>
                {t('projects.page.delete')}
              </button>
            </div>
          )}
        </div>
        <PhaseTrack phase={project.phase} />
        {!mayEdit && (
          <p className="muted small" data-testid="read-only-note">
            {t('projects.page.readOnly')}
          </p>
        )}
        {created && !editing && notice === null && (
          <Alert tone="success" testId="created-message">
            <p>
              {created === 'theme'
                ? t('projects.page.createdFromTheme', { title: project.title, count: participants.data?.length ?? 0 })
                : t('projects.page.created', { title: project.title })}
            </p>
          </Alert>
        )}
        {notice === 'saved' && (
          <Alert tone="success" testId="save-success">
            <p>{t('projects.form.saved')}</p>
          </Alert>
        )}
        {notice === 'unchanged' && (
          <Alert tone="info">
            <p>{t('projects.form.nothingChanged')}</p>
          </Alert>
        )}
        {notice === 'conflict' && (
          <Alert tone="warning" testId="conflict-message">
            <p>{t('projects.page.conflict')}</p>
          </Alert>
        )}
        {confirmDelete && (
          <Alert
            tone="warning"
            testId="delete-confirm"
            title={t('projects.page.deleteTitle', { title: project.title })}
            actions={
              <div className="pj-stack-actions">
                <button type="button" className="button pj-button-danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
                  {t('projects.page.deleteConfirm')}
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={remove.isPending}
                  onClick={() => {
                    setConfirmDelete(false);
                    remove.reset();
                  }}
                >
                  {t('projects.form.cancel')}
                </button>
              </div>
            }
          >
            <p>{t('projects.page.deleteBody')}</p>
            {remove.error ? (
              <p className="alert-detail">{isApiError(remove.error, 412) ? t('projects.page.conflict') : describeError(remove.error, t).message}</p>
            ) : null}
          </Alert>
        )}
        {editing && themes.data && stakeholders.data ? (
          <ProjectForm
            key={query.data.etag}
            initial={valuesFromProject(project)}
            themes={themes.data}
            stakeholders={stakeholders.data.items}
            submitLabel={t('projects.form.save')}
            pending={save.isPending}
            error={save.error && !isApiError(save.error, 412) ? save.error : null}
            onSubmit={(body) => {
              const changes = changedFields(project, body);
              if (Object.keys(changes).length === 0) {
                setEditing(false);
                setNotice('unchanged');
                return;
              }
              save.mutate(changes);
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <dl className="pj-facts">
            <div className="pj-fact pj-fact-wide">
              <dt>{t('projects.page.themes')}</dt>
              <dd>
                <ThemeChips codes={project.theme_codes} themes={themes.data} language={language} />
              </dd>
            </div>
            <div className="pj-fact">
              <dt>{t('projects.page.owner')}</dt>
              <dd data-testid="project-owner">
                {owner ? <Link to={`/parken/${park.id}/betrokkenen/${owner.id}`}>{owner.name}</Link> : <span className="muted">{t('projects.board.noOwner')}</span>}
              </dd>
            </div>
            <div className="pj-fact">
              <dt>{t('projects.page.organisationForm')}</dt>
              <dd>{form ?? <span className="muted">{t('projects.form.noForm')}</span>}</dd>
            </div>
            <div className="pj-fact pj-fact-wide">
              <dt>{t('projects.page.description')}</dt>
              <dd className="description">{project.description ?? <span className="muted">{t('projects.page.noDescription')}</span>}</dd>
            </div>
          </dl>
        )}
        {history.data && <PhaseSteps project={project} history={history.data} mayEdit={mayEdit} />}
        {history.error ? <ErrorAlert error={history.error} onRetry={() => void history.refetch()} /> : null}
      </header>

      <div className="pj-page-grid">
        <div className="pj-page-main">
          {participants.error ? (
            <ErrorAlert error={participants.error} onRetry={() => void participants.refetch()} />
          ) : participants.data ? (
            <ParticipantsPanel project={project} participants={participants.data} stakeholders={stakeholders.data?.items ?? []} mayEdit={mayEdit} />
          ) : (
            <Loading />
          )}
        </div>
        <aside className="card pj-page-side" aria-labelledby="pj-history-title">
          <h2 id="pj-history-title">{t('projects.history.title')}</h2>
          {history.data ? <PhaseHistoryList items={history.data.items} /> : <Loading />}
        </aside>
      </div>
      {businessCase.error ? (
        <ErrorAlert error={businessCase.error} onRetry={() => void businessCase.refetch()} />
      ) : businessCase.isPending || !participants.data ? (
        <Loading />
      ) : (
        <BusinessCasePanel project={project} saved={businessCase.data} participants={participants.data} mayEdit={mayEdit} />
      )}
    </div>
  );
}

/** The way forward as a track: where the project is, what lies behind and ahead. */
function PhaseTrack({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const at = FORWARD.indexOf(phase);
  return (
    <ol className={`pj-track${phase === 'stopped' ? ' pj-track-stopped' : ''}`} aria-label={t('projects.page.phase')}>
      {FORWARD.map((p, i) => (
        <li key={p} className={i < at ? 'done' : i === at ? 'current' : 'ahead'} aria-current={i === at ? 'step' : undefined}>
          <span className="pj-track-dot" aria-hidden="true" />
          <span className="pj-track-label">{t(`projects.phases.${p}`)}</span>
        </li>
      ))}
    </ol>
  );
}
