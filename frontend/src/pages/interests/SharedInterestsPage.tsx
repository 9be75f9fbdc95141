import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { TRACKS, type Track } from '../../api/interests';
import { useAuth } from '../../auth/AuthContext';
import { canEditPark } from '../../auth/permissions';
import { describeError } from '../../api/messages';
import { Alert, ErrorAlert, Loading } from '../../components/Alert';
import { RankingChart } from '../../components/interests/RankingChart';
import { ScoreExplanation } from '../../components/interests/ScoreExplanation';
import { SharedInterestCard } from '../../components/interests/SharedInterestCard';
import { trackLabel } from '../../lib/interests/labels';
import { useSharedInterests } from '../../lib/interests/queries';
import { useStartProject } from '../../lib/projects/queries';
import { MIN_STAKEHOLDERS_CHOICES, readFilters, writeFilters } from '../../lib/interests/ranking';
import { useParkContext } from '../ParkPage';

/**
 * The ranked shared interests of a park. "Project starten" on a theme creates a project from it
 * (`from_theme`: title, theme and the interested stakeholders as participants) and opens it; a
 * covered theme links to the projects that cover it.
 */
export function SharedInterestsPage() {
  const { t } = useTranslation();
  const { versioned } = useParkContext();
  const { park } = versioned;
  const { user } = useAuth();
  const mayEdit = canEditPark(user, park.province);
  const start = useStartProject(park.id);
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const query = useSharedInterests(park.id, filters);

  const setFilters = (next: Partial<typeof filters>) =>
    setParams(writeFilters({ ...filters, ...next }), { replace: true });

  const scrollTo = (themeCode: string) => {
    const element = document.getElementById(`thema-${themeCode}`);
    element?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    element?.focus({ preventScroll: true });
  };

  const data = query.data;
  const minChoices = [...new Set([...MIN_STAKEHOLDERS_CHOICES, filters.minStakeholders])].sort((a, b) => a - b);

  return (
    <div className="shared-interests">
      <div className="filters shared-filters" role="group" aria-label={t('interests.shared.filters.label')}>
        <div className="field">
          <label htmlFor="shared-track">{t('interests.shared.filters.track')}</label>
          <select
            id="shared-track"
            value={filters.track ?? ''}
            onChange={(e) => setFilters({ track: (e.target.value || null) as Track | null })}
          >
            <option value="">{t('interests.tracks.all')}</option>
            {TRACKS.map((track) => (
              <option key={track} value={track}>
                {trackLabel(t, track)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="shared-min">{t('interests.shared.filters.minStakeholders')}</label>
          <select
            id="shared-min"
            value={filters.minStakeholders}
            onChange={(e) => setFilters({ minStakeholders: Number(e.target.value) })}
          >
            {minChoices.map((n) => (
              <option key={n} value={n}>
                {t('interests.shared.filters.minOption', { count: n })}
              </option>
            ))}
          </select>
        </div>
        {data && (
          <dl className="ix-figures" data-testid="shared-figures">
            <div className="ix-figure">
              <dt>{t('interests.shared.interviewedLabel')}</dt>
              <dd data-testid="interviewed">
                {t('interests.shared.interviewedOf', {
                  interviewed: data.interviewed_stakeholders,
                  total: data.stakeholder_count,
                })}
              </dd>
              {data.answered_by_survey > 0 && (
                <dd className="muted small" data-testid="answered-by">
                  {t('surveys.ranking', { interview: data.answered_by_interview, survey: data.answered_by_survey })}
                </dd>
              )}
            </div>
            <div className="ix-figure">
              <dt>{t('interests.shared.sharedThemes')}</dt>
              <dd>{data.items.length}</dd>
            </div>
          </dl>
        )}
        {mayEdit && (
          <Link to="../interview" className="button button-primary shared-interview-link">
            {t('interests.shared.startInterview')}
          </Link>
        )}
      </div>

      {start.error ? (
        <Alert tone="error" title={t('projects.start.failed')} testId="start-project-error">
          <p className="alert-detail">{describeError(start.error, t).detail ?? describeError(start.error, t).message}</p>
        </Alert>
      ) : null}
      {query.isPending ? (
        <Loading />
      ) : query.error ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : data && data.interviewed_stakeholders === 0 ? (
        <div className="empty interests-empty" data-testid="shared-empty">
          <h3>{t('interests.shared.empty.title')}</h3>
          <p>{t('interests.shared.empty.body')}</p>
          {mayEdit ? (
            <Link to="../interview" className="button button-primary">
              {t('interests.shared.empty.action')}
            </Link>
          ) : (
            <p className="small">{t('interests.shared.empty.readOnly')}</p>
          )}
        </div>
      ) : data && data.items.length === 0 ? (
        <>
          <ScoreExplanation />
          <div className="empty interests-empty" data-testid="shared-none">
            <h3>{t('interests.shared.none.title')}</h3>
            <p>{t('interests.shared.none.body', { count: data.min_stakeholders })}</p>
          </div>
        </>
      ) : data ? (
        <div className={query.isPlaceholderData ? 'ix-stale' : undefined} aria-busy={query.isFetching}>
          <ScoreExplanation />
          <section className="card" aria-labelledby="ranking-chart-title">
            <h3 id="ranking-chart-title" className="card-title">
              {t('interests.shared.chartTitle')}
            </h3>
            <RankingChart items={data.items} onSelect={scrollTo} />
          </section>
          <ol className="shared-list" data-testid="shared-list">
            {data.items.map((item) => (
              <li key={item.theme_code}>
                <SharedInterestCard
                  item={item}
                  parkId={park.id}
                  onStartProject={mayEdit ? (code) => start.mutate(code) : undefined}
                  startPending={start.isPending && start.variables === item.theme_code}
                  startUnavailableReason={t('projects.start.unavailable')}
                />
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </div>
  );
}
