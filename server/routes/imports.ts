import { z } from 'zod';
import { rejectsCsvWords } from '../../client/src/i18n/messages.js';
import { FIELDS } from '../../pipelines/ingest/fields.js';
import { rejectsCsv, type RejectForCsv } from '../../pipelines/ingest/rejects-csv.js';
import {
  blockText, checkFile, cutOff, getPreset, keptVersions, listPresets, previewFile, prunePlan, pruneReplaced, topRejectReasons, undoImport, undoPlan, type ImportOptions, type Mapping, type RejectReasonData,
} from '../../pipelines/ingest/index.js';
import { refreshDerived } from '../derived.js';
import type { AppContext } from '../context.js';
import { ApiRouter } from '../http/route.js';
import { badRequest, HttpError, notFound } from '../http/errors.js';
import { audit } from '../../pipelines/db/audit.js';
import { ImportJobs } from '../imports/jobs.js';
import { UploadStore, type Upload } from '../imports/uploads.js';
import {
  CheckResult, ImportParams, Job, JobList, JobParams, KeptVersions, PresetList, Preview, PruneBody, PruneQuery, PruneResult, ReadOptions, RejectList, RejectRow, RejectsExportQuery, RejectsQuery, RunDetail, RunList, RunRow, RunsQuery,
  UndoPlan, UndoResult, UploadParams,
} from '../schemas/imports.js';

type Row = Record<string, unknown>;

/** Rejects in one download: a file with more has a wrong mapping rather than rows to fix one by one. */
const EXPORT_LIMIT = 100_000;

function readOptions(body: z.output<typeof ReadOptions>): Pick<ImportOptions, 'kind' | 'preset' | 'mapping'> {
  if (body.preset) getPreset(body.preset);
  return { kind: body.kind, preset: body.preset, mapping: body.mapping as Mapping | undefined };
}

/** How the upload would be read: worked out in temp tables on a connection of its own, beside any import. */
async function preview(ctx: AppContext, upload: Upload, opts: Pick<ImportOptions, 'kind' | 'preset' | 'mapping'>): Promise<z.input<typeof Preview>> {
  const p = await ctx.lock.aside((db) => previewFile(db, upload.path, { ...opts, sha256: upload.sha256 }));
  return {
    uploadId: upload.id,
    fileName: upload.fileName,
    size: upload.size,
    format: p.format,
    encoding: p.encoding,
    headers: p.headers,
    headerRow: p.headerRow,
    kind: p.kind,
    mapping: p.mapping,
    preset: p.preset,
    missing: p.missing,
    warnings: p.warnings,
    columns: p.columns,
    fields: FIELDS[p.kind].filter((f) => f.name !== 'platform').map((f) => ({ name: f.name, type: f.type, required: Boolean(f.required) })),
    sample: p.sample.slice(0, 10),
    earlier: p.earlier,
  };
}

const toRun = (r: Row): z.input<typeof RunRow> => ({
  importId: r.import_id as number,
  kind: r.kind as string,
  sourceFile: r.source_file as string,
  format: r.format as string | null,
  encoding: r.encoding as string | null,
  startedAt: r.started_at as string,
  status: r.status as string,
  error: r.error as string | null,
  rowsRead: r.rows_read as number,
  inserted: r.inserted as number,
  updated: r.updated as number,
  unchanged: r.unchanged as number,
  rejected: r.rejected as number,
  durationMs: r.duration_ms as number | null,
  importedBy: r.imported_by as string | null,
  undoneAt: r.undone_at as string | null,
  undoneBy: r.undone_by as string | null,
});

/**
 * Upload a file, preview how it would be read and correct the mapping, run the import in the
 * background and follow its progress, then read its report and rejected rows. Admins only.
 */
export function importRoutes(ctx: AppContext): ApiRouter {
  const api = new ApiRouter(ctx, '/imports', 'imports');
  const admin = ['admin'] as const;
  const uploads = new UploadStore(ctx.config.uploadDir, ctx.config.maxUploadBytes, ctx.config.uploadTtlMs);
  const jobs = new ImportJobs(ctx, uploads);
  const upload = (id: string) => {
    const u = uploads.get(id);
    if (!u) throw new HttpError(404, 'upload_gone', 'no such upload (it was imported, discarded or has expired): upload the file again');
    return u;
  };

  api.add({ method: 'get', path: '/presets', summary: 'The built-in mappings for known export formats', access: admin, response: PresetList, lock: 'none' }, async () => ({
    presets: listPresets().map((p) => ({ name: p.name, description: p.description, kind: p.mapping.kind })),
  }));

  api.add(
    {
      method: 'post', path: '/uploads', summary: 'Upload a file (multipart field "file") and preview how it would be read',
      access: admin, response: Preview, upload: { field: 'file', middleware: uploads.middleware }, lock: 'none',
    },
    async ({ file, user }) => {
      if (!file) throw badRequest('send the file in the multipart field "file"');
      const u = uploads.add(file, user.username);
      try {
        return await preview(ctx, u, {});
      } catch (err) {
        uploads.remove(u.id);
        throw err;
      }
    },
  );

  api.add(
    { method: 'post', path: '/uploads/:uploadId/preview', summary: 'Preview an upload again with a chosen kind, preset or corrected mapping', access: admin, params: UploadParams, body: ReadOptions, response: Preview, lock: 'none' },
    async ({ params, body }) => preview(ctx, upload(params.uploadId), readOptions(body)),
  );

  api.add(
    {
      method: 'post', path: '/uploads/:uploadId/check', summary: 'A trial run: every row checked and compared with the database as an import would, nothing written',
      access: admin, params: UploadParams, body: ReadOptions, response: CheckResult, lock: 'none',
    },
    async ({ params, body }) => {
      const u = upload(params.uploadId);
      const c = await ctx.lock.aside((db) => checkFile(db, u.path, { ...readOptions(body), sourceName: u.fileName }));
      return { rowsRead: c.rowsRead, inserted: c.inserted, updated: c.updated, unchanged: c.unchanged, rejected: c.rejected, warnings: c.warnings, rejectReasons: c.rejectReasons };
    },
  );

  api.add(
    { method: 'post', path: '/uploads/:uploadId/run', summary: 'Start importing an upload; answers the job to poll', access: admin, params: UploadParams, body: ReadOptions, response: Job, lock: 'none' },
    async ({ params, body, user }) => {
      const u = upload(params.uploadId);
      const { job } = jobs.start(u, readOptions(body), user.username);
      return { ...job };
    },
  );

  api.add(
    { method: 'delete', path: '/uploads/:uploadId', summary: 'Discard an upload without importing it', access: admin, params: UploadParams, response: Job.pick({ fileName: true }), lock: 'none' },
    async ({ params }) => {
      const u = upload(params.uploadId);
      uploads.remove(u.id);
      return { fileName: u.fileName };
    },
  );

  api.add({ method: 'get', path: '/jobs', summary: 'Imports waiting or running now, oldest first', access: admin, response: JobList, lock: 'none' }, async () => ({
    jobs: jobs.active().map((j) => ({ ...j })),
  }));

  api.add({ method: 'get', path: '/jobs/:jobId', summary: "An import job's state, progress and, when done, its report", access: admin, params: JobParams, response: Job, lock: 'none' }, async ({ params }) => {
    const job = jobs.get(params.jobId);
    // jobs live in this process: one it does not know was started before a restart, which ends an import unwritten
    if (!job) throw new HttpError(404, 'job_gone', 'no such import job: if the server restarted since, an import it was running wrote nothing; see the import history, and import the file again if it is not there');
    return { ...job };
  });

  api.add({ method: 'get', path: '/', summary: 'Import runs, newest first', access: admin, query: RunsQuery, response: RunList, table: { row: RunRow } }, async ({ query }) => {
    const rows = await ctx.db.all<Row>('ingest/import_runs', { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
    return { total: (rows[0]?.total as number | undefined) ?? 0, rows: rows.map(toRun) };
  });

  api.add(
    { method: 'get', path: '/kept-versions', summary: 'The earlier versions kept to undo imports, and what clearing those of imports older than olderThanDays would take', access: admin, query: PruneQuery, response: KeptVersions },
    async ({ query }) => ({ ...(await keptVersions(ctx.db)), plan: await prunePlan(ctx.db, cutOff(query.olderThanDays)) }),
  );

  api.add(
    { method: 'post', path: '/kept-versions/prune', summary: 'Clear the earlier versions kept to undo imports older than olderThanDays: those imports can no longer be undone; audit-logged', access: admin, body: PruneBody, response: PruneResult },
    async ({ body, user }) => {
      const done = await pruneReplaced(ctx.db, cutOff(body.olderThanDays), user.username);
      if (done.pruned) await audit(ctx.db, { who: user.username, action: 'versions_prune', what: `#${done.upTo}`, details: { olderThanDays: body.olderThanDays, imports: done.imports, appeals: done.appeals, transfers: done.transfers } });
      return done;
    },
  );

  api.add({ method: 'get', path: '/:importId', summary: 'One import run with its mapping and commonest reject reasons', access: admin, params: ImportParams, response: RunDetail }, async ({ params }) => {
    const r = await ctx.db.one<Row>('server/import_run', { import_id: params.importId });
    if (!r) throw notFound(`no import ${params.importId}`);
    return { run: toRun(r), mapping: r.mapping as string | null, rejectReasons: await topRejectReasons(ctx.db, params.importId) };
  });

  /** The plan of an import's undo; 404 when there is no such import. */
  const plan = async (importId: number) => {
    if (!(await ctx.db.one<Row>('server/import_run', { import_id: importId }))) throw notFound(`no import ${importId}`);
    return undoPlan(ctx.db, importId);
  };

  api.add(
    { method: 'get', path: '/:importId/undo', summary: 'Whether an import can be undone (no later import changed its rows), and the rows undoing it would remove and restore', access: admin, params: ImportParams, response: UndoPlan },
    async ({ params }) => plan(params.importId),
  );

  api.add(
    {
      method: 'post', path: '/:importId/undo', summary: 'Undo an import: the records it added leave, the rows it updated are restored; audit-logged',
      conflict: 'the import cannot be undone (failed, undone already, or a later import wrote rows): the message says why',
      access: admin, params: ImportParams, response: UndoResult,
    },
    async ({ params, user }) => {
      const p = await plan(params.importId);
      if (p.blocked) throw new HttpError(409, 'cannot_undo', blockText(params.importId, p.blocked));
      const done = await undoImport(ctx.db, params.importId, user.username);
      await audit(ctx.db, { who: user.username, action: 'import_undo', what: done.sourceFile, details: { importId: done.importId, removed: done.removed, restored: done.restored } });
      await refreshDerived(ctx.db);
      return done;
    },
  );

  api.add(
    { method: 'get', path: '/:importId/rejects', summary: "One page of an import's rejected rows (masked) with the reason for each", access: admin, params: ImportParams, query: RejectsQuery, response: RejectList, table: { row: RejectRow } },
    async ({ params, query }) => {
      if (!(await ctx.db.one<Row>('server/import_run', { import_id: params.importId }))) throw new HttpError(404, 'not_found', `no import ${params.importId}`);
      const rows = await ctx.db.all<Row>('server/import_rejects', { import_id: params.importId, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
      return {
        total: (rows[0]?.total as number | undefined) ?? 0,
        page: query.page,
        pageSize: query.pageSize,
        downloadLimit: EXPORT_LIMIT,
        rows: rows.map((r) => ({
          sourceRow: r.source_row as number | null,
          reason: r.reason as string,
          reasonData: r.reason_data ? (JSON.parse(r.reason_data as string) as RejectReasonData) : null,
          raw: r.raw as string | null,
        })),
      };
    },
  );
  api.add(
    {
      method: 'get', path: '/:importId/rejects.csv', summary: `An import's rejected rows (up to ${EXPORT_LIMIT.toLocaleString('en')}, masked) as CSV, reasons in the language asked for, the file's columns kept to fix and import again; audit-logged`,
      access: admin, params: ImportParams, query: RejectsExportQuery, response: z.string(), produces: ['text/csv'], lock: 'none',
    },
    async ({ params, query, user, res }) => {
      // read under the lock, then audit-logged on the accounts connection (as the appeals export)
      const rows = await ctx.lock.read(async () => {
        if (!(await ctx.db.one<Row>('server/import_run', { import_id: params.importId }))) throw notFound(`no import ${params.importId}`);
        return ctx.db.all<RejectForCsv>('ingest/rejects_for_csv', { import_id: params.importId, limit: EXPORT_LIMIT });
      });
      const file = `rejects-${params.importId}.csv`;
      await ctx.lock.accounts(() => audit(ctx.db, { who: user.username, action: 'export', what: file, details: { importId: params.importId, rows: rows.length } }));
      res.attachment(file).type('text/csv; charset=utf-8');
      res.send(rejectsCsv(rows, rejectsCsvWords(query.lang)));
      return undefined;
    },
  );
  return api;
}
