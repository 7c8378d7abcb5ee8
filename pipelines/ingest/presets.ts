import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { columnResolver } from './column-match.js';
import { sourceColumns } from './mapping-fit.js';
import { ImportError } from './errors.js';
import { missingRequired } from './infer-mapping.js';
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

/** A shipped preset that fits a file, and how many of its fields the file can fill. */
export interface Recognised {
  preset: Preset;
  fields: number;
}

/**
 * The shipped preset written for this file's layout, if any (of the kind asked for, when one is).
 * Exports of one layout differ over the years in optional columns, so a preset fits when the file
 * (as columnResolver reads its headers) fills the preset's required fields and at least three
 * quarters of all its fields. Of several, the one filling the most fields, then the one whose
 * column names the file spells exactly.
 */
export function recognisePreset(headers: string[], kind?: Kind): Recognised | undefined {
  const resolve = columnResolver(headers);
  const exact = new Set(headers);
  const fits = listPresets().flatMap((preset) => {
    if (kind && preset.mapping.kind !== kind) return [];
    const all = Object.entries(preset.mapping.fields);
    const filled = all.filter(([, source]) => sourceColumns(source).every((c) => resolve(c) !== undefined));
    if (filled.length < all.length * 0.75 || missingRequired({ ...preset.mapping, fields: Object.fromEntries(filled) }).length) return [];
    const spelt = all.flatMap(([, source]) => sourceColumns(source)).filter((c) => exact.has(c)).length;
    return [{ preset, fields: filled.length, spelt }];
  });
  const best = fits.sort((a, b) => b.fields - a.fields || b.spelt - a.spelt)[0];
  return best && { preset: best.preset, fields: best.fields };
}
