import { TABLES, wordRejectReason, type Locale } from '../../client/src/i18n/messages.js';
import type { RejectReasonData } from '../../pipelines/ingest/types.js';
import { sourceFields } from '../../client/src/lib/raw-row.js';
import { csvLine } from '../http/csv.js';

export type RejectForCsv = {
  source_row: number | null;
  reason: string;
  reason_data: string | null;
  raw: string | null;
};

/**
 * An import's rejects as a CSV a person can fix and import again: row number and reason (in
 * `locale`), then the file's own columns for rows that were split into fields, and the raw text of
 * rows that could not be split. Values are as kept: masked.
 */
export function rejectsCsv(rows: RejectForCsv[], locale: Locale): string {
  const fields = rows.map((r) => sourceFields(r.raw));
  // every header any split row has, in the order first met (rows of one file share them all)
  const headers = [...new Set(fields.flatMap((f) => Object.keys(f ?? {})))];
  const unsplit = fields.some((f) => f === null);
  const words = TABLES[locale];
  // the byte-order mark makes Excel read the file as UTF-8 (Chinese would be garbled otherwise)
  let out = `\uFEFF${csvLine([words['imports.row'], words['imports.reason'], ...headers, ...(unsplit ? [words['imports.rawLine']] : [])])}`;
  rows.forEach((r, i) => {
    const reason = wordRejectReason(locale, r.reason, r.reason_data ? (JSON.parse(r.reason_data) as RejectReasonData) : null);
    const f = fields[i];
    out += csvLine([r.source_row, reason, ...headers.map((h) => f?.[h] ?? null), ...(unsplit ? [f ? null : r.raw] : [])]);
  });
  return out;
}
