import { FIELDS, DEFAULT_PLATFORM } from './fields.js';
import { SYNONYMS, normaliseHeader } from './synonyms.js';
import type { Kind, Mapping } from './types.js';

/** Guesses what a file holds from its headers: a transfer log names both ends; 110 lists say 警情/报警. */
export function inferKind(headers: string[]): Kind {
  const transfer = matchFields(headers, 'transfers');
  if (transfer.from_party && transfer.to_party) return 'transfers';
  if (headers.some((h) => /警情|报警|接警/.test(h))) return 'incidents';
  return 'appeals';
}

/**
 * Canonical field → source header, by the synonym table: an exact (normalised) match wins over a
 * header that merely contains a synonym; earlier synonyms win over later ones; a header is used once.
 * A field's own name comes first: files this product wrote (its exports) name columns so.
 */
export function matchFields(headers: string[], kind: Kind): Record<string, string> {
  const synonyms = SYNONYMS[kind];
  const normalised = headers.map(normaliseHeader);
  const used = new Set<number>();
  const result: Record<string, string> = {};
  for (const pass of ['exact', 'contains'] as const) {
    for (const field of FIELDS[kind]) {
      if (result[field.name]) continue;
      for (const synonym of [field.name, ...(synonyms[field.name] ?? [])]) {
        const s = normaliseHeader(synonym);
        const i = normalised.findIndex((h, j) => !used.has(j) && (pass === 'exact' ? h === s : s.length >= 2 && h.includes(s) && /[^\x00-\x7f]/.test(s)));
        if (i >= 0) {
          result[field.name] = headers[i];
          used.add(i);
          break;
        }
      }
    }
  }
  return result;
}

/** A mapping built from the headers alone; the platform defaults by kind when no column names it. */
export function inferMapping(headers: string[], kind: Kind = inferKind(headers)): Mapping {
  const fields = matchFields(headers, kind);
  const mapping: Mapping = { kind, fields };
  if (!fields.platform) mapping.constants = { platform: DEFAULT_PLATFORM[kind] };
  return mapping;
}

/** Required canonical fields the mapping does not provide. */
export function missingRequired(mapping: Mapping): string[] {
  return FIELDS[mapping.kind]
    .filter((f) => f.required && !(f.name in (mapping.fields ?? {})) && !(f.name in (mapping.constants ?? {})))
    .filter((f) => !(f.name === 'content' && mapping.fields.title))
    .map((f) => f.name);
}
