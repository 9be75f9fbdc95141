import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { kindLabel, urgencyLabel, willingnessLong } from '../../lib/interests/labels';
import { namedFirst, themeLists, type HeatmapModel } from '../../lib/interests/matrix';
import { kindColor, urgencyColor, urgencyTextColor } from '../../lib/palette';

/** The urgency as a number on its colour, with its word beside it: the colour is never the only carrier. */
function Urgency({ urgency }: { urgency: number }) {
  const { t } = useTranslation();
  return (
    <span className="matrix-urgency">
      <span className="matrix-urgency-badge" style={{ background: urgencyColor(urgency), color: urgencyTextColor(urgency) }} aria-hidden="true">
        {urgency}
      </span>
      <span className="visually-hidden">{t('interests.urgency.value', { value: urgency })}: </span>
      {urgencyLabel(t, urgency)}
    </span>
  );
}

/**
 * The heat map on a narrow screen: one card per theme that opens (a `<details>`, so the keyboard
 * reaches every theme; those no one named come last) to the stakeholders who named it, each with their kind and urgency in text
 * and colour, most urgent first.
 */
export function InterestThemeList({
  model,
  interviewPath,
}: {
  model: HeatmapModel;
  /** Where a stakeholder's interview opens at the theme; no links when the user may not edit. */
  interviewPath?: (stakeholderId: string, themeCode: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <ul className="matrix-themes" data-testid="matrix-themes" aria-label={t('interests.matrix.themesLabel')}>
      {namedFirst(themeLists(model)).map(({ column, entries, highest }) => (
        <li key={column.code} className="matrix-theme" data-testid="matrix-theme">
          {highest === null ? (
            <div className="matrix-theme-head matrix-theme-none">
              <span className="matrix-theme-name">{column.name}</span>
              <span className="muted small">{t('interests.matrix.notRecorded')}</span>
            </div>
          ) : (
            <details>
              <summary className="matrix-theme-head">
                <span className="matrix-theme-name">{column.name}</span>
                <span className="matrix-theme-sum small">
                  <span className="muted">{t('interests.matrix.themeCount', { count: entries.length })}</span>
                  <span className="muted"> · {t('interests.matrix.highest')} </span>
                  <Urgency urgency={highest} />
                </span>
              </summary>
              <ul className="matrix-theme-people">
                {entries.map(({ row, urgency, willingness }) => (
                  <li key={row.id}>
                    <span className="matrix-person">
                      {interviewPath ? <Link to={interviewPath(row.id, column.code)}>{row.name}</Link> : <span>{row.name}</span>}
                      <span className="matrix-kind small">
                        <span className="ix-chip-dot ix-chip-square" style={{ background: kindColor(row.kind) }} aria-hidden="true" />
                        {kindLabel(t, row.kind)}
                      </span>
                    </span>
                    <span className="matrix-person-values small">
                      <Urgency urgency={urgency} />
                      {willingness !== 'none' && <span className="muted"> · {willingnessLong(t, willingness)}</span>}
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
