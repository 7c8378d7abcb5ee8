import { createHash } from 'node:crypto';
import type { Database } from '../db/database.js';
import { loadConfig, type DisputeConfig } from './config.js';
import { alternation, cues, unitKindRules } from './rules.js';
import { ensureMacros, exclusive } from './session.js';
import { resolveUnits } from './units.js';

function signalParams(config: DisputeConfig) {
  const c = cues();
  return {
    territorial_re: alternation(c.territorialReasons),
    functional_re: alternation(c.functionalReasons),
    text_re: alternation(c.text),
    no_owner_hours: config.signals.noOwnerHours,
    slow_accept_hours: config.signals.slowAcceptHours,
    many_kinds: config.signals.manyKinds,
    repeat_days: config.signals.repeatDays,
  };
}

/** Digest of the rules and thresholds: changing any of them makes the derived tables stale. */
function rulesDigest(config: DisputeConfig): string {
  return createHash('sha256').update(JSON.stringify([signalParams(config), unitKindRules()])).digest('hex');
}

async function fingerprint(db: Database, digest: string): Promise<string> {
  return (await db.one<{ fingerprint: string }>('disputes/fingerprint', { config: digest }))!.fingerprint;
}

/** Rebuilds appeal_signals and transfer_facts now (units are resolved first). */
export async function refreshSignals(db: Database, config?: DisputeConfig): Promise<void> {
  const cfg = config ?? (await loadConfig(db));
  await ensureMacros(db);
  await resolveUnits(db);
  await db.transaction(async () => {
    await db.run('disputes/refresh_signals', signalParams(cfg));
    await db.run('disputes/store_fingerprint', [await fingerprint(db, rulesDigest(cfg))]);
  });
}

/**
 * Makes sure appeal_signals reflects the current appeals, transfers, units, topic assignments and
 * configuration; rebuilds it only when one of them changed. Returns whether it rebuilt.
 */
export async function ensureSignals(db: Database, config?: DisputeConfig): Promise<boolean> {
  const cfg = config ?? (await loadConfig(db));
  return exclusive(db, 'signals', async () => {
    await ensureMacros(db);
    const stored = (await db.one<{ fingerprint: string }>('disputes/stored_fingerprint'))?.fingerprint;
    if (stored === (await fingerprint(db, rulesDigest(cfg)))) return false;
    await refreshSignals(db, cfg);
    return true;
  });
}
