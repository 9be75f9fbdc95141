import { useTranslation } from 'react-i18next';

/** "How is this scored?": the scoring of the API (support × intensity × breadth), folded away. */
export function ScoreExplanation() {
  const { t } = useTranslation();
  return (
    <details className="score-explanation" data-testid="score-explanation">
      <summary>{t('interests.shared.scoring.summary')}</summary>
      <div className="score-explanation-body">
        <p>{t('interests.shared.scoring.intro')}</p>
        <ul>
          <li>{t('interests.shared.scoring.support')}</li>
          <li>{t('interests.shared.scoring.intensity')}</li>
          <li>{t('interests.shared.scoring.breadth')}</li>
        </ul>
        <p className="score-formula">{t('interests.shared.scoring.formula')}</p>
        <p className="muted small">{t('interests.shared.scoring.ties')}</p>
      </div>
    </details>
  );
}
