import { useTranslation } from 'react-i18next';
import { kindCountLabel } from '../../lib/interests/labels';
import { kindColour, kindEntries } from '../../lib/interests/ranking';

/** The kinds of stakeholders behind a theme: a thin stacked bar and a chip per kind. */
export function KindChips({ kinds }: { kinds: Record<string, number> }) {
  const { t } = useTranslation();
  const entries = kindEntries(kinds);
  return (
    <div className="ix-kinds">
      <div className="ix-kind-bar" aria-hidden="true">
        {entries.map((e) => (
          <span key={e.kind} style={{ flexGrow: e.count, background: kindColour(e.kind) }} />
        ))}
      </div>
      <ul className="ix-chips">
        {entries.map((e) => (
          <li key={e.kind} className="ix-chip" data-kind={e.kind}>
            <span className="ix-chip-dot" style={{ background: kindColour(e.kind) }} aria-hidden="true" />
            {kindCountLabel(t, e.kind, e.count)}
          </li>
        ))}
      </ul>
    </div>
  );
}
