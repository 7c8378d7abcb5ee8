import { Bool, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import type { Request, Response } from 'express';
import { z } from 'zod';

export const ARROW = 'application/vnd.apache.arrow.stream';
/** Schema metadata key holding the answer's other fields (total, page …) as JSON. */
export const ARROW_META = 'linkage:meta';

/** Arrow only when the client prefers it; browsers' `*∕*` gets JSON. */
export function wantsArrow(req: Request): boolean {
  return req.accepts(['application/json', ARROW]) === ARROW;
}

interface JsonProperty {
  type?: string | string[];
  anyOf?: JsonProperty[];
}

/** The JSON types a property allows: `type` as one or a list, or the branches of `anyOf` (nullable). */
function jsonTypes(p: JsonProperty): string[] {
  if (p.anyOf) return p.anyOf.flatMap(jsonTypes);
  return p.type === undefined ? [] : Array.isArray(p.type) ? p.type : [p.type];
}

function arrowType(p: JsonProperty): DataType {
  const types = [...new Set(jsonTypes(p))].filter((t) => t !== 'null');
  if (types.length !== 1) return new Utf8();
  if (types[0] === 'integer') return new Int32();
  if (types[0] === 'number') return new Float64();
  if (types[0] === 'boolean') return new Bool();
  return new Utf8();
}

const typeCache = new WeakMap<z.ZodObject, [string, DataType][]>();

/** Column types of a row schema, read from its JSON schema: integer → Int32, number → Float64 … */
export function arrowColumns(row: z.ZodObject): [string, DataType][] {
  let columns = typeCache.get(row);
  if (!columns) {
    const json = z.toJSONSchema(row, { io: 'output', unrepresentable: 'any' }) as { properties: Record<string, JsonProperty> };
    columns = Object.entries(json.properties).map(([name, p]) => [name, arrowType(p)]);
    typeCache.set(row, columns);
  }
  return columns;
}

/** The rows as an Arrow table with declared column types (strings stay plain Utf8, not dictionaries). */
export function rowsToTable(rows: Record<string, unknown>[], row: z.ZodObject): Table {
  const vectors: Record<string, Vector> = {};
  for (const [name, type] of arrowColumns(row)) {
    const values = rows.map((r) => r[name] ?? null);
    vectors[name] = vectorFromArray(values, type);
  }
  return new Table(vectors);
}

/** Sends `answer.rows` as an Arrow IPC stream; the answer's other fields go into the schema metadata. */
export function sendTable(res: Response, answer: Record<string, unknown>, row: z.ZodObject): void {
  const { rows, ...meta } = answer;
  const table = rowsToTable((rows as Record<string, unknown>[]) ?? [], row);
  table.schema.metadata.set(ARROW_META, JSON.stringify(meta));
  res.type(ARROW).send(Buffer.from(tableToIPC(table, 'stream')));
}
