import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SharedInterest } from '../../api/interests';
import { formatNumber } from '../../lib/format';
import { obstacleLabel, trackLabel } from '../../lib/interests/labels';
import { formatEuro, formatPercent, formatScore, obstacleEntries, scoreWidth } from '../../lib/interests/ranking';
import { KindChips } from './KindChips';
import { StartProjectButton } from './StartProjectButton';

/** One ranked shared interest: why it ranks there, who is behind it, what holds it back. */
export function SharedInterestCard({
  item,
  onStartProject,
  startPending = false,
  startUnavailableReason,
  parkId,
}: {
  item: SharedInterest;
  /** For the links to the projects that cover the theme. */
  parkId?: string;
  /** Starts a project from this theme; leave out when the user may not. */
  onStartProject?: (themeCode: string) => void;
  startPending?: boolean;
  startUnavailableReason?: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const obstacles = obstacleEntries(item.obstacles);
  const titleId = `shared-${item.theme_code}-title`;
  return (
    <article
      className="card shared-card"
      id={`thema-${item.theme_code}`}
      aria-labelledby={titleId}
      data-testid="shared-interest"
      data-theme={item.theme_code}
      data-rank={item.rank}
      tabIndex={-1}
    >
      <header className="shared-card-head">
        <span className="ix-rank-badge" title={t('interests.shared.rank', { rank: item.rank })}>
          <span className="visually-hidden">{t('interests.shared.rank', { rank: item.rank })}</span>
          <span aria-hidden="true">{item.rank}</span>
        </span>
        <div className="shared-card-title">
          <h3 id={titleId}>{item.theme_name}</h3>
          <span className={`track-badge track-${item.track}`}>{trackLabel(t, item.track)}</span>
        </div>
        <div className="ix-score" title={t('interests.shared.scoreOf', { score: formatScore(item.score, language) })}>
          <span className="ix-score-label muted small">{t('interests.shared.score')}</span>
          <span className="ix-score-value" data-testid="score">
            {formatScore(item.score, language)}
          </span>
          <span className="ix-score-bar" aria-hidden="true">
            <span className={`track-fill-${item.track}`} style={{ width: `${scoreWidth(item.score)}%` }} />
          </span>
        </div>
      </header>
      <p className="ix-explanation" data-testid="explanation">
        {item.explanation}
      </p>
      <div className="shared-facts">
        <section className="shared-who" aria-label={t('interests.shared.who')}>
          <h4>
            {t('interests.shared.who')}:{' '}
            <span className="muted">
              {t('interests.shared.sharedBy', {
                count: item.stakeholder_count,
                percent: formatPercent(item.share_of_stakeholders, language),
              })}
            </span>
          </h4>
          <KindChips kinds={item.kinds} />
        </section>
        <dl className="shared-numbers">
          <div>
            <dt>{t('interests.shared.meanUrgency')}</dt>
            <dd>
              {t('interests.shared.urgencyOf', {
                value: formatNumber(item.mean_urgency, language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
              })}
            </dd>
          </div>
          <div>
            <dt>{t('interests.shared.willing')}</dt>
            <dd>
              {t('interests.shared.willingValue', {
                money: item.willing_to_invest_count,
                time: item.willing_time_only_count,
              })}
            </dd>
          </div>
          <div>
            <dt>{t('interests.shared.pledged')}</dt>
            <dd data-testid="pledged">{formatEuro(item.pledged_budget_eur, language)}</dd>
          </div>
        </dl>
        <section className="shared-obstacles" aria-label={t('interests.shared.obstacles')}>
          <h4>{t('interests.shared.obstacles')}</h4>
          {obstacles.length > 0 ? (
            <ul className="ix-chips">
              {obstacles.map((o) => (
                <li key={o.obstacle} className="ix-chip ix-chip-obstacle">
                  {obstacleLabel(t, o.obstacle)} <span className="ix-chip-count">{o.count}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">{t('interests.shared.noObstacles')}</p>
          )}
        </section>
      </div>
      <footer className="shared-card-foot">
        {item.covered_by_project ? (
          <span className="ix-covered" data-testid="covered-by">
            {parkId && item.covering_projects.length > 0 ? (
              <>
                {t('projects.start.coveredBy')}{' '}
                {item.covering_projects.map((p, i) => (
                  <span key={p.id}>
                    {i > 0 && ', '}
                    <Link to={`/parken/${parkId}/projecten/${p.id}`} data-testid="covering-project">
                      {p.title}
                    </Link>
                  </span>
                ))}
              </>
            ) : (
              t('interests.shared.covered')
            )}
          </span>
        ) : (
          <StartProjectButton
            themeCode={item.theme_code}
            themeName={item.theme_name}
            onStart={onStartProject}
            pending={startPending}
            unavailableReason={startUnavailableReason}
          />
        )}
      </footer>
    </article>
  );
}
