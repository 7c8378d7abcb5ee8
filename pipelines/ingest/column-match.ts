import { normaliseHeader } from './synonyms.js';

/** Finds the file's header for a column a mapping names. */
export type ColumnResolver = (column: string) => string | undefined;

/**
 * The header with the same text, else the one header that differs from it only in case, spacing,
 * punctuation or character width: portals rename `Created Date` to `CreatedDate` or `created_date`.
 * Two headers that look alike in that sense are too ambiguous to choose between.
 */
export function columnResolver(headers: string[]): ColumnResolver {
  const exact = new Set(headers);
  const byShape = new Map<string, string | null>();
  for (const h of headers) {
    const key = normaliseHeader(h);
    byShape.set(key, byShape.has(key) ? null : h);
  }
  return (column) => (exact.has(column) ? column : (byShape.get(normaliseHeader(column)) ?? undefined));
}
