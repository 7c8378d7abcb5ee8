import { z } from 'zod';
import { mappingSchema } from '../../pipelines/ingest/mapping-schema.js';
import { IMPORT_PHASES } from '../../pipelines/ingest/phases.js';

export const Kind = z.enum(['appeals', 'transfers', 'incidents']);

/**
 * Why a row was rejected, as data the client words in its language (reason: the same in English):
 * a checked value's header and value, or a split row's field counts (RejectReasonData in the pipeline).
 */
const RejectReasonData = z.object({
  code: z.string(),
  label: z.string().nullable().optional(),
  value: z.string().nullable().optional(),
  label2: z.string().nullable().optional(),
  value2: z.string().nullable().optional(),
  expected: z.number().int().nullable().optional(),
  found: z.number().int().nullable().optional(),
});
const RejectReason = z.object({ reason: z.string(), count: z.number().int(), data: RejectReasonData.nullable() });

export const PresetRow = z.object({ name: z.string(), description: z.string(), kind: Kind });
export const PresetList = z.object({ presets: z.array(PresetRow) });

/** How to read an upload: a preset, a whole mapping (as corrected on screen), or only the kind to infer for. */
export const ReadOptions = z
  .object({
    kind: Kind.optional(),
    preset: z.string().min(1).max(100).optional(),
    mapping: mappingSchema.optional(),
  })
  .refine((v) => !(v.preset && v.mapping), { message: 'give a preset or a mapping, not both', path: ['mapping'] });

/** A column the mapping names that the file lacks: its field is left empty, or takes the mapping's constant. */
const ImportWarning = z.object({ field: z.string(), columns: z.array(z.string()), constant: z.string().nullable() });

export const FieldInfo = z.object({ name: z.string(), type: z.string(), required: z.boolean() });

export const Preview = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  format: z.string(),
  encoding: z.string(),
  headers: z.array(z.string()),
  headerRow: z.number().int(),
  kind: Kind,
  mapping: mappingSchema,
  /** The shipped preset the mapping is, chosen or recognised from the headers. */
  preset: z.string().nullable(),
  /** Required fields the mapping leaves without a column, or reads from one the file lacks: the import would stop. */
  missing: z.array(z.string()),
  /** Optional fields whose columns the file lacks: the import would leave them empty or constant. */
  warnings: z.array(ImportWarning),
  /** Each column the mapping names → the file's header it reads (names may differ in case or spacing), or null. */
  columns: z.record(z.string(), z.string().nullable()),
  /** The canonical fields of this kind, for the mapping editor. */
  fields: z.array(FieldInfo),
  /** The first rows as read, masked. */
  sample: z.array(z.record(z.string(), z.string().nullable())),
  /** The latest import of this very file (same bytes), if it was imported before. */
  earlier: z.object({ importId: z.number().int(), sourceFile: z.string(), startedAt: z.string(), status: z.enum(['done', 'undone']) }).nullable(),
});

export const UploadParams = z.object({ uploadId: z.string().regex(/^[0-9a-f-]{36}$/, 'not an upload id') });
export const JobParams = z.object({ jobId: z.string().regex(/^[0-9a-f-]{36}$/, 'not a job id') });
export const ImportParams = z.object({ importId: z.coerce.number().int().min(1) });

export const ImportReport = z.object({
  importId: z.number().int(),
  kind: Kind,
  file: z.string(),
  format: z.string(),
  encoding: z.string(),
  /** The shipped preset the file was read with, chosen or recognised from the headers. */
  preset: z.string().nullable(),
  rowsRead: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  durationMs: z.number().int(),
  /** Columns the mapping names that the file lacks: the field left empty, or given the mapping's constant. */
  warnings: z.array(ImportWarning),
  rejectReasons: z.array(RejectReason),
  /**
   * What ran after the import: units known, topics run or appeals assigned, signals recomputed.
   * Null when that work failed: the rows are in, and the next import that changes data does it again.
   */
  after: z.object({
    units: z.object({ known: z.number().int(), unknownKind: z.number().int() }).nullable(),
    topics: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('run'), topics: z.number().int(), appeals: z.number().int(), clustered: z.number().int() }),
        z.object({ kind: z.literal('assigned'), assigned: z.number().int(), unclustered: z.number().int() }),
      ])
      .nullable(),
    signalsRecomputed: z.boolean(),
  }).nullable(),
});

/** What importing the upload now would do, row for row, worked out without writing anything. */
export const CheckResult = ImportReport.pick({ rowsRead: true, inserted: true, updated: true, unchanged: true, rejected: true, warnings: true, rejectReasons: true });

export const Job = z.object({
  jobId: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  fileName: z.string(),
  /** Who started it, and when (local time, YYYY-MM-DD HH:MM). */
  startedBy: z.string(),
  startedAt: z.string(),
  /** What the import is doing now, e.g. "loading"; with counts when it knows them (total 0: unknown). */
  phase: z.enum(IMPORT_PHASES).nullable(),
  done: z.number(),
  total: z.number(),
  report: ImportReport.nullable(),
  error: z.string().nullable(),
});

/** Imports waiting or running now, oldest first: a page opened later, or by another admin, shows them. */
export const JobList = z.object({ jobs: z.array(Job) });

export const RunRow = z.object({
  importId: z.number().int(),
  kind: z.string(),
  sourceFile: z.string(),
  format: z.string().nullable(),
  encoding: z.string().nullable(),
  startedAt: z.string(),
  status: z.string(),
  error: z.string().nullable(),
  rowsRead: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  durationMs: z.number().int().nullable(),
  importedBy: z.string().nullable(),
  /** When the import was taken back (status undone), and by whom. */
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
});

/** Why an import cannot be undone (pipelines/ingest/undo.ts). */
export const UndoBlock = z.discriminatedUnion('code', [
  z.object({ code: z.literal('failed') }),
  z.object({ code: z.literal('undone'), at: z.string(), by: z.string().nullable() }),
  z.object({ code: z.literal('no_earlier_rows') }),
  z.object({ code: z.literal('pruned'), at: z.string(), by: z.string().nullable(), upTo: z.number().int() }),
  z.object({ code: z.literal('later_import'), importId: z.number().int(), sourceFile: z.string() }),
]);
export const UndoPlan = z.object({
  importId: z.number().int(),
  sourceFile: z.string(),
  blocked: UndoBlock.nullable(),
  /** Rows that would leave: the records the import added. */
  removes: z.number().int(),
  /** Earlier versions that would come back: the rows the import updated. */
  restores: z.number().int(),
  /** Later imports that wrote nothing but counted rows unchanged: records they shared with this one leave too. */
  laterUnchanged: z.array(z.object({ importId: z.number().int(), sourceFile: z.string() })),
});
export const UndoResult = z.object({ importId: z.number().int(), sourceFile: z.string(), removed: z.number().int(), restored: z.number().int() });

export const RunList = z.object({ total: z.number().int(), rows: z.array(RunRow) });
export const RunsQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const RunDetail = z.object({
  run: RunRow,
  mapping: z.string().nullable(),
  rejectReasons: z.array(RejectReason),
});

export const RejectRow = z.object({ sourceRow: z.number().int().nullable(), reason: z.string(), reasonData: RejectReasonData.nullable(), raw: z.string().nullable() });
export const RejectList = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  rows: z.array(RejectRow),
  /** The most rows the CSV download holds (the first ones, in file order). */
  downloadLimit: z.number().int(),
});
export const RejectsExportQuery = z.object({ lang: z.enum(['zh', 'en']).default('zh') });

export const RejectsQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

/** Clearing the earlier versions kept to undo imports (pipelines/ingest/prune-replaced.ts). */
export const PruneQuery = z.object({
  /** Imports started more than this many days ago lose their undo; 0 takes every import so far. */
  olderThanDays: z.coerce.number().int().min(0).max(36_500),
});
export const PruneBody = z.object({ olderThanDays: z.number().int().min(0).max(36_500) });
const PrunePlanShape = {
  before: z.string(),
  upTo: z.number().int().nullable(),
  imports: z.number().int(),
  appeals: z.number().int(),
  transfers: z.number().int(),
};
export const KeptVersions = z.object({
  appeals: z.number().int(),
  transfers: z.number().int(),
  imports: z.number().int(),
  oldestStartedAt: z.string().nullable(),
  lastPrune: z.object({ at: z.string(), by: z.string().nullable(), upTo: z.number().int() }).nullable(),
  /** What clearing with the query's cut-off would do. */
  plan: z.object(PrunePlanShape),
});
export const PruneResult = z.object({ ...PrunePlanShape, pruned: z.boolean() });
