import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { heatmapOption, type HeatmapCell } from '../../lib/interests/chartOptions';
import { kindCountLabel, kindLabel, urgencyLabel, willingnessLong } from '../../lib/interests/labels';
import { axisRows, heatmapLayout, type HeatmapModel } from '../../lib/interests/matrix';
import { EChart } from './EChart';

type Option = ReturnType<typeof heatmapOption>;

/**
 * The themes' whole names above the columns, wrapped over at most two lines (steep enough for 43 px columns at 1024 px),
 * instead of one line cut off at 26 characters ("Beveiliging en cameratoez…").
 */
function readableColumns(model: HeatmapModel, option: Option): Option {
  const base = option as { xAxis?: { axisLabel?: Record<string, unknown> } };
  if (!base.xAxis) return option;
  const names = new Map(model.columns.map((c) => [c.code, c.name]));
  return {
    ...option,
    xAxis: {
      ...base.xAxis,
      axisLabel: {
        ...base.xAxis.axisLabel,
        rotate: 60,
        width: 150,
        overflow: 'break',
        lineHeight: 13,
        formatter: (code: string) => names.get(code) ?? code,
      },
    },
  } as Option;
}

/** Stakeholders (rows) × themes (columns), coloured by urgency; scrolls past 30 rows. */
export function InterestHeatmap({
  model,
  onOpen,
}: {
  model: HeatmapModel;
  /** A click on a cell: open that stakeholder's interview at that theme. */
  onOpen?: (stakeholderId: string, themeCode: string) => void;
}) {
  const { t } = useTranslation();
  const option = useMemo(
    () =>
      readableColumns(model, heatmapOption(model, {
        kind: (kind) => kindLabel(t, kind),
        urgency: (urgency) => `${t('interests.urgency.value', { value: urgency })} (${urgencyLabel(t, urgency).toLowerCase()})`,
        urgencyLegend: (urgency) => `${urgency} ${urgencyLabel(t, urgency).toLowerCase()}`,
        willingness: (w) => t('interests.matrix.tooltipWillingness', { value: willingnessLong(t, w) }),
        group: (kind, count) => kindCountLabel(t, kind, count),
      })),
    [model, t],
  );
  const layout = heatmapLayout(axisRows(model).length);
  return (
    <EChart
      option={option}
      height={layout.height}
      label={t('interests.matrix.chartLabel')}
      testId="interest-heatmap"
      data={{ rows: model.rows.length, cells: model.points.length, scroll: String(layout.scroll) }}
      onClick={(event) => {
        const cell = event.data as HeatmapCell | undefined;
        if (cell?.stakeholderId) onOpen?.(cell.stakeholderId, cell.themeCode);
      }}
    />
  );
}
