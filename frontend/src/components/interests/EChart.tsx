import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts';

export interface ChartClick {
  dataIndex: number;
  data: unknown;
  componentType: string;
}

/**
 * One ECharts canvas: created on mount, resized with its box, disposed on unmount. The option is
 * replaced as a whole when it changes.
 */
export function EChart({
  option,
  height,
  label,
  testId,
  onClick,
  data,
}: {
  option: ChartOption;
  height: number;
  /** What the chart shows, for screen readers (the details are also in the page as text). */
  label: string;
  testId?: string;
  onClick?: (event: ChartClick) => void;
  /** Extra data-* attributes (for tests and debugging). */
  data?: Record<string, string | number>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => {
      const p = params as unknown as ChartClick;
      clickRef.current?.({ dataIndex: p.dataIndex, data: p.data, componentType: p.componentType });
    });
    const observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => chart.resize()) : null;
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    chartRef.current?.resize();
  }, [height]);

  const dataAttributes = Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [`data-${k}`, String(v)]));
  return (
    <div
      ref={ref}
      className="ix-echart"
      style={{ height }}
      role="img"
      aria-label={label}
      data-testid={testId}
      {...dataAttributes}
    />
  );
}
