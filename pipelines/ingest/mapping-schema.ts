import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ImportError } from './errors.js';
import type { Mapping } from './types.js';

const fieldSource = z.union([
  z.string().min(1),
  z
    .object({
      column: z.string().min(1).optional(),
      concat: z.array(z.string().min(1)).min(1).optional(),
      sep: z.string().optional(),
      hash: z.array(z.string().min(1)).min(1).optional(),
      values: z.record(z.string(), z.string()).optional(),
    })
    .strict()
    .refine((s) => [s.column, s.concat, s.hash].filter(Boolean).length === 1, 'give exactly one of column, concat or hash'),
]);

/** A mapping file as users write it (see README, "Importing your own exports"). */
export const mappingSchema = z
  .object({
    kind: z.enum(['appeals', 'transfers', 'incidents']),
    timezone: z.string().min(1).optional(),
    dateFormats: z.array(z.string().min(2)).optional(),
    constants: z.record(z.string(), z.string()).optional(),
    fields: z.record(z.string(), fieldSource),
  })
  .strict();

export function parseMapping(value: unknown, origin: string): Mapping {
  const parsed = mappingSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
    throw new ImportError(`${origin} is not a valid mapping: ${issues}`);
  }
  return parsed.data as Mapping;
}

export function readMappingFile(path: string): Mapping {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ImportError(`cannot read mapping file '${path}': ${(err as Error).message}`);
  }
  return parseMapping(json, `mapping file '${path}'`);
}
