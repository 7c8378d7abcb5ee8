import { z } from 'zod';
import {
  addItemInput, createMeetingInput, decideInput, MEETING_KINDS, MEETING_STATUSES, reorderInput, setUnitsInput, statusInput, updateItemInput, updateMeetingInput,
} from '../../pipelines/consultation/index.js';
import { optInt } from './common.js';

// Request bodies are the consultation library's own input schemas: the API and the library cannot disagree.
export const CreateMeetingBody = createMeetingInput;
export const UpdateMeetingBody = updateMeetingInput;
export const AddItemBody = addItemInput;
export const UpdateItemBody = updateItemInput;
export const ReorderBody = reorderInput;
export const SetUnitsBody = setUnitsInput;
export const StatusBody = statusInput;
/** A decision on the item named in the path. */
export const DecideBody = decideInput.omit({ itemId: true });

export const ProposalBody = z
  .object({
    top: z.number().int().min(1).max(30).default(10).describe('how many of the most disputed topics to propose'),
    from: z.iso.date().optional().describe('start of the evidence window (default: the meeting’s period, or the 90 days before it)'),
    to: z.iso.date().optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'from must not be after to', path: ['from'] });

const id = z.coerce.number().int().min(1).max(2_147_483_647);
export const MeetingParams = z.object({ meetingId: id });
export const ItemParams = z.object({ meetingId: id, itemId: id });
export const DecisionParams = z.object({ meetingId: id, decisionId: id });

export const FollowUpQuery = z.object({
  windowDays: optInt(14, 365).describe('days before and after the effective date (default 90)'),
  controls: optInt(2, 30).describe('comparable undecided topics per decision (default 5)'),
  minAppeals: optInt(1, 1000),
});

const MeetingKind = z.enum(MEETING_KINDS);
const MeetingStatus = z.enum(MEETING_STATUSES);

export const Meeting = z.object({
  meetingId: z.number().int(),
  title: z.string(),
  date: z.string(),
  kind: MeetingKind,
  status: MeetingStatus,
  convener: z.string().nullable(),
  location: z.string().nullable(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export const MeetingSummary = z.object({ meetingId: z.number().int(), title: z.string(), date: z.string(), kind: MeetingKind, status: MeetingStatus, items: z.number().int(), decisions: z.number().int() });
export const MeetingList = z.object({ meetings: z.array(MeetingSummary) });

export const Decision = z.object({
  decisionId: z.number().int(),
  itemId: z.number().int(),
  topicId: z.number().int().nullable(),
  leadUnit: z.string(),
  assistingUnits: z.array(z.string()),
  normText: z.string(),
  deadlineDays: z.number().int().nullable(),
  scopeDistricts: z.array(z.string()),
  effectiveFrom: z.string(),
  status: z.enum(['in_force', 'superseded', 'revoked']),
  supersededBy: z.number().int().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});

const ScorePart = z.object({ name: z.string(), value: z.number(), weight: z.number(), contribution: z.number(), numerator: z.number().nullable(), denominator: z.number().nullable() });

/** What the officer was shown about a topic when it was put on the agenda (frozen with the item). */
export const TopicEvidence = z.object({
  topicId: z.number().int(),
  label: z.string(),
  window: z.object({ from: z.string(), to: z.string() }),
  appeals: z.number().int(),
  trend: z.array(z.object({ period: z.string(), appeals: z.number().int() })),
  score: z.object({ value: z.number(), parts: z.array(ScorePart) }).nullable(),
  measures: z.object({ functionalReturnRate: z.number(), territorialReturnRate: z.number(), repeatRate: z.number(), hoursToOwner: z.number().nullable() }).nullable(),
  units: z.array(z.object({ unit: z.string(), kind: z.string().nullable(), received: z.number().int(), returned: z.number().int(), functionalReturns: z.number().int().nullable(), kept: z.number().int().nullable() })),
  returnFlow: z.array(z.object({ from: z.string(), to: z.string(), count: z.number().int(), functional: z.number().int().nullable() })),
  flowLevel: z.enum(['unit', 'kind']),
  returnReasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  /** Masked texts; a unit head sees only appeals their unit may read in full. */
  samples: z.array(z.object({ platform: z.string(), appealId: z.string(), receivedAt: z.string(), district: z.string().nullable(), text: z.string(), signals: z.array(z.string()) })),
  suggestedLead: z.object({ unit: z.string().nullable(), kind: z.string().nullable(), units: z.array(z.string()), share: z.number(), kept: z.number().int(), returned: z.number().int() }).nullable(),
});

export const AgendaItem = z.object({
  itemId: z.number().int(),
  meetingId: z.number().int(),
  position: z.number().int(),
  topicId: z.number().int().nullable(),
  topicLabel: z.string().nullable(),
  title: z.string(),
  notes: z.string().nullable(),
  origin: z.enum(['proposal', 'manual']),
  evidence: TopicEvidence.nullable(),
  decisions: z.array(Decision),
});

export const InvitedUnit = z.object({ unit: z.string(), origin: z.enum(['suggested', 'manual']) });
export const InvitedUnits = z.object({ units: z.array(InvitedUnit), suggested: z.array(z.string()).describe('units involved in the agenda’s topics, most involved first') });

export const MeetingDetail = Meeting.extend({
  items: z.array(AgendaItem),
  units: z.array(InvitedUnit),
  suggestedUnits: z.array(z.string()),
  history: z.array(z.object({ from: MeetingStatus.nullable(), to: MeetingStatus, by: z.string().nullable(), at: z.string() })),
  nextStatus: MeetingStatus.nullable(),
});

const Outcomes = z.object({ appeals: z.number().int(), return_rate: z.number().nullable(), hours_to_owner: z.number().nullable(), repeat_rate: z.number().nullable(), score: z.number() });

export const DecisionFollowUp = z.object({
  decision: Decision.extend({ topicLabel: z.string().nullable(), itemTitle: z.string(), meetingId: z.number().int(), meetingTitle: z.string(), meetingDate: z.string() }),
  status: z.enum(['measured', 'no_topic', 'too_early', 'too_few_appeals', 'no_controls']),
  window: z.object({ preFrom: z.string(), preTo: z.string(), postFrom: z.string(), postTo: z.string(), days: z.number().int() }).nullable(),
  district: z.string().nullable(),
  treated: z.object({ pre: Outcomes, post: Outcomes }).nullable(),
  controls: z.array(z.object({ topicId: z.number().int(), label: z.string(), pre: Outcomes, post: Outcomes, distance: z.number() })),
  effects: z.array(
    z.object({
      metric: z.enum(['return_rate', 'hours_to_owner', 'repeat_rate']),
      treatedPre: z.number(),
      treatedPost: z.number(),
      controlPre: z.number(),
      controlPost: z.number(),
      estimate: z.number(),
      se: z.number().nullable(),
      low: z.number().nullable(),
      high: z.number().nullable(),
      controls: z.number().int(),
      verdict: z.enum(['improved', 'worsened', 'unclear']),
    }),
  ),
});

/** 上次会商事项落实情况: the previous meeting's decisions, each before and after, against comparable topics. */
export const MeetingFollowUp = z.object({
  previousMeeting: z.object({ meetingId: z.number().int(), title: z.string(), date: z.string() }).nullable(),
  decisions: z.array(DecisionFollowUp),
});

/** Every decision in force, each with what it has done so far, and how many of each outcome. */
export const DecisionOutcomes = z.object({
  decisions: z.array(
    z.object({
      decisionId: z.number().int(),
      topicId: z.number().int().nullable(),
      outcome: z.enum(['effective', 'worsened', 'no_change', 'no_topic', 'too_early', 'too_few_appeals', 'no_controls']),
      effects: z.array(z.object({ metric: z.enum(['return_rate', 'hours_to_owner', 'repeat_rate']), verdict: z.enum(['improved', 'worsened', 'unclear']) })),
    }),
  ),
  counts: z.object({
    inForce: z.number().int(),
    effective: z.number().int(),
    worsened: z.number().int(),
    noChange: z.number().int(),
    /** Not measurable yet: too early, too few appeals, no comparable topics, or no topic. */
    notYet: z.number().int(),
  }),
});

export const ProposalResult = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  proposed: z.number().int().describe('topics the proposal held'),
  added: z.array(z.number().int()).describe('item ids added (topics already on the agenda are skipped)'),
  meeting: MeetingDetail,
});
