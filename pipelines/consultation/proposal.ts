import type { Agenda, AgendaItem as ProposedTopic } from '../disputes/index.js';
import type { TopicEvidence } from './types.js';

/** The agenda proposal of the dispute scorer (`proposeAgenda`), as `fillFromProposal` takes it. */
export type Proposal = Pick<Agenda, 'window' | 'items'>;

/** One proposed topic's evidence in the form stored with an agenda item. */
export function evidenceFromProposal(item: ProposedTopic, window: Proposal['window']): TopicEvidence {
  return {
    topicId: item.topicId,
    label: item.label,
    window: { from: window.from, to: window.to },
    appeals: item.volume,
    trend: item.trend.map((w) => ({ period: w.week, appeals: w.appeals })),
    score: {
      value: item.score,
      parts: item.parts.map((p) => ({ name: p.part, value: p.value, weight: p.weight, contribution: p.contribution, numerator: p.numerator ?? null, denominator: p.denominator ?? null })),
    },
    measures: {
      functionalReturnRate: item.functionalReturnRate,
      territorialReturnRate: item.territorialReturnRate,
      repeatRate: item.repeatRate,
      hoursToOwner: item.hoursToOwner.median,
    },
    units: item.units.map((u) => ({ unit: u.unit, kind: u.kind, received: u.received, returned: u.returned, functionalReturns: u.functionalReturns, kept: u.kept })),
    returnFlow: item.returnFlow.map((f) => ({ from: f.fromKind, to: f.toKind, count: f.returns, functional: f.functional })),
    flowLevel: 'kind',
    returnReasons: [],
    samples: item.samples.map((s) => ({
      platform: s.platform,
      appealId: s.appealId,
      receivedAt: s.receivedAt,
      district: s.district,
      text: s.title ? `${s.title}：${s.content}` : s.content,
      signals: s.signals,
    })),
    suggestedLead: item.lead
      ? { unit: item.lead.units[0] ?? null, kind: item.lead.kind, units: item.lead.units, share: item.lead.share, kept: item.lead.keptClean, returned: item.lead.returned }
      : null,
  };
}
