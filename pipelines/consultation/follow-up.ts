import type { Database } from '../db/database.js';
import { topicScores, type TopicScore } from '../disputes/scores.js';
import { addDays, daysBetween, minDate } from './dates.js';
import { differenceInDifferences, nearest, type DidEstimate } from './did.js';
import { toDecision, type DecisionRow } from './items.js';
import { requireMeeting } from './meetings.js';
import { followUpInput, validate, type FollowUpInput, type FollowUpOptions } from './schemas.js';
import type { Decision } from './types.js';

/**
 * The measures a decision should move, per topic and period (definitions in sql/disputes/topic_stats.sql):
 *   return_rate     share of the topic's appeals with a functional return (a unit saying it is another
 *                   kind of unit's job) — territorial misroutes are dispatch errors and do not count;
 *   hours_to_owner  median hours from receipt until the unit that kept the appeal accepted it;
 *   repeat_rate     share of appeals repeating one from the same caller or address on the same topic.
 * Appeals are attributed to a period by their receipt time. Lower is better for all three.
 */
export const FOLLOW_UP_METRICS = ['return_rate', 'hours_to_owner', 'repeat_rate'] as const;
export type FollowUpMetric = (typeof FOLLOW_UP_METRICS)[number];

export interface TopicOutcomes {
  appeals: number;
  return_rate: number | null;
  hours_to_owner: number | null;
  repeat_rate: number | null;
  /** Dispute score over the period (used to find comparable topics). */
  score: number;
}

export interface MetricEffect extends DidEstimate {
  metric: FollowUpMetric;
  /** improved / worsened when the 95 % interval excludes zero, else unclear. */
  verdict: 'improved' | 'worsened' | 'unclear';
}

export type FollowUpStatus =
  | 'measured'
  | 'no_topic' // the decision is on a matter without a topic: nothing to measure
  | 'too_early' // fewer than MIN_DAYS of data since it took effect
  | 'too_few_appeals' // the topic had fewer than minAppeals appeals before or after
  | 'no_controls'; // fewer than two comparable undecided topics

export interface FollowedDecision extends Decision {
  topicLabel: string | null;
  itemTitle: string;
  meetingId: number;
  meetingTitle: string;
  meetingDate: string;
}

export interface DecisionFollowUp {
  decision: FollowedDecision;
  status: FollowUpStatus;
  /** Equal periods before and after the effective date (inclusive ISO dates). */
  window: { preFrom: string; preTo: string; postFrom: string; postTo: string; days: number } | null;
  /** The district the measures are restricted to (a decision scoped to exactly one district). */
  district: string | null;
  treated: { pre: TopicOutcomes; post: TopicOutcomes } | null;
  controls: { topicId: number; label: string; pre: TopicOutcomes; post: TopicOutcomes; distance: number }[];
  effects: MetricEffect[];
}

export interface MeetingFollowUp {
  /** The meeting whose decisions are followed up (the latest earlier one with decisions in force). */
  previousMeeting: { meetingId: number; title: string; date: string } | null;
  decisions: DecisionFollowUp[];
}

const MIN_DAYS = 14;

/**
 * What a decision has done so far, in a word (DESIGN §8: disputed topics decided, and effective):
 * `effective` when the follow-up measured it and a measure improved with none worse, `worsened`
 * when any measure got worse, `no_change` when measured without a clear change either way, and
 * otherwise why it cannot be told yet (the follow-up's status).
 */
export type DecisionOutcome = 'effective' | 'worsened' | 'no_change' | Exclude<FollowUpStatus, 'measured'>;

export function decisionOutcome(f: Pick<DecisionFollowUp, 'status' | 'effects'>): DecisionOutcome {
  if (f.status !== 'measured') return f.status;
  if (f.effects.some((e) => e.verdict === 'worsened')) return 'worsened';
  return f.effects.some((e) => e.verdict === 'improved') ? 'effective' : 'no_change';
}

function outcomes(s: TopicScore): TopicOutcomes {
  return {
    appeals: s.volume,
    return_rate: s.volume ? s.functionalReturnRate : null,
    hours_to_owner: s.hoursToOwner.median,
    repeat_rate: s.volume ? s.repeatRate : null,
    score: s.score,
  };
}

function verdict(e: DidEstimate): MetricEffect['verdict'] {
  if (e.high !== null && e.high < 0) return 'improved';
  if (e.low !== null && e.low > 0) return 'worsened';
  return 'unclear';
}

type ScoreLoader = (from: string, to: string, district: string | null) => Promise<Map<number, TopicScore>>;

function scoreLoader(db: Database): ScoreLoader {
  const cache = new Map<string, Promise<Map<number, TopicScore>>>();
  return (from, to, district) => {
    const key = `${from}|${to}|${district ?? ''}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = topicScores(db, { from, to, district: district ?? undefined }).then((r) => new Map(r.topics.map((t) => [t.topicId, t])));
      cache.set(key, hit);
    }
    return hit;
  };
}

async function followOne(db: Database, d: FollowedDecision, opts: FollowUpOptions, lastDay: string | null, scores: ScoreLoader): Promise<DecisionFollowUp> {
  const district = d.scopeDistricts.length === 1 ? d.scopeDistricts[0] : null;
  const base = { decision: d, district, window: null, treated: null, controls: [], effects: [] };
  if (d.topicId === null) return { ...base, status: 'no_topic' };
  const postTo = lastDay ? minDate(addDays(d.effectiveFrom, opts.windowDays - 1), lastDay) : null;
  const days = postTo ? daysBetween(d.effectiveFrom, postTo) + 1 : 0;
  if (!postTo || days < MIN_DAYS) return { ...base, status: 'too_early' };
  const window = { preFrom: addDays(d.effectiveFrom, -days), preTo: addDays(d.effectiveFrom, -1), postFrom: d.effectiveFrom, postTo, days };
  const pre = await scores(window.preFrom, window.preTo, district);
  const post = await scores(window.postFrom, window.postTo, district);
  const tPre = pre.get(d.topicId);
  const tPost = post.get(d.topicId);
  if (!tPre || !tPost || tPre.volume < opts.minAppeals || tPost.volume < opts.minAppeals) {
    const treated = tPre && tPost ? { pre: outcomes(tPre), post: outcomes(tPost) } : null;
    return { ...base, window, treated, status: 'too_few_appeals' };
  }
  const decided = new Set((await db.all<{ topic_id: number }>('consultation/decided_topics', [window.postTo])).map((r) => r.topic_id));
  const candidates = [...pre.values()]
    .filter((s) => !decided.has(s.topicId) && s.volume >= opts.minAppeals && (post.get(s.topicId)?.volume ?? 0) >= opts.minAppeals)
    .map((s) => ({ id: s.topicId, features: [Math.log1p(s.volume), s.score], score: s }));
  const chosen = nearest([Math.log1p(tPre.volume), tPre.score], candidates, opts.controls);
  const controls = chosen.map((c) => ({ topicId: c.id, label: c.score.label, pre: outcomes(c.score), post: outcomes(post.get(c.id)!), distance: c.distance }));
  const treated = { pre: outcomes(tPre), post: outcomes(tPost) };
  if (controls.length < 2) return { ...base, window, treated, controls, status: 'no_controls' };
  const effects: MetricEffect[] = [];
  for (const metric of FOLLOW_UP_METRICS) {
    const e = differenceInDifferences(
      { pre: treated.pre[metric], post: treated.post[metric] },
      controls.map((c) => ({ pre: c.pre[metric], post: c.post[metric] })),
    );
    if (e) effects.push({ metric, ...e, verdict: verdict(e) });
  }
  return { ...base, window, treated, controls, effects, status: 'measured' };
}

type FollowRow = DecisionRow & { topic_label: string | null; item_title: string; meeting_id: number; meeting_title: string; meeting_date: string };

function toFollowed(r: FollowRow): FollowedDecision {
  return { ...toDecision(r), topicLabel: r.topic_label, itemTitle: r.item_title, meetingId: r.meeting_id, meetingTitle: r.meeting_title, meetingDate: r.meeting_date };
}

/**
 * Follow-up of decisions in force (of one meeting, or all): each decision's topic before and after
 * it took effect, against comparable undecided topics — the `controls` nearest in pre-period
 * volume and dispute score with at least `minAppeals` appeals in both periods.
 */
export async function followUpDecisions(db: Database, input: FollowUpInput & { meetingId?: number } = {}): Promise<DecisionFollowUp[]> {
  const opts = validate(followUpInput, input);
  const rows = await db.all<FollowRow>('consultation/decisions_in_force', [input.meetingId ?? null]);
  const span = await db.one<{ last_day: string | null }>('consultation/data_span');
  const scores = scoreLoader(db);
  const out: DecisionFollowUp[] = [];
  for (const r of rows) out.push(await followOne(db, toFollowed(r), opts, span?.last_day ?? null, scores));
  return out;
}

/** "上次会商事项落实情况" for a meeting: the follow-up of the previous meeting's decisions. */
export async function followUpForMeeting(db: Database, meetingId: number, input: FollowUpInput = {}): Promise<MeetingFollowUp> {
  await requireMeeting(db, meetingId);
  const prev = await db.one<{ meeting_id: number; title: string; meeting_date: string }>('consultation/previous_meeting', [meetingId]);
  if (!prev) return { previousMeeting: null, decisions: [] };
  return {
    previousMeeting: { meetingId: prev.meeting_id, title: prev.title, date: prev.meeting_date },
    decisions: await followUpDecisions(db, { ...input, meetingId: prev.meeting_id }),
  };
}
