/**
 * Consultation workflow: meetings and their agendas, decisions that become jurisdiction rules,
 * route suggestion from those rules, and the follow-up of each decision's effect. Every operation
 * takes the database and validated input and returns plain data, so HTTP routes stay thin.
 */
export { ConsultationError } from './errors.js';
export * from './schemas.js';
export type * from './types.js';
export { createMeeting, listMeetings, requireMeeting, updateMeeting } from './meetings.js';
export { getMeeting } from './detail.js';
export { addItem, fillFromProposal, refreshEvidence, removeItem, reorderItems, updateItem } from './agenda.js';
export { evidenceFromProposal, type Proposal } from './proposal.js';
export { invitedUnits, setInvitedUnits, suggestUnits } from './units.js';
export { nextStatus, setMeetingStatus } from './status.js';
export { recordDecision, requireDecision, revokeDecision } from './decisions.js';
export { listRules, invalidateRouteCache } from './route-cache.js';
export { suggestRoute, type AssignText, type RouteReason, type RouteSuggestion } from './route-suggestion.js';
export { evidenceWindow, loadTopicEvidence, type EvidenceWindow } from './evidence.js';
export { decisionOutcome, FOLLOW_UP_METRICS, followUpDecisions, followUpForMeeting, type DecisionFollowUp, type DecisionOutcome, type FollowUpMetric, type MeetingFollowUp, type TopicOutcomes } from './follow-up.js';
export { differenceInDifferences, type DidEstimate } from './did.js';
export { maskText } from './mask.js';
