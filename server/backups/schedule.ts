import { audit } from '../../pipelines/db/audit.js';
import { deleteBackup, listBackups } from '../../pipelines/db/backup-folder.js';
import type { AppContext } from '../context.js';
import { makeBackup } from './make.js';

/** Names of the backups the schedule writes: only these are ever deleted by it. */
export const AUTO_PREFIX = 'auto-';

export interface BackupSchedule {
  /** One scheduled backup now, then the oldest automatic ones beyond `keep` deleted. */
  runOnce(): Promise<void>;
  /** No more turns; resolves once a backup under way has finished (before the database closes). */
  stop(): Promise<void>;
}

/**
 * Backs the database up every `everyMs` while the server runs (the CLI cannot while the server
 * holds the file), keeping the newest `keep` automatic backups; those made by hand are left alone.
 * A failed backup is logged and audit-logged, and the next turn tries again.
 */
export function scheduleBackups(ctx: AppContext, everyMs: number, keep: number): BackupSchedule {
  let running: Promise<void> | null = null;
  const runOnce = async () => {
    try {
      const made = await makeBackup(ctx, 'system', AUTO_PREFIX);
      ctx.log(`scheduled backup written: ${made.file} (${(made.bytes / 1e6).toFixed(1)} MB, ${made.ms} ms)`);
      const auto = (await listBackups(ctx.config.backupDir)).filter((b) => b.name.startsWith(AUTO_PREFIX));
      for (const old of auto.slice(keep)) {
        await deleteBackup(ctx.config.backupDir, old.name);
        await ctx.lock.accounts(() => audit(ctx.db, { who: 'system', action: 'backup_delete', what: old.name, details: { writtenAt: old.writtenAt, bytes: old.bytes, kept: keep } }));
      }
    } catch (err) {
      const message = (err as Error).message;
      ctx.log(`scheduled backup failed: ${message}`);
      await ctx.lock.accounts(() => audit(ctx.db, { who: 'system', action: 'backup_failed', what: ctx.config.backupDir, details: { error: message } })).catch(() => undefined);
    }
  };
  // a backup slower than the interval is not started twice
  const turn = () => (running ??= runOnce().finally(() => (running = null)));
  const timer = setInterval(turn, everyMs);
  timer.unref();
  return {
    runOnce: turn,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
