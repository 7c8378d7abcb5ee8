import type { Database } from '../db/database.js';
import { iso, parseJson, strings } from './rows.js';
import type { AgendaItem, Decision, TopicEvidence } from './types.js';

export interface DecisionRow {
  decision_id: number;
  item_id: number;
  topic_id: number | null;
  lead_unit: string;
  assisting_units: unknown;
  norm_text: string;
  deadline_days: number | null;
  scope_districts: unknown;
  effective_from: string;
  status: Decision['status'];
  superseded_by: number | null;
  recorded_by: string | null;
  recorded_at: Date;
  [k: string]: unknown;
}

export function toDecision(r: DecisionRow): Decision {
  return {
    decisionId: r.decision_id,
    itemId: r.item_id,
    topicId: r.topic_id,
    leadUnit: r.lead_unit,
    assistingUnits: strings(r.assisting_units),
    normText: r.norm_text,
    deadlineDays: r.deadline_days,
    scopeDistricts: strings(r.scope_districts),
    effectiveFrom: r.effective_from,
    status: r.status,
    supersededBy: r.superseded_by,
    recordedBy: r.recorded_by,
    recordedAt: iso(r.recorded_at),
  };
}

/** Every decision recorded at the meeting, every status, in agenda order. */
export async function meetingDecisions(db: Database, meetingId: number): Promise<Decision[]> {
  return (await db.all<DecisionRow>('consultation/decisions', [meetingId])).map(toDecision);
}

/** The meeting's agenda items in order, each with its decisions. */
export async function agendaItems(db: Database, meetingId: number): Promise<AgendaItem[]> {
  const rows = await db.all<{
    item_id: number;
    meeting_id: number;
    position: number;
    topic_id: number | null;
    topic_label: string | null;
    title: string;
    notes: string | null;
    origin: AgendaItem['origin'];
    evidence: string | null;
  }>('consultation/items', [meetingId]);
  const decisions = await meetingDecisions(db, meetingId);
  return rows.map((r) => ({
    itemId: r.item_id,
    meetingId: r.meeting_id,
    position: r.position,
    topicId: r.topic_id,
    topicLabel: r.topic_label,
    title: r.title,
    notes: r.notes,
    origin: r.origin,
    evidence: parseJson<TopicEvidence>(r.evidence),
    decisions: decisions.filter((d) => d.itemId === r.item_id),
  }));
}
