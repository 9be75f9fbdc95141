import { ScatterChart, type ScatterSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkAreaComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stakeholder } from '../../api/stakeholders';
import { KIND_COLORS, KIND_SYMBOLS } from '../../lib/stakeholders/kinds';
import { buildMapData, type MapPoint } from '../../lib/stakeholders/mapPoints';
import './stakeholders.css';

echarts.use([ScatterChart, GridComponent, LegendComponent, TooltipComponent, MarkAreaComponent, SVGRenderer]);

type Option = echarts.ComposeOption<
  ScatterSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | MarkAreaComponentOption
>;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The stakeholder map: influence (up) against involvement (right), a colour and shape per kind,
 * points that share a spot spread a little. SVG, so it draws without canvas or network.
 */
export default function StakeholderMap({
  items,
  onOpen,
}: {
  items: readonly Stakeholder[];
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  const data = useMemo(() => buildMapData(items), [items]);
  const placed = data.byKind.reduce((n, g) => n + g.points.length, 0);

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chartRef.current = chart;
    chart.on('click', (params) => {
      const point = params.data as MapPoint | undefined;
      if (point && typeof point === 'object' && 'id' in point) openRef.current(point.id);
    });
    const observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => chart.resize()) : null;
    observer?.observe(ref.current);
    return () => {
      observer?.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    const q = (key: 'manage' | 'satisfy' | 'inform' | 'monitor') => t(`stakeholders.map.quadrants.${key}`);
    const quadrantLabel = { show: true, color: '#7a857f', fontSize: 11, fontWeight: 500 as const };
    const series: ScatterSeriesOption[] = data.byKind.map(({ kind, points }) => ({
      type: 'scatter',
      name: t(`stakeholders.kinds.${kind}`),
      data: points.map((p) => ({ ...p, value: [p.x, p.y] })),
      symbol: KIND_SYMBOLS[kind],
      symbolSize: kind === 'municipality' || kind === 'province' ? 15 : 13,
      itemStyle: { color: KIND_COLORS[kind], borderColor: '#fff', borderWidth: 1.2, opacity: 0.92 },
      emphasis: { scale: 1.5, itemStyle: { borderColor: '#1e2528', borderWidth: 1.5 } },
      cursor: 'pointer',
    }));
    // The four quadrants (split at 3), as a quiet background with their usual advice.
    series.unshift({
      type: 'scatter',
      name: '__quadrants',
      data: [],
      silent: true,
      markArea: {
        silent: true,
        itemStyle: { color: 'rgba(47, 93, 80, 0.035)', borderColor: '#e2e7e4', borderWidth: 1 },
        label: { ...quadrantLabel },
        data: [
          [
            { name: q('satisfy'), coord: [0.5, 3], label: { position: 'insideTopLeft' } },
            { coord: [3, 5.5] },
          ],
          [
            { name: q('manage'), coord: [3, 3], label: { position: 'insideTopRight' }, itemStyle: { color: 'rgba(47, 93, 80, 0.08)' } },
            { coord: [5.5, 5.5] },
          ],
          [
            { name: q('monitor'), coord: [0.5, 0.5], label: { position: 'insideBottomLeft' }, itemStyle: { color: 'rgba(0,0,0,0)' } },
            { coord: [3, 3] },
          ],
          [
            { name: q('inform'), coord: [3, 0.5], label: { position: 'insideBottomRight' } },
            { coord: [5.5, 3] },
          ],
        ],
      },
    });
    const axis = (name: string) => ({
      type: 'value' as const,
      min: 0.5,
      max: 5.5,
      interval: 1,
      name,
      nameLocation: 'middle' as const,
      nameGap: 28,
      nameTextStyle: { color: '#5c676d', fontSize: 12, fontWeight: 600 as const },
      axisLabel: {
        color: '#5c676d',
        formatter: (v: number) => (Number.isInteger(v) && v >= 1 && v <= 5 ? String(v) : ''),
      },
      splitLine: { show: false },
      axisLine: { lineStyle: { color: '#b9c1bc' } },
      axisTick: { show: false },
    });
    const option: Option = {
      animation: false,
      aria: { enabled: false },
      grid: { left: 48, right: 16, top: 56, bottom: 44 },
      legend: {
        top: 0,
        left: 0,
        itemWidth: 12,
        itemHeight: 12,
        itemGap: 12,
        textStyle: { color: '#1e2528', fontSize: 12 },
        data: data.byKind.map(({ kind }) => ({ name: t(`stakeholders.kinds.${kind}`), icon: KIND_SYMBOLS[kind] })),
      },
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (params) => {
          const p = (Array.isArray(params) ? params[0] : params)?.data as MapPoint | undefined;
          if (!p || typeof p !== 'object' || !('id' in p)) return '';
          return `<strong>${escapeHtml(p.name)}</strong><br/>${escapeHtml(t(`stakeholders.kinds.${p.kind}`))}<br/>${escapeHtml(
            t('stakeholders.map.tooltip', { influence: p.influence, involvement: p.involvement }),
          )}`;
        },
      },
      xAxis: axis(t('stakeholders.map.x')),
      yAxis: { ...axis(t('stakeholders.map.y')), nameGap: 26 },
      series,
    };
    chart.setOption(option, { notMerge: true });
  }, [data, t]);

  return (
    <figure className="stakeholder-map-figure">
      <div
        ref={ref}
        className="stakeholder-map"
        data-testid="stakeholder-map"
        data-point-count={placed}
        role="img"
        aria-label={t('stakeholders.map.label', { count: placed })}
      />
      <figcaption className="map-caption">
        <span>{t('stakeholders.map.intro')}</span>
        {data.unplaced > 0 && <span data-testid="map-unplaced">{t('stakeholders.map.unplaced', { count: data.unplaced })}</span>}
      </figcaption>
    </figure>
  );
}
