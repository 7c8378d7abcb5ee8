import type { Database } from '../db/database.js';
import { topicScores, type TopicScore } from '../disputes/index.js';
import { addDays, daysBetween, minDate } from './dates.js';
import type { TopicEvidence } from './types.js';

/** Inclusive ISO dates. */
export interface EvidenceWindow {
  from: string;
  to: string;
}

const DEFAULT_DAYS = 90;
const UNITS_PER_TOPIC = 8;
const FLOWS_PER_TOPIC = 8;
const REASONS_PER_TOPIC = 5;
const SAMPLES_PER_TOPIC = 5;

/**
 * The window an agenda's evidence describes: the meeting's own period when set, otherwise the
 * 90 days of data before the meeting (ending at the last day with data if that is earlier).
 */
export async function evidenceWindow(db: Database, meeting: { date: string; periodFrom: string | null; periodTo: string | null }): Promise<EvidenceWindow> {
  const span = await db.one<{ first_day: string | null; last_day: string | null }>('consultation/data_span');
  const lastBefore = addDays(meeting.date, -1);
  const to = meeting.periodTo ?? (span?.last_day ? minDate(span.last_day, lastBefore) : lastBefore);
  const from = meeting.periodFrom ?? addDays(to, -(DEFAULT_DAYS - 1));
  return { from, to };
}

function scoreOf(s: TopicScore | undefined): Pick<TopicEvidence, 'score' | 'measures'> {
  if (!s) return { score: null, measures: null };
  return {
    score: {
      value: s.score,
      parts: s.parts.map((p) => ({ name: p.part, value: p.value, weight: p.weight, contribution: p.contribution, numerator: p.numerator ?? null, denominator: p.denominator ?? null })),
    },
    measures: { functionalReturnRate: s.functionalReturnRate, territorialReturnRate: s.territorialReturnRate, repeatRate: s.repeatRate, hoursToOwner: s.hoursToOwner.median },
  };
}

/**
 * Evidence for topics added to an agenda by hand (the proposal brings its own): the dispute score
 * and its parts, volume and trend, the units involved, who returned to whom and why, typical
 * masked appeals, and the unit that kept most of the topic's appeals.
 */
export async function loadTopicEvidence(db: Database, topicIds: number[], window: EvidenceWindow): Promise<Map<number, TopicEvidence>> {
  const out = new Map<number, TopicEvidence>();
  if (!topicIds.length) return out;
  const scores = new Map((await topicScores(db, { from: window.from, to: window.to })).topics.map((t) => [t.topicId, t]));
  const topics = JSON.stringify([...new Set(topicIds)]);
  const base = { topics, from: window.from, to: window.to };
  const grain = daysBetween(window.from, window.to) > 120 ? 'month' : 'week';
  // One connection runs one query at a time: sequential on purpose.
  const labels = await db.all<{ topic_id: number; label: string }>('consultation/evidence_topics', { topics });
  const trend = await db.all<{ topic_id: number; period: string; appeals: number }>('consultation/evidence_trend', { ...base, grain });
  const units = await db.all<{ topic_id: number; unit: string; kind: string | null; appeals: number; accepted: number; returned: number; final_handled: number }>(
    'consultation/evidence_units',
    { ...base, limit: UNITS_PER_TOPIC },
  );
  const flows = await db.all<{ topic_id: number; from_unit: string; to_unit: string; transfers: number }>('consultation/evidence_return_flow', { ...base, limit: FLOWS_PER_TOPIC });
  const reasons = await db.all<{ topic_id: number; reason: string; transfers: number }>('consultation/evidence_return_reasons', { ...base, limit: REASONS_PER_TOPIC });
  const samples = await db.all<{ topic_id: number; platform: string; appeal_id: string; received_at: string; district: string | null; text: string }>(
    'consultation/evidence_samples',
    { ...base, limit: SAMPLES_PER_TOPIC },
  );
  for (const t of labels) {
    out.set(t.topic_id, {
      topicId: t.topic_id,
      label: t.label,
      window,
      appeals: 0,
      trend: [],
      ...scoreOf(scores.get(t.topic_id)),
      units: [],
      returnFlow: [],
      flowLevel: 'unit',
      returnReasons: [],
      samples: [],
      suggestedLead: null,
    });
  }
  for (const r of trend) {
    const e = out.get(r.topic_id);
    if (!e) continue;
    e.trend.push({ period: r.period, appeals: r.appeals });
    e.appeals += r.appeals;
  }
  for (const r of units)
    out.get(r.topic_id)?.units.push({ unit: r.unit, kind: r.kind, received: r.appeals, returned: r.returned, functionalReturns: null, kept: r.final_handled });
  for (const r of flows) out.get(r.topic_id)?.returnFlow.push({ from: r.from_unit, to: r.to_unit, count: r.transfers, functional: null });
  for (const r of reasons) out.get(r.topic_id)?.returnReasons.push({ reason: r.reason, count: r.transfers });
  for (const r of samples)
    out.get(r.topic_id)?.samples.push({ platform: r.platform, appealId: r.appeal_id, receivedAt: r.received_at, district: r.district, text: r.text, signals: [] });
  for (const e of out.values()) e.suggestedLead = leadFromUnits(e);
  return out;
}

/** The unit that kept most of the topic's appeals (fewest returns breaks a tie). */
function leadFromUnits(e: TopicEvidence): TopicEvidence['suggestedLead'] {
  const best = [...e.units].sort((a, b) => (b.kept ?? 0) - (a.kept ?? 0) || a.returned - b.returned || a.unit.localeCompare(b.unit))[0];
  if (!best?.kept || e.appeals === 0) return null;
  return { unit: best.unit, kind: best.kind, units: [best.unit], share: best.kept / e.appeals, kept: best.kept, returned: best.returned };
}
