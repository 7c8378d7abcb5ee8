import { join } from 'node:path';
import { ExportError } from '../../pipelines/export/output-dir.js';
import { exportParquet, recordParquetExport } from '../../pipelines/export/parquet.js';
import type { AppContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { ApiRouter } from '../http/route.js';
import { ParquetExportBody, ParquetExportResult } from '../schemas/exports.js';
import { localStamp } from '../time.js';

/** Parquet for a data lake, written on the server into its export folder. Admins only. */
export function exportRoutes(ctx: AppContext): ApiRouter {
  const api = new ApiRouter(ctx, '/exports', 'exports');

  api.add(
    {
      method: 'post', path: '/parquet', summary: 'Write the records and topics as Parquet (Hive layout, by district and month) into a new folder under the export folder; audit-logged',
      access: ['admin'], body: ParquetExportBody, response: ParquetExportResult, lock: 'none',
      conflict: 'the export folder for this second exists already: try again',
    },
    async ({ body, user }) => {
      // its own connection and snapshot: pages and imports go on beside it
      const target = join(ctx.config.exportDir, `parquet-${localStamp(new Date())}`);
      const report = await ctx.lock
        .aside((db) => exportParquet(db, target, { from: body.from, to: body.to }))
        .catch((err: unknown) => {
          // e.g. two exports within one second: the second finds the first's folder
          throw err instanceof ExportError ? new HttpError(409, 'export_refused', err.message) : err;
        });
      await ctx.lock.accounts(() => recordParquetExport(ctx.db, report, user.username));
      return report;
    },
  );
  return api;
}
