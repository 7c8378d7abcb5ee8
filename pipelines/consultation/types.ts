import type { MeetingKind, MeetingStatus } from './schemas.js';

/**
 * What the officer is shown about a topic on the agenda; frozen into the item when it is added.
 * Filled from the dispute scorer's agenda proposal, or for a topic added by hand from the data.
 */
export interface TopicEvidence {
  topicId: number;
  label: string;
  /** The period the numbers describe (inclusive ISO dates). */
  window: { from: string; to: string };
  appeals: number;
  trend: { period: string; appeals: number }[];
  /** The dispute score with every part. */
  score: { value: number; parts: ScorePart[] } | null;
  /** Shares over the window's appeals (hours: median until the unit that kept it accepted). */
  measures: { functionalReturnRate: number; territorialReturnRate: number; repeatRate: number; hoursToOwner: number | null } | null;
  /** Units the topic's appeals were sent to: received, returned (functional ones when known), kept. */
  units: { unit: string; kind: string | null; received: number; returned: number; functionalReturns: number | null; kept: number | null }[];
  /** Returned by `from`, sent next to `to` — units, or kinds of unit when `flowLevel` is 'kind'. */
  returnFlow: { from: string; to: string; count: number; functional: number | null }[];
  flowLevel: 'unit' | 'kind';
  returnReasons: { reason: string; count: number }[];
  /** Masked texts of a few typical appeals (receivedAt local 'YYYY-MM-DD HH:MM'), with the dispute signals each shows. */
  samples: { platform: string; appealId: string; receivedAt: string; district: string | null; text: string; signals: string[] }[];
  /** The unit (or kind of unit, with its units) that kept most appeals; share of the topic's appeals. */
  suggestedLead: { unit: string | null; kind: string | null; units: string[]; share: number; kept: number; returned: number } | null;
}

export interface ScorePart {
  name: string;
  value: number;
  weight: number;
  contribution: number;
  numerator: number | null;
  denominator: number | null;
}

export interface Meeting {
  meetingId: number;
  title: string;
  date: string;
  kind: MeetingKind;
  status: MeetingStatus;
  convener: string | null;
  location: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface MeetingSummary {
  meetingId: number;
  title: string;
  date: string;
  kind: MeetingKind;
  status: MeetingStatus;
  items: number;
  decisions: number;
}

export interface Decision {
  decisionId: number;
  itemId: number;
  topicId: number | null;
  leadUnit: string;
  assistingUnits: string[];
  normText: string;
  deadlineDays: number | null;
  scopeDistricts: string[];
  effectiveFrom: string;
  status: 'in_force' | 'superseded' | 'revoked';
  supersededBy: number | null;
  recordedBy: string | null;
  recordedAt: string;
}

export interface AgendaItem {
  itemId: number;
  meetingId: number;
  position: number;
  topicId: number | null;
  /** The topic's current label (it may have been renamed since the item was added). */
  topicLabel: string | null;
  title: string;
  notes: string | null;
  origin: 'proposal' | 'manual';
  evidence: TopicEvidence | null;
  decisions: Decision[];
}

export interface InvitedUnit {
  unit: string;
  origin: 'suggested' | 'manual';
}

export interface StatusChange {
  from: MeetingStatus | null;
  to: MeetingStatus;
  by: string | null;
  at: string;
}

export interface MeetingDetail extends Meeting {
  items: AgendaItem[];
  units: InvitedUnit[];
  /** Units involved in the agenda's topics, most involved first. */
  suggestedUnits: string[];
  history: StatusChange[];
  /** The status the meeting may move to next (none once the minutes are issued). */
  nextStatus: MeetingStatus | null;
}

/** A decision in force on a topic, as routing uses it. */
export interface JurisdictionRule {
  ruleId: number;
  decisionId: number;
  topicId: number;
  topicLabel: string | null;
  leadUnit: string;
  assistingUnits: string[];
  normText: string;
  deadlineDays: number | null;
  scopeDistricts: string[];
  effectiveFrom: string;
  meetingId: number;
  meetingTitle: string;
  meetingDate: string;
}

/** Who performs an operation (a user name), recorded beside what they did. */
export interface Actor {
  actor?: string;
}
