import { z } from 'zod';
import { datesInOrder, datesInOrderMessage, optDate } from './common.js';

export const ParquetExportBody = z
  .object({
    /** Local dates, inclusive: only appeals received then, with their records; open when left out. */
    from: optDate,
    to: optDate,
  })
  .refine(datesInOrder, datesInOrderMessage);

const ExportedTable = z.object({
  name: z.string(),
  rows: z.number().int(),
  files: z.number().int(),
  bytes: z.number().int(),
  partitionedBy: z.array(z.string()),
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
});

export const ParquetExportResult = z.object({
  /** The folder written, under the server's export folder (LINKAGE_EXPORT_DIR). */
  dir: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  tables: z.array(ExportedTable),
  durationMs: z.number().int(),
});

/** An earlier export under the server's export folder (pipelines/export/earlier-exports.ts). */
const EarlierExport = z.object({
  name: z.string(),
  /** Local time, YYYY-MM-DD HH:MM. */
  exportedAt: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  appeals: z.number().int(),
  bytes: z.number().int(),
});

export const EarlierExportList = z.object({ exports: z.array(EarlierExport) });

/** A folder name as the export folder's listing gives it; looked up there, never used as a path. */
export const EarlierExportParams = z.object({ name: z.string().min(1).max(200) });

export const DeletedExport = z.object({ name: z.string() });
