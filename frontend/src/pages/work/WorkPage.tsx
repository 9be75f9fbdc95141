import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert, Loading } from '../../components/Alert';
import { LevelBadge } from '../../components/work/LevelBadge';
import { formatDay } from '../../lib/assessments/dates';
import { EMPTY, formatDateTime, formatNumber } from '../../lib/format';
import { PARK_ENTITY_TYPES } from '../../lib/admin/audit';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useProvinces } from '../../lib/useReference';
import type { ActivityItem, MyWork, ParkRow } from '../../lib/work/api';
import { useMyWork, useNextFollowUps } from '../../lib/work/queries';

const NEXT_FOLLOW_UPS = 5;

function parkPath(id: string, sub = ''): string {
  return `/parken/${encodeURIComponent(id)}${sub}`;
}

/** The start page: the parks a user works on and what is waiting there. */
export function WorkPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const { user } = useAuth();
  useDocumentTitle(t('work.title'));
  const work = useMyWork();
  const worksOnParks = work.data ? work.data.open_follow_ups !== null : false;
  const followUps = useNextFollowUps(NEXT_FOLLOW_UPS, worksOnParks);
  const provinces = useProvinces();
  const provinceName = (code: string) => provinces.data?.find((p) => p.code === code)?.name ?? code;

  const scope = work.data?.scope;
  const scopeText = scope ? scope.map(provinceName).join(', ') : t('work.scopeAll');

  return (
    <div className="page work-page">
      <div className="page-head">
        <div>
          <h1>{t('work.title')}</h1>
          <p className="muted" data-testid="work-scope">
            {user ? t('work.greeting', { name: user.full_name }) : ''}
            {work.data && ` · ${scope ? t('work.scopeProvinces', { provinces: scopeText }) : scopeText}`}
          </p>
        </div>
        <Link to="/parken" className="button button-secondary">
          {t('work.parks.allParks')}
        </Link>
      </div>
      {work.isPending ? (
        <Loading />
      ) : work.error ? (
        <ErrorAlert error={work.error} onRetry={() => void work.refetch()} />
      ) : (
        <>
          <Tiles work={work.data} />
          <div className="work-grid">
            <div className="work-parks">
              <MyParks work={work.data} scopeText={scopeText} />
            </div>
            <aside className="work-side">
              {worksOnParks && (
                <section className="card" aria-labelledby="work-followups">
                  <div className="card-head">
                    <h2 id="work-followups">{t('work.followUps.heading')}</h2>
                    <Link to="/opvolgen">{t('work.followUps.all')}</Link>
                  </div>
                  {followUps.isPending ? (
                    <Loading />
                  ) : followUps.error ? (
                    <ErrorAlert error={followUps.error} onRetry={() => void followUps.refetch()} />
                  ) : followUps.data.length === 0 ? (
                    <p className="empty">{t('work.followUps.empty')}</p>
                  ) : (
                    <ul className="work-list" data-testid="work-followups">
                      {followUps.data.map((f) => {
                        const overdue = f.follow_up_date < new Date().toISOString().slice(0, 10);
                        return (
                          <li key={f.contact_id}>
                            <Link to={parkPath(f.park_id, `/betrokkenen/${encodeURIComponent(f.stakeholder_id)}`)}>
                              {f.stakeholder_name}
                            </Link>
                            <span className="muted small"> · {f.park_name}</span>
                            <span className={`work-due ${overdue ? 'work-due-late' : ''}`}>
                              {formatDay(f.follow_up_date, language)}
                              {overdue && ` · ${t('work.followUps.overdue')}`}
                            </span>
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </section>
              )}
              <NeedsAssessment work={work.data} />
            </aside>
            <div className="work-activity">
              <RecentActivity items={work.data.recent_activity} />
            </div>
          </div>
        </>
      )}
    </div>
  );
}

function Tiles({ work }: { work: MyWork }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.resolvedLanguage ?? 'nl');
  return (
    <ul className="tiles" data-testid="work-tiles">
      <li className="tile">
        <span className="tile-value">{n(work.active_parks)}</span>
        <span className="tile-label">{t('work.tiles.activeParks')}</span>
        <span className="tile-hint">{t('work.tiles.activeParksHint')}</span>
      </li>
      {work.open_follow_ups !== null && (
        <li className={`tile ${work.overdue_follow_ups ? 'tile-warning' : ''}`}>
          <Link to="/opvolgen" className="tile-link">
            <span className="tile-value">{n(work.open_follow_ups)}</span>
            <span className="tile-label">{t('work.tiles.followUps')}</span>
            <span className="tile-hint">
              {work.overdue_follow_ups ? t('work.tiles.overdue', { count: work.overdue_follow_ups }) : t('work.tiles.noneOverdue')}
            </span>
          </Link>
        </li>
      )}
      <li className="tile">
        <span className="tile-value">{n(work.stale_assessments)}</span>
        <span className="tile-label">{t('work.tiles.stale')}</span>
        <span className="tile-hint">{t('work.tiles.staleHint')}</span>
      </li>
    </ul>
  );
}

function MyParks({ work, scopeText }: { work: MyWork; scopeText: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  return (
    <section className="card" aria-labelledby="work-parks">
      <div className="card-head">
        <h2 id="work-parks">{work.scope ? t('work.parks.heading') : t('work.parks.headingAll')}</h2>
        <span className="muted small">{t('work.parks.intro')}</span>
      </div>
      {work.parks.length === 0 ? (
        <div className="empty">
          <p>{t('work.parks.empty', { scope: scopeText })}</p>
          <Link to="/parken" className="button button-primary">
            {t('work.parks.toRegister')}
          </Link>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table stack-table" data-testid="work-parks">
            <thead>
              <tr>
                <th scope="col">{t('work.parks.name')}</th>
                <th scope="col" className="num">
                  {t('work.parks.stakeholders')}
                </th>
                <th scope="col">{t('work.parks.interviewed')}</th>
                <th scope="col">{t('work.parks.lastContact')}</th>
                <th scope="col">{t('work.parks.level')}</th>
              </tr>
            </thead>
            <tbody>
              {work.parks.map((p) => (
                <ParkLine key={p.id} park={p} language={language} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ParkLine({ park, language }: { park: ParkRow; language: string }) {
  const { t } = useTranslation();
  return (
    <tr data-testid="work-park" data-name={park.name}>
      <th scope="row" data-label={t('work.parks.name')}>
        <Link to={parkPath(park.id)}>{park.name}</Link>
        <span className="muted small block">{park.municipality}</span>
      </th>
      <td data-label={t('work.parks.stakeholders')} className="num">
        {formatNumber(park.stakeholders, language)}
      </td>
      <td data-label={t('work.parks.interviewed')}>
        {park.stakeholders > 0
          ? t('work.parks.interviewedOf', { n: formatNumber(park.interviewed, language), m: formatNumber(park.stakeholders, language) })
          : EMPTY}
      </td>
      <td data-label={t('work.parks.lastContact')}>{park.last_contact ? formatDay(park.last_contact, language) : EMPTY}</td>
      <td data-label={t('work.parks.level')}>
        <LevelBadge level={park.level} name={park.level_name} />
      </td>
    </tr>
  );
}

function NeedsAssessment({ work }: { work: MyWork }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const more = work.stale_assessments - work.needs_assessment.length;
  return (
    <section className="card" aria-labelledby="work-assess">
      <h2 id="work-assess">{t('work.assess.heading')}</h2>
      <p className="muted small">{t('work.assess.intro')}</p>
      {work.needs_assessment.length === 0 ? (
        <p className="empty">{t('work.assess.empty')}</p>
      ) : (
        <ul className="work-list" data-testid="work-assess">
          {work.needs_assessment.map((p) => (
            <li key={p.id}>
              <Link to={parkPath(p.id, '/organisatiegraad')}>{p.name}</Link>
              <span className="muted small block">
                {p.assessed_at ? t('work.assess.last', { date: formatDay(p.assessed_at, language) }) : t('work.assess.never')}
              </span>
            </li>
          ))}
        </ul>
      )}
      {more > 0 && <p className="muted small">{t('work.assess.more', { count: more })}</p>}
    </section>
  );
}

const KNOWN_TYPES = PARK_ENTITY_TYPES;
type KnownType = (typeof KNOWN_TYPES)[number];

function typeKey(entity: string): KnownType | 'other' {
  return (KNOWN_TYPES as readonly string[]).includes(entity) ? (entity as KnownType) : 'other';
}

function RecentActivity({ items }: { items: ActivityItem[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  return (
    <section className="card" aria-labelledby="work-activity">
      <h2 id="work-activity">{t('work.activity.heading')}</h2>
      {items.length === 0 ? (
        <p className="empty">{t('work.activity.empty')}</p>
      ) : (
        <ol className="work-list" data-testid="work-activity">
          {items.map((a) => {
            const action = a.action === 'create' || a.action === 'update' || a.action === 'delete' ? a.action : 'update';
            return (
              <li key={`${a.entity_id}-${a.occurred_at}`}>
                <span>
                  <strong>{a.actor}</strong> {t(`work.activity.actions.${action}`)} {t(`work.activity.types.${typeKey(a.entity_type)}`)}
                  {a.label && a.entity_type !== 'park' ? ` “${a.label}”` : ''}
                </span>
                <span className="muted small block">
                  <Link to={parkPath(a.park_id)}>{a.park_name}</Link> · {formatDateTime(a.occurred_at, language)}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
