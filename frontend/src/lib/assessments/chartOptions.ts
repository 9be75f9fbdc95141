/** ECharts options of the organisatiegraad page (pure: data in, option out). */
import type { ChartOption } from '../../components/assessments/echarts';
import type { RadarData } from './charts';

export const LATEST_COLOR = '#2f5d50';
export const PREVIOUS_COLOR = '#c47f00';

const TEXT = '#1e2528';
const MUTED = '#5c676d';
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/** A label broken into lines of at most `max` characters at spaces (a longer word keeps its own line). */
export function wrapLabel(text: string, max: number): string {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

/** The radar of the seven marks: the latest filled, the previous dashed. `compact` for phones. */
export function radarOption(data: RadarData, compact = false): ChartOption {
  const colors = [LATEST_COLOR, PREVIOUS_COLOR];
  return {
    animation: false,
    textStyle: { fontFamily: FONT, color: TEXT },
    color: colors,
    legend: { bottom: 0, textStyle: { color: TEXT, fontSize: 12 }, icon: 'roundRect' },
    tooltip: { trigger: 'item', confine: true },
    radar: {
      indicator: data.indicators,
      radius: compact ? '50%' : '60%',
      center: ['50%', '46%'],
      splitNumber: 4,
      axisName: {
        color: MUTED,
        fontSize: compact ? 10 : 11,
        lineHeight: compact ? 12 : 14,
        formatter: (name?: string) => wrapLabel(name ?? '', compact ? 11 : 16),
      },
      splitLine: { lineStyle: { color: '#d8ddd9' } },
      splitArea: { areaStyle: { color: ['#ffffff', '#f8f9f7'] } },
      axisLine: { lineStyle: { color: '#d8ddd9' } },
    },
    series: [
      {
        type: 'radar',
        symbolSize: 5,
        data: data.series.map((s, i) => ({
          name: s.name,
          value: s.value,
          lineStyle: { width: 2, type: i === 0 ? 'solid' : 'dashed', color: colors[i] },
          itemStyle: { color: colors[i] },
          areaStyle: i === 0 ? { color: 'rgba(47, 93, 80, 0.18)' } : undefined,
        })),
      },
    ],
  };
}

/** The score over time (0–100) with the level boundaries as grid lines. */
export function historyOption(points: [number, number][], scoreName: string, language: string): ChartOption {
  const locale = language.startsWith('en') ? 'en-GB' : 'nl-NL';
  const day = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric' });
  return {
    animation: false,
    textStyle: { fontFamily: FONT, color: TEXT },
    grid: { left: 36, right: 16, top: 12, bottom: 28 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      valueFormatter: (value) => (typeof value === 'number' ? value.toLocaleString(locale, { maximumFractionDigits: 1 }) : String(value)),
    },
    xAxis: {
      type: 'time',
      axisLabel: { color: MUTED, hideOverlap: true, formatter: (value: number) => day.format(new Date(value)) },
      axisLine: { lineStyle: { color: '#b9c1bc' } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 20,
      axisLabel: { color: MUTED },
      splitLine: { lineStyle: { color: '#eceeec' } },
    },
    series: [
      {
        type: 'line',
        name: scoreName,
        data: points,
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { width: 2, color: LATEST_COLOR },
        itemStyle: { color: LATEST_COLOR },
        areaStyle: { color: 'rgba(47, 93, 80, 0.08)' },
      },
    ],
  };
}
