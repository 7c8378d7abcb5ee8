import { Database } from '../db/database.js';
import { defaultDbPath } from '../config.js';
import { ExportError } from '../export/output-dir.js';
import { exportParquet, recordParquetExport } from '../export/parquet.js';
import { str, UsageError, type Command } from './command.js';

const USAGE = 'export --out DIR [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--overwrite] [--by NAME] [--db PATH] [--json]';

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the records and topics as Parquet partitioned by district and month (Hive layout: Spark, Trino, DuckDB read it)',
  usage: USAGE,
  options: {
    out: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    overwrite: { type: 'boolean' },
    by: { type: 'string' },
    db: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values) {
    const out = str(values, 'out');
    if (!out) throw new UsageError(`--out is required\nusage: npm run pipeline -- ${USAGE}`);
    const db = await Database.open(str(values, 'db') ?? defaultDbPath());
    try {
      const report = await exportParquet(db, out, { from: str(values, 'from'), to: str(values, 'to'), overwrite: values.overwrite === true });
      await recordParquetExport(db, report, str(values, 'by') ?? process.env.USER ?? 'cli');
      if (values.json) {
        console.log(JSON.stringify(report));
        return 0;
      }
      const window = report.from || report.to ? ` (appeals received ${report.from ?? '…'} to ${report.to ?? '…'})` : '';
      console.log(`exported to ${report.dir}${window} in ${report.durationMs} ms`);
      for (const t of report.tables) {
        const parts = t.partitionedBy.length ? ` by ${t.partitionedBy.join(', ')}` : '';
        console.log(`  ${t.name.padEnd(16)} ${t.rows.toLocaleString('en').padStart(11)} rows  ${String(t.files).padStart(5)} files  ${megabytes(t.bytes).padStart(9)}${parts}`);
      }
      return 0;
    } catch (err) {
      if (err instanceof ExportError) throw new UsageError(err.message);
      throw err;
    } finally {
      db.close();
    }
  },
};
