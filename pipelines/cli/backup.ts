import { Database } from '../db/database.js';
import { BackupError, backupDatabase } from '../db/backup.js';
import { checkBackup, restoreDatabase } from '../db/restore.js';
import { defaultDbPath } from '../config.js';
import { str, UsageError, type Command } from './command.js';

const n = (x: number) => x.toLocaleString('en');
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** BackupError is the user's to read; anything else is a fault. */
function userError(err: unknown): never {
  if (err instanceof BackupError) throw new UsageError(err.message);
  throw err;
}

export const backupCommand: Command = {
  name: 'backup',
  summary: 'copy the whole database, as one snapshot, into a new DuckDB file (the server makes them too: 数据库备份)',
  usage: 'backup --out FILE [--db PATH] [--json]',
  options: { out: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' } },
  async run(values) {
    const out = str(values, 'out');
    if (!out) throw new UsageError('usage: npm run pipeline -- backup --out FILE [--db PATH] [--json]');
    const db = await Database.open(str(values, 'db') ?? defaultDbPath());
    try {
      const report = await backupDatabase(db, out).catch(userError);
      if (values.json) console.log(JSON.stringify(report));
      else console.log(`backed up ${n(report.rows)} rows in ${report.tables} tables to ${report.file} (${mb(report.bytes)}, ${(report.ms / 1000).toFixed(1)} s)`);
      return 0;
    } finally {
      db.close();
    }
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'put a backup in place of the database, with the server stopped; the database it replaces is kept beside it',
  usage: 'restore --from FILE [--dry-run] [--db PATH] [--json]',
  options: { from: { type: 'string' }, 'dry-run': { type: 'boolean' }, db: { type: 'string' }, json: { type: 'boolean' } },
  async run(values) {
    const from = str(values, 'from');
    if (!from) throw new UsageError('usage: npm run pipeline -- restore --from FILE [--dry-run] [--db PATH] [--json]');
    if (values['dry-run']) {
      // a backup never opened is not known to be one: this opens it read-only and counts what it holds
      const checked = await checkBackup(from).catch(userError);
      if (values.json) console.log(JSON.stringify(checked));
      else console.log(`${from} is a backup of schema ${checked.version}: ${n(checked.rows)} rows in ${checked.tables} tables; nothing was changed`);
      return 0;
    }
    const report = await restoreDatabase(from, str(values, 'db') ?? defaultDbPath()).catch(userError);
    if (values.json) console.log(JSON.stringify(report));
    else {
      console.log(`restored ${n(report.rows)} rows in ${report.tables} tables from ${report.from} to ${report.file}`);
      if (report.previous) console.log(`the database it replaced is kept as ${report.previous}`);
    }
    return 0;
  },
};
