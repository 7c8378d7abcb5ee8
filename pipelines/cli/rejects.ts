import { Database } from '../db/database.js';
import { defaultDbPath } from '../config.js';
import { str, UsageError, type Command } from './command.js';

export const rejectsCommand: Command = {
  name: 'rejects',
  summary: 'list rejected rows with their file, row number, reason and (masked) raw row',
  usage: 'rejects [--import ID] [--limit N] [--db PATH] [--json]',
  options: { import: { type: 'string' }, limit: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' } },
  async run(values) {
    const importId = values.import === undefined ? null : Number(values.import);
    if (importId !== null && !Number.isInteger(importId)) throw new UsageError('--import takes an import id (a whole number)');
    const limit = values.limit === undefined ? 100 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a positive whole number');
    const db = await Database.open(str(values, 'db') ?? defaultDbPath());
    try {
      const rows = await db.all<{ import_id: number; source_file: string; source_row: number; reason: string; raw: string }>('ingest/list_rejects', {
        import_id: importId,
        limit,
      });
      if (values.json) console.log(JSON.stringify(rows));
      else {
        if (rows.length === 0) console.log('no rejected rows');
        for (const r of rows) console.log(`#${r.import_id} ${r.source_file}:${r.source_row}  ${r.reason}\n    ${r.raw}`);
      }
      return 0;
    } finally {
      db.close();
    }
  },
};
