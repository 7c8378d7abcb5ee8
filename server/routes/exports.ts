import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { audit } from '../../pipelines/db/audit.js';
import { deleteExport, listExports } from '../../pipelines/export/earlier-exports.js';
import { ExportError } from '../../pipelines/export/output-dir.js';
import { exportParquet, recordParquetExport } from '../../pipelines/export/parquet.js';
import type { AppContext } from '../context.js';
import { notFound } from '../http/errors.js';
import { ApiRouter } from '../http/route.js';
import { DeletedExport, EarlierExportList, EarlierExportParams, ParquetExportBody, ParquetExportResult } from '../schemas/exports.js';
import { localMinute, localStamp } from '../time.js';

/**
 * A new, empty folder under `dir` named `stem`, or `stem-2`, `stem-3` … when exports started within
 * the same second: made at once, so two requests never choose the same folder.
 */
async function reserveFolder(dir: string, stem: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (let n = 1; ; n++) {
    const target = join(dir, n === 1 ? stem : `${stem}-${n}`);
    try {
      await mkdir(target);
      return target;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

/** Parquet for a data lake, written on the server into its export folder, listed and deleted there. Admins only. */
export function exportRoutes(ctx: AppContext): ApiRouter {
  const api = new ApiRouter(ctx, '/exports', 'exports');

  api.add(
    {
      method: 'post', path: '/parquet', summary: 'Write the records and topics as Parquet (Hive layout, by district and month) into a new folder under the export folder; audit-logged',
      access: ['admin'], body: ParquetExportBody, response: ParquetExportResult, lock: 'none',
    },
    async ({ body, user }) => {
      // its own connection and snapshot: pages and imports go on beside it
      const target = await reserveFolder(ctx.config.exportDir, `parquet-${localStamp(new Date())}`);
      const report = await ctx.lock
        .aside((db) => exportParquet(db, target, { from: body.from, to: body.to }))
        .catch(async (err: unknown) => {
          await rm(target, { recursive: true, force: true });
          throw err;
        });
      await ctx.lock.accounts(() => recordParquetExport(ctx.db, report, user.username));
      return report;
    },
  );

  api.add(
    { method: 'get', path: '/parquet', summary: 'The Parquet exports under the export folder, newest first: window, appeals and size', access: ['admin'], response: EarlierExportList, lock: 'none' },
    async () => ({ exports: (await listExports(ctx.config.exportDir)).map((e) => ({ ...e, exportedAt: localMinute(e.exportedAt) })) }),
  );

  api.add(
    {
      method: 'delete', path: '/parquet/:name', summary: 'Delete one Parquet export under the export folder, with everything in its folder; audit-logged',
      access: ['admin'], params: EarlierExportParams, response: DeletedExport, lock: 'none',
    },
    async ({ params, user }) => {
      const gone = await deleteExport(ctx.config.exportDir, params.name).catch((err: unknown) => {
        throw err instanceof ExportError ? notFound(err.message) : err;
      });
      await ctx.lock.accounts(() => audit(ctx.db, { who: user.username, action: 'export_delete', what: 'parquet', details: { name: gone.name, exportedAt: gone.exportedAt, bytes: gone.bytes } }));
      return { name: gone.name };
    },
  );
  return api;
}
