import type { z } from 'zod';
import {
  addItem, decisionOutcome, evidenceWindow, fillFromProposal, followUpDecisions, followUpForMeeting, getMeeting, listMeetings, recordDecision, removeItem, reorderItems, requireDecision, requireMeeting,
  revokeDecision, setInvitedUnits, setMeetingStatus, updateItem, updateMeeting, createMeeting, type MeetingDetail as Detail,
} from '../../pipelines/consultation/index.js';
import { proposeAgenda } from '../../pipelines/disputes/index.js';
import type { Scope } from '../auth/user.js';
import type { AppContext } from '../context.js';
import { ApiRouter } from '../http/route.js';
import { notFound } from '../http/errors.js';
import { readable } from '../readable.js';
import {
  AddItemBody, CreateMeetingBody, DecideBody, Decision, DecisionOutcomes, DecisionParams, FollowUpQuery, InvitedUnits, ItemParams, Meeting, MeetingDetail, MeetingFollowUp, MeetingList, MeetingParams,
  ProposalBody, ProposalResult, ReorderBody, SetUnitsBody, StatusBody, UpdateItemBody, UpdateMeetingBody,
} from '../schemas/meetings.js';

/** The meeting as a reader may see it: a unit head gets only the evidence samples their unit may read in full. */
async function detailFor(ctx: AppContext, meetingId: number, scope: Scope): Promise<z.input<typeof MeetingDetail>> {
  const m = await getMeeting(ctx.db, meetingId);
  if (scope.unit === null) return m;
  const items = [];
  for (const item of m.items) items.push(item.evidence ? { ...item, evidence: { ...item.evidence, samples: await readable(ctx, item.evidence.samples, scope) } } : item);
  return { ...m, items };
}

/** 404 unless the agenda item belongs to the meeting of the path. */
async function requireItemOf(ctx: AppContext, meetingId: number, itemId: number): Promise<Detail> {
  const m = await getMeeting(ctx.db, meetingId);
  if (!m.items.some((i) => i.itemId === itemId)) throw notFound(`meeting ${meetingId} has no agenda item ${itemId}`);
  return m;
}

/**
 * Consultation meetings (pipelines/consultation): the agenda filled from the dispute proposal or by
 * hand, invited units, status draft → issued → held → minutes_issued, decisions per agenda item
 * (each a jurisdiction rule), and the follow-up of the previous meeting's decisions. Officers build
 * meetings and record decisions; every signed-in user reads them.
 */
export function meetingRoutes(ctx: AppContext): ApiRouter {
  const api = new ApiRouter(ctx, '/meetings', 'meetings');
  const builders = ['officer', 'admin'] as const;
  // Agenda work changes no other answer. Decisions do (settled topics, the decided-topics KPI, the
  // follow-up), and so does a meeting's date (which meeting's decisions the next one follows up).
  const agendaWrite = { access: builders, invalidates: false } as const;
  const onDraft = { conflict: 'the meeting is no longer a draft: its agenda, units and details are fixed' } as const;

  api.add({ method: 'get', path: '/', summary: 'Every meeting, newest first, with its number of items and decisions', access: 'signed_in', response: MeetingList }, async () => ({
    meetings: await listMeetings(ctx.db),
  }));

  api.add({ method: 'post', path: '/', summary: 'Create a draft meeting', ...agendaWrite, body: CreateMeetingBody, response: Meeting }, async ({ body, user }) =>
    createMeeting(ctx.db, body, { actor: user.username }),
  );

  // before '/:meetingId…': 'decisions' is no meeting id
  api.add(
    {
      method: 'get', path: '/decisions/follow-up', summary: 'Every decision in force with what it has done so far (effective, worsened, no change, or why it cannot be told yet), and how many of each',
      access: 'signed_in', query: FollowUpQuery, response: DecisionOutcomes,
    },
    async ({ query }) =>
      ctx.cache.get(`decision-outcomes:${JSON.stringify(query)}`, async () => {
        const all = await followUpDecisions(ctx.db, { windowDays: query.windowDays, controls: query.controls, minAppeals: query.minAppeals });
        const decisions = all.map((f) => ({ decisionId: f.decision.decisionId, topicId: f.decision.topicId, outcome: decisionOutcome(f), effects: f.effects.map((e) => ({ metric: e.metric, verdict: e.verdict })) }));
        const count = (...outcomes: string[]) => decisions.filter((d) => outcomes.includes(d.outcome)).length;
        return {
          decisions,
          counts: { inForce: decisions.length, effective: count('effective'), worsened: count('worsened'), noChange: count('no_change'), notYet: count('no_topic', 'too_early', 'too_few_appeals', 'no_controls') },
        };
      }),
  );

  api.add({ method: 'get', path: '/:meetingId', summary: 'One meeting: agenda with evidence and decisions, invited and suggested units, status history', access: 'signed_in', params: MeetingParams, response: MeetingDetail }, async ({ params, scope }) =>
    detailFor(ctx, params.meetingId, scope),
  );

  api.add({ method: 'patch', path: '/:meetingId', summary: 'Change title, date, kind, convener, location or evidence period of a draft meeting', ...onDraft, access: builders, params: MeetingParams, body: UpdateMeetingBody, response: MeetingDetail }, async ({ params, body }) => {
    await updateMeeting(ctx.db, params.meetingId, body);
    return getMeeting(ctx.db, params.meetingId);
  });

  api.add(
    { method: 'post', path: '/:meetingId/proposal', summary: 'Fill the draft agenda from the dispute proposal: the most disputed unsettled topics with their evidence', ...onDraft, ...agendaWrite, params: MeetingParams, body: ProposalBody, response: ProposalResult },
    async ({ params, body }) => {
      const meeting = await requireMeeting(ctx.db, params.meetingId);
      const window = await evidenceWindow(ctx.db, { ...meeting, periodFrom: body.from ?? meeting.periodFrom, periodTo: body.to ?? meeting.periodTo });
      const proposal = await proposeAgenda(ctx.db, { from: window.from, to: window.to, top: body.top });
      const added = await fillFromProposal(ctx.db, params.meetingId, proposal);
      return { window, proposed: proposal.items.length, added: added.map((i) => i.itemId), meeting: await getMeeting(ctx.db, params.meetingId) };
    },
  );

  api.add({ method: 'post', path: '/:meetingId/items', summary: 'Add a topic (with its evidence from the data) or a matter by title to a draft agenda', ...onDraft, ...agendaWrite, params: MeetingParams, body: AddItemBody, response: MeetingDetail }, async ({ params, body }) => {
    await addItem(ctx.db, params.meetingId, body);
    return getMeeting(ctx.db, params.meetingId);
  });

  api.add({ method: 'put', path: '/:meetingId/order', summary: 'Put the draft agenda in this order (every item id once)', ...onDraft, ...agendaWrite, params: MeetingParams, body: ReorderBody, response: MeetingDetail }, async ({ params, body }) => {
    await reorderItems(ctx.db, params.meetingId, body);
    return getMeeting(ctx.db, params.meetingId);
  });

  api.add({ method: 'patch', path: '/:meetingId/items/:itemId', summary: "Change an item's title or notes", ...onDraft, ...agendaWrite, params: ItemParams, body: UpdateItemBody, response: MeetingDetail }, async ({ params, body }) => {
    await requireItemOf(ctx, params.meetingId, params.itemId);
    await updateItem(ctx.db, params.itemId, body);
    return getMeeting(ctx.db, params.meetingId);
  });

  api.add({ method: 'delete', path: '/:meetingId/items/:itemId', summary: 'Remove an item from a draft agenda (units invited only for it go too)', ...onDraft, ...agendaWrite, params: ItemParams, response: MeetingDetail }, async ({ params }) => {
    await requireItemOf(ctx, params.meetingId, params.itemId);
    await removeItem(ctx.db, params.itemId);
    return getMeeting(ctx.db, params.meetingId);
  });

  api.add({ method: 'get', path: '/:meetingId/units', summary: 'Invited units, and the units the agenda’s topics suggest', access: 'signed_in', params: MeetingParams, response: InvitedUnits }, async ({ params }) => {
    const m = await getMeeting(ctx.db, params.meetingId);
    return { units: m.units, suggested: m.suggestedUnits };
  });

  api.add({ method: 'put', path: '/:meetingId/units', summary: 'Replace the invited units of a draft meeting', ...onDraft, ...agendaWrite, params: MeetingParams, body: SetUnitsBody, response: InvitedUnits }, async ({ params, body }) => {
    await setInvitedUnits(ctx.db, params.meetingId, body);
    const m = await getMeeting(ctx.db, params.meetingId);
    return { units: m.units, suggested: m.suggestedUnits };
  });

  api.add(
    { method: 'post', path: '/:meetingId/status', summary: 'Move the meeting one step: draft → issued → held → minutes_issued', conflict: 'not the next step from the meeting’s status, or issuing an empty agenda', ...agendaWrite, params: MeetingParams, body: StatusBody, response: MeetingDetail },
    async ({ params, body, user }) => {
      await setMeetingStatus(ctx.db, params.meetingId, body, { actor: user.username });
      return getMeeting(ctx.db, params.meetingId);
    },
  );

  api.add(
    { method: 'post', path: '/:meetingId/items/:itemId/decisions', summary: 'Record the decision on an item of an issued or held meeting; on a topic it becomes a jurisdiction rule', conflict: 'the meeting is not issued or held', access: builders, params: ItemParams, body: DecideBody, response: Decision },
    async ({ params, body, user }) => recordDecision(ctx.db, params.meetingId, { ...body, itemId: params.itemId }, { actor: user.username }),
  );

  api.add(
    { method: 'post', path: '/:meetingId/decisions/:decisionId/revoke', summary: 'Withdraw a decision in force taken at this meeting (and so its rule)', conflict: 'the decision is not in force (revoked or superseded already)', access: builders, params: DecisionParams, response: Decision },
    async ({ params }) => {
      const d = await requireDecision(ctx.db, params.decisionId);
      const m = await getMeeting(ctx.db, params.meetingId);
      if (!m.items.some((i) => i.itemId === d.itemId)) throw notFound(`meeting ${params.meetingId} has no decision ${params.decisionId}`);
      return revokeDecision(ctx.db, params.decisionId);
    },
  );

  api.add(
    { method: 'get', path: '/:meetingId/follow-up', summary: '上次会商事项落实情况: the previous meeting’s decisions before and after, against comparable undecided topics', access: 'signed_in', params: MeetingParams, query: FollowUpQuery, response: MeetingFollowUp },
    async ({ params, query }) =>
      ctx.cache.get(`follow-up:${params.meetingId}:${JSON.stringify(query)}`, () => followUpForMeeting(ctx.db, params.meetingId, { windowDays: query.windowDays, controls: query.controls, minAppeals: query.minAppeals })),
  );

  return api;
}
