import type { KpiReport, KpiSeries, KpiValue } from './compute.js';

function formatValue(series: KpiSeries, v: KpiValue | undefined): string {
  if (!v || v.value === null) return '—';
  if (series.kind === 'rate') return `${(v.value * 100).toFixed(1)}% (${v.numerator}/${v.denominator})`;
  if (series.kind === 'p50' || series.kind === 'p90') return `${v.value.toFixed(1)} (n=${v.numerator})`;
  return String(v.value);
}

/** The KPI report as a text table: one line per KPI (and district), one column per period; breakdowns indented. */
export function kpiText(report: KpiReport): string {
  const head = `Linkage KPIs by ${report.period}, ${report.from} … ${report.to}${report.district ? `, ${report.district}` : ''}`;
  const districts = report.byDistrict ? [...new Set(report.kpis.flatMap((k) => k.values.map((v) => v.district)))] : [report.district];
  const rows: string[][] = [];
  for (const k of report.kpis) {
    for (const d of districts) {
      const name = `${k.id}${report.byDistrict ? ` [${d ?? '—'}]` : ''}`;
      rows.push([name, ...report.periods.map((p) => formatValue(k, k.values.find((v) => v.period === p && v.district === d)))]);
      const parts = [...new Set(k.breakdowns.filter((b) => b.district === d).map((b) => b.breakdown))].sort();
      for (const b of parts) {
        rows.push([`  ${b}`, ...report.periods.map((p) => formatValue(k, k.breakdowns.find((v) => v.period === p && v.district === d && v.breakdown === b)))]);
      }
    }
  }
  const header = ['kpi', ...report.periods];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [head, '', line(header), ...rows.map(line)].join('\n');
}
