import type { Database } from '../db/database.js';
import { agendaItems } from './items.js';
import { requireMeeting, requireStatus } from './meetings.js';
import { setUnitsInput, validate, type SetUnitsInput } from './schemas.js';
import type { AgendaItem, InvitedUnit, TopicEvidence } from './types.js';

const UNITS_PER_TOPIC = 6;

/**
 * Units to invite for these topics: each topic's suggested lead first, then the units most
 * involved in its appeals; topics in agenda order.
 */
export function suggestUnits(evidence: (TopicEvidence | null)[]): string[] {
  const out = new Set<string>();
  for (const e of evidence) {
    if (!e) continue;
    for (const u of e.suggestedLead?.units ?? []) out.add(u);
    for (const u of [...e.units].sort((a, b) => b.received - a.received).slice(0, UNITS_PER_TOPIC)) out.add(u.unit);
  }
  return [...out];
}

export async function invitedUnits(db: Database, meetingId: number): Promise<InvitedUnit[]> {
  const rows = await db.all<{ unit_name: string; origin: 'suggested' | 'manual' }>('consultation/meeting_units', [meetingId]);
  return rows.map((r) => ({ unit: r.unit_name, origin: r.origin }));
}

async function writeUnits(db: Database, meetingId: number, units: InvitedUnit[]): Promise<void> {
  await db.run('consultation/replace_units', { meeting_id: meetingId, units: JSON.stringify(units.map((u) => ({ name: u.unit, origin: u.origin }))) });
}

/** Replaces the invited units of a draft meeting; units among the suggestions keep that origin. */
export async function setInvitedUnits(db: Database, meetingId: number, input: SetUnitsInput): Promise<InvitedUnit[]> {
  const { units } = validate(setUnitsInput, input);
  requireStatus(await requireMeeting(db, meetingId), ['draft'], 'change the invited units');
  const suggested = new Set(suggestUnits((await agendaItems(db, meetingId)).map((i) => i.evidence)));
  await db.transaction(() => writeUnits(db, meetingId, [...new Set(units)].map((unit) => ({ unit, origin: suggested.has(unit) ? 'suggested' : 'manual' }))));
  return invitedUnits(db, meetingId);
}

/**
 * Keeps the invitations in step with the agenda: units the agenda now suggests that it did not
 * suggest before (`previous`) are invited, and suggested units no topic involves any more are
 * dropped. Units added by hand, and suggestions the officer already removed, are left as they are.
 */
export async function syncSuggestedUnits(db: Database, meetingId: number, previous: string[], items: AgendaItem[]): Promise<void> {
  const suggested = suggestUnits(items.map((i) => i.evidence));
  const current = await invitedUnits(db, meetingId);
  const keep = current.filter((u) => u.origin === 'manual' || suggested.includes(u.unit));
  const have = new Set(keep.map((u) => u.unit));
  const add = suggested.filter((u) => !have.has(u) && !previous.includes(u)).map((unit): InvitedUnit => ({ unit, origin: 'suggested' }));
  if (add.length || keep.length !== current.length) await writeUnits(db, meetingId, [...keep, ...add]);
}
