import { SYNONYMS, normaliseHeader } from './synonyms.js';

const KNOWN = new Set(Object.values(SYNONYMS).flatMap((fields) => Object.values(fields).flat().map(normaliseHeader)));

/**
 * Index of the header row among the first rows of a sheet: exports often put a title, a date range
 * or a merged group header above it. The row with the most cells that name a known field wins;
 * without two such cells, the first non-empty row is the header.
 */
export function findHeaderRow(rows: string[][]): number {
  let best = -1;
  let bestScore = 1;
  rows.forEach((row, i) => {
    const score = row.filter((c) => c && KNOWN.has(normaliseHeader(c))).length;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  if (best >= 0) return best;
  const first = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  return first < 0 ? 0 : first;
}

/** Header names made unique and non-empty, as staging columns need them. */
export function uniqueHeaders(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((raw, i) => {
    let name = raw.replace(/^\ufeff/, '').trim() || `column_${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n > 1) name = `${name}_${n}`;
    return name;
  });
}
