import { useTranslation } from 'react-i18next';
import { levelColor, levelTextColor } from '../../lib/palette';

/** The organisatiegraad level as a coloured chip with its name (the colour never stands alone). */
export function LevelBadge({ level, name }: { level: number | null; name: string | null }) {
  const { t } = useTranslation();
  if (level === null) return <span className="level-badge level-badge-none">{t('work.parks.notAssessed')}</span>;
  return (
    <span className="level-badge" style={{ background: levelColor(level), color: levelTextColor(level) }}>
      {name}
    </span>
  );
}

/** The swatch of a level, for legends. */
export function LevelSwatch({ level }: { level: number | null }) {
  return <span className="level-swatch" aria-hidden="true" style={{ background: levelColor(level) }} />;
}
