import { describe, expect, test } from 'vitest';
import type { InterestMatrix, SharedInterest } from '../../api/interests';
import { escapeHtml, heatmapOption, rankingHeight, rankingOption } from './chartOptions';
import { shapeMatrix } from './matrix';

const item = (code: string, rank: number, score: number): SharedInterest => ({
  theme_code: code,
  theme_name: `<b>${code}</b>`,
  track: 'toekomstbestendig',
  rank,
  stakeholder_count: 3,
  share_of_stakeholders: 0.5,
  kinds: { entrepreneur: 3 },
  mean_urgency: 4,
  willing_to_invest_count: 2,
  willing_time_only_count: 1,
  pledged_budget_eur: '1000.00',
  obstacles: {},
  covered_by_project: false,
  covering_projects: [],
  score,
  explanation: '',
});

describe('chart options', () => {
  test('ranking: one bar per theme in rank order, rank 1 on top, names escaped in the tooltip', () => {
    const items = [item('energy_hub', 1, 74.2), item('security', 2, 40)];
    const option = rankingOption(items, 'nl', { track: (t) => t, scoreOf: (s) => `score ${s}` }) as {
      yAxis: { data: string[]; inverse: boolean; axisLabel: { formatter: (v: string) => string } };
      series: { data: { value: number }[] }[];
      tooltip: { formatter: (p: unknown) => string };
    };
    expect(option.yAxis.inverse).toBe(true);
    expect(option.yAxis.data).toEqual(['energy_hub', 'security']);
    expect(option.yAxis.axisLabel.formatter('security')).toBe('2. <b>security</b>');
    expect(option.series[0]?.data.map((d) => d.value)).toEqual([74.2, 40]);
    expect(option.tooltip.formatter({ dataIndex: 0 })).toContain('&#60;b&#62;energy_hub');
    expect(option.tooltip.formatter({ dataIndex: 0 })).toContain('score 74,2');
    expect(rankingHeight(2)).toBeLessThan(rankingHeight(17));
  });

  test('heat map: rows by id (names may repeat), scroll only for long lists', () => {
    const stakeholders = Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, name: 'Zelfde naam', kind: 'entrepreneur' as const }));
    const matrix: InterestMatrix = {
      park_id: 'p',
      stakeholders,
      themes: [{ code: 'security', track: 'schoon_heel_veilig', name_nl: 'Beveiliging', name_en: 'Security' }],
      cells: stakeholders.map((s, i) => ({
        stakeholder_id: s.id,
        theme_code: 'security',
        urgency: (i % 5) + 1,
        investment_willingness: 'none' as const,
      })),
    };
    const labels = { kind: (k: string) => k, urgency: (u: number) => `u${u}`, urgencyLegend: (u: number) => `${u}`, willingness: (w: string) => w, group: (k: string, n: number) => `${n} ${k}` };
    const big = heatmapOption(shapeMatrix(matrix, { language: 'nl', sort: 'kind', onlyInterviewed: true }), labels) as {
      yAxis: { data: string[] };
      dataZoom: unknown[];
      series: { data: { value: number[] }[] }[];
    };
    expect(new Set(big.yAxis.data).size).toBe(40);
    expect(big.dataZoom.length).toBe(2);
    expect(big.series[0]?.data).toHaveLength(40);
    const small = heatmapOption(
      shapeMatrix({ ...matrix, stakeholders: stakeholders.slice(0, 5) }, { language: 'nl', sort: 'kind', onlyInterviewed: true }),
      labels,
    ) as { dataZoom: unknown[] };
    expect(small.dataZoom).toEqual([]);
  });

  test('heat map grouped by kind: a header row above each kind, cells moved down, each cell knows its stakeholder', () => {
    const matrix: InterestMatrix = {
      park_id: 'p',
      stakeholders: [
        { id: 'a', name: 'Bakkerij', kind: 'entrepreneur' },
        { id: 'b', name: 'Vastgoed', kind: 'property_owner' },
      ],
      themes: [{ code: 'security', track: 'schoon_heel_veilig', name_nl: 'Beveiliging', name_en: 'Security' }],
      cells: [
        { stakeholder_id: 'a', theme_code: 'security', urgency: 4, investment_willingness: 'money' },
        { stakeholder_id: 'b', theme_code: 'security', urgency: 2, investment_willingness: 'none' },
      ],
    };
    const labels = { kind: (k: string) => k, urgency: (u: number) => `u${u}`, urgencyLegend: (u: number) => `${u}`, willingness: (w: string) => w, group: (k: string, n: number) => `${n} ${k}` };
    const option = heatmapOption(shapeMatrix(matrix, { language: 'nl', sort: 'kind', onlyInterviewed: true }), labels) as {
      yAxis: { data: string[]; axisLabel: { formatter: (v: string, i: number) => string } };
      series: { data: { value: number[]; stakeholderId: string; themeCode: string }[] }[];
      tooltip: { formatter: (p: unknown) => string };
    };
    expect(option.yAxis.data).toEqual(['kind:entrepreneur', 'a', 'kind:property_owner', 'b']);
    expect(option.yAxis.axisLabel.formatter('kind:entrepreneur', 0)).toBe('{h|1 ENTREPRENEUR}');
    expect(option.yAxis.axisLabel.formatter('b', 3)).toContain('Vastgoed');
    expect(option.series[0]?.data.map((d) => [d.value, d.stakeholderId, d.themeCode])).toEqual([
      [[0, 1, 4], 'a', 'security'],
      [[0, 3, 2], 'b', 'security'],
    ]);
    expect(option.tooltip.formatter({ data: option.series[0]?.data[1] })).toContain('Vastgoed');
    expect(option.tooltip.formatter({ data: option.series[0]?.data[1] })).toContain('u2');
    // Sorted by name: no headers.
    const byName = heatmapOption(shapeMatrix(matrix, { language: 'nl', sort: 'name', onlyInterviewed: true }), labels) as {
      yAxis: { data: string[] };
    };
    expect(byName.yAxis.data).toEqual(['a', 'b']);
  });

  test('escaping', () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe('&#60;a href=&#34;x&#34;&#62;&#38;&#39;');
  });
});
