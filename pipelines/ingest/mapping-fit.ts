import { columnResolver } from './column-match.js';
import { FIELDS } from './fields.js';
import type { FieldSource, ImportWarning, Mapping } from './types.js';

/** How a mapping fits a file's headers, worked out before anything is read. */
export interface MappingFit {
  /** Each column the mapping names → the file's header it reads (matched by shape), or null when absent. */
  columns: Record<string, string | null>;
  /** Fields whose columns the file lacks: left empty, or set to the mapping's constant. */
  warnings: ImportWarning[];
  /** Required fields whose columns the file lacks and that have no constant: the import would stop. */
  absentRequired: string[];
}

/** The source columns a field is read from. */
export function sourceColumns(source: FieldSource): string[] {
  if (typeof source === 'string') return [source];
  return source.concat ?? source.hash ?? (source.column ? [source.column] : []);
}

/** The headers a mapping's columns read in this file, and what the file lacks (see MappingFit). */
export function mappingFit(mapping: Mapping, headers: string[]): MappingFit {
  const resolve = columnResolver(headers);
  const columns: Record<string, string | null> = {};
  const warnings: ImportWarning[] = [];
  const absentRequired: string[] = [];
  for (const f of FIELDS[mapping.kind]) {
    const source = mapping.fields[f.name];
    if (source === undefined) continue;
    const named = sourceColumns(source);
    for (const c of named) columns[c] = resolve(c) ?? null;
    const absent = named.filter((c) => columns[c] === null);
    if (!absent.length) continue;
    const constant = mapping.constants?.[f.name];
    // exports differ in their optional columns; a required field needs its column or a constant
    if (!f.required || constant !== undefined) warnings.push({ field: f.name, columns: absent, constant: constant ?? null });
    else absentRequired.push(f.name);
  }
  return { columns, warnings, absentRequired };
}
