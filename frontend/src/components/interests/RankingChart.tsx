import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SharedInterest } from '../../api/interests';
import { rankingHeight, rankingOption } from '../../lib/interests/chartOptions';
import { trackLabel } from '../../lib/interests/labels';
import { EChart } from './EChart';

/** Horizontal bars of the score per theme, rank 1 on top; a click jumps to the theme's card. */
export function RankingChart({ items, onSelect }: { items: SharedInterest[]; onSelect?: (themeCode: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'nl';
  const option = useMemo(
    () =>
      rankingOption(items, language, {
        track: (track) => trackLabel(t, track),
        scoreOf: (score) => t('interests.shared.scoreOf', { score }),
      }),
    [items, language, t],
  );
  return (
    <EChart
      option={option}
      height={rankingHeight(items.length)}
      label={t('interests.shared.chartLabel')}
      testId="ranking-chart"
      data={{ bars: items.length, first: items[0]?.theme_code ?? '' }}
      onClick={(event) => {
        const item = items[event.dataIndex];
        if (item) onSelect?.(item.theme_code);
      }}
    />
  );
}
