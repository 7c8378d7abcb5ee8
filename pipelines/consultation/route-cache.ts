import type { Database } from '../db/database.js';
import { strings } from './rows.js';
import type { JurisdictionRule } from './types.js';

/** Units that have handled a topic in practice, commonest first (share of its handled appeals). */
export interface Handler {
  unit: string;
  appeals: number;
  share: number;
}

interface RuleRow {
  rule_id: number;
  decision_id: number;
  topic_id: number;
  topic_label: string | null;
  lead_unit: string;
  assisting_units: unknown;
  norm_text: string;
  deadline_days: number | null;
  scope_districts: unknown;
  effective_from: string;
  meeting_id: number;
  meeting_title: string;
  meeting_date: string;
  [k: string]: unknown;
}

export function toRule(r: RuleRow): JurisdictionRule {
  return {
    ruleId: r.rule_id,
    decisionId: r.decision_id,
    topicId: r.topic_id,
    topicLabel: r.topic_label,
    leadUnit: r.lead_unit,
    assistingUnits: strings(r.assisting_units),
    normText: r.norm_text,
    deadlineDays: r.deadline_days,
    scopeDistricts: strings(r.scope_districts),
    effectiveFrom: r.effective_from,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    meetingDate: r.meeting_date,
  };
}

/** Every jurisdiction rule in force, newest effective date first. */
export async function listRules(db: Database): Promise<JurisdictionRule[]> {
  return (await db.all<RuleRow>('consultation/rules')).map(toRule);
}

// Route suggestion answers at dispatch time, so rules and handlers are kept in memory per open
// database. Rules change only through decisions (which invalidate them); handlers come from
// appeal_signals as they stand (route suggestion only reads: refreshing the signals after an
// import is the import's job), so they expire after a while or when invalidated explicitly.
const HANDLERS_TTL_MS = 10 * 60 * 1000;
const HANDLERS_PER_TOPIC = 3;
const ruleCache = new WeakMap<Database, Promise<Map<number, JurisdictionRule[]>>>();
const handlerCache = new WeakMap<Database, { at: number; value: Promise<Map<number, Handler[]>> }>();

/** Rules in force by topic id, from memory when they have not changed. */
export function rulesByTopic(db: Database): Promise<Map<number, JurisdictionRule[]>> {
  let cached = ruleCache.get(db);
  if (!cached) {
    cached = listRules(db).then((rules) => {
      const byTopic = new Map<number, JurisdictionRule[]>();
      for (const r of rules) byTopic.set(r.topicId, [...(byTopic.get(r.topicId) ?? []), r]);
      return byTopic;
    });
    cached.catch(() => ruleCache.delete(db));
    ruleCache.set(db, cached);
  }
  return cached;
}

/** Past handlers of every topic, from memory when loaded in the last ten minutes. */
export function handlersByTopic(db: Database): Promise<Map<number, Handler[]>> {
  const cached = handlerCache.get(db);
  if (cached && Date.now() - cached.at < HANDLERS_TTL_MS) return cached.value;
  const value = db.all<{ topic_id: number; unit: string; appeals: number; share: number }>('consultation/topic_handlers', [HANDLERS_PER_TOPIC]).then((rows) => {
    const byTopic = new Map<number, Handler[]>();
    for (const r of rows) byTopic.set(r.topic_id, [...(byTopic.get(r.topic_id) ?? []), { unit: r.unit, appeals: r.appeals, share: r.share }]);
    return byTopic;
  });
  value.catch(() => handlerCache.delete(db));
  handlerCache.set(db, { at: Date.now(), value });
  return value;
}

/** Forgets the cached rules (called on every decision change). */
export function invalidateRules(db: Database): void {
  ruleCache.delete(db);
}

/** Forgets everything cached for route suggestion (for imports and topic runs to call). */
export function invalidateRouteCache(db: Database): void {
  ruleCache.delete(db);
  handlerCache.delete(db);
}
