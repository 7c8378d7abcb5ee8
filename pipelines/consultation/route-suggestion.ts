import type { Database } from '../db/database.js';
import { assignText } from '../topics/assign.js';
import { todayLocal } from './dates.js';
import { handlersByTopic, rulesByTopic, type Handler } from './route-cache.js';
import { suggestRouteInput, validate, type SuggestRouteInput } from './schemas.js';
import type { JurisdictionRule } from './types.js';

/** Assigns one text to a topic (the topic engine's `assignText`; replaceable for measurements). */
export type AssignText = (db: Database, text: string) => Promise<{ topicId: number; label?: string; similarity: number } | null>;

export type RouteReason =
  | 'rule_applies' // a rule covers the topic in this district on this day
  | 'no_topic' // the text matches no known topic
  | 'no_rule' // the topic has no decision in force
  | 'out_of_scope' // the topic's rules cover other districts only
  | 'district_needed' // rules differ by district and no district was given
  | 'not_yet_effective'; // the topic's rules start later

export interface RouteSuggestion {
  topic: { topicId: number; label: string | null; similarity: number } | null;
  rule: JurisdictionRule | null;
  leadUnit: string | null;
  assistingUnits: string[];
  /** 0–1: the text's similarity to the topic, discounted when the rule is not specific to the district. */
  confidence: number;
  reason: RouteReason;
  /** The reason in words, for a dispatcher reading the answer. */
  explanation: string;
  /** Who has finally handled this topic's appeals so far, commonest first. */
  history: Handler[];
}

// How much a rule's fit to the appeal's district is trusted: a rule written for this district,
// a city-wide rule, or a guess when the district is unknown but every rule names the same lead.
const SCOPE_FACTOR = { district: 1, citywide: 0.9, unknownDistrict: 0.6 } as const;

function pick(rules: JurisdictionRule[], district: string | undefined, at: string): { rule: JurisdictionRule | null; factor: number; reason: RouteReason } {
  const effective = rules.filter((r) => r.effectiveFrom <= at);
  if (!effective.length) return { rule: null, factor: 0, reason: rules.length ? 'not_yet_effective' : 'no_rule' };
  const newestFirst = (a: JurisdictionRule, b: JurisdictionRule) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.ruleId - a.ruleId;
  const citywide = effective.filter((r) => r.scopeDistricts.length === 0).sort(newestFirst);
  if (district) {
    const local = effective.filter((r) => r.scopeDistricts.includes(district)).sort(newestFirst);
    if (local.length) return { rule: local[0], factor: SCOPE_FACTOR.district, reason: 'rule_applies' };
    if (citywide.length) return { rule: citywide[0], factor: SCOPE_FACTOR.citywide, reason: 'rule_applies' };
    return { rule: null, factor: 0, reason: 'out_of_scope' };
  }
  if (citywide.length) return { rule: citywide[0], factor: SCOPE_FACTOR.citywide, reason: 'rule_applies' };
  const leads = new Set(effective.map((r) => r.leadUnit));
  if (leads.size === 1) return { rule: [...effective].sort(newestFirst)[0], factor: SCOPE_FACTOR.unknownDistrict, reason: 'rule_applies' };
  return { rule: null, factor: 0, reason: 'district_needed' };
}

function explain(s: Omit<RouteSuggestion, 'explanation'>, rules: JurisdictionRule[], district: string | undefined): string {
  const topic = s.topic ? `「${s.topic.label ?? s.topic.topicId}」` : '';
  const past = s.history[0] ? `；以往主要由${s.history[0].unit}办理（${Math.round(s.history[0].share * 100)}%）` : '';
  switch (s.reason) {
    case 'rule_applies': {
      const r = s.rule!;
      const scope = r.scopeDistricts.length ? `适用于${r.scopeDistricts.join('、')}` : '全市适用';
      return `匹配议题${topic}，按${r.meetingTitle}（${r.meetingDate}）决定由${r.leadUnit}牵头办理，${scope}，自${r.effectiveFrom}起施行。`;
    }
    case 'no_topic':
      return '未匹配到已知议题，请按常规派单。';
    case 'no_rule':
      return `匹配议题${topic}，该议题尚无会商决定${past}。`;
    case 'out_of_scope':
      return `匹配议题${topic}，现行决定仅适用于${[...new Set(rules.flatMap((r) => r.scopeDistricts))].sort().join('、')}，不含${district}${past}。`;
    case 'district_needed':
      return `匹配议题${topic}，各区牵头单位不同，请提供所在区${past}。`;
    case 'not_yet_effective':
      return `匹配议题${topic}，相关决定自${rules.map((r) => r.effectiveFrom).sort()[0]}起施行，尚未生效${past}。`;
  }
}

/**
 * Suggests who should handle a new appeal: the topic its text matches, the jurisdiction rule that
 * applies in its district on its day, the lead and assisting units, and a confidence; when no rule
 * applies, why not and who has handled the topic so far.
 */
export async function suggestRoute(db: Database, input: SuggestRouteInput, assign: AssignText = assignText): Promise<RouteSuggestion> {
  const q = validate(suggestRouteInput, input);
  const at = q.at ?? todayLocal();
  const match = await assign(db, q.text);
  if (!match) {
    const s = { topic: null, rule: null, leadUnit: null, assistingUnits: [], confidence: 0, reason: 'no_topic' as const, history: [] };
    return { ...s, explanation: explain(s, [], q.district) };
  }
  const [rulesMap, handlers] = [await rulesByTopic(db), await handlersByTopic(db)];
  const rules = rulesMap.get(match.topicId) ?? [];
  const chosen = pick(rules, q.district, at);
  const label = match.label ?? rules[0]?.topicLabel ?? null;
  const s = {
    topic: { topicId: match.topicId, label, similarity: match.similarity },
    rule: chosen.rule,
    leadUnit: chosen.rule?.leadUnit ?? null,
    assistingUnits: chosen.rule?.assistingUnits ?? [],
    confidence: Math.round(Math.max(0, Math.min(1, match.similarity * chosen.factor)) * 1000) / 1000,
    reason: chosen.reason,
    history: handlers.get(match.topicId) ?? [],
  };
  return { ...s, explanation: explain(s, rules, q.district) };
}
