import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { canEditPark } from '../auth/permissions';
import { Alert, ErrorAlert, Loading } from '../components/Alert';
import { ParkMap } from '../components/ParkMap';
import { Sparkline } from '../components/assessments/Sparkline';
import '../components/assessments/assessments.css';
import type { ParkOverview as Overview, Todo } from '../lib/assessments/api';
import { formatDay, formatScore } from '../lib/assessments/dates';
import { useOverview } from '../lib/assessments/queries';
import { BLOCK_ROUTES, todoPath } from '../lib/assessments/todoRoutes';
import { EMPTY, formatCoordinate, formatDateTime, formatHectares, formatNumber } from '../lib/format';
import { KINDS } from '../lib/stakeholders/kinds';
import { ParkEditForm } from './ParkEditForm';
import { useParkContext } from './ParkPage';

const PHASES = ['idea', 'exploration', 'business_case', 'realisation', 'operation', 'stopped'] as const;
type Phase = (typeof PHASES)[number];
const FORMS = ['biz', 'ondernemersfonds', 'ondernemersvereniging', 'cooperatie', 'stichting', 'bv', 'werkgroep', 'parkmanagement'] as const;
type Form = (typeof FORMS)[number];
type Block = keyof typeof BLOCK_ROUTES;

const isPhase = (value: string): value is Phase => (PHASES as readonly string[]).includes(value);
const isForm = (value: string): value is Form => (FORMS as readonly string[]).includes(value);

/**
 * The park's dashboard, in the order of the guidance: the next step, then inventory, shared
 * interests, projects, organisation and organisatiegraad (one call: GET …/overview), each block
 * with what is missing and a link to the screen that fixes it; the register data in a compact card.
 */
export function ParkOverview() {
  const { t } = useTranslation();
  const { versioned } = useParkContext();
  const { park } = versioned;
  const { user } = useAuth();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const mayEdit = canEditPark(user, park.province);
  const overview = useOverview(park.id);

  return (
    <div className="overview">
      {saved && !editing && (
        <Alert tone="success" testId="save-success">
          <p>{t('park.saved')}</p>
        </Alert>
      )}
      {!editing && (
        <>
          {overview.isPending && <Loading />}
          {overview.error && <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />}
          {overview.data && <NextStep parkId={park.id} step={overview.data.next_step} />}
        </>
      )}
      <div className="overview-grid">
        <div className="overview-main">
          {editing ? (
            <ParkEditForm
              versioned={versioned}
              onCancel={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                setSaved(true);
              }}
            />
          ) : (
            overview.data && <Journey overview={overview.data} parkId={park.id} />
          )}
        </div>
        <aside className="overview-side">
          <Details mayEdit={mayEdit} editing={editing} onEdit={() => {
            setSaved(false);
            setEditing(true);
          }} />
        </aside>
      </div>
    </div>
  );
}

function NextStep({ parkId, step }: { parkId: string; step: Todo }) {
  const { t } = useTranslation();
  const path = todoPath(parkId, step.code);
  return (
    <section className="ov-next" data-testid="next-step" data-code={step.code} aria-labelledby="next-step-label">
      <div className="ov-next-text">
        <span id="next-step-label" className="ov-next-label">
          {t('overview.nextStep')}
        </span>
        <p className="ov-next-step">{step.text}</p>
      </div>
      <div className="ov-next-actions">
        {path && (
          <Link to={path} className="button button-primary" data-testid="next-step-link">
            {t('overview.go')}
          </Link>
        )}
        <Link to={`/parken/${parkId}/rapport`} className="button button-secondary" data-testid="report-link">
          {t('overview.report')}
        </Link>
      </div>
    </section>
  );
}

function Journey({ overview, parkId }: { overview: Overview; parkId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const { inventory, shared_interests: interests, projects, organisation, organisatiegraad: graad } = overview;
  const count = (value: number) => formatNumber(value, language, { maximumFractionDigits: 0 });
  const kinds = KINDS.filter((k) => (inventory.by_kind[k] ?? 0) > 0);

  return (
    <div className="ov-journey">
      <h2 className="visually-hidden">{t('overview.journey')}</h2>
      <OverviewBlock block="inventory" parkId={parkId} todo={inventory.todo}>
        {inventory.stakeholders === 0 ? (
          <p className="muted">{t('overview.inventory.none')}</p>
        ) : (
          <>
            <p className="ov-big">
              <strong>{count(inventory.stakeholders)}</strong> {t('overview.inventory.stakeholders').toLowerCase()}
            </p>
            <ul className="ov-chips" data-testid="inventory-kinds">
              {kinds.map((k) => (
                <li key={k} className="ov-chip">
                  {t(`stakeholders.kinds.${k}`)} <strong>{count(inventory.by_kind[k] ?? 0)}</strong>
                </li>
              ))}
            </ul>
            <dl className="ov-facts">
              <Fact label={t('overview.inventory.interviewed')}>
                {t('overview.inventory.interviewedValue', {
                  count: inventory.interviewed,
                  entrepreneurs: inventory.entrepreneurs_interviewed,
                  total: inventory.entrepreneurs,
                })}
              </Fact>
              <Fact label={t('overview.inventory.spoken')}>
                {t('overview.inventory.spokenValue', { count: inventory.spoken_to_last_12_months, total: inventory.reachable })}
              </Fact>
              <Fact label={t('overview.inventory.lastContact')}>{formatDay(inventory.last_contact, language)}</Fact>
              <Fact label={t('overview.inventory.followUps')}>{count(inventory.open_follow_ups)}</Fact>
            </dl>
          </>
        )}
      </OverviewBlock>

      <OverviewBlock block="shared_interests" parkId={parkId} todo={interests.todo}>
        {interests.top.length === 0 ? (
          <p className="muted">{t('overview.interests.none')}</p>
        ) : (
          <>
            <p className="muted small">{t('overview.interests.count', { count: interests.count })}</p>
            <ol className="ov-top" data-testid="top-interests">
              {interests.top.map((i) => (
                <li key={i.theme_code} data-theme={i.theme_code}>
                  <span className="ov-top-name">{i.theme_name}</span>
                  <span className="ov-bar" aria-hidden="true">
                    <span style={{ width: `${Math.max(2, Math.min(100, i.score))}%` }} />
                  </span>
                  <span className="ov-top-meta">
                    {t('overview.interests.score', { score: formatScore(i.score, language) })} ·{' '}
                    {t('overview.interests.stakeholders', { count: i.stakeholder_count })}
                    {i.covered_by_project && <> · {t('overview.interests.covered')}</>}
                  </span>
                </li>
              ))}
            </ol>
          </>
        )}
      </OverviewBlock>

      <OverviewBlock block="projects" parkId={parkId} todo={projects.todo}>
        {projects.total === 0 ? (
          <p className="muted">{t('overview.projects.none')}</p>
        ) : (
          <>
            <p className="muted small">{t('overview.projects.count', { count: projects.total })}</p>
            <ul className="ov-phases" data-testid="project-phases">
              {PHASES.map((phase) => (
                <li key={phase} className={(projects.by_phase[phase] ?? 0) > 0 ? 'has' : undefined}>
                  <span className="ov-phase-count">{count(projects.by_phase[phase] ?? 0)}</span>
                  <span className="ov-phase-name">{t(`overview.projects.phases.${phase}`)}</span>
                </li>
              ))}
            </ul>
            {projects.furthest && (
              <p className="ov-furthest">
                <span className="muted small">{t('overview.projects.furthest')}: </span>
                <Link to={`/parken/${parkId}/projecten/${projects.furthest.id}`}>{projects.furthest.title}</Link>{' '}
                <span className="muted">
                  ({isPhase(projects.furthest.phase) ? t(`overview.projects.phases.${projects.furthest.phase}`) : projects.furthest.phase})
                </span>
              </p>
            )}
          </>
        )}
      </OverviewBlock>

      <OverviewBlock block="organisation" parkId={parkId} todo={organisation.todo}>
        <dl className="ov-facts ov-facts-stacked">
          <Fact label={t('overview.organisation.active')}>
            {organisation.organisations.length === 0 ? (
              <span className="muted">{t('overview.organisation.none')}</span>
            ) : (
              <ul className="ov-list">
                {organisation.organisations.map((o) => (
                  <li key={o.id}>
                    <strong>{isForm(o.form) ? t(`organisations.forms.${o.form}`) : o.form}</strong> — {o.name}
                  </li>
                ))}
              </ul>
            )}
          </Fact>
          <Fact label={t('overview.organisation.advice')}>
            {organisation.advice_first_form ? (
              <span data-testid="advice-first-form">
                {isForm(organisation.advice_first_form)
                  ? t(`organisations.forms.${organisation.advice_first_form}`)
                  : organisation.advice_first_form}
                {organisation.advice_saved_at && (
                  <span className="muted small"> · {formatDay(organisation.advice_saved_at, language)}</span>
                )}
              </span>
            ) : (
              <span className="muted">{t('overview.organisation.noAdvice')}</span>
            )}
          </Fact>
        </dl>
      </OverviewBlock>

      <OverviewBlock block="organisatiegraad" parkId={parkId} todo={graad.todo}>
        {graad.score === null || graad.level === null ? (
          <p className="muted">{t('overview.organisatiegraad.none')}</p>
        ) : (
          <div className="ov-graad">
            <div>
              <p className="ov-big" data-testid="organisatiegraad-level">
                <strong>{t('overview.organisatiegraad.level', { level: graad.level, name: graad.level_name ?? '' })}</strong>
              </p>
              <p className="ov-graad-score" data-testid="organisatiegraad-score">
                {t('overview.organisatiegraad.score', { score: formatScore(graad.score, language) })}
              </p>
              <p className="muted small">
                {t('overview.organisatiegraad.assessedAt', { date: formatDay(graad.assessed_at, language) })}
              </p>
            </div>
            <Sparkline scores={graad.history.map((h) => h.score)} label={t('overview.organisatiegraad.trend')} width={180} height={44} />
          </div>
        )}
      </OverviewBlock>
    </div>
  );
}

function OverviewBlock({ block, parkId, todo, children }: { block: Block; parkId: string; todo: Todo | null; children: ReactNode }) {
  const { t } = useTranslation();
  const todoLink = todo ? todoPath(parkId, todo.code) : null;
  const id = `ov-${block}`;
  return (
    <section className="card ov-block" data-testid="overview-block" data-block={block} aria-labelledby={id}>
      <div className="card-head">
        <h2 id={id}>{t(`overview.blocks.${block}`)}</h2>
        <Link to={`/parken/${parkId}/${BLOCK_ROUTES[block]}`} className="ov-open small">
          {t('overview.open')}
        </Link>
      </div>
      {children}
      {todo && (
        <div className="ov-todo" data-testid="block-todo" data-code={todo.code}>
          <span>{todo.text}</span>
          {todoLink && (
            <Link to={todoLink} className="button button-quiet ov-todo-link">
              {t('overview.todoLink')}
            </Link>
          )}
        </div>
      )}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="ov-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The register data, compact; editing the park as before. */
function Details({ mayEdit, editing, onEdit }: { mayEdit: boolean; editing: boolean; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const { versioned, provinceName } = useParkContext();
  const { park } = versioned;
  // What a user reads first; the register's codes (IBIS number and type, CBS code, coordinates,
  // the version) are folded away below for whoever needs them.
  const rows: [string, string][] = [
    [t('park.fields.municipality'), park.municipality],
    [t('park.fields.province'), provinceName],
    [t('park.fields.area_ha'), formatHectares(park.area_ha, language)],
    [t('park.fields.area_net_ha'), formatHectares(park.area_net_ha, language)],
    [t('park.fields.area_available_ha'), formatHectares(park.area_available_ha, language)],
    [t('park.fields.company_count'), formatNumber(park.company_count, language, { maximumFractionDigits: 0 })],
    [t('park.fields.updated_at'), formatDateTime(park.updated_at, language)],
  ];
  const technical: [string, string][] = [
    [t('park.fields.ibis_id'), park.ibis_id ?? EMPTY],
    [t('park.fields.ibis_type'), park.ibis_type ?? EMPTY],
    [t('park.fields.ibis_year'), park.ibis_year != null ? String(park.ibis_year) : EMPTY],
    [t('park.fields.municipality_code'), park.municipality_code ?? EMPTY],
    [
      t('park.fields.coordinates'),
      park.latitude != null && park.longitude != null
        ? `${formatCoordinate(park.latitude, language)}; ${formatCoordinate(park.longitude, language)}`
        : EMPTY,
    ],
    [t('park.fields.version'), String(park.version)],
  ];
  return (
    <>
      <section className="card ov-details" aria-labelledby="park-data-title" data-testid="park-details">
        <div className="card-head">
          <h2 id="park-data-title">{t('overview.details')}</h2>
          {mayEdit ? (
            !editing && (
              <button type="button" className="button button-secondary" onClick={onEdit}>
                {t('park.edit')}
              </button>
            )
          ) : (
            <span className="muted small" data-testid="read-only-note">
              {t('park.noEditRights')}
            </span>
          )}
        </div>
        <dl className="ov-register">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <details className="ov-technical" data-testid="park-technical">
          <summary>{t('park.technical')}</summary>
          <dl className="ov-register">
            {technical.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </details>
        <h3 className="ov-subhead">{t('park.description')}</h3>
        {park.description ? (
          <p className="description" data-testid="park-description">
            {park.description}
          </p>
        ) : (
          <p className="muted" data-testid="park-description">
            {t('park.noDescription')}
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="park-location-title">
        <h2 id="park-location-title">{t('park.location')}</h2>
        <ParkMap park={park} />
      </section>
    </>
  );
}
