import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/problem';
import { useAuth } from '../../auth/AuthContext';
import { canEditPark } from '../../auth/permissions';
import { Alert, ErrorAlert, Loading } from '../../components/Alert';
import { RequiredLegend, RequiredMark } from '../../components/Required';
import { Chart } from '../../components/assessments/Chart';
import '../../components/assessments/assessments.css';
import type { Assessment, Rubric, RubricPoint } from '../../lib/assessments/api';
import { radarData, scoreLine } from '../../lib/assessments/charts';
import { historyOption, radarOption } from '../../lib/assessments/chartOptions';
import { formatDay, formatScore } from '../../lib/assessments/dates';
import {
  draftFrom,
  MARKS,
  NOTE_MAX,
  POINT_CODES,
  progress,
  toCreate,
  validate,
  type AssessmentDraft,
  type DraftErrors,
  type PointCode,
} from '../../lib/assessments/form';
import { useAssessments, useCreateAssessment, useLanguage, useRubric } from '../../lib/assessments/queries';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useParkContext } from '../ParkPage';

const isPointCode = (code: string): code is PointCode => (POINT_CODES as readonly string[]).includes(code);

/**
 * The organisatiegraad of a park: the seven points with what 0, 2 and 4 look like and the
 * expert's marks; beside them the latest assessment's parts, the radar against the previous one
 * and the score over time.
 */
export function AssessmentPage() {
  const { t } = useTranslation();
  const { versioned } = useParkContext();
  const { park } = versioned;
  const { user } = useAuth();
  const mayWrite = canEditPark(user, park.province);
  const rubric = useRubric();
  const assessments = useAssessments(park.id);
  // Kept here: the form starts afresh (from the new marks) once the new assessment is loaded.
  const [savedMessage, setSavedMessage] = useState<string | null>(null);
  useDocumentTitle(`${t('assessments.title')} · ${park.name}`);

  if (rubric.isPending || assessments.isPending) return <Loading />;
  if (rubric.error) return <ErrorAlert error={rubric.error} onRetry={() => void rubric.refetch()} />;
  if (assessments.error) return <ErrorAlert error={assessments.error} onRetry={() => void assessments.refetch()} />;

  const history = assessments.data;
  const latest = history.at(-1) ?? null;

  return (
    <div className="assessment-page" data-testid="assessment-page">
      <div className="as-head">
        <div>
          <h2>{t('assessments.title')}</h2>
          <p className="as-intro">{t('assessments.intro')}</p>
        </div>
      </div>
      {savedMessage && (
        <Alert tone="success" testId="assessment-saved">
          <p>{savedMessage}</p>
        </Alert>
      )}
      {latest ? (
        <LatestSummary latest={latest} count={history.length} />
      ) : (
        <Alert tone="info" title={t('assessments.empty.title')} testId="no-assessment">
          <p>{t('assessments.empty.body')}</p>
          {!mayWrite && <p>{t('assessments.empty.readOnly')}</p>}
        </Alert>
      )}
      <div className="as-grid">
        <div className="as-main">
          <AssessmentForm
            key={latest?.id ?? 'first'}
            parkId={park.id}
            rubric={rubric.data}
            latest={latest}
            mayWrite={mayWrite}
            onSaving={() => setSavedMessage(null)}
            onSaved={(message) => {
              setSavedMessage(message);
              window.scrollTo({ top: 0 });
            }}
          />
        </div>
        <aside className="as-side">
          {latest && <ComponentsCard latest={latest} />}
          {latest && <Charts rubric={rubric.data} history={history} />}
        </aside>
      </div>
    </div>
  );
}

function LatestSummary({ latest, count }: { latest: Assessment; count: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="card" aria-labelledby="latest-title" data-testid="latest-assessment">
      <h3 id="latest-title" className="muted small">
        {t('assessments.latest.title')} · {t('assessments.latest.count', { count })}
      </h3>
      <div className="as-summary">
        <span className="as-score" data-testid="assessment-score">
          {formatScore(latest.score, language)}
        </span>
        <span className="muted">{t('assessments.latest.of100')}</span>
        <span className="as-level" data-testid="assessment-level" data-level={latest.level}>
          {t('assessments.latest.level', { level: latest.level, name: latest.level_name })}
        </span>
      </div>
      <p className="muted" style={{ margin: '0.35rem 0 0' }}>
        {latest.level_meaning} · {t('assessments.latest.by', { date: formatDay(latest.created_at, language), who: latest.created_by })}
      </p>
    </section>
  );
}

function AssessmentForm({
  parkId,
  rubric,
  latest,
  mayWrite,
  onSaving,
  onSaved,
}: {
  parkId: string;
  rubric: Rubric;
  latest: Assessment | null;
  mayWrite: boolean;
  onSaving: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState<AssessmentDraft>(() => draftFrom(latest?.answers));
  const [errors, setErrors] = useState<DraftErrors>({});
  const create = useCreateAssessment(parkId);
  const done = progress(draft);
  const points = rubric.points.filter((p) => isPointCode(p.code));

  const setPoint = (code: PointCode, change: Partial<AssessmentDraft[PointCode]>) => {
    setDraft((d) => ({ ...d, [code]: { ...d[code], ...change } }));
    setErrors((e) => {
      if (!e[code]) return e;
      const next = { ...e };
      delete next[code];
      return next;
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(draft);
    setErrors(found);
    const body = toCreate(draft);
    if (!body) {
      const first = POINT_CODES.find((c) => found[c]);
      if (first) document.getElementById(`point-${first}`)?.scrollIntoView({ block: 'center' });
      return;
    }
    onSaving();
    create.mutate(body, {
      onSuccess: (saved) =>
        onSaved(
          t('assessments.form.saved', { score: formatScore(saved.score, language), level: saved.level, name: saved.level_name }),
        ),
    });
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="assessment-form-title" data-testid="assessment-form">
      <h3 id="assessment-form-title">{mayWrite ? t('assessments.form.title') : t('assessments.history.title')}</h3>
      {mayWrite ? (
        <>
          <p className="muted">
            {t('assessments.form.intro')} {latest && t('assessments.form.startedFromLast')}
          </p>
          <RequiredLegend />
        </>
      ) : (
        <p className="muted" data-testid="assessment-read-only">
          {t('assessments.form.readOnly')}
        </p>
      )}
      <ol className="as-points">
        {points.map((point) => (
          <PointField
            key={point.code}
            point={point}
            value={draft[point.code as PointCode]}
            error={errors[point.code as PointCode]}
            previous={latest?.answers[point.code as PointCode] ?? null}
            disabled={!mayWrite || create.isPending}
            required={mayWrite}
            onChange={(change) => setPoint(point.code as PointCode, change)}
          />
        ))}
      </ol>
      {mayWrite && (
        <div className="as-submit">
          <span className="muted small" data-testid="assessment-progress">
            {t('assessments.form.progress', { answered: done.answered, total: done.total, marks: done.marks, max: done.total * 4 })}
          </span>
          <button type="submit" className="button button-primary" disabled={create.isPending} data-testid="assessment-save">
            {create.isPending ? t('assessments.form.saving') : t('assessments.form.save')}
          </button>
        </div>
      )}
      {Object.keys(errors).length > 0 && (
        <Alert tone="warning" testId="assessment-invalid">
          <p>{t('assessments.form.fixFields')}</p>
        </Alert>
      )}
      {create.error &&
        (isApiError(create.error, 403) ? (
          <Alert tone="error">
            <p>{t('assessments.form.forbidden')}</p>
          </Alert>
        ) : (
          <ErrorAlert error={create.error} />
        ))}
    </form>
  );
}

function PointField({
  point,
  value,
  error,
  previous,
  disabled,
  required,
  onChange,
}: {
  point: RubricPoint;
  value: AssessmentDraft[PointCode];
  error: DraftErrors[PointCode];
  previous: { score: number; note?: string | null } | null;
  disabled: boolean;
  required: boolean;
  onChange: (change: Partial<AssessmentDraft[PointCode]>) => void;
}) {
  const { t } = useTranslation();
  const name = `mark-${point.code}`;
  return (
    <li
      className={`as-point${error ? ' as-point-invalid' : ''}`}
      id={`point-${point.code}`}
      data-testid="assessment-point"
      data-point={point.code}
    >
      <h3>{point.title}</h3>
      <p className="as-question">{point.question}</p>
      <ul className="as-examples" aria-label={t('assessments.form.examples')}>
        {point.examples.map((e) => (
          <li key={e.score}>
            <b>{e.score}</b> {e.text}
          </li>
        ))}
      </ul>
      {previous?.note && <p className="as-previous">{t('assessments.form.lastNote', { note: previous.note })}</p>}
      <fieldset className="as-marks" aria-describedby={error ? `${name}-error` : undefined}>
        <legend>
          {t('assessments.form.markLabel', { point: point.title })}
          {required && <RequiredMark />}
        </legend>
        {MARKS.map((mark) => (
          <label key={mark} className="as-mark">
            <input
              type="radio"
              name={name}
              value={mark}
              checked={value.score === mark}
              disabled={disabled}
              required={required}
              onChange={() => onChange({ score: mark })}
              aria-label={`${mark}`}
            />
            <span aria-hidden="true">{mark}</span>
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="field-error" id={`${name}-error`} role="alert">
          {error === 'missing' ? t('assessments.form.missing') : t('assessments.form.tooLong')}
        </p>
      )}
      {!disabled || value.note ? (
        <div className="field">
          <label htmlFor={`note-${point.code}`} className="small">
            {t('assessments.form.note')}
          </label>
          <textarea
            id={`note-${point.code}`}
            value={value.note}
            maxLength={NOTE_MAX + 1}
            rows={2}
            disabled={disabled}
            onChange={(e) => onChange({ note: e.target.value })}
          />
        </div>
      ) : null}
    </li>
  );
}

function ComponentsCard({ latest }: { latest: Assessment }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const points = (n: number) => formatScore(n, language);
  return (
    <section className="card" aria-labelledby="components-title" data-testid="assessment-components">
      <h3 id="components-title">{t('assessments.components.title')}</h3>
      <p className="muted small">{t('assessments.components.intro')}</p>
      <table className="as-components">
        <thead>
          <tr>
            <th scope="col">{t('assessments.components.name')}</th>
            <th scope="col" className="num">
              {t('assessments.components.pointsHead')}
            </th>
          </tr>
        </thead>
        <tbody>
          {latest.components.map((c) => (
            <tr key={c.code} data-component={c.code} className={c.code === 'expert' ? 'as-expert' : undefined}>
              <td>
                <strong>{c.name}</strong>
                <br />
                <span className="muted">{c.explanation}</span>
                <span className="as-meter" aria-hidden="true">
                  <span style={{ width: `${c.max_points > 0 ? Math.min(100, (100 * c.points) / c.max_points) : 0}%` }} />
                </span>
              </td>
              <td className="num">{t('assessments.components.points', { points: points(c.points), max: c.max_points })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Charts({ rubric, history }: { rubric: Rubric; history: Assessment[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Narrow: a phone, or the side column of a tablet or small laptop.
  const compact = typeof window !== 'undefined' && window.matchMedia?.('(max-width: 1100px)').matches;
  const radar = useMemo(
    () =>
      radarData(rubric.points, history, {
        latest: (date) => t('assessments.charts.latestSeries', { date: formatDay(date, language) }),
        previous: (date) => t('assessments.charts.previousSeries', { date: formatDay(date, language) }),
      }),
    [rubric.points, history, t, language],
  );
  const radarChart = useMemo(() => (radar ? radarOption(radar, compact) : null), [radar, compact]);
  const line = useMemo(() => scoreLine(history), [history]);
  const lineChart = useMemo(() => historyOption(line, t('assessments.charts.score'), language), [line, t, language]);
  const radarLabel = history.length > 1 ? t('assessments.charts.radar') : t('assessments.charts.radarOne');

  return (
    <>
      {radarChart && (
        <section className="card" aria-labelledby="radar-title">
          <h3 id="radar-title">{radarLabel}</h3>
          <Chart option={radarChart} height={compact ? 330 : 360} label={radarLabel} testId="assessment-radar" />
        </section>
      )}
      <section className="card" aria-labelledby="history-title">
        <h3 id="history-title">{t('assessments.charts.history')}</h3>
        {line.length > 1 ? (
          <Chart option={lineChart} height={200} label={t('assessments.charts.history')} testId="assessment-history" />
        ) : (
          <p className="muted small">{t('assessments.charts.historyOne')}</p>
        )}
        <table className="as-components" data-testid="assessment-history-table">
          <thead>
            <tr>
              <th scope="col">{t('assessments.history.date')}</th>
              <th scope="col" className="num">
                {t('assessments.history.score')}
              </th>
              <th scope="col">{t('assessments.history.level')}</th>
              <th scope="col" className="as-by">
                {t('assessments.history.by')}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...history].reverse().map((a) => (
              <tr key={a.id}>
                <td className="nowrap">{formatDay(a.created_at, language)}</td>
                <td className="num">{formatScore(a.score, language)}</td>
                <td>
                  {a.level} · {a.level_name}
                </td>
                <td className="as-by">{a.created_by}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
