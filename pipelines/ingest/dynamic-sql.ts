import type { FieldSource, ImportWarning, Mapping } from './types.js';
import { columnResolver, type ColumnResolver } from './column-match.js';
import { FIELDS } from './fields.js';
import { mappingFit } from './mapping-fit.js';
import { ident, literal } from '../db/sql-quote.js';

// Identifier lists and literals that depend on a file's headers. Everything that does work stays in
// sql/ingest/*.sql and reads the `mapped` view.

function columnExpr(column: string, resolve: ColumnResolver, headers: string[], field: string): string {
  const header = resolve(column);
  if (header === undefined) {
    throw new MappingError(`the mapping reads ${field} from column '${column}', which is not in the file (headers: ${headers.join(', ')})`);
  }
  return ident(header);
}

/** A mapping that cannot apply to a file: named columns that are not there, unknown fields. */
export class MappingError extends Error {}

function sourceExpr(field: string, source: FieldSource, resolve: ColumnResolver, headers: string[]): string {
  const column = (c: string) => columnExpr(c, resolve, headers, field);
  if (typeof source === 'string') return column(source);
  let expr: string;
  if (source.concat) {
    const parts = source.concat.map((c) => `nz(${column(c)})`);
    expr = `nullif(concat_ws(${literal(source.sep ?? ' ')}, ${parts.join(', ')}), '')`;
  } else if (source.hash) {
    const parts = source.hash.map((c) => `coalesce(${column(c)}, '')`);
    expr = `substr(md5(concat_ws(chr(31), ${parts.join(', ')})), 1, 16)`;
  } else if (source.column) {
    expr = column(source.column);
  } else {
    throw new MappingError(`field ${field} needs column, concat or hash`);
  }
  if (source.values && Object.keys(source.values).length) {
    const cases = Object.entries(source.values).map(([from, to]) => `WHEN ${literal(from)} THEN ${literal(to)}`);
    expr = `CASE trim(${expr}) ${cases.join(' ')} ELSE ${expr} END`;
  }
  return expr;
}

/**
 * The select list of the `mapped` view: every canonical field of the kind as VARCHAR, from its
 * source column(s), a constant, or NULL; plus the staged row number and `__src`, the source row as
 * a struct (kept, as JSON, for rows that are rejected).
 */
export function mappedSelect(mapping: Mapping, headers: string[], warnings: ImportWarning[] = []): string {
  const known = new Set(FIELDS[mapping.kind].map((f) => f.name));
  for (const name of [...Object.keys(mapping.fields), ...Object.keys(mapping.constants ?? {})]) {
    if (!known.has(name)) throw new MappingError(`unknown field '${name}' for kind ${mapping.kind} (known: ${[...known].join(', ')})`);
  }
  const resolve = columnResolver(headers);
  const fit = mappingFit(mapping, headers);
  warnings.push(...fit.warnings);
  const dropped = new Set(fit.warnings.map((w) => w.field));
  const list = FIELDS[mapping.kind].map((f) => {
    const constant = mapping.constants?.[f.name];
    const source = dropped.has(f.name) ? undefined : mapping.fields[f.name];
    const expr = source !== undefined ? sourceExpr(f.name, source, resolve, headers) : constant !== undefined ? literal(constant) : 'NULL';
    const withDefault = source !== undefined && constant !== undefined ? `coalesce(nz(${expr}), ${literal(constant)})` : expr;
    return `CAST(${withDefault} AS VARCHAR) AS ${ident(f.name)}`;
  });
  const sourceRow = `{${headers.map((h) => `${literal(h)}: ${ident(h)}`).join(', ')}} AS __src`;
  return ['__row', sourceRow, ...list].join(',\n  ');
}

/** Column definitions for read_csv: every column VARCHAR, under the names given. */
export function csvColumns(names: string[]): string {
  return `{${names.map((n) => `${literal(n)}: 'VARCHAR'`).join(', ')}}`;
}
