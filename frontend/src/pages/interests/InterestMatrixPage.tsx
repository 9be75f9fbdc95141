import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { STAKEHOLDER_KINDS, type StakeholderKind } from '../../api/interests';
import { useAuth } from '../../auth/AuthContext';
import { canEditPark } from '../../auth/permissions';
import { ErrorAlert, Loading } from '../../components/Alert';
import { InterestHeatmap } from '../../components/interests/InterestHeatmap';
import { InterestThemeList } from '../../components/interests/InterestThemeList';
import { kindLabel, willingnessLabel, willingnessLong } from '../../lib/interests/labels';
import { axisRows, heatmapLayout, MATRIX_SORTS, shapeMatrix, type MatrixSort } from '../../lib/interests/matrix';
import { useInterestMatrix } from '../../lib/interests/queries';
import { kindColour } from '../../lib/interests/ranking';
import { urgencyColor, urgencyTextColor } from '../../lib/palette';
import { NARROW, useMediaQuery } from '../../lib/useMediaQuery';
import { useParkContext } from '../ParkPage';

function readSort(value: string | null): MatrixSort {
  return value && (MATRIX_SORTS as readonly string[]).includes(value) ? (value as MatrixSort) : 'kind';
}

function readKind(value: string | null): StakeholderKind | null {
  return value && (STAKEHOLDER_KINDS as readonly string[]).includes(value) ? (value as StakeholderKind) : null;
}

export function InterestMatrixPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const { versioned } = useParkContext();
  const { park } = versioned;
  const { user } = useAuth();
  const mayEdit = canEditPark(user, park.province);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const sort = readSort(params.get('volgorde'));
  const kind = readKind(params.get('soort'));
  const onlyInterviewed = params.get('alle') !== '1';
  const query = useInterestMatrix(park.id);
  // On a phone the wide grid becomes a list per theme (issue 14, point 4).
  const narrow = useMediaQuery(NARROW);
  const interviewPath = (stakeholderId: string, themeCode: string) =>
    `../../interview/${stakeholderId}?thema=${encodeURIComponent(themeCode)}`;

  const model = useMemo(
    () => (query.data ? shapeMatrix(query.data, { language, sort, onlyInterviewed, kind }) : null),
    [query.data, language, sort, onlyInterviewed, kind],
  );

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!model) return null;

  const kindsShown = [...new Set(model.rows.map((r) => r.kind))];
  const cell = new Map(model.points.map((p) => [`${p.y}:${p.x}`, p]));

  return (
    <section className="matrix-view" aria-labelledby="matrix-title">
      <h3 id="matrix-title" className="visually-hidden">
        {t('interests.matrix.title')}
      </h3>
      <div className="filters">
        <div className="field">
          <label htmlFor="matrix-sort">{t('interests.matrix.sort')}</label>
          <select id="matrix-sort" value={sort} onChange={(e) => setParam('volgorde', e.target.value === 'kind' ? null : e.target.value)}>
            {MATRIX_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`interests.matrix.sorts.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="matrix-kind">{t('interests.matrix.kind')}</label>
          <select id="matrix-kind" value={kind ?? ''} onChange={(e) => setParam('soort', e.target.value || null)}>
            <option value="">{t('interests.matrix.allKinds')}</option>
            {STAKEHOLDER_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(t, k)}
              </option>
            ))}
          </select>
        </div>
        <label className="ix-checkbox">
          <input
            type="checkbox"
            checked={onlyInterviewed}
            onChange={(e) => setParam('alle', e.target.checked ? null : '1')}
          />
          {t('interests.matrix.onlyInterviewed')}
        </label>
        <p className="muted small matrix-count" data-testid="matrix-count">
          {t('interests.matrix.rows', { shown: model.rows.length, total: model.total })}
        </p>
      </div>
      <p className="muted small">{t(narrow ? 'interests.matrix.introNarrow' : 'interests.matrix.intro')}</p>

      {model.total === 0 ? (
        <div className="empty interests-empty">
          <p>{t('interests.matrix.noStakeholders')}</p>
        </div>
      ) : model.rows.length === 0 || model.points.length === 0 ? (
        <div className="empty interests-empty" data-testid="matrix-empty">
          <h3>{t('interests.matrix.empty.title')}</h3>
          <p>{t('interests.matrix.empty.body')}</p>
        </div>
      ) : (
        <div className="card matrix-card">
          <ul className="ix-chips matrix-legend" aria-label={t('interests.matrix.legend')}>
            {kindsShown.map((k) => (
              <li key={k} className="ix-chip">
                <span className="ix-chip-dot ix-chip-square" style={{ background: kindColour(k) }} aria-hidden="true" />
                {kindLabel(t, k)}
              </li>
            ))}
          </ul>
          {narrow ? (
            <>
              <InterestThemeList model={model} interviewPath={mayEdit ? interviewPath : undefined} />
              {mayEdit && <p className="muted small matrix-hints">{t('interests.matrix.clickHintNarrow')}</p>}
            </>
          ) : (
            <>
              <InterestHeatmap
                model={model}
                onOpen={mayEdit ? (stakeholderId, themeCode) => void navigate(interviewPath(stakeholderId, themeCode)) : undefined}
              />
              <p className="muted small matrix-hints">
                {heatmapLayout(axisRows(model).length).scroll && <span>{t('interests.matrix.scrollHint')} </span>}
                {mayEdit && <span>{t('interests.matrix.clickHint')}</span>}
              </p>
              <details className="matrix-table">
                <summary>{t('interests.matrix.asTable')}</summary>
                {/* Wider than the screen: a focusable, named region, so the keyboard scrolls it. */}
                <div className="table-wrap" tabIndex={0} role="region" aria-label={t('interests.matrix.tableCaption')}>
                  <table className="table table-compact" data-testid="matrix-table">
                    <caption className="visually-hidden">{t('interests.matrix.tableCaption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('interests.matrix.stakeholder')}</th>
                        {model.columns.map((c) => (
                          <th key={c.code} scope="col" className="matrix-th" title={c.name}>
                            <span>{c.name}</span>
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {model.rows.map((row, y) => (
                        <tr key={row.id}>
                          <th scope="row">
                            {row.name} <span className="muted small">({kindLabel(t, row.kind)})</span>
                          </th>
                          {model.columns.map((c, x) => {
                            const p = cell.get(`${y}:${x}`);
                            return (
                              <td
                                key={c.code}
                                className="num"
                                style={p ? { background: urgencyColor(p.urgency), color: urgencyTextColor(p.urgency) } : undefined}
                                title={p ? willingnessLabel(t, p.willingness) : undefined}
                              >
                                {p && (
                                  <>
                                    {p.urgency}
                                    {/* Who wants to invest, visible (T, G, T+G) and spoken, not only in the title. */}
                                    {p.willingness !== 'none' && (
                                      <span className="matrix-will" aria-hidden="true">
                                        {t(`interests.matrix.willMark.${p.willingness}`)}
                                      </span>
                                    )}
                                    <span className="visually-hidden">, {willingnessLong(t, p.willingness)}</span>
                                  </>
                                )}
                              </td>
                            );
                          })}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <p className="muted small matrix-will-legend" data-testid="matrix-will-legend">
                  {t('interests.matrix.willLegend')}
                </p>
              </details>
            </>
          )}
        </div>
      )}
    </section>
  );
}
