import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Start a project" from a shared theme. Until projects exist there is no handler: the button is
 * visible but disabled, with the reason next to it. Pass `onStart` to wire it up.
 */
export function StartProjectButton({
  themeCode,
  themeName,
  onStart,
}: {
  themeCode: string;
  themeName: string;
  onStart?: (themeCode: string) => void;
}) {
  const { t } = useTranslation();
  const noteId = useId();
  const available = onStart !== undefined;
  const reason = t('interests.shared.startProjectUnavailable');
  return (
    <span className="start-project">
      <button
        type="button"
        className="button button-secondary"
        disabled={!available}
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
