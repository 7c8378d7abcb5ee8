import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { audit } from '../db/audit.js';
import { Database } from '../db/database.js';
import { parseDate } from '../disputes/window.js';
import { HIVE_NULL, useHiveNames } from './hive-names.js';
import { abandonOutput, commitOutput, ExportError, MANIFEST, openOutput } from './output-dir.js';

/** The columns every record table is partitioned by, outermost first. */
export const PARTITION_COLUMNS = ['district', 'month'] as const;

/** The tables an export holds: records partitioned like their appeal, and whole small tables. */
export const EXPORT_TABLES = [
  { name: 'appeals', view: 'export_appeals', partitioned: true },
  { name: 'transfers', view: 'export_transfers', partitioned: true },
  { name: 'appeal_topics', view: 'export_appeal_topics', partitioned: true },
  { name: 'appeal_signals', view: 'export_appeal_signals', partitioned: true },
  { name: 'units', view: 'export_units', partitioned: false },
  { name: 'topics', view: 'export_topics', partitioned: false },
  { name: 'topic_terms', view: 'export_topic_terms', partitioned: false },
] as const;

export interface ParquetExportOptions {
  /** Local dates (YYYY-MM-DD), inclusive: only appeals received then, with their records. */
  from?: string;
  to?: string;
  /** Replace an earlier export in the folder. */
  overwrite?: boolean;
}

export interface ExportedTable {
  name: string;
  rows: number;
  files: number;
  bytes: number;
  partitionedBy: string[];
  columns: { name: string; type: string }[];
}

/** What an export wrote; the same, with the database's context, is the folder's `_manifest.json`. */
export interface ParquetExport {
  dir: string;
  from: string | null;
  to: string | null;
  tables: ExportedTable[];
  durationMs: number;
}

/** Number of Parquet files under `dir` and their total size. */
async function parquetFiles(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.parquet')) continue;
    files++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

function checkWindow(opts: ParquetExportOptions): void {
  try {
    const from = opts.from === undefined ? null : parseDate(opts.from, 'from');
    const to = opts.to === undefined ? null : parseDate(opts.to, 'to');
    if (from !== null && to !== null && from > to) throw new Error(`from (${opts.from}) is after to (${opts.to})`);
  } catch (err) {
    throw new ExportError((err as Error).message);
  }
}

async function writeTables(db: Database, dir: string, opts: ParquetExportOptions): Promise<ExportedTable[]> {
  await db.run('export/prepare', { from: opts.from ?? null, to: opts.to ?? null });
  const tables: ExportedTable[] = [];
  for (const t of EXPORT_TABLES) {
    const tableDir = join(dir, t.name);
    // made first, so a table with no rows is an empty folder rather than a missing one
    await mkdir(tableDir);
    const [copied] = t.partitioned
      ? await db.all<{ Count: number }>('export/copy_partitioned', { view: t.view, dir: tableDir })
      : await db.all<{ Count: number }>('export/copy_whole', { view: t.view, file: join(tableDir, 'data_0.parquet') });
    if (t.partitioned) await useHiveNames(tableDir);
    const columns = await db.all<{ name: string; type: string }>('export/view_columns', { view: t.view });
    tables.push({ name: t.name, rows: Number(copied.Count), ...(await parquetFiles(tableDir)), partitionedBy: t.partitioned ? [...PARTITION_COLUMNS] : [], columns });
  }
  return tables;
}

/**
 * Writes the records and the topic model as Parquet under `target`, one folder per table, the
 * record tables partitioned by district and local month of receipt (Hive layout, readable
 * unchanged by Spark, Trino or DuckDB), with a `_manifest.json`. Everything is read in one
 * snapshot, written beside the target and moved into place only when complete. Texts are as stored
 * (masked at import); topic labels are masked again, since a person may have typed them. It only
 * reads: the caller records it in the audit log (recordParquetExport), on a connection that may write.
 */
export async function exportParquet(db: Database, target: string, opts: ParquetExportOptions = {}): Promise<ParquetExport> {
  const started = Date.now();
  checkWindow(opts);
  const out = await openOutput(target, opts.overwrite ?? false);
  try {
    const connection = await db.activeConnection();
    await Database.beginSnapshot(connection);
    let tables: ExportedTable[];
    let context: { schema_version: number; time_zone: string };
    try {
      tables = await writeTables(db, out.partial, opts);
      context = (await db.one<{ schema_version: number; time_zone: string }>('export/context'))!;
      await db.run('export/finish');
    } finally {
      await Database.endSnapshot(connection);
    }
    const window = { from: opts.from ?? null, to: opts.to ?? null };
    const manifest = {
      product: 'Linkage Insight',
      exportedAt: new Date(started).toISOString(),
      schemaVersion: context.schema_version,
      timeZone: context.time_zone,
      window,
      partitioning: {
        columns: PARTITION_COLUMNS,
        month: "the appeal's local month of receipt, YYYY-MM; transfers of appeals not loaded: the month they were sent",
        nullFolder: HIVE_NULL,
      },
      tables: Object.fromEntries(tables.map(({ name, ...t }) => [name, t])),
    };
    await writeFile(join(out.partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    await commitOutput(out);
    return { dir: out.target, ...window, tables, durationMs: Date.now() - started };
  } catch (err) {
    await abandonOutput(out);
    throw err;
  }
}

/** Records an export in the audit log: who, where, the window and the rows of each table. */
export async function recordParquetExport(db: Database, report: ParquetExport, actor: string): Promise<void> {
  const rows = Object.fromEntries(report.tables.map((t) => [t.name, t.rows]));
  await audit(db, { who: actor, action: 'export', what: 'parquet', details: { dir: report.dir, from: report.from, to: report.to, rows } });
}
