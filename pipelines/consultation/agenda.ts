import type { Database } from '../db/database.js';
import { ConsultationError } from './errors.js';
import { evidenceWindow, loadTopicEvidence } from './evidence.js';
import { agendaItems } from './items.js';
import { maskText } from './mask.js';
import { requireMeeting, requireStatus } from './meetings.js';
import { evidenceFromProposal, type Proposal } from './proposal.js';
import { addItemInput, reorderInput, updateItemInput, validate, type AddItemInput, type ReorderInput, type UpdateItemInput } from './schemas.js';
import type { AgendaItem, TopicEvidence } from './types.js';
import { suggestUnits, syncSuggestedUnits } from './units.js';

async function draftMeeting(db: Database, meetingId: number, what: string) {
  const m = await requireMeeting(db, meetingId);
  requireStatus(m, ['draft'], what);
  return m;
}

async function requireItem(db: Database, itemId: number) {
  const row = await db.one<{ item_id: number; meeting_id: number; position: number; topic_id: number | null; title: string; notes: string | null }>('consultation/item', [itemId]);
  if (!row) throw new ConsultationError('not_found', `agenda item ${itemId} does not exist`);
  return row;
}

async function insertItem(db: Database, meetingId: number, item: { topicId: number | null; title: string; notes: string | null; origin: 'proposal' | 'manual'; evidence: TopicEvidence | null }): Promise<number> {
  const row = await db.one<{ item_id: number }>('consultation/insert_item', {
    meeting_id: meetingId,
    topic_id: item.topicId,
    title: item.title,
    notes: item.notes,
    origin: item.origin,
    evidence: item.evidence ? JSON.stringify(item.evidence) : null,
  });
  return row!.item_id;
}

const suggestedBy = (items: AgendaItem[]) => suggestUnits(items.map((i) => i.evidence));

function findItem(items: AgendaItem[], itemId: number): AgendaItem {
  return items.find((i) => i.itemId === itemId)!;
}

/**
 * Adds an item by hand at the end of a draft agenda: a topic (its evidence is loaded for the
 * meeting's window and its label is the default title) or a free-standing matter with a title.
 */
export async function addItem(db: Database, meetingId: number, input: AddItemInput): Promise<AgendaItem> {
  const it = validate(addItemInput, input);
  const meeting = await draftMeeting(db, meetingId, 'change the agenda');
  const before = await agendaItems(db, meetingId);
  let evidence: TopicEvidence | null = null;
  if (it.topicId !== undefined) {
    if (before.some((i) => i.topicId === it.topicId)) throw new ConsultationError('invalid_input', `topic ${it.topicId} is already on the agenda`);
    if (!(await db.one('consultation/topic_exists', [it.topicId]))) throw new ConsultationError('not_found', `topic ${it.topicId} does not exist`);
    evidence = (await loadTopicEvidence(db, [it.topicId], await evidenceWindow(db, meeting))).get(it.topicId) ?? null;
  }
  const title = await maskText(db, it.title ?? evidence?.label ?? '');
  const notes = await maskText(db, it.notes || null);
  const itemId = await db.transaction(async () => {
    const id = await insertItem(db, meetingId, { topicId: it.topicId ?? null, title, notes, origin: 'manual', evidence });
    await syncSuggestedUnits(db, meetingId, suggestedBy(before), await agendaItems(db, meetingId));
    return id;
  });
  return findItem(await agendaItems(db, meetingId), itemId);
}

/**
 * Appends the proposed topics (the output of the dispute scorer's `proposeAgenda`) to a draft
 * agenda with the evidence the proposal showed; topics already on the agenda are skipped.
 * Returns the items added.
 */
export async function fillFromProposal(db: Database, meetingId: number, proposal: Proposal): Promise<AgendaItem[]> {
  await draftMeeting(db, meetingId, 'change the agenda');
  const before = await agendaItems(db, meetingId);
  const present = new Set(before.map((i) => i.topicId));
  const fresh: { evidence: TopicEvidence; title: string }[] = [];
  for (const p of proposal.items) {
    if (present.has(p.topicId)) continue;
    present.add(p.topicId);
    fresh.push({ evidence: evidenceFromProposal(p, proposal.window), title: await maskText(db, p.label) });
  }
  const ids = await db.transaction(async () => {
    const added: number[] = [];
    for (const { evidence, title } of fresh)
      added.push(await insertItem(db, meetingId, { topicId: evidence.topicId, title, notes: null, origin: 'proposal', evidence }));
    await syncSuggestedUnits(db, meetingId, suggestedBy(before), await agendaItems(db, meetingId));
    return added;
  });
  const items = await agendaItems(db, meetingId);
  return ids.map((id) => findItem(items, id));
}

/** Changes an item's title or notes while its meeting is a draft. */
export async function updateItem(db: Database, itemId: number, input: UpdateItemInput): Promise<AgendaItem> {
  const patch = validate(updateItemInput, input);
  const row = await requireItem(db, itemId);
  await draftMeeting(db, row.meeting_id, 'change the agenda');
  await db.run('consultation/update_item', {
    item_id: itemId,
    title: patch.title !== undefined ? await maskText(db, patch.title) : row.title,
    notes: patch.notes !== undefined ? await maskText(db, patch.notes || null) : row.notes,
  });
  return findItem(await agendaItems(db, row.meeting_id), itemId);
}

/** Puts a draft agenda in the given order; `itemIds` must list every item exactly once. */
export async function reorderItems(db: Database, meetingId: number, input: ReorderInput): Promise<AgendaItem[]> {
  const { itemIds } = validate(reorderInput, input);
  await draftMeeting(db, meetingId, 'change the agenda');
  const current = (await agendaItems(db, meetingId)).map((i) => i.itemId);
  const same = itemIds.length === current.length && new Set(itemIds).size === itemIds.length && itemIds.every((id) => current.includes(id));
  if (!same) throw new ConsultationError('invalid_input', `give every item of meeting ${meetingId} exactly once: ${current.join(', ')}`);
  await db.transaction(async () => {
    for (const [k, id] of itemIds.entries()) await db.run('consultation/set_item_position', { item_id: id, position: k + 1 });
  });
  return agendaItems(db, meetingId);
}

/** Removes an item from a draft agenda; units invited only because of it are dropped too. */
export async function removeItem(db: Database, itemId: number): Promise<AgendaItem[]> {
  const row = await requireItem(db, itemId);
  await draftMeeting(db, row.meeting_id, 'change the agenda');
  const before = await agendaItems(db, row.meeting_id);
  await db.transaction(async () => {
    await db.run('consultation/delete_item', { item_id: itemId, meeting_id: row.meeting_id, position: row.position });
    await syncSuggestedUnits(db, row.meeting_id, suggestedBy(before), await agendaItems(db, row.meeting_id));
  });
  return agendaItems(db, row.meeting_id);
}

/** Reloads the evidence of every topic item of a draft agenda from the current data. */
export async function refreshEvidence(db: Database, meetingId: number): Promise<AgendaItem[]> {
  const meeting = await draftMeeting(db, meetingId, 'refresh the evidence');
  const items = await agendaItems(db, meetingId);
  const topicIds = items.flatMap((i) => (i.topicId === null ? [] : [i.topicId]));
  const evidence = await loadTopicEvidence(db, topicIds, await evidenceWindow(db, meeting));
  await db.transaction(async () => {
    for (const i of items) {
      if (i.topicId === null) continue;
      const e = evidence.get(i.topicId);
      await db.run('consultation/set_item_evidence', { item_id: i.itemId, evidence: e ? JSON.stringify(e) : null });
    }
    await syncSuggestedUnits(db, meetingId, suggestedBy(items), await agendaItems(db, meetingId));
  });
  return agendaItems(db, meetingId);
}
