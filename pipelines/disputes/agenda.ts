import type { Database } from '../db/database.js';
import { loadConfig } from './config.js';
import { exclusive } from './session.js';
import { topicScores, type ScoreOptions, type TopicScore } from './scores.js';
import type { Window } from './window.js';

export interface AgendaOptions extends ScoreOptions {
  /** How many topics to propose (default 10). */
  top?: number;
  /** Sample appeals per topic, 3–5 (default 5). */
  samples?: number;
}

export interface AgendaUnit {
  unit: string;
  kind: string | null;
  district: string | null;
  received: number;
  returned: number;
  functionalReturns: number;
  territorialReturns: number;
  kept: number;
}

export interface ReturnFlow {
  fromKind: string;
  /** Kind of the next party, a platform code (110, 12345 …), or '—' when nothing followed. */
  toKind: string;
  returns: number;
  functional: number;
  territorial: number;
  unclear: number;
}

export interface SampleAppeal {
  platform: string;
  appealId: string;
  receivedAt: string;
  district: string | null;
  title: string | null;
  /** Masked at ingest; shortened to 160 characters. */
  content: string;
  signals: string[];
  textCue: string | null;
}

export interface LeadSuggestion {
  kind: string;
  /** Appeals a unit of this kind finally owned without returning them (and not recorded unresolved). */
  keptClean: number;
  /** keptClean / topic volume. */
  share: number;
  /** Appeals sent to this kind, and how many of them it returned. */
  sent: number;
  returned: number;
  returnRate: number;
  /** The units of this kind that kept most of the topic's appeals. */
  units: string[];
  /** The runner-up kind, to show how clear the suggestion is. */
  runnerUp: { kind: string; keptClean: number; share: number } | null;
}

export interface AgendaItem extends TopicScore {
  rank: number;
  trend: { week: string; appeals: number }[];
  units: AgendaUnit[];
  returnFlow: ReturnFlow[];
  samples: SampleAppeal[];
  lead: LeadSuggestion | null;
}

export interface Agenda {
  window: Window;
  district: string | null;
  /** Topics left out because a decision in force already settles them. */
  settledExcluded: { topicId: number; label: string; score: number }[];
  items: AgendaItem[];
}

export interface SampleCandidate {
  topic_id: number;
  platform: string;
  appeal_id: string;
  received_at: string;
  district: string | null;
  title: string | null;
  content: string;
  signal_count: number;
  text_cue: string | null;
  signals: string[];
}

function groupBy<T extends { topic_id: number }>(rows: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.topic_id);
    if (list) list.push(r);
    else out.set(r.topic_id, [r]);
  }
  return out;
}

const shorten = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Picks up to `n` samples from candidates ordered by closeness to the topic: each pick prefers an
 * appeal showing a signal not yet shown, and texts already shown are skipped, so the samples cover
 * the ways the topic is disputed rather than repeat one.
 */
export function pickSamples(candidates: SampleCandidate[], n: number): SampleCandidate[] {
  const picked: SampleCandidate[] = [];
  const shown = new Set<string>();
  const texts = new Set<string>();
  const pool = candidates.filter((c) => {
    if (texts.has(c.content)) return false;
    texts.add(c.content);
    return true;
  });
  while (picked.length < n && pool.length > 0) {
    let best = 0;
    let bestNew = -1;
    for (const [i, c] of pool.entries()) {
      const fresh = c.signals.filter((s) => !shown.has(s)).length;
      if (fresh > bestNew) {
        best = i;
        bestNew = fresh;
      }
    }
    const [chosen] = pool.splice(best, 1);
    for (const s of chosen.signals) shown.add(s);
    picked.push(chosen);
  }
  return picked;
}

interface LeadRow {
  topic_id: number;
  kind: string;
  sent: number;
  returned: number;
  kept_clean: number;
}

function suggestLead(rows: LeadRow[], volume: number, units: AgendaUnit[]): LeadSuggestion | null {
  const ranked = [...rows].sort((a, b) => b.kept_clean - a.kept_clean || a.returned / a.sent - b.returned / b.sent || a.kind.localeCompare(b.kind));
  const best = ranked[0];
  if (!best || best.kept_clean === 0) return null;
  const second = ranked[1];
  return {
    kind: best.kind,
    keptClean: best.kept_clean,
    share: best.kept_clean / volume,
    sent: best.sent,
    returned: best.returned,
    returnRate: best.sent ? best.returned / best.sent : 0,
    units: units
      .filter((u) => u.kind === best.kind && u.kept > 0)
      .sort((a, b) => b.kept - a.kept)
      .slice(0, 3)
      .map((u) => u.unit),
    runnerUp: second && second.kept_clean > 0 ? { kind: second.kind, keptClean: second.kept_clean, share: second.kept_clean / volume } : null,
  };
}

/**
 * The agenda proposal: the `top` highest-scoring topics with enough appeals that no decision in
 * force settles yet, each with its evidence (score parts, weekly trend, units and the return flow
 * between them, sample appeals, and a suggested lead unit kind).
 */
export async function proposeAgenda(db: Database, opts: AgendaOptions = {}): Promise<Agenda> {
  const config = opts.config ?? (await loadConfig(db));
  const top = opts.top ?? 10;
  const sampleCount = Math.min(5, Math.max(3, opts.samples ?? 5));
  const scores = await topicScores(db, { ...opts, config });
  const eligible = scores.topics.filter((t) => t.eligible);
  const chosen = eligible.filter((t) => !t.settled).slice(0, top);
  const settledExcluded = eligible
    .filter((t) => t.settled && t.score >= (chosen.at(-1)?.score ?? 0))
    .map((t) => ({ topicId: t.topicId, label: t.label, score: t.score }));
  if (chosen.length === 0) return { window: scores.window, district: scores.district, settledExcluded, items: [] };
  const evidence = await exclusive(db, 'agenda', () => agendaEvidence(db, chosen, scores.window, opts.district ?? null, sampleCount));
  return {
    window: scores.window,
    district: scores.district,
    settledExcluded,
    items: chosen.map((t, i) => ({ ...t, rank: i + 1, ...evidence[i] })),
  };
}

type Evidence = Pick<AgendaItem, 'trend' | 'units' | 'returnFlow' | 'samples' | 'lead'>;

/** Trend, units, return flow, samples and lead suggestion of each chosen topic (same order). */
async function agendaEvidence(db: Database, chosen: TopicScore[], window: Window, district: string | null, sampleCount: number): Promise<Evidence[]> {
  await db.run('disputes/agenda_appeals', {
    topics: JSON.stringify(chosen.map((t) => t.topicId)),
    from: window.from,
    to: window.toExclusive,
    district,
  });
  const trend = groupBy(await db.all<{ topic_id: number; week: string; appeals: number }>('disputes/agenda_trend', { from: window.from, to: window.toExclusive }));
  const units = groupBy(
    await db.all<{ topic_id: number; unit: string; kind: string | null; district: string | null; received: number; returned: number; functional_returns: number; territorial_returns: number; kept: number }>(
      'disputes/agenda_units',
    ),
  );
  const flows = groupBy(
    await db.all<{ topic_id: number; from_kind: string; to_kind: string; returns: number; functional: number; territorial: number; unclear: number }>(
      'disputes/agenda_return_flow',
    ),
  );
  const leads = groupBy(await db.all<LeadRow & Record<string, unknown>>('disputes/agenda_lead_kinds'));
  const samples = groupBy(await db.all<SampleCandidate & Record<string, unknown>>('disputes/agenda_samples'));
  await db.run('disputes/agenda_done');

  return chosen.map((t): Evidence => {
    const topicUnits = (units.get(t.topicId) ?? []).map((u) => ({
      unit: u.unit,
      kind: u.kind,
      district: u.district,
      received: u.received,
      returned: u.returned,
      functionalReturns: u.functional_returns,
      territorialReturns: u.territorial_returns,
      kept: u.kept,
    }));
    return {
      trend: (trend.get(t.topicId) ?? []).map((r) => ({ week: r.week, appeals: r.appeals })),
      units: topicUnits,
      returnFlow: (flows.get(t.topicId) ?? []).map((f) => ({
        fromKind: f.from_kind,
        toKind: f.to_kind,
        returns: f.returns,
        functional: f.functional,
        territorial: f.territorial,
        unclear: f.unclear,
      })),
      samples: pickSamples(samples.get(t.topicId) ?? [], sampleCount).map((s) => ({
        platform: s.platform,
        appealId: s.appeal_id,
        receivedAt: s.received_at,
        district: s.district,
        title: s.title,
        content: shorten(s.content, 160),
        signals: s.signals,
        textCue: s.text_cue,
      })),
      lead: suggestLead(leads.get(t.topicId) ?? [], t.volume, topicUnits),
    };
  });
}
