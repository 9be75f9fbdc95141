import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { refresh } from '../../api/refresh';
import { useAuth } from '../../auth/AuthContext';
import { canEditPark } from '../../auth/permissions';
import { Alert, ErrorAlert, Loading } from '../../components/Alert';
import { ProjectForm } from '../../components/projects/ProjectForm';
import '../../components/projects/projects.css';
import { useThemes } from '../../lib/interests/queries';
import { useParkStakeholders } from '../../lib/stakeholders/queries';
import { createProject } from '../../lib/projects/api';
import { EMPTY_PROJECT } from '../../lib/projects/projectForm';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useParkContext } from '../ParkPage';

export function NewProjectPage() {
  const { t } = useTranslation();
  const { versioned } = useParkContext();
  const { park } = versioned;
  const { user } = useAuth();
  const mayEdit = canEditPark(user, park.province);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const themes = useThemes();
  const stakeholders = useParkStakeholders(park.id);
  useDocumentTitle(`${t('projects.form.newTitle')} · ${park.name}`);
  const boardPath = `/parken/${park.id}/projecten`;

  const create = useMutation({
    mutationFn: (body: Parameters<typeof createProject>[1]) => createProject(park.id, body),
    onSuccess: (project) => {
      void refresh.projects(queryClient, park.id);
      navigate(`${boardPath}/${project.id}`, { state: { created: 'form' } });
    },
  });

  const back = (
    <p className="pj-back">
      <Link to={boardPath}>← {t('projects.page.back')}</Link>
    </p>
  );
  if (!mayEdit) {
    return (
      <div>
        {back}
        <Alert tone="info" title={t('projects.board.readOnly')} />
      </div>
    );
  }
  if (themes.isPending || stakeholders.isPending) return <Loading />;
  if (themes.error || stakeholders.error) return <ErrorAlert error={themes.error ?? stakeholders.error} />;

  return (
    <div className="pj-new">
      {back}
      <h2>{t('projects.form.newTitle')}</h2>
      <p className="muted">{t('projects.form.newIntro')}</p>
      <div className="card pj-form-card">
        <ProjectForm
          initial={EMPTY_PROJECT}
          themes={themes.data}
          stakeholders={stakeholders.data.items}
          submitLabel={t('projects.form.create')}
          pending={create.isPending}
          error={create.error}
          onSubmit={(body) => create.mutate(body)}
          onCancel={() => navigate(boardPath)}
        />
      </div>
    </div>
  );
}
