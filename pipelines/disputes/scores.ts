import type { Database } from '../db/database.js';
import { loadConfig, SCORE_PARTS, type DisputeConfig, type ScorePart } from './config.js';
import { compareCounts, type CountComparison } from './significance.js';
import { ensureSignals } from './signals.js';
import { resolveWindow, type Window, type WindowOptions } from './window.js';

export interface ScoreOptions extends WindowOptions {
  district?: string;
  /** Use this configuration instead of the database's. */
  config?: DisputeConfig;
}

/** One part of the dispute score: value in [0, 1], its weight, and weight × value. */
export interface ScorePartValue {
  part: ScorePart;
  value: number;
  weight: number;
  contribution: number;
  /** The counts the value comes from, when it is a share. */
  numerator?: number;
  denominator?: number;
}

export interface TopicScore {
  topicId: number;
  label: string;
  status: string;
  /** A decision in force covers this topic. */
  settled: boolean;
  volume: number;
  /** At least config.minVolume appeals in the window: fewer are too noisy to rank. */
  eligible: boolean;
  growth: CountComparison;
  /**
   * The recent window against the baseline before it, and the topic's most appeals in any earlier
   * stretch of the same length (peakBefore): a problem that was as frequent before — a seasonal one
   * coming back — is not new.
   */
  emerging: CountComparison & { peakBefore: number; flag: boolean };
  /** Share of appeals raising at least one dispute signal. */
  disputeShare: number;
  functionalReturnRate: number;
  /** Share of appeals misrouted to the wrong district (dispatch quality; not part of the score). */
  territorialReturnRate: number;
  returnRate: number;
  /** Shannon entropy (bits) of the final handling unit kinds, and how many kinds. */
  ownerEntropy: number;
  ownerKinds: number;
  mainOwnerKind: string | null;
  mainOwnerShare: number | null;
  hoursToOwner: { median: number | null; p90: number | null };
  repeatRate: number;
  /** Dissatisfied share of the rated appeals (null when none was rated). */
  dissatisfaction: number | null;
  score: number;
  parts: ScorePartValue[];
}

export interface TopicScores {
  window: Window;
  district: string | null;
  totals: { current: number; previous: number; recent: number; baseline: number };
  topics: TopicScore[];
}

export interface TopicStatsRow {
  topic_id: number;
  label: string;
  status: string;
  volume: number;
  previous: number;
  recent: number;
  baseline: number;
  peak_before: number;
  with_signal: number | null;
  returned: number | null;
  functional_return: number | null;
  territorial_return: number | null;
  redispatch_kind: number | null;
  ping_pong: number | null;
  three_party: number | null;
  no_owner: number | null;
  slow_accept: number | null;
  many_kinds: number | null;
  text_cue: number | null;
  repeat: number | null;
  dispatched: number | null;
  rated: number | null;
  dissatisfied: number | null;
  hours_to_owner_p50: number | null;
  hours_to_owner_p90: number | null;
  /** Final handling unit kind → appeals in the window. */
  owners: { key: string; value: number }[];
  settled: boolean;
}

export interface OwnerSpread {
  /** Shannon entropy in bits: 0 when one kind owns everything, 1 for two kinds half and half. */
  entropy: number;
  kinds: number;
  mainKind: string | null;
  mainShare: number | null;
}

/** How spread the ownership of a topic's appeals is over unit kinds (high = nobody owns it). */
export function ownerSpread(owners: { key: string; value: number }[]): OwnerSpread {
  const total = owners.reduce((s, o) => s + o.value, 0);
  if (total === 0) return { entropy: 0, kinds: 0, mainKind: null, mainShare: null };
  let entropy = 0;
  let main = owners[0];
  for (const o of owners) {
    if (o.value > 0) entropy += (o.value / total) * Math.log2(total / o.value);
    if (o.value > main.value || (o.value === main.value && o.key < main.key)) main = o;
  }
  return { entropy, kinds: owners.filter((o) => o.value > 0).length, mainKind: main.key, mainShare: main.value / total };
}

const share = (k: number | null, n: number) => (n > 0 ? (k ?? 0) / n : 0);

/** The parts of one topic's score under `config` (exported for tests and the dashboard's what-if). */
export function scoreParts(row: TopicStatsRow, config: DisputeConfig): ScorePartValue[] {
  const n = row.volume;
  const spread = ownerSpread(row.owners);
  const shareOf = (part: ScorePart, k: number | null, d = n) => ({ part, value: share(k, d), numerator: k ?? 0, denominator: d });
  const values: Record<ScorePart, Omit<ScorePartValue, 'weight' | 'contribution'>> = {
    functional_return: shareOf('functional_return', row.functional_return),
    redispatch_kind: shareOf('redispatch_kind', row.redispatch_kind),
    owner_entropy: { part: 'owner_entropy', value: Math.min(1, spread.entropy / config.scale.entropyBits) },
    ping_pong: shareOf('ping_pong', row.ping_pong),
    three_party: shareOf('three_party', row.three_party),
    no_owner: shareOf('no_owner', row.no_owner),
    text_cue: shareOf('text_cue', row.text_cue),
    repeat: shareOf('repeat', row.repeat),
    dissatisfaction: shareOf('dissatisfaction', row.dissatisfied, row.rated ?? 0),
    slow_accept: shareOf('slow_accept', row.slow_accept),
    volume: { part: 'volume', value: Math.min(1, Math.log1p(n) / Math.log1p(config.scale.volume)) },
  };
  return SCORE_PARTS.map((p) => {
    const weight = config.weights[p];
    return { ...values[p], weight, contribution: weight * values[p].value };
  });
}

/**
 * Every topic's dispute score over a window, with its parts and the measures an officer needs to
 * judge it, highest score first. Signals are rebuilt first if their inputs changed.
 */
export async function topicScores(db: Database, opts: ScoreOptions = {}): Promise<TopicScores> {
  const config = opts.config ?? (await loadConfig(db));
  await ensureSignals(db, config);
  const window = await resolveWindow(db, opts, {
    days: config.windowDays,
    recentDays: config.emerging.recentDays,
    baselineDays: config.emerging.baselineDays,
  });
  const params = {
    from: window.from,
    to: window.toExclusive,
    prev_from: window.prevFrom,
    recent_from: window.recentFrom,
    base_from: window.baseFrom,
    recent_days: Math.round(config.emerging.recentDays),
    district: opts.district ?? null,
  };
  const totals = (await db.one<TopicScores['totals'] & Record<string, unknown>>('disputes/window_totals', params))!;
  const rows = await db.all<TopicStatsRow & Record<string, unknown>>('disputes/topic_stats', params);
  const topics = rows
    .filter((r) => r.volume > 0)
    .map((r): TopicScore => {
      const parts = scoreParts(r, config);
      const spread = ownerSpread(r.owners);
      const emerging = compareCounts(r.recent, r.baseline, totals.recent, totals.baseline);
      const relative = emerging.ratio === null ? Infinity : emerging.expectedRatio ? emerging.ratio / emerging.expectedRatio : null;
      return {
        topicId: r.topic_id,
        label: r.label,
        status: r.status,
        settled: r.settled,
        volume: r.volume,
        eligible: r.volume >= config.minVolume,
        growth: compareCounts(r.volume, r.previous, totals.current, totals.previous),
        emerging: {
          ...emerging,
          peakBefore: r.peak_before,
          flag:
            r.recent >= config.emerging.minCount &&
            emerging.pUp !== null &&
            emerging.pUp < config.emerging.alpha &&
            relative !== null &&
            relative >= config.emerging.minRatio &&
            r.recent >= config.emerging.minRatio * r.peak_before,
        },
        disputeShare: share(r.with_signal, r.volume),
        functionalReturnRate: share(r.functional_return, r.volume),
        territorialReturnRate: share(r.territorial_return, r.volume),
        returnRate: share(r.returned, r.volume),
        ownerEntropy: spread.entropy,
        ownerKinds: spread.kinds,
        mainOwnerKind: spread.mainKind,
        mainOwnerShare: spread.mainShare,
        hoursToOwner: { median: r.hours_to_owner_p50, p90: r.hours_to_owner_p90 },
        repeatRate: share(r.repeat, r.volume),
        dissatisfaction: r.rated ? share(r.dissatisfied, r.rated) : null,
        score: parts.reduce((sum, p) => sum + p.contribution, 0),
        parts,
      };
    })
    .sort((a, b) => b.score - a.score || b.volume - a.volume || a.topicId - b.topicId);
  return { window, district: opts.district ?? null, totals, topics };
}
