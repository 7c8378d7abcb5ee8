import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Database } from '../db/database.js';
import { MappingError, mappedSelect } from './dynamic-sql.js';
import { ImportError } from './errors.js';
import { fileSha256 } from './file-hash.js';
import { DEFAULT_PLATFORM, TARGET_TABLE } from './fields.js';
import { inferMapping, missingRequired } from './infer-mapping.js';
import { mappingFit } from './mapping-fit.js';
import { getPreset, recognisePreset } from './presets.js';
import { checkedRejectReasons, topRejectReasons } from './reject-reasons.js';
import { sniffFile, type Sniffed } from './sniff.js';
import type { Progress } from './phases.js';
import { stageFile } from './stage.js';
import { typeRows, withSplitRows } from './type-rows.js';
import type { Staged } from './readers/staged.js';
import type { CheckReport, EarlierImport, ImportReport, ImportWarning, Kind, Mapping } from './types.js';

export interface ImportOptions {
  kind?: Kind;
  preset?: string;
  mapping?: Mapping;
  /** Name recorded as the source file (an upload's original name); defaults to the file's name. */
  sourceName?: string;
  importedBy?: string;
  onProgress?: Progress;
  /** The file's SHA-256 when the caller has it already (an upload hashed once); else it is hashed here. */
  sha256?: Promise<string | null>;
}

export interface Preview {
  format: string;
  encoding: string;
  headers: string[];
  headerRow: number;
  kind: Kind;
  mapping: Mapping;
  /** The shipped preset the mapping is, asked for or recognised from the headers. */
  preset: string | null;
  /** Required fields the mapping does not provide, or reads from a column the file lacks: the import would stop. */
  missing: string[];
  /** Optional fields whose columns the file lacks: the import would leave them empty or constant. */
  warnings: ImportWarning[];
  /** Each column the mapping names → the file's header it reads, or null when the file lacks it. */
  columns: Record<string, string | null>;
  /** The first rows, masked, keyed by header. */
  sample: Record<string, string | null>[];
  /** What importing the file now would do, when asked for and the mapping can be applied. */
  check: CheckReport | null;
  /** The latest import of this very file (same bytes), if it was imported before. */
  earlier: EarlierImport | null;
}

/** The latest import of a file with the same bytes, loaded or undone since. */
async function earlierImport(db: Database, sha: string | null): Promise<EarlierImport | null> {
  if (!sha) return null;
  const r = await db.one<{ import_id: number; source_file: string; started_at: string; status: 'done' | 'undone' }>('ingest/earlier_import_of_file', { sha });
  return r ? { importId: r.import_id, sourceFile: r.source_file, startedAt: r.started_at, status: r.status } : null;
}

interface Chosen {
  mapping: Mapping;
  /** The shipped preset the mapping is, if it is one. */
  preset: string | null;
}

/**
 * The mapping given, else the preset named, else what the headers say: a shipped preset written for
 * this layout when it fills at least as many fields as inference finds (it also knows the export's
 * time zone and date formats), or when inference misses a required field; inference otherwise.
 */
function mappingFor(opts: ImportOptions, headers: string[]): Chosen {
  if (opts.mapping) return { mapping: opts.mapping, preset: null };
  if (opts.preset) return { mapping: getPreset(opts.preset).mapping, preset: opts.preset };
  const inferred = inferMapping(headers, opts.kind);
  const known = recognisePreset(headers, opts.kind);
  if (known && (missingRequired(inferred).length > 0 || known.fields >= Object.keys(inferred.fields).length)) {
    return { mapping: known.preset.mapping, preset: known.preset.name };
  }
  return { mapping: inferred, preset: null };
}

function chooseMapping(opts: ImportOptions, headers: string[]): Chosen {
  const chosen = mappingFor(opts, headers);
  const { mapping } = chosen;
  if (opts.kind && mapping.kind !== opts.kind) throw new ImportError(`the mapping is for ${mapping.kind}, but --kind ${opts.kind} was asked for`);
  if (mapping.fields.platform || mapping.constants?.platform) return chosen;
  return { ...chosen, mapping: { ...mapping, constants: { ...mapping.constants, platform: DEFAULT_PLATFORM[mapping.kind] } } };
}

function checkRequired(mapping: Mapping, headers: string[]): void {
  const missing = missingRequired(mapping);
  if (missing.length) {
    throw new ImportError(
      `no column for required field${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (${mapping.kind}); headers found: ${headers.join(', ')}. ` +
        'Name the columns with --mapping FILE or choose a --preset.',
    );
  }
}

/** Labels for reject reasons: the source header of each field, else the field's own name. */
function fieldLabels(mapping: Mapping): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [field, source] of Object.entries(mapping.fields)) {
    labels[field] = typeof source === 'string' ? source : (source.column ?? (source.concat ?? source.hash ?? [field]).join('+'));
  }
  return labels;
}

async function withStaged<T>(db: Database, path: string, onProgress: Progress | undefined, fn: (sniffed: Sniffed, staged: Staged) => Promise<T>): Promise<T> {
  const sniffed = await sniffFile(path);
  const workDir = await mkdtemp(join(tmpdir(), 'linkage-import-'));
  try {
    const staged = await stageFile(db, path, sniffed, workDir, onProgress);
    return await fn(sniffed, staged);
  } finally {
    await db.run('ingest/drop_temp');
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * What an import of this file would do: format, encoding, headers, inferred kind and mapping, sample;
 * with `check`, also the outcome of every row (as checkFile, on the same read of the file).
 */
export async function previewFile(db: Database, path: string, opts: ImportOptions & { check?: boolean } = {}): Promise<Preview> {
  // hashed while DuckDB reads the file, to recognise a file imported before
  const fileSha = opts.sha256 ?? fileSha256(path);
  return withStaged(db, path, opts.onProgress, async (sniffed, staged) => {
    const chosen = chooseMapping(opts, staged.headers);
    const { mapping, preset } = chosen;
    const fit = mappingFit(mapping, staged.headers);
    const rows = await withSplitRows(staged, () => db.all<{ row: string }>('ingest/staged_sample'));
    const sample = rows.map((r) => JSON.parse(r.row) as Record<string, string | null>);
    for (const row of sample) delete row.__row;
    const missing = [...missingRequired(mapping), ...fit.absentRequired];
    const check = opts.check && !missing.length ? await checkStaged(db, sniffed, staged, chosen, opts.sourceName ?? basename(path), opts.onProgress) : null;
    return {
      format: sniffed.format,
      encoding: sniffed.encoding,
      headers: staged.headers,
      headerRow: staged.headerRow,
      kind: mapping.kind,
      mapping,
      preset,
      missing,
      warnings: fit.warnings,
      columns: fit.columns,
      sample,
      check,
      earlier: await earlierImport(db, await fileSha),
    };
  });
}

/**
 * Checks and types every staged row into the temp table `typed` with `mapping`, each with the
 * reason it cannot be loaded (none when it can); nothing is written. Returns the columns the file lacks.
 */
async function typeStaged(db: Database, staged: Staged, mapping: Mapping, run: { importId: number; sourceName: string }, onProgress?: Progress): Promise<ImportWarning[]> {
  checkRequired(mapping, staged.headers);
  const warnings: ImportWarning[] = [];
  const select = mappedSelect(mapping, staged.headers, warnings);
  await db.run('ingest/set_context', {
    import_id: run.importId,
    file: run.sourceName,
    tz: mapping.timezone ?? 'Asia/Shanghai',
    formats: JSON.stringify(mapping.dateFormats ?? []),
    labels: JSON.stringify(fieldLabels(mapping)),
    has_seq: 'seq' in mapping.fields,
  });
  onProgress?.('checking rows', 0, 0);
  await typeRows(db, staged, mapping.kind, select);
  return warnings;
}

/**
 * What importing this file now would do, row for row, without writing anything: the same checks,
 * and each loadable row compared with the database as the import compares it.
 */
export async function checkFile(db: Database, path: string, opts: ImportOptions = {}): Promise<CheckReport> {
  try {
    return await withStaged(db, path, opts.onProgress, (sniffed, staged) =>
      checkStaged(db, sniffed, staged, chooseMapping(opts, staged.headers), opts.sourceName ?? basename(path), opts.onProgress),
    );
  } catch (err) {
    throw err instanceof MappingError ? new ImportError(err.message) : err;
  }
}

async function checkStaged(db: Database, sniffed: Sniffed, staged: Staged, { mapping, preset }: Chosen, sourceName: string, onProgress?: Progress): Promise<CheckReport> {
  const warnings = await typeStaged(db, staged, mapping, { importId: 0, sourceName }, onProgress);
  await db.run(`ingest/classify_${TARGET_TABLE[mapping.kind]}`);
  const c = (await db.one<{ inserted: number; updated: number; unchanged: number; rejected: number }>('ingest/outcome_counts'))!;
  const rejectReasons = await checkedRejectReasons(db);
  return {
    kind: mapping.kind, format: sniffed.format, encoding: sniffed.encoding, mapping, preset,
    rowsRead: c.inserted + c.updated + c.unchanged + c.rejected, ...c, warnings, rejectReasons,
  };
}

/**
 * Imports one file as one transaction: every row is inserted, updated, counted unchanged (same
 * record already present, or repeated in the file) or kept in `rejects` with its reason. A failure
 * leaves the database as it was and is recorded in `import_runs`.
 */
export async function importFile(db: Database, path: string, opts: ImportOptions = {}): Promise<ImportReport> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const sourceName = opts.sourceName ?? basename(path);
  const { import_id: importId } = (await db.one<{ import_id: number }>('ingest/next_import_id'))!;
  let sniffed: Sniffed | undefined;
  let mapping: Mapping | undefined;
  try {
    // Hashed while DuckDB reads the file: the hash is only recorded, nothing waits for it.
    const fileSha = opts.sha256 ?? fileSha256(path);
    return await withStaged(db, path, opts.onProgress, async (sn, staged) => {
      sniffed = sn;
      const chosen = chooseMapping(opts, staged.headers);
      const m = (mapping = chosen.mapping);
      const table = TARGET_TABLE[m.kind];
      // Rows are checked into a temp table before the transaction: it covers only what is kept.
      const warnings = await typeStaged(db, staged, m, { importId, sourceName }, opts.onProgress);
      opts.onProgress?.('loading', 0, 0);
      const counts = await db.transaction(async () => {
        const { fresh } = (await db.one<{ fresh: boolean }>(`ingest/is_fresh_${table}`))!;
        if (fresh) await db.run(`ingest/insert_fresh_${table}`);
        else {
          await db.run(`ingest/classify_${table}`);
          await db.run(`ingest/apply_${table}`);
        }
        await db.run('ingest/write_rejects');
        const c = (await db.one<{ inserted: number; updated: number; unchanged: number; rejected: number }>('ingest/outcome_counts'))!;
        const rowsRead = c.inserted + c.updated + c.unchanged + c.rejected;
        await db.run('ingest/insert_import_run', {
          import_id: importId, kind: m.kind, source_file: sourceName, file_sha256: await fileSha, format: sn.format, encoding: sn.encoding,
          mapping: JSON.stringify(m), started_at: startedAt, status: 'done', error: null, rows_read: rowsRead,
          inserted: c.inserted, updated: c.updated, unchanged: c.unchanged, rejected: c.rejected,
          duration_ms: Date.now() - started, imported_by: opts.importedBy ?? null,
        });
        return { ...c, rowsRead };
      });
      const rejectReasons = await topRejectReasons(db, importId);
      return {
        importId, kind: m.kind, file: sourceName, format: sn.format, encoding: sn.encoding, mapping: m, preset: chosen.preset,
        ...counts, durationMs: Date.now() - started, warnings, rejectReasons,
      };
    });
  } catch (err) {
    const message = err instanceof ImportError || err instanceof MappingError ? err.message : `import failed: ${(err as Error).message}`;
    await db.run('ingest/insert_import_run', {
      import_id: importId, kind: mapping?.kind ?? opts.kind ?? 'unknown', source_file: sourceName, file_sha256: null,
      format: sniffed?.format ?? null, encoding: sniffed?.encoding ?? null, mapping: mapping ? JSON.stringify(mapping) : null,
      started_at: startedAt, status: 'failed', error: message, rows_read: 0, inserted: 0, updated: 0, unchanged: 0,
      rejected: 0, duration_ms: Date.now() - started, imported_by: opts.importedBy ?? null,
    });
    throw err instanceof MappingError ? new ImportError(err.message) : err;
  }
}
