import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StakeholderKind } from '../../api/stakeholders';
import { EMPTY } from '../../lib/format';
import { kindColor } from '../../lib/stakeholders/kinds';
import './stakeholders.css';

export function KindBadge({ kind }: { kind: StakeholderKind }) {
  const { t } = useTranslation();
  return (
    <span className="sh-kind-badge" data-kind={kind}>
      <span className="sh-kind-dot" style={{ background: kindColor(kind) }} aria-hidden="true" />
      {t(`stakeholders.kinds.${kind}`)}
    </span>
  );
}

/** Personal data the user may not see: "afgeschermd", never an empty cell. */
export function Hidden() {
  const { t } = useTranslation();
  return (
    <span className="sh-hidden-value" title={t('stakeholders.hiddenTitle')} data-testid="hidden-value">
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
        <path
          d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5A1 1 0 0 1 13 8v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5Zm1.5 0h4V5a2 2 0 1 0-4 0v2Z"
          fill="currentColor"
        />
      </svg>
      {t('stakeholders.hidden')}
    </span>
  );
}

/** A personal value: itself, "—" when empty, or "afgeschermd" when withheld. */
export function Personal({
  value,
  hidden,
  render,
}: {
  value: string | null | undefined;
  hidden: boolean;
  render?: (value: string) => ReactNode;
}) {
  if (hidden) return <Hidden />;
  if (!value) return <>{EMPTY}</>;
  return <>{render ? render(value) : value}</>;
}

export function Score({ value, label }: { value: number | null; label: string }) {
  if (value == null) return <span className="muted">{EMPTY}</span>;
  return (
    <span className="sh-score" title={`${value}/5`}>
      {/* Said in words: an aria-label on a span without a role is not read. */}
      <span className="visually-hidden">{`${label}: ${value}/5`}</span>
      <span className="sh-score-bar" aria-hidden="true">
        {[1, 2, 3, 4, 5].map((i) => (
          <span key={i} className={i <= value ? 'on' : undefined} />
        ))}
      </span>
      <span className="sh-score-num" aria-hidden="true">
        {value}
      </span>
    </span>
  );
}
