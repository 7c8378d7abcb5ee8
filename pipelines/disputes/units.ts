import type { Database } from '../db/database.js';
import { unitKindRules } from './rules.js';
import { ensureMacros } from './session.js';

export interface Unit {
  name: string;
  kind: string | null;
  district: string | null;
  origin: 'inferred' | 'manual';
}

export interface UnitListRow extends Unit {
  appeals: number;
}

export interface ResolveSummary {
  units: number;
  manual: number;
  inferredKind: number;
  unknownKind: number;
  noDistrict: number;
}

/**
 * Adds every unit named in appeals and transfers to `units` and infers kind and district for the
 * rows not set by hand. Refreshing the dispute signals calls it first.
 */
export async function resolveUnits(db: Database): Promise<ResolveSummary> {
  await ensureMacros(db);
  await db.run('disputes/resolve_units', { rules: JSON.stringify(unitKindRules()) });
  return unitSummary(db);
}

/** The units as they stand: how many, set by hand, and still without a kind or a district. */
export async function unitSummary(db: Database): Promise<ResolveSummary> {
  const row = await db.one<{ units: number; manual: number; inferred_kind: number; unknown_kind: number; no_district: number }>('disputes/unit_summary');
  return {
    units: row?.units ?? 0,
    manual: row?.manual ?? 0,
    inferredKind: row?.inferred_kind ?? 0,
    unknownKind: row?.unknown_kind ?? 0,
    noDistrict: row?.no_district ?? 0,
  };
}

export async function listUnits(db: Database, opts: { kind?: string; unresolved?: boolean } = {}): Promise<UnitListRow[]> {
  return db.all<UnitListRow & Record<string, unknown>>('disputes/list_units', { kind: opts.kind ?? null, unresolved: opts.unresolved ?? false });
}

export async function getUnit(db: Database, name: string): Promise<Unit | undefined> {
  return db.one<Unit & Record<string, unknown>>('disputes/get_unit', [name]);
}

/**
 * Sets a unit's kind and/or district by hand (fields left undefined keep their value; null clears).
 * The row becomes manual, so later resolution never changes it.
 */
export async function setUnit(db: Database, name: string, change: { kind?: string | null; district?: string | null }): Promise<Unit> {
  const current = await getUnit(db, name);
  const next = {
    name,
    kind: change.kind !== undefined ? change.kind : (current?.kind ?? null),
    district: change.district !== undefined ? change.district : (current?.district ?? null),
  };
  await db.run('disputes/set_unit', next);
  return { ...next, origin: 'manual' };
}
