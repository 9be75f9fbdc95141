import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { keys } from '../../api/queryKeys';
import { refresh } from '../../api/refresh';
import { useAuth } from '../../auth/AuthContext';
import { canEditPark } from '../../auth/permissions';
import { Alert } from '../../components/Alert';
import { StakeholderForm } from '../../components/stakeholders/StakeholderForm';
import { lastStakeholderList } from '../../lib/stakeholders/lastList';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useParkContext } from '../ParkPage';

/** A new stakeholder: the form, then on to its page (to log the conversation right away). */
export function NewStakeholder() {
  const { t } = useTranslation();
  const { versioned } = useParkContext();
  const { park } = versioned;
  const { user } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useDocumentTitle(`${t('stakeholders.form.newTitle')} · ${park.name}`);
  const listPath = `/parken/${park.id}/betrokkenen${lastStakeholderList(park.id)}`;

  return (
    <div className="stakeholder-new">
      <p className="sh-back-link">
        <Link to={listPath}>← {t('stakeholders.detail.back')}</Link>
      </p>
      {canEditPark(user, park.province) ? (
        <div className="sh-narrow">
          <StakeholderForm
            parkId={park.id}
            onCancel={() => navigate(listPath)}
            onSaved={(result) => {
              queryClient.setQueryData(keys.park(park.id).stakeholder(result.stakeholder.id).detail, result);
              void refresh.stakeholders(queryClient, park.id);
              navigate(`/parken/${park.id}/betrokkenen/${result.stakeholder.id}`, { state: { created: true } });
            }}
          />
        </div>
      ) : (
        <Alert tone="info" testId="no-rights">
          <p>{t('stakeholders.list.readOnly')}</p>
        </Alert>
      )}
    </div>
  );
}
