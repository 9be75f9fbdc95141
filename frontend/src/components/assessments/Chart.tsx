import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts';

/** One ECharts canvas: created on mount, resized with its box, disposed on unmount. */
export function Chart({ option, height, label, testId }: { option: ChartOption; height: number; label: string; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
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

  return <div ref={ref} className="as-chart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}
