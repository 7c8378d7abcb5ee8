import type { Database } from '../db/database.js';
import { ConsultationError } from './errors.js';
import { toDecision, type DecisionRow } from './items.js';
import { maskText } from './mask.js';
import { requireMeeting, requireStatus } from './meetings.js';
import { invalidateRules } from './route-cache.js';
import { decideInput, validate, type DecideInput } from './schemas.js';
import type { Actor, Decision } from './types.js';

/**
 * Records the decision on one agenda item of an issued or held meeting. On a topic it becomes a
 * jurisdiction rule at once; earlier decisions in force that it covers are superseded.
 */
export async function recordDecision(db: Database, meetingId: number, input: DecideInput, { actor }: Actor = {}): Promise<Decision> {
  const d = validate(decideInput, input);
  const meeting = await requireMeeting(db, meetingId);
  requireStatus(meeting, ['issued', 'held'], 'record a decision');
  const item = await db.one<{ item_id: number; meeting_id: number; topic_id: number | null }>('consultation/item', [d.itemId]);
  if (!item || item.meeting_id !== meetingId) throw new ConsultationError('not_found', `meeting ${meetingId} has no agenda item ${d.itemId}`);
  const assisting = [...new Set(d.assistingUnits)];
  if (assisting.includes(d.leadUnit)) throw new ConsultationError('invalid_input', `the lead unit ${d.leadUnit} cannot also be an assisting unit`);
  const normText = await maskText(db, d.normText);
  const row = await db.transaction(() =>
    db.one<{ decision_id: number }>('consultation/insert_decision', {
      item_id: d.itemId,
      topic_id: item.topic_id,
      lead_unit: d.leadUnit,
      assisting_units: JSON.stringify(assisting),
      norm_text: normText,
      deadline_days: d.deadlineDays ?? null,
      scope_districts: JSON.stringify([...new Set(d.scopeDistricts)].sort()),
      effective_from: d.effectiveFrom ?? meeting.date,
      actor: actor ?? null,
    }),
  );
  invalidateRules(db);
  return requireDecision(db, row!.decision_id);
}

export async function requireDecision(db: Database, decisionId: number): Promise<Decision> {
  const row = await db.one<DecisionRow>('consultation/decision', [decisionId]);
  if (!row) throw new ConsultationError('not_found', `decision ${decisionId} does not exist`);
  return toDecision(row);
}

/** Withdraws a decision in force (and so its rule); a later meeting may revoke an earlier one. */
export async function revokeDecision(db: Database, decisionId: number): Promise<Decision> {
  const d = await requireDecision(db, decisionId);
  if (d.status !== 'in_force') throw new ConsultationError('invalid_state', `decision ${decisionId} is ${d.status}, not in force`);
  await db.run('consultation/revoke_decision', [decisionId]);
  invalidateRules(db);
  return requireDecision(db, decisionId);
}
