import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { rulesPath } from './rules.js';

/** The parts of the dispute score, in display order. */
export const SCORE_PARTS = [
  'functional_return',
  'redispatch_kind',
  'owner_entropy',
  'ping_pong',
  'three_party',
  'no_owner',
  'text_cue',
  'repeat',
  'dissatisfaction',
  'slow_accept',
  'volume',
] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];

const positive = z.number().positive();
const share = z.number().min(0).max(1);

const configSchema = z.strictObject({
  about: z.string().optional(),
  signals: z.strictObject({
    noOwnerHours: positive,
    slowAcceptHours: positive,
    manyKinds: z.number().int().min(2),
    repeatDays: positive,
  }),
  weights: z.strictObject(Object.fromEntries(SCORE_PARTS.map((p) => [p, z.number().min(0)])) as Record<ScorePart, z.ZodNumber>),
  scale: z.strictObject({ entropyBits: positive, ownerHours: positive, volume: positive }),
  windowDays: z.number().int().min(1),
  minVolume: z.number().int().min(1),
  emerging: z.strictObject({
    recentDays: positive,
    baselineDays: positive,
    alpha: z.number().gt(0).lt(1),
    minRatio: z.number().min(1),
    minCount: z.number().int().min(1),
  }),
  kpi: z.strictObject({ disputedMinAppeals: z.number().int().min(1), disputedMinShare: share }),
});

export type DisputeConfig = z.infer<typeof configSchema>;

/** The configuration shipped with the product (pipelines/disputes/rules/score-config.json). */
export function defaultConfig(): DisputeConfig {
  return configSchema.parse(JSON.parse(readFileSync(rulesPath('score-config.json'), 'utf8')));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `override` laid over `base`, object by object (an override names only what it changes). */
function merged(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(override)) out[k] = isObject(v) && isObject(base[k]) ? merged(base[k], v) : v;
  return out;
}

/** Validates a partial override against the full schema; throws a readable error when it does not fit. */
export function withOverride(base: DisputeConfig, override: unknown): DisputeConfig {
  if (!isObject(override)) throw new Error('dispute configuration must be a JSON object');
  const result = configSchema.safeParse(merged(base, override));
  if (!result.success) throw new Error(`dispute configuration: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** Defaults overlaid by this database's override (settings key dispute_config), if any. */
export async function loadConfig(db: Database): Promise<DisputeConfig> {
  const row = await db.one<{ value: string }>('disputes/get_config');
  const base = defaultConfig();
  return row ? withOverride(base, JSON.parse(row.value)) : base;
}

/** Stores a (partial) override for this database after checking it; returns the effective configuration. */
export async function saveConfigOverride(db: Database, override: unknown): Promise<DisputeConfig> {
  const effective = withOverride(defaultConfig(), override);
  await db.run('disputes/set_config', [JSON.stringify(override)]);
  return effective;
}
