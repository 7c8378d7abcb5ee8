import { basename, join } from 'node:path';
import { audit } from '../../pipelines/db/audit.js';
import { BackupTargetTaken, backupDatabase, type BackupReport } from '../../pipelines/db/backup.js';
import { freeBackupName } from '../../pipelines/db/backup-folder.js';
import type { AppContext } from '../context.js';
import { localStamp } from '../time.js';

export type MadeBackup = BackupReport & { name: string };

/**
 * Writes a backup named `<prefix>linkage-<local time>.duckdb` into the backup folder, on a
 * connection of its own (one snapshot; writes committed meanwhile do not wait), and logs it as `who`.
 */
export async function makeBackup(ctx: AppContext, who: string, prefix = ''): Promise<MadeBackup> {
  const dir = ctx.config.backupDir;
  const stem = `${prefix}linkage-${localStamp(new Date())}`;
  const report = await ctx.lock.aside(async (db) => {
    for (;;) {
      try {
        return await backupDatabase(db, join(dir, freeBackupName(dir, stem)));
      } catch (err) {
        // another backup took the name between the look and the write
        if (!(err instanceof BackupTargetTaken)) throw err;
      }
    }
  });
  const name = basename(report.file);
  await ctx.lock.accounts(() => audit(ctx.db, { who, action: 'backup', what: name, details: { bytes: report.bytes, tables: report.tables, rows: report.rows } }));
  return { ...report, name };
}
