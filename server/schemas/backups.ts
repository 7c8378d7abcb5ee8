import { z } from 'zod';

/** A backup file in the server's backup folder (pipelines/db/backup-folder.ts). */
const BackupFile = z.object({
  name: z.string(),
  /** Local time, YYYY-MM-DD HH:MM. */
  writtenAt: z.string(),
  bytes: z.number().int(),
});

export const BackupList = z.object({
  /** The folder, so an administrator knows where to find the files to restore from. */
  dir: z.string(),
  backups: z.array(BackupFile),
  /** Scheduled backups (LINKAGE_BACKUP_HOURS, LINKAGE_BACKUP_KEEP); null when none are. */
  schedule: z.object({ everyHours: z.number().int(), keep: z.number().int() }).nullable(),
});

export const BackupResult = z.object({
  name: z.string(),
  bytes: z.number().int(),
  tables: z.number().int(),
  rows: z.number().int(),
  durationMs: z.number().int(),
});

/** A file name as the backup folder's listing gives it; looked up there, never used as a path. */
export const BackupParams = z.object({ name: z.string().min(1).max(200) });

export const DeletedBackup = z.object({ name: z.string() });
