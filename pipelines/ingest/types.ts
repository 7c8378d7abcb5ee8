/** What kind of records a file holds; incidents are 110 records stored as appeals with platform '110'. */
export type Kind = 'appeals' | 'transfers' | 'incidents';

/** How one canonical field is read from the source columns. */
export type FieldSource =
  | string
  | {
      /** Source column header. */
      column?: string;
      /** Several source columns joined with `sep` (e.g. NYC complaint type + descriptor). */
      concat?: string[];
      sep?: string;
      /** For sources without an id: a stable id from these columns' values. */
      hash?: string[];
      /** Source value → canonical value (e.g. 电话 → phone); unmatched values go through the defaults. */
      values?: Record<string, string>;
    };

/** A mapping file: source columns → canonical fields of one kind. */
export interface Mapping {
  kind: Kind;
  /** Time zone for date values that carry none (default Asia/Shanghai). */
  timezone?: string;
  /** strptime formats tried before the built-in ones, for every date field (e.g. '%m/%d/%Y %I:%M:%S %p'). */
  dateFormats?: string[];
  /** Canonical fields with one value for every row (e.g. platform: '110'). */
  constants?: Record<string, string>;
  fields: Record<string, FieldSource>;
}

/** A column the mapping names that the file lacks: its field is left empty, or takes the mapping's constant. */
export interface ImportWarning {
  field: string;
  columns: string[];
  constant: string | null;
}

/**
 * Why a row was rejected, as data: what is wrong (`code`). A checked value (see reject_text in
 * sql/macros.sql) has the source header and quoted value it concerns, and for comparisons the second
 * header and value; a row the reader could not split (sql/ingest/*_errors.sql) may have the header's
 * and the row's field counts. Lists of reasons leave the values out.
 */
export interface RejectReasonData {
  code: string;
  label?: string | null;
  value?: string | null;
  label2?: string | null;
  value2?: string | null;
  expected?: number | null;
  found?: number | null;
}

/** One of the commonest reject reasons, its values stripped, with how many rows it stopped. */
export interface RejectReason {
  reason: string;
  count: number;
  data: RejectReasonData | null;
}

/** What importing a file would do, worked out without writing (checkFile). */
export interface CheckReport {
  kind: Kind;
  format: string;
  encoding: string;
  mapping: Mapping;
  /** The shipped preset the mapping is, asked for or recognised from the headers. */
  preset: string | null;
  /** rowsRead = inserted + updated + unchanged + rejected */
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Columns the mapping names that the file lacks. */
  warnings: ImportWarning[];
  /** The commonest reject reasons. */
  rejectReasons: RejectReason[];
}

/** What an import did: the check's outcome, written, under its import id. */
export interface ImportReport extends CheckReport {
  importId: number;
  file: string;
  durationMs: number;
}

/** An earlier import of the same file (same bytes), as the preview reports it. */
export interface EarlierImport {
  importId: number;
  sourceFile: string;
  /** Local time, YYYY-MM-DD HH:MM. */
  startedAt: string;
  status: 'done' | 'undone';
}
