import { z } from 'zod';
import { suggestRouteInput } from '../../pipelines/consultation/index.js';

export const JurisdictionRule = z.object({
  ruleId: z.number().int(),
  decisionId: z.number().int(),
  topicId: z.number().int(),
  topicLabel: z.string().nullable(),
  leadUnit: z.string(),
  assistingUnits: z.array(z.string()),
  normText: z.string(),
  deadlineDays: z.number().int().nullable(),
  scopeDistricts: z.array(z.string()).describe('districts the rule applies in; empty: the whole city'),
  effectiveFrom: z.string(),
  meetingId: z.number().int(),
  meetingTitle: z.string(),
  meetingDate: z.string(),
});
export const RuleList = z.object({ rules: z.array(JurisdictionRule) });

/** The consultation library's own input schema: an appeal's text, its district and day. */
export const RouteSuggestionBody = suggestRouteInput;

export const RouteSuggestion = z.object({
  topic: z.object({ topicId: z.number().int(), label: z.string().nullable(), similarity: z.number() }).nullable(),
  rule: JurisdictionRule.nullable(),
  leadUnit: z.string().nullable(),
  assistingUnits: z.array(z.string()),
  confidence: z.number().describe('0–1: similarity to the topic, discounted when the rule is not specific to the district'),
  reason: z.enum(['rule_applies', 'no_topic', 'no_rule', 'out_of_scope', 'district_needed', 'not_yet_effective']),
  explanation: z.string(),
  history: z.array(z.object({ unit: z.string(), appeals: z.number().int(), share: z.number() })).describe('who has finally handled this topic’s appeals so far'),
});
