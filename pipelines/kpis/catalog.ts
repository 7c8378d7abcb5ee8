/**
 * The linkage KPI dictionary: every KPI's id, how its value is formed, and its names. The precise
 * definitions (numerator, denominator, time attribution, exclusions) stand above the SQL in
 * sql/kpis/<view>.sql and in docs/kpis.md.
 */
export type KpiKind = 'count' | 'rate' | 'p50' | 'p90';

export interface KpiDefinition {
  id: string;
  /** count: numerator; rate: numerator / denominator; p50/p90: percentile of the measure. */
  kind: KpiKind;
  /** The member view in sql/kpis/ (percentile pairs share one), or 'disputed_topics'. */
  view: string;
  unit: 'transfers' | 'appeals' | 'minutes' | 'topics' | 'share';
  /** What the breakdown rows split by, when there are any. */
  breakdown: 'method' | 'direction' | 'outcome' | 'party' | 'group' | null;
  label: { zh: string; en: string };
}

export const KPIS: KpiDefinition[] = [
  { id: 'transfers_110_to_12345', kind: 'count', view: 'transfers_110_to_12345', unit: 'transfers', breakdown: 'method', label: { zh: '110转12345数', en: '110 → 12345 transfers' } },
  { id: 'transfers_12345_to_110', kind: 'count', view: 'transfers_12345_to_110', unit: 'transfers', breakdown: 'method', label: { zh: '12345转110数', en: '12345 → 110 transfers' } },
  { id: 'non_police_diversion_rate', kind: 'rate', view: 'non_police_diversion_rate', unit: 'share', breakdown: null, label: { zh: '非警务警情分流率', en: 'Non-police incident diversion rate' } },
  { id: 'transfer_acceptance_rate', kind: 'rate', view: 'transfer_acceptance_rate', unit: 'share', breakdown: 'direction', label: { zh: '转办签收率', en: 'Transfer acceptance rate' } },
  { id: 'transfer_return_rate', kind: 'rate', view: 'transfer_return_rate', unit: 'share', breakdown: 'direction', label: { zh: '转办退回率', en: 'Transfer return rate' } },
  { id: 'transfer_accept_minutes_p50', kind: 'p50', view: 'transfer_accept_minutes', unit: 'minutes', breakdown: 'direction', label: { zh: '转办签收时长中位数（分钟）', en: 'Minutes to transfer acceptance, median' } },
  { id: 'transfer_accept_minutes_p90', kind: 'p90', view: 'transfer_accept_minutes', unit: 'minutes', breakdown: 'direction', label: { zh: '转办签收时长P90（分钟）', en: 'Minutes to transfer acceptance, p90' } },
  { id: 'dispatch_return_rate', kind: 'rate', view: 'dispatch_return_rate', unit: 'share', breakdown: null, label: { zh: '派单退回率', en: 'Dispatch return rate' } },
  { id: 'functional_return_rate', kind: 'rate', view: 'functional_return_rate', unit: 'share', breakdown: null, label: { zh: '职能争议退单率', en: 'Functional return rate' } },
  { id: 'territorial_misroute_rate', kind: 'rate', view: 'territorial_misroute_rate', unit: 'share', breakdown: null, label: { zh: '属地派错率', en: 'Territorial misroute rate' } },
  { id: 'dispatch_accept_minutes_p50', kind: 'p50', view: 'dispatch_accept_minutes', unit: 'minutes', breakdown: null, label: { zh: '派单签收时长中位数（分钟）', en: 'Minutes to dispatch acceptance, median' } },
  { id: 'dispatch_accept_minutes_p90', kind: 'p90', view: 'dispatch_accept_minutes', unit: 'minutes', breakdown: null, label: { zh: '派单签收时长P90（分钟）', en: 'Minutes to dispatch acceptance, p90' } },
  { id: 'three_party_calls', kind: 'count', view: 'three_party_calls', unit: 'transfers', breakdown: 'outcome', label: { zh: '三方通话数', en: 'Three-party calls' } },
  { id: 'emergency_linkages', kind: 'count', view: 'emergency_linkages', unit: 'transfers', breakdown: 'party', label: { zh: '应急联动数', en: 'Emergency linkages' } },
  { id: 'response_rate', kind: 'rate', view: 'response_rate', unit: 'share', breakdown: 'group', label: { zh: '响应率', en: 'Response rate' } },
  { id: 'resolution_rate', kind: 'rate', view: 'resolution_rate', unit: 'share', breakdown: 'group', label: { zh: '解决率', en: 'Resolution rate' } },
  { id: 'satisfaction_rate', kind: 'rate', view: 'satisfaction_rate', unit: 'share', breakdown: 'group', label: { zh: '满意率', en: 'Satisfaction rate' } },
  { id: 'repeat_appeal_rate', kind: 'rate', view: 'repeat_appeal_rate', unit: 'share', breakdown: null, label: { zh: '重复来电率', en: 'Repeat-appeal rate' } },
  { id: 'disputed_topics_open', kind: 'count', view: 'disputed_topics', unit: 'topics', breakdown: null, label: { zh: '未决争议事项数', en: 'Disputed topics, open' } },
  { id: 'disputed_topics_decided', kind: 'count', view: 'disputed_topics', unit: 'topics', breakdown: null, label: { zh: '已决争议事项数', en: 'Disputed topics, decided' } },
];

/** Member views in sql/kpis/, created before kpi_members (sql/kpis/members.sql) unions them. */
export const MEMBER_VIEWS = [...new Set(KPIS.map((k) => k.view).filter((v) => v !== 'disputed_topics'))];

export function kpiById(id: string): KpiDefinition | undefined {
  return KPIS.find((k) => k.id === id);
}
