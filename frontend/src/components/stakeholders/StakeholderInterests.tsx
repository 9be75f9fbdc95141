import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, Loading } from '../Alert';
import { useStakeholderInterests, useThemes } from '../../lib/interests/queries';

/** What this party said in its interview: the themes, how urgent, and what they would invest. */
export function StakeholderInterests({ parkId, stakeholderId, mayEdit }: { parkId: string; stakeholderId: string; mayEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const interests = useStakeholderInterests(parkId, stakeholderId);
  const themes = useThemes();
  const themeName = (code: string) => {
    const theme = themes.data?.find((th) => th.code === code);
    return theme ? (language === 'en' ? theme.name_en : theme.name_nl) : code;
  };
  const interview = `/parken/${encodeURIComponent(parkId)}/interview/${encodeURIComponent(stakeholderId)}`;
  return (
    <section className="card" aria-labelledby="sh-interests-title" data-testid="stakeholder-interests">
      <div className="card-head">
        <h2 id="sh-interests-title">{t('stakeholders.interests.title')}</h2>
        <Link to={interview}>{mayEdit ? t('stakeholders.interests.toInterview') : t('stakeholders.interests.viewInterview')}</Link>
      </div>
      {interests.isPending ? (
        <Loading />
      ) : interests.error ? (
        <ErrorAlert error={interests.error} onRetry={() => void interests.refetch()} />
      ) : interests.data.length === 0 ? (
        <p className="empty">{mayEdit ? t('stakeholders.interests.noneYet') : t('stakeholders.interests.none')}</p>
      ) : (
        <ul className="work-list">
          {[...interests.data]
            .sort((a, b) => b.urgency - a.urgency || themeName(a.theme_code).localeCompare(themeName(b.theme_code), language))
            .map((i) => (
              <li key={i.id} data-testid="stakeholder-interest">
                <strong>{themeName(i.theme_code)}</strong>
                <span className="muted small block">
                  {t('stakeholders.interests.urgency', { n: i.urgency })} · {t(`interests.willingness.${i.investment_willingness}`)}
                </span>
                {i.challenge && <span className="small block">{i.challenge}</span>}
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
