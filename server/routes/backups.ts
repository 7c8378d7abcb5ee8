import { audit } from '../../pipelines/db/audit.js';
import { BackupError } from '../../pipelines/db/backup.js';
import { deleteBackup, listBackups } from '../../pipelines/db/backup-folder.js';
import { makeBackup } from '../backups/make.js';
import type { AppContext } from '../context.js';
import { notFound } from '../http/errors.js';
import { ApiRouter } from '../http/route.js';
import { BackupList, BackupParams, BackupResult, DeletedBackup } from '../schemas/backups.js';
import { localMinute } from '../time.js';

/**
 * Backups of the whole database into the server's backup folder (LINKAGE_BACKUP_DIR), listed and
 * deleted there. Admins only; restoring is done with the server stopped (`npm run pipeline -- restore`).
 */
export function backupRoutes(ctx: AppContext): ApiRouter {
  const api = new ApiRouter(ctx, '/backups', 'backups');
  const dir = ctx.config.backupDir;

  api.add(
    { method: 'get', path: '/', summary: 'The backups in the backup folder, newest first, with their size', access: ['admin'], response: BackupList, lock: 'none' },
    async () => ({
      dir,
      backups: (await listBackups(dir)).map((b) => ({ ...b, writtenAt: localMinute(b.writtenAt) })),
      schedule: ctx.config.backupEveryHours > 0 ? { everyHours: ctx.config.backupEveryHours, keep: ctx.config.backupKeep } : null,
    }),
  );

  api.add(
    {
      method: 'post', path: '/', summary: 'Back the whole database up, as one snapshot, into a new file in the backup folder (pages and imports go on meanwhile); audit-logged',
      access: ['admin'], response: BackupResult, lock: 'none',
    },
    async ({ user }) => {
      const report = await makeBackup(ctx, user.username);
      return { name: report.name, bytes: report.bytes, tables: report.tables, rows: report.rows, durationMs: report.ms };
    },
  );

  api.add(
    { method: 'delete', path: '/:name', summary: 'Delete one backup file in the backup folder; audit-logged', access: ['admin'], params: BackupParams, response: DeletedBackup, lock: 'none' },
    async ({ params, user }) => {
      const gone = await deleteBackup(dir, params.name).catch((err: unknown) => {
        throw err instanceof BackupError ? notFound(err.message) : err;
      });
      await ctx.lock.accounts(() => audit(ctx.db, { who: user.username, action: 'backup_delete', what: gone.name, details: { writtenAt: gone.writtenAt, bytes: gone.bytes } }));
      return { name: gone.name };
    },
  );
  return api;
}
