import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import type { PhaseChange } from '../../lib/projects/api';

/** Who moved the project when, from which phase to which, and why; newest first. */
export function PhaseHistoryList({ items }: { items: readonly PhaseChange[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  if (items.length === 0) return <p className="muted">{t('projects.history.empty')}</p>;
  const newestFirst = [...items].sort((a, b) => b.occurred_at.localeCompare(a.occurred_at));
  return (
    <ol className="pj-history" data-testid="phase-history">
      {newestFirst.map((item, i) => (
        <li key={`${item.occurred_at}-${i}`} className="pj-history-item">
          <span className={`pj-history-dot pj-phase-${item.to_phase}`} aria-hidden="true" />
          <div>
            <p className="pj-history-what">
              {item.from_phase
                ? t('projects.history.moved', {
                    from: t(`projects.phases.${item.from_phase}`),
                    to: t(`projects.phases.${item.to_phase}`),
                  })
                : t('projects.history.created', { phase: t(`projects.phases.${item.to_phase}`) })}
            </p>
            <p className="muted small">
              <time dateTime={item.occurred_at}>{formatDateTime(item.occurred_at, language)}</time> · {t('projects.history.by', { actor: item.actor })}
            </p>
            {item.reason && <p className="pj-history-reason">“{item.reason}”</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
