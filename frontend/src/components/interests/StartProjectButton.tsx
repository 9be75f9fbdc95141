import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Start a project" from a shared theme. Without a handler (a user who may not edit the park)
 * the button is visible but disabled, with the reason next to it.
 */
export function StartProjectButton({
  themeCode,
  themeName,
  onStart,
  pending = false,
  unavailableReason,
}: {
  themeCode: string;
  themeName: string;
  onStart?: (themeCode: string) => void;
  /** The project is being created: the button waits. */
  pending?: boolean;
  /** Why it is disabled; defaults to the old "once projects exist". */
  unavailableReason?: string;
}) {
  const { t } = useTranslation();
  const noteId = useId();
  const available = onStart !== undefined;
  const reason = unavailableReason ?? t('interests.shared.startProjectUnavailable');
  return (
    <span className="start-project">
      <button
        type="button"
        className="button button-secondary"
        disabled={!available || pending}
        aria-busy={pending || undefined}
        aria-describedby={available ? undefined : noteId}
        title={available ? undefined : reason}
        onClick={() => onStart?.(themeCode)}
        data-testid={`start-project-${themeCode}`}
        aria-label={`${t('interests.shared.startProject')}: ${themeName}`}
      >
        {t('interests.shared.startProject')}
      </button>
      {!available && (
        <span className="muted small" id={noteId}>
          {reason}
        </span>
      )}
    </span>
  );
}
