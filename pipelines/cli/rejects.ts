import { writeFileSync } from 'node:fs';
import { Database } from '../db/database.js';
import { rawRowText } from '../ingest/reject-rows.js';
import { rejectsCsv, type RejectForCsv } from '../ingest/rejects-csv.js';
import { defaultDbPath } from '../config.js';
import { str, UsageError, type Command } from './command.js';

export const rejectsCommand: Command = {
  name: 'rejects',
  summary: 'list rejected rows with their file, row number, reason and (masked) raw row',
  usage: 'rejects [--import ID] [--limit N] [--db PATH] [--json] | rejects --import ID --csv FILE [--db PATH]',
  options: { import: { type: 'string' }, limit: { type: 'string' }, csv: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' } },
  async run(values) {
    const importId = values.import === undefined ? null : Number(values.import);
    if (importId !== null && !Number.isInteger(importId)) throw new UsageError('--import takes an import id (a whole number)');
    const limit = values.limit === undefined ? 100 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a positive whole number');
    const csv = str(values, 'csv');
    if (csv && importId === null) throw new UsageError('--csv writes the rejects of one import: give --import ID');
    const db = await Database.open(str(values, 'db') ?? defaultDbPath());
    try {
      if (csv) {
        // every reject of the import, to fix and import again: the file's columns, the reasons as stored
        const rows = await db.all<RejectForCsv>('ingest/rejects_for_csv', { import_id: importId, limit: values.limit === undefined ? null : limit });
        writeFileSync(csv, rejectsCsv(rows, { row: 'row', reason: 'reason', rawLine: 'raw line (could not be split)', word: (reason) => reason }));
        console.log(`${rows.length.toLocaleString('en')} rejected rows of import #${importId} written to ${csv}`);
        return 0;
      }
      const rows = await db.all<{ import_id: number; source_file: string; source_row: number; reason: string; raw: string }>('ingest/list_rejects', {
        import_id: importId,
        limit,
      });
      if (values.json) console.log(JSON.stringify(rows));
      else {
        if (rows.length === 0) console.log('no rejected rows');
        for (const r of rows) console.log(`#${r.import_id} ${r.source_file}:${r.source_row}  ${r.reason}\n    ${rawRowText(r.raw)}`);
      }
      return 0;
    } finally {
      db.close();
    }
  },
};
