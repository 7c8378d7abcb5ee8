import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceColumns } from './dynamic-sql.js';
import { ImportError } from './errors.js';
import { parseMapping } from './mapping-schema.js';
import type { Kind, Mapping } from './types.js';

const PRESET_DIR = join(dirname(fileURLToPath(import.meta.url)), 'presets');

export interface Preset {
  name: string;
  description: string;
  mapping: Mapping;
}

/** Every shipped preset (pipelines/ingest/presets/*.json), sorted by name. */
export function listPresets(): Preset[] {
  return readdirSync(PRESET_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const { description, ...mapping } = JSON.parse(readFileSync(join(PRESET_DIR, f), 'utf8')) as { description: string };
      return { name: f.slice(0, -5), description, mapping: parseMapping(mapping, `preset ${f}`) };
    });
}

export function getPreset(name: string): Preset {
  const preset = listPresets().find((p) => p.name === name);
  if (!preset) throw new ImportError(`unknown preset '${name}' (known: ${listPresets().map((p) => p.name).join(', ')})`);
  return preset;
}

/**
 * The shipped preset written for this file's layout, if any: every column it reads is among the
 * headers (of the kind asked for, when one is). Of several, the one reading the most columns.
 */
export function recognisePreset(headers: string[], kind?: Kind): Preset | undefined {
  const present = new Set(headers);
  const reads = (p: Preset) => Object.values(p.mapping.fields).flatMap(sourceColumns);
  return listPresets()
    .filter((p) => (!kind || p.mapping.kind === kind) && reads(p).every((c) => present.has(c)))
    .sort((a, b) => new Set(reads(b)).size - new Set(reads(a)).size)[0];
}
