import { Database } from '../db/database.js';
import { defaultDbPath } from '../config.js';
import { str, type Command } from './command.js';

export const status: Command = {
  name: 'status',
  summary: 'print table counts',
  usage: 'status [--db PATH] [--json]',
  options: { db: { type: 'string' }, json: { type: 'boolean' } },
  async run(values) {
    const db = await Database.open(str(values, 'db') ?? defaultDbPath());
    try {
      const rows = await db.all<{ table_name: string; rows: number }>('db/table_counts');
      if (values.json) console.log(JSON.stringify(Object.fromEntries(rows.map((r) => [r.table_name, r.rows]))));
      else for (const r of rows) console.log(`${r.table_name.padEnd(24)} ${String(r.rows).padStart(10)}`);
      return 0;
    } finally {
      db.close();
    }
  },
};
