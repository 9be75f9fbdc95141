/** ECharts options for the ranking bars and the heat map, built from plain data (testable). */
import type { SharedInterest, Track, Willingness } from '../../api/interests';
import type { ChartOption } from '../../components/interests/echarts';
import { axisRows, heatmapLayout, shortLabel, VISIBLE_ROWS, type HeatmapModel } from './matrix';
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
  /** Header above a kind's rows: "11 ondernemers". */
  group: (kind: string, count: number) => string;
}

/** What a cell of the heat map carries, for its tooltip and a click. */
export interface HeatmapCell {
  value: [number, number, number];
  stakeholderId: string;
  themeCode: string;
}

export function heatmapOption(model: HeatmapModel, labels: HeatmapLabels): ChartOption {
  const rows = axisRows(model);
  const { scroll } = heatmapLayout(rows.length);
  const kinds = [...new Set(model.rows.map((r) => r.kind))];
  const rich = {
    ...Object.fromEntries(kinds.map((k, i) => [`k${i}`, { color: kindColour(k), fontSize: 12 }])),
    h: { color: MUTED, fontSize: 11, fontWeight: 700 as const },
  };
  const columnByCode = new Map(model.columns.map((c) => [c.code, c]));
  const axisIndex = new Map<number, number>();
  rows.forEach((r, i) => {
    if (r.type === 'row') axisIndex.set(r.index, i);
  });
  const zoom = { startValue: 0, endValue: VISIBLE_ROWS - 1 };
  const cells: HeatmapCell[] = [];
  const points = new Map<string, (typeof model.points)[number]>();
  for (const p of model.points) {
    const y = axisIndex.get(p.y);
    const row = model.rows[p.y];
    const column = model.columns[p.x];
    if (y === undefined || !row || !column) continue;
    cells.push({ value: [p.x, y, p.urgency], stakeholderId: row.id, themeCode: column.code });
    points.set(`${p.x}:${y}`, p);
  }
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
      // Row keys, not names: two stakeholders may have the same name.
      data: rows.map((r) => (r.type === 'row' ? r.row.id : `kind:${r.group.kind}`)),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: {
        interval: 0,
        fontSize: 12,
        color: TEXT,
        rich,
        formatter: (_key: string, index: number) => {
          const r = rows[index];
          if (!r) return '';
          if (r.type === 'header') return `{h|${labels.group(r.group.kind, r.group.end - r.group.start + 1).toLocaleUpperCase()}}`;
          return `{k${kinds.indexOf(r.row.kind)}|■} ${shortLabel(r.row.name, 30)}`;
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
        const cell = (params as { data?: HeatmapCell }).data;
        if (!cell) return '';
        const [x, y, urgency] = cell.value;
        const point = points.get(`${x}:${y}`);
        const row = point ? model.rows[point.y] : undefined;
        const column = model.columns[x];
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
        data: cells.map((cell) => ({ ...cell, label: { color: cell.value[2] >= 4 ? '#ffffff' : TEXT } })),
        itemStyle: { borderColor: '#ffffff', borderWidth: 2, borderRadius: 3 },
        label: { show: true, fontSize: 11, color: TEXT, formatter: (p: unknown) => String(((p as { value: number[] }).value ?? [])[2] ?? '') },
        emphasis: { itemStyle: { borderColor: TEXT, borderWidth: 1 } },
      },
    ],
  };
}
