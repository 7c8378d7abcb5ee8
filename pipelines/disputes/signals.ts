import { createHash } from 'node:crypto';
import { version as duckdbVersion } from '@duckdb/node-api';
import type { Database } from '../db/database.js';
import { loadConfig, type DisputeConfig } from './config.js';
import { alternation, cues, unitKindRules } from './rules.js';
import { ensureMacros, exclusive } from './session.js';
import { resolveUnits } from './units.js';

/**
 * Above this share of appeals to recompute, a full rebuild is about as cheap: it scans everything
 * once instead of finding the affected appeals first.
 */
const FULL_REBUILD_SHARE = 0.2;

function signalParams(config: DisputeConfig) {
  const c = cues();
  return {
    territorial_re: alternation(c.territorialReasons),
    functional_re: alternation(c.functionalReasons),
    text_re: alternation(c.text),
    praise_re: alternation(c.praiseTypes),
    no_owner_hours: config.signals.noOwnerHours,
    slow_accept_hours: config.signals.slowAcceptHours,
    many_kinds: config.signals.manyKinds,
    repeat_days: config.signals.repeatDays,
  };
}

/**
 * Digest of the rules, thresholds and DuckDB version the derived tables are built with (changing any
 * makes them stale): the stored repeat-run positions are DuckDB hash() values, which another DuckDB
 * version may compute differently.
 */
function rulesDigest(config: DisputeConfig): string {
  return createHash('sha256').update(JSON.stringify([signalParams(config), unitKindRules(), duckdbVersion()])).digest('hex');
}

async function fingerprint(db: Database, digest: string): Promise<string> {
  return (await db.one<{ fingerprint: string }>('disputes/fingerprint', { config: digest }))!.fingerprint;
}

/**
 * Whether only some appeals need recomputing: the last refresh was recorded with the same rules,
 * and the appeals its inputs changed for (left in the session's signal_targets) are few enough.
 */
async function onlySomeChanged(db: Database, config: DisputeConfig, digest: string): Promise<boolean> {
  const state = await db.one<{ rules: string }>('disputes/signal_state');
  if (state?.rules !== digest) return false;
  const { no_owner_hours, slow_accept_hours, repeat_days } = signalParams(config);
  const n = (await db.one<{ targets: number; appeals: number }>('disputes/signal_changes', { no_owner_hours, slow_accept_hours, repeat_days }))!;
  return n.targets <= n.appeals * FULL_REBUILD_SHARE;
}

/** How a refresh went: nothing had changed, only the affected appeals were recomputed, or all were. */
export type SignalsUpdate = 'unchanged' | 'changed' | 'all';

/** Recomputes the signals of every appeal (`all`) or of those whose inputs changed (`changed`), in one transaction. */
async function refresh(db: Database, cfg: DisputeConfig, scope: 'all' | 'changed'): Promise<SignalsUpdate> {
  const digest = rulesDigest(cfg);
  await ensureMacros(db);
  await resolveUnits(db);
  return db.transaction(async () => {
    const done: SignalsUpdate = scope === 'changed' && (await onlySomeChanged(db, cfg, digest)) ? 'changed' : 'all';
    const params = signalParams(cfg);
    if (done === 'changed') await db.run('disputes/signal_scope_changed', { repeat_days: params.repeat_days });
    else await db.run('disputes/signal_scope_all');
    await db.run('disputes/refresh_signals', params);
    // (a failure rolls the session's temp tables back with the rest)
    await db.run('disputes/drop_signal_changes');
    await db.run('disputes/store_signal_state', { rules: digest });
    await db.run('disputes/store_fingerprint', [await fingerprint(db, digest)]);
    return done;
  });
}

/** Rebuilds appeal_signals and transfer_facts now, for every appeal (units are resolved first). */
export async function refreshSignals(db: Database, config?: DisputeConfig): Promise<void> {
  await refresh(db, config ?? (await loadConfig(db)), 'all');
}

/**
 * Brings appeal_signals and transfer_facts up to date with the appeals, transfers, units, topic
 * assignments and configuration, doing no more than needed: nothing when none of them changed;
 * after an import or an assignment, only the appeals it can have touched (signal_changes.sql);
 * everything when the rules changed, no earlier refresh was recorded, or many appeals changed.
 */
export async function updateSignals(db: Database, config?: DisputeConfig): Promise<SignalsUpdate> {
  const cfg = config ?? (await loadConfig(db));
  return exclusive(db, 'signals', async () => {
    await ensureMacros(db);
    const stored = (await db.one<{ fingerprint: string }>('disputes/stored_fingerprint'))?.fingerprint;
    if (stored === (await fingerprint(db, rulesDigest(cfg)))) return 'unchanged';
    return refresh(db, cfg, 'changed');
  });
}

/** As updateSignals; returns whether anything was recomputed. */
export async function ensureSignals(db: Database, config?: DisputeConfig): Promise<boolean> {
  return (await updateSignals(db, config)) !== 'unchanged';
}
