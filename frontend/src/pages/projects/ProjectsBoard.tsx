import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Stakeholder, Theme } from '../../api/interests';
import { useAuth } from '../../auth/AuthContext';
import { canEditPark } from '../../auth/permissions';
import { ErrorAlert, Loading } from '../../components/Alert';
import { PhaseBadge, ThemeChips } from '../../components/projects/parts';
import '../../components/projects/projects.css';
import { useThemes } from '../../lib/interests/queries';
import { useParkStakeholders } from '../../lib/stakeholders/queries';
import type { Project } from '../../lib/projects/api';
import { groupByPhase } from '../../lib/projects/phases';
import { useProjects } from '../../lib/projects/queries';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useParkContext } from '../ParkPage';

/** The park's projects by phase: columns on a wide screen, a list per phase on a phone. */
export function ProjectsBoard() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const { versioned } = useParkContext();
  const { park } = versioned;
  const { user } = useAuth();
  const mayEdit = canEditPark(user, park.province);
  const query = useProjects(park.id);
  const themes = useThemes();
  const stakeholders = useParkStakeholders(park.id);
  useDocumentTitle(`${t('projects.title')} · ${park.name}`);

  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;

  const projects = query.data;
  if (projects.length === 0) {
    return (
      <div className="empty pj-empty" data-testid="projects-empty">
        <h3>{t('projects.board.empty.title')}</h3>
        <p>{t('projects.board.empty.body')}</p>
        {mayEdit ? (
          <div className="pj-empty-actions">
            <Link to="../belangen" className="button button-primary">
              {t('projects.board.empty.fromInterest')}
            </Link>
            <Link to="nieuw" className="button button-secondary" data-testid="new-project">
              {t('projects.board.empty.new')}
            </Link>
          </div>
        ) : (
          <p className="small">{t('projects.board.empty.readOnly')}</p>
        )}
      </div>
    );
  }

  const columns = groupByPhase(projects, language);
  const ownerName = new Map((stakeholders.data?.items ?? []).map((s: Stakeholder) => [s.id, s.name]));
  return (
    <div className="pj-board-page">
      <div className="pj-toolbar">
        <p className="muted" data-testid="projects-count">
          {t('projects.board.count', { count: projects.length })}
        </p>
        {mayEdit ? (
          <div className="pj-toolbar-actions">
            <Link to="../belangen" className="button button-secondary">
              {t('projects.board.fromInterest')}
            </Link>
            <Link to="nieuw" className="button button-primary" data-testid="new-project">
              {t('projects.board.new')}
            </Link>
          </div>
        ) : (
          <p className="muted small" data-testid="read-only-note">
            {t('projects.board.readOnly')}
          </p>
        )}
      </div>
      <div className="pj-board" role="list" aria-label={t('projects.board.label')} data-testid="project-board">
        {columns.map((column) => (
          <section
            key={column.phase}
            className={`pj-column pj-column-${column.phase}${column.projects.length === 0 ? ' pj-column-empty' : ''}`}
            role="listitem"
            aria-label={t('projects.board.phaseCount', { phase: t(`projects.phases.${column.phase}`), count: column.projects.length })}
            data-testid="board-column"
            data-phase={column.phase}
          >
            <header className="pj-column-head">
              <h3>{t(`projects.phases.${column.phase}`)}</h3>
              <span className="pj-column-count">{column.projects.length}</span>
            </header>
            <p className="pj-column-hint">{t(`projects.phaseHints.${column.phase}`)}</p>
            {column.projects.length === 0 ? (
              <p className="pj-column-none">{t('projects.board.emptyColumn')}</p>
            ) : (
              <ul className="pj-cards">
                {column.projects.map((p) => (
                  <li key={p.id}>
                    <ProjectCard project={p} themes={themes.data} owner={p.owner_stakeholder_id ? ownerName.get(p.owner_stakeholder_id) : undefined} language={language} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}

function ProjectCard({ project, themes, owner, language }: { project: Project; themes: Theme[] | undefined; owner: string | undefined; language: string }) {
  const { t } = useTranslation();
  return (
    <article className="pj-card" data-testid="project-card" data-phase={project.phase}>
      <h4 className="pj-card-title">
        <Link to={project.id}>{project.title}</Link>
      </h4>
      <ThemeChips codes={project.theme_codes} themes={themes} language={language} />
      <p className="pj-card-owner muted small">
        {owner ? t('projects.board.owner', { name: owner }) : project.owner_stakeholder_id ? t('projects.board.owner', { name: '…' }) : t('projects.board.noOwner')}
      </p>
      <span className="visually-hidden">
        <PhaseBadge phase={project.phase} />
      </span>
    </article>
  );
}
