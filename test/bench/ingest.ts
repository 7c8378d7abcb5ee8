import { execFile } from 'node:child_process';
import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { ROOT } from '../../pipelines/config.js';
import { writeSyntheticWorkOrders } from './synthetic-export.js';
import type { BenchRow, BenchSection } from './types.js';

const run = promisify(execFile);
const CSV_RUNS = 3;

async function once<T>(script: string, ...args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'test/bench', script), ...args], { cwd: ROOT, maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

const importOnce = (file: string, dbPath: string) => once<{ ms: number; rows: number; maxRssMb: number }>('import-once.ts', file, dbPath);

/** An XLSX export with a title row, written by exceljs's streaming writer. */
async function writeXlsx(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(path), useSharedStrings: false });
  const ws = wb.addWorksheet('工单');
  ws.addRow(['江城市12345热线工单明细']).commit();
  ws.addRow(['工单编号', '来电时间', '来电号码', '所属区县', '诉求内容', '承办单位', '满意度评价']).commit();
  const districts = ['东城区', '西城区', '南湖区', '北山区'];
  for (let i = 0; i < rows; i++) {
    const d = districts[i % 4];
    ws.addRow([`X${i}`, `2025/${1 + (i % 12)}/${1 + (i % 28)} ${i % 24}:05`, `139${String(10000000 + i).slice(-8)}`, d, `${d}某小区楼道电动车充电，存在安全隐患，第${i}次反映`, `${d}消防救援大队`, '满意']).commit();
  }
  ws.commit();
  await wb.commit();
}

export const ingestBench: BenchSection = async ({ scale, workDir }) => {
  const rows: BenchRow[] = [];
  const csv = join(workDir, 'work_orders.csv');
  await writeSyntheticWorkOrders(csv, scale);
  const bytes = statSync(csv).size;
  // Each import into a new database in a process of its own; the median run is reported, since a
  // shared machine's single run can be a third slower than the next (seen here: 198k then 303k rows/s).
  const imports: { ms: number; rows: number; maxRssMb: number }[] = [];
  for (let i = 0; i < CSV_RUNS; i++) imports.push(await importOnce(csv, join(workDir, `csv-${i}.duckdb`)));
  imports.sort((a, b) => a.ms - b.ms);
  const c = imports[Math.floor(CSV_RUNS / 2)];
  const rate = (r: { ms: number; rows: number }) => Math.round(r.rows / (r.ms / 1000));
  const plain = await once<{ ms: number; rows: number }>('csv-read-once.ts', csv, join(workDir, 'plain.duckdb'));
  if (plain.rows !== c.rows) throw new Error(`the baseline read ${plain.rows} rows, the import ${c.rows}`);
  rows.push(
    {
      area: 'ingest',
      metric: `CSV import, ${scale.toLocaleString('en')} work orders (${Math.round(bytes / scale)} B/row), masking included; median of ${CSV_RUNS} (${rate(imports[CSV_RUNS - 1]).toLocaleString('en')}–${rate(imports[0]).toLocaleString('en')}); baseline: DuckDB alone reading the file into a table`,
      value: rate(c), unit: 'rows/s', target: '≥ 200000', ok: rate(c) >= 200_000, baseline: rate(plain),
    },
    { area: 'ingest', metric: `CSV import peak memory (highest of ${CSV_RUNS})`, value: Math.round(Math.max(...imports.map((r) => r.maxRssMb))), unit: 'MB' },
  );
  const sizes = [Math.round(scale / 20), Math.round(scale / 5)];
  const xlsx: { n: number; rate: number; rss: number }[] = [];
  const readerRss: { n: number; rss: number }[] = [];
  const readAlone = async (path: string, n: number) =>
    readerRss.push({ n, rss: (await once<{ maxRssMb: number }>('xlsx-read-once.ts', path, join(workDir, `x${n}.csv`))).maxRssMb });
  for (const n of sizes) {
    const path = join(workDir, `wo-${n}.xlsx`);
    await writeXlsx(path, n);
    const r = await importOnce(path, join(workDir, `x${n}.duckdb`));
    await readAlone(path, n);
    xlsx.push({ n, rate: r.rows / (r.ms / 1000), rss: r.maxRssMb });
  }
  // The reader once more on a file 16 times the smallest: a streaming reader's memory levels off.
  const largest = Math.round((scale * 4) / 5);
  await writeXlsx(join(workDir, 'wo-largest.xlsx'), largest);
  await readAlone(join(workDir, 'wo-largest.xlsx'), largest);
  for (const x of xlsx) {
    rows.push({ area: 'ingest', metric: `XLSX import, ${x.n.toLocaleString('en')} rows`, value: Math.round(x.rate), unit: 'rows/s', target: '≥ 20000', ok: x.rate >= 20_000 });
    rows.push({ area: 'ingest', metric: `XLSX import peak memory, ${x.n.toLocaleString('en')} rows`, value: Math.round(x.rss), unit: 'MB' });
  }
  // The import's growth is mostly DuckDB holding the checked and written rows until the one
  // transaction commits, as for a CSV; the sheet reader (XLSX → CSV, no database) is what streams.
  const growth = xlsx[1].rss / xlsx[0].rss;
  rows.push({ area: 'ingest', metric: `XLSX import memory growth for ${sizes[1] / sizes[0]}× the rows`, value: Number(growth.toFixed(2)), unit: '×', target: '≤ 1.5 (flat)', ok: growth <= 1.5 });
  for (const r of readerRss) rows.push({ area: 'ingest', metric: `XLSX reader alone peak memory, ${r.n.toLocaleString('en')} rows`, value: Math.round(r.rss), unit: 'MB' });
  const readerGrowth = readerRss[2].rss / readerRss[0].rss;
  rows.push({ area: 'ingest', metric: `XLSX reader alone, memory growth for ${Math.round(largest / sizes[0])}× the rows`, value: Number(readerGrowth.toFixed(2)), unit: '×', target: '≤ 1.5 (flat)', ok: readerGrowth <= 1.5 });
  return rows;
};
