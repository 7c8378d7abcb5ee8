import { Database } from '../db/database.js';
import { defaultDbPath } from '../config.js';
import { str, UsageError, type Command } from './command.js';

interface RunRow extends Record<string, unknown> {
  import_id: number;
  kind: string;
  source_file: string;
  started_at: string;
  status: string;
  error: string | null;
  rows_read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  imported_by: string | null;
  undone_at: string | null;
  undone_by: string | null;
}

const n = (v: number) => v.toLocaleString('en');

export const importsCommand: Command = {
  name: 'imports',
  summary: 'list the imports, newest first: file, kind, status and row counts (the ids rejects and undo-import take)',
  usage: 'imports [--limit N] [--db PATH] [--json]',
  options: { limit: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' } },
  async run(values) {
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a positive whole number');
    const db = await Database.open(str(values, 'db') ?? defaultDbPath());
    try {
      const rows = await db.all<RunRow>('ingest/import_runs', { limit, offset: 0 });
      if (values.json) {
        console.log(JSON.stringify(rows.map(({ total: _, ...r }) => r)));
        return 0;
      }
      if (rows.length === 0) console.log('no imports yet');
      for (const r of rows) {
        const counts = `read ${n(r.rows_read)}: ${n(r.inserted)} new, ${n(r.updated)} updated, ${n(r.unchanged)} unchanged, ${n(r.rejected)} rejected`;
        const status = r.status === 'undone' ? `undone ${r.undone_at}${r.undone_by ? ` by ${r.undone_by}` : ''}` : r.status;
        console.log(`#${r.import_id}  ${r.started_at}  ${r.kind}  ${r.source_file}  ${status}${r.imported_by ? `  (${r.imported_by})` : ''}`);
        console.log(`    ${r.status === 'failed' ? (r.error ?? '') : counts}`);
      }
      const total = (rows[0]?.total as number | undefined) ?? 0;
      if (total > rows.length) console.log(`(${n(total - rows.length)} older; --limit to see more)`);
      return 0;
    } finally {
      db.close();
    }
  },
};
