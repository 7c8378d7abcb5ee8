import { csvLine } from '../reports/render/csv.js';
import { sourceFields } from './reject-rows.js';
import type { RejectReasonData } from './types.js';

/** A kept reject as sql/ingest/rejects_for_csv.sql gives it. */
export type RejectForCsv = {
  source_row: number | null;
  reason: string;
  reason_data: string | null;
  raw: string | null;
};

/** The words of the file: its fixed column names and how a reason is worded. */
export interface RejectsCsvWords {
  row: string;
  reason: string;
  rawLine: string;
  word: (reason: string, data: RejectReasonData | null) => string;
}

/**
 * An import's rejects as a CSV a person can fix and import again: row number and reason, then the
 * file's own columns for rows that were split into fields, and the raw text of rows that could not
 * be split. Values are as kept: masked.
 */
export function rejectsCsv(rows: RejectForCsv[], words: RejectsCsvWords): string {
  const fields = rows.map((r) => sourceFields(r.raw));
  // every header any split row has, in the order first met (rows of one file share them all)
  const headers = [...new Set(fields.flatMap((f) => Object.keys(f ?? {})))];
  const unsplit = fields.some((f) => f === null);
  // the byte-order mark makes Excel read the file as UTF-8 (Chinese would be garbled otherwise)
  let out = `\uFEFF${csvLine([words.row, words.reason, ...headers, ...(unsplit ? [words.rawLine] : [])])}`;
  rows.forEach((r, i) => {
    const reason = words.word(r.reason, r.reason_data ? (JSON.parse(r.reason_data) as RejectReasonData) : null);
    const f = fields[i];
    out += csvLine([r.source_row, reason, ...headers.map((h) => f?.[h] ?? null), ...(unsplit ? [f ? null : r.raw] : [])]);
  });
  return out;
}
