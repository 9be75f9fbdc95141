/** ECharts options for the ranking bars and the heat map, built from plain data (testable). */
import type { SharedInterest, Track, Willingness } from '../../api/interests';
import type { ChartOption } from '../../components/interests/echarts';
import { heatmapLayout, shortLabel, VISIBLE_ROWS, type HeatmapModel } from './matrix';
import { TRACK_COLOURS, URGENCY_COLOURS, formatScore, kindColour } from './ranking';

const TEXT = '#1e2528';
/** Room the slanted theme names take above the cells (26 characters at 12px, 50°). */
const HEATMAP_LABELS = 140;
const MUTED = '#5c676d';
const GRID_LINE = '#e3e7e4';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function rankingHeight(count: number): number {
  return Math.max(120, 36 + count * 34);
}

export function rankingOption(
  items: readonly SharedInterest[],
  language: string,
  labels: { track: (track: Track) => string; scoreOf: (score: string) => string },
): ChartOption {
  return {
    animation: false,
    grid: { left: 8, right: 48, top: 8, bottom: 28, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 20,
      axisLabel: { color: MUTED },
      splitLine: { lineStyle: { color: GRID_LINE } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: items.map((i) => i.theme_code),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#b9c1bc' } },
      axisLabel: {
        color: TEXT,
        fontSize: 13,
        width: 260,
        overflow: 'truncate',
        formatter: (code: string) => {
          const item = items.find((i) => i.theme_code === code);
          return item ? `${item.rank}. ${item.theme_name}` : code;
        },
      },
    },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: unknown) => {
        const index = (params as { dataIndex: number }).dataIndex;
        const item = items[index];
        if (!item) return '';
        return `<strong>${escapeHtml(`${item.rank}. ${item.theme_name}`)}</strong><br/>${escapeHtml(
          labels.track(item.track),
        )}<br/>${escapeHtml(labels.scoreOf(formatScore(item.score, language)))}`;
      },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 20,
        data: items.map((i) => ({
          value: i.score,
          itemStyle: { color: TRACK_COLOURS[i.track], borderRadius: [0, 3, 3, 0] },
        })),
        label: {
          show: true,
          position: 'right',
          color: TEXT,
          fontWeight: 600,
          formatter: (p: unknown) => formatScore(Number((p as { value: number }).value), language),
        },
      },
    ],
  };
}

export interface HeatmapLabels {
  kind: (kind: string) => string;
  urgency: (urgency: number) => string;
  urgencyLegend: (urgency: number) => string;
  willingness: (willingness: Willingness) => string;
}

export function heatmapOption(model: HeatmapModel, labels: HeatmapLabels): ChartOption {
  const { scroll } = heatmapLayout(model.rows.length);
  const kinds = [...new Set(model.rows.map((r) => r.kind))];
  const rich = Object.fromEntries(kinds.map((k, i) => [`k${i}`, { color: kindColour(k), fontSize: 12 }]));
  const rowById = new Map(model.rows.map((r) => [r.id, r]));
  const columnByCode = new Map(model.columns.map((c) => [c.code, c]));
  const zoom = { startValue: 0, endValue: VISIBLE_ROWS - 1 };
  return {
    animation: false,
    grid: { left: 8, right: scroll ? 36 : 12, top: 8, bottom: 40, containLabel: true },
    xAxis: {
      type: 'category',
      position: 'top',
      data: model.columns.map((c) => c.code),
      splitArea: { show: true, areaStyle: { color: ['#fbfcfb', '#f3f5f3'] } },
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: {
        interval: 0,
        rotate: 50,
        fontSize: 12,
        color: ((code: string) => TRACK_COLOURS[columnByCode.get(code)?.track ?? 'toekomstbestendig']) as unknown as string,
        formatter: (code: string) => shortLabel(columnByCode.get(code)?.name ?? code, 26),
      },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: model.rows.map((r) => r.id),
      splitArea: { show: false },
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: {
        interval: 0,
        fontSize: 12,
        color: TEXT,
        rich,
        formatter: (id: string) => {
          const row = rowById.get(id);
          if (!row) return '';
          return `{k${kinds.indexOf(row.kind)}|■} ${shortLabel(row.name, 30)}`;
        },
      },
    },
    visualMap: {
      type: 'piecewise',
      dimension: 2,
      orient: 'horizontal',
      left: 'center',
      bottom: 4,
      itemWidth: 16,
      itemHeight: 12,
      textStyle: { color: MUTED },
      pieces: URGENCY_COLOURS.map((color, i) => ({ value: i + 1, color, label: labels.urgencyLegend(i + 1) })),
    },
    dataZoom: scroll
      ? [
          {
            type: 'slider',
            yAxisIndex: 0,
            right: 6,
            width: 14,
            top: HEATMAP_LABELS + 8,
            bottom: 40,
            ...zoom,
            zoomLock: true,
            showDetail: false,
            brushSelect: false,
            fillerColor: 'rgba(47, 93, 80, 0.18)',
            borderColor: '#d8ddd9',
          },
          { type: 'inside', yAxisIndex: 0, ...zoom, zoomOnMouseWheel: false, moveOnMouseWheel: true, moveOnMouseMove: false },
        ]
      : [],
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: unknown) => {
        const value = (params as { value?: unknown }).value;
        if (!Array.isArray(value)) return '';
        const [x, y, urgency] = value as [number, number, number];
        const row = model.rows[y];
        const column = model.columns[x];
        const point = model.points.find((p) => p.x === x && p.y === y);
        if (!row || !column || !point) return '';
        return [
          `<strong>${escapeHtml(row.name)}</strong> <span style="color:${MUTED}">(${escapeHtml(labels.kind(row.kind))})</span>`,
          escapeHtml(column.name),
          escapeHtml(labels.urgency(urgency)),
          escapeHtml(labels.willingness(point.willingness)),
        ].join('<br/>');
      },
    },
    series: [
      {
        type: 'heatmap',
        data: model.points.map((p) => ({
          value: [p.x, p.y, p.urgency],
          label: { color: p.urgency >= 4 ? '#ffffff' : TEXT },
        })),
        itemStyle: { borderColor: '#ffffff', borderWidth: 2, borderRadius: 3 },
        label: { show: true, fontSize: 11, color: TEXT, formatter: (p: unknown) => String(((p as { value: number[] }).value ?? [])[2] ?? '') },
        emphasis: { itemStyle: { borderColor: TEXT, borderWidth: 1 } },
      },
    ],
  };
}
