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
