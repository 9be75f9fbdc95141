import { describe, expect, test } from 'vitest';
import { historyOption, LATEST_COLOR, radarOption, wrapLabel } from './chartOptions';

describe('chart options', () => {
  test('the radar has one axis per point with max 4, the previous one dashed and unfilled', () => {
    const option = radarOption({
      indicators: [
        { name: 'A', max: 4 },
        { name: 'B', max: 4 },
        { name: 'C', max: 4 },
      ],
      series: [
        { name: 'Laatste', value: [3, 4, 2] },
        { name: 'Vorige', value: [1, 2, 2] },
      ],
    });
    const radar = option.radar as { indicator: { max: number }[] };
    expect(radar.indicator.map((i) => i.max)).toEqual([4, 4, 4]);
    const series = (option.series as { data: { name: string; lineStyle: { type: string }; areaStyle?: unknown }[] }[])[0];
    expect(series?.data.map((d) => d.name)).toEqual(['Laatste', 'Vorige']);
    expect(series?.data[0]?.lineStyle.type).toBe('solid');
    expect(series?.data[1]?.lineStyle.type).toBe('dashed');
    expect(series?.data[1]?.areaStyle).toBeUndefined();
  });

  test('the history runs from 0 to 100 in steps of 20 (the level boundaries)', () => {
    const option = historyOption([[Date.parse('2026-01-01'), 40]], 'Score', 'nl');
    expect(option.yAxis).toMatchObject({ min: 0, max: 100, interval: 20 });
    const series = (option.series as { data: unknown; itemStyle: { color: string } }[])[0];
    expect(series?.data).toEqual([[Date.parse('2026-01-01'), 40]]);
    expect(series?.itemStyle.color).toBe(LATEST_COLOR);
  });

  test('radar labels break at spaces into short lines', () => {
    expect(wrapLabel('Recht doen aan ieders belang', 11)).toBe('Recht doen\naan ieders\nbelang');
    expect(wrapLabel('Continuïteit', 11)).toBe('Continuïteit');
    expect(wrapLabel('  Focus   op realisatie ', 16)).toBe('Focus op\nrealisatie');
  });
});
