import { describe, expect, it } from 'vitest';
import type { KpiReport, KpiSeries } from '../../../pipelines/kpis/compute.js';
import { kpiById } from '../../../pipelines/kpis/catalog.js';
import { kpiText } from '../../../pipelines/kpis/report-text.js';

const series = (id: string, values: KpiSeries['values'], breakdowns: KpiSeries['breakdowns'] = []): KpiSeries => ({ ...kpiById(id)!, values, breakdowns });

describe('KPI text table', () => {
  it('shows rates with their counts, percentiles with n, counts as numbers, breakdowns indented', () => {
    const report: KpiReport = {
      period: 'month',
      from: '2025-03-01',
      to: '2025-04-30',
      district: null,
      byDistrict: false,
      periods: ['2025-03-01', '2025-04-01'],
      kpis: [
        series('transfer_return_rate', [{ period: '2025-03-01', district: null, breakdown: null, numerator: 1, denominator: 4, value: 0.25 }]),
        series('transfer_accept_minutes_p50', [{ period: '2025-04-01', district: null, breakdown: null, numerator: 1, denominator: null, value: 15 }]),
        series(
          'three_party_calls',
          [
            { period: '2025-03-01', district: null, breakdown: null, numerator: 1, denominator: null, value: 1 },
            { period: '2025-04-01', district: null, breakdown: null, numerator: 0, denominator: null, value: 0 },
          ],
          [{ period: '2025-03-01', district: null, breakdown: 'negotiated', numerator: 1, denominator: null, value: 1 }],
        ),
      ],
    };
    const lines = kpiText(report).split('\n');
    expect(lines[0]).toBe('Linkage KPIs by month, 2025-03-01 … 2025-04-30');
    expect(lines.slice(2).map((l) => l.split(/\s{2,}/))).toEqual([
      ['kpi', '2025-03-01', '2025-04-01'],
      ['transfer_return_rate', '25.0% (1/4)', '—'],
      ['transfer_accept_minutes_p50', '—', '15.0 (n=1)'],
      ['three_party_calls', '1', '0'],
      ['', 'negotiated', '1', '—'],
    ]);
  });
});
