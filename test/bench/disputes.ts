import { join } from 'node:path';
import { Database } from '../../pipelines/db/database.js';
import { proposeAgenda } from '../../pipelines/disputes/agenda.js';
import { ensureSignals, refreshSignals, updateSignals } from '../../pipelines/disputes/signals.js';
import { exportParquet } from '../../pipelines/export/parquet.js';
import { computeKpis } from '../../pipelines/kpis/compute.js';
import type { BenchRow, BenchSection } from './types.js';

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await fn();
  return [performance.now() - started, result];
}

/** Median of `runs` timed calls after one warm-up call (the first call also installs session views). */
async function median(runs: number, fn: () => Promise<unknown>): Promise<{ first: number; median: number }> {
  const [first] = await timed(fn);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(fn))[0]);
  times.sort((a, b) => a - b);
  return { first, median: times[Math.floor(times.length / 2)] };
}

/** A small import as sql/disputes/synthetic_import.sql writes it: 800 new appeals and 200 updated ones (with their hand-overs). */
const SMALL_IMPORT = { new: 800, updated: 200 };

/**
 * Dispute detection and KPIs on a synthetic city of `scale` appeals over 2025 (built in SQL:
 * sql/disputes/synthetic_city.sql): rebuilding the per-appeal signals, bringing them up to date
 * after a small import (only the appeals it touched, and for comparison everything), the whole KPI
 * set for a month (by day) and for the year (by month), and the agenda proposal.
 */
export const disputesBench: BenchSection = async ({ scale, workDir }) => {
  const db = await Database.open(join(workDir, 'disputes.duckdb'));
  try {
    const [synthMs] = await timed(() => db.run('disputes/synthetic_city', { n: scale }));
    const transfers = (await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM transfers'))[0].n;
    console.error(`[bench] disputes: synthetic city of ${scale} appeals, ${transfers} transfers in ${(synthMs / 1000).toFixed(1)} s`);
    const [signalsMs] = await timed(() => ensureSignals(db));
    await db.run('disputes/synthetic_import', SMALL_IMPORT);
    const [changedMs, how] = await timed(() => updateSignals(db));
    if (how !== 'changed') throw new Error(`the small import made the signals refresh '${how}', not 'changed'`);
    await db.run('disputes/synthetic_import', SMALL_IMPORT);
    const [fullAfterMs] = await timed(() => refreshSignals(db));
    const month = await median(5, () => computeKpis(db, { period: 'day', from: '2025-06-01', to: '2025-06-30' }));
    const year = await median(5, () => computeKpis(db, { period: 'month', from: '2025-01-01', to: '2025-12-31' }));
    const yearByDistrict = await median(3, () => computeKpis(db, { period: 'month', from: '2025-01-01', to: '2025-12-31', byDistrict: true }));
    const agenda = await median(3, () => proposeAgenda(db, { top: 10 }));
    const [exportMs, exported] = await timed(() => exportParquet(db, join(workDir, 'lake')));
    // baseline: the appeals alone as one unpartitioned file
    const [plainMs] = await timed(() => db.query(`COPY appeals TO '${join(workDir, 'appeals.parquet')}' (FORMAT parquet, COMPRESSION zstd)`));
    const exportedRows = exported.tables.reduce((n, t) => n + t.rows, 0);
    const exportedFiles = exported.tables.reduce((n, t) => n + t.files, 0);
    const rows: BenchRow[] = [
      { area: 'disputes', metric: `signals rebuild (${scale.toLocaleString('en')} appeals, ${transfers.toLocaleString('en')} transfers)`, value: Math.round(signalsMs), unit: 'ms' },
      { area: 'disputes', metric: 'signals after an import of 1,000 appeals (800 new, 200 updated): only the appeals it touched', value: Math.round(changedMs), unit: 'ms' },
      { area: 'disputes', metric: 'signals after an import of 1,000 appeals: full rebuild, for comparison', value: Math.round(fullAfterMs), unit: 'ms' },
      { area: 'disputes', metric: 'KPI set, one month by day (median of 5)', value: Math.round(month.median), unit: 'ms', target: '≤ 300', ok: month.median <= 300 },
      { area: 'disputes', metric: 'KPI set, one month by day (first call: builds the KPI rollups)', value: Math.round(month.first), unit: 'ms' },
      { area: 'disputes', metric: 'KPI set, year by month (median of 5)', value: Math.round(year.median), unit: 'ms', target: '≤ 300', ok: year.median <= 300 },
      { area: 'disputes', metric: 'KPI set, year by month × district (median of 3)', value: Math.round(yearByDistrict.median), unit: 'ms' },
      { area: 'disputes', metric: 'agenda proposal, top 10 (median of 3)', value: Math.round(agenda.median), unit: 'ms', target: '≤ 1000', ok: agenda.median <= 1000 },
      {
        area: 'disputes', metric: `Parquet export, every table by district × month (${exportedRows.toLocaleString('en')} rows, ${exportedFiles.toLocaleString('en')} files); baseline: appeals as one file`,
        value: Math.round(exportMs), unit: 'ms', baseline: Math.round(plainMs),
      },
    ];
    return rows;
  } finally {
    db.close();
  }
};
