import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposeAgenda } from '../../../pipelines/disputes/index.js';
import { docxText, UNMASKED } from '../../helpers/docx.js';
import { Client, startServer, type Harness } from '../harness.js';

// The sample city's data run through 2025; the meeting is held after it.
const DATE = '2026-01-10';
const PHONE = '13812345678';

let h: Harness;
let officer: Client;
let leader: Client;
let head: Client;
let headUnit: string;

interface Item {
  itemId: number;
  position: number;
  topicId: number | null;
  title: string;
  origin: string;
  evidence: { samples: { platform: string; appealId: string; text: string }[]; suggestedLead: { units: string[] } | null } | null;
  decisions: { decisionId: number; leadUnit: string; normText: string; status: string }[];
}
interface Detail {
  meetingId: number;
  status: string;
  nextStatus: string | null;
  items: Item[];
  units: { unit: string; origin: string }[];
  suggestedUnits: string[];
  history: { from: string | null; to: string; by: string | null }[];
}

const body = async (res: Response) => ({ status: res.status, json: (await res.json()) as any });

beforeAll(async () => {
  h = await startServer({ data: 'sample' });
  officer = await Client.signedIn(h.base, 'officer');
  leader = await Client.signedIn(h.base, 'leader');
  // headA becomes the head of a unit that handles many of the sample city's appeals
  const facets = await officer.json('/api/facets');
  headUnit = facets.units.find((u: { appeals: number }) => u.appeals > 20).name;
  await h.app.ctx.lock.write(() => h.db.query("UPDATE users SET unit = $1 WHERE username = 'headA'", [headUnit]));
  head = await Client.signedIn(h.base, 'headA');
});
afterAll(() => h.close());

describe('a consultation meeting over HTTP, from proposal to minutes', () => {
  let meetingId = 0;
  let first: Item;

  it('creates a draft meeting and fills its agenda from the dispute proposal', async () => {
    const created = await body(await officer.post('/api/meetings', { title: '2026年第一次联席会商会议', date: DATE, convener: '市12345热线办公室' }));
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ status: 'draft', createdBy: 'officer', kind: 'regular' });
    meetingId = created.json.meetingId;

    const filled = await body(await officer.post(`/api/meetings/${meetingId}/proposal`, { top: 4 }));
    expect(filled.status).toBe(200);
    const expected = await h.app.ctx.lock.read(() => proposeAgenda(h.db, { from: filled.json.window.from, to: filled.json.window.to, top: 4 }));
    const detail = filled.json.meeting as Detail;
    expect(detail.items.map((i) => i.topicId)).toEqual(expected.items.map((p) => p.topicId));
    expect(detail.items.every((i) => i.origin === 'proposal' && i.evidence !== null)).toBe(true);
    expect(filled.json.added).toEqual(detail.items.map((i) => i.itemId));
    // the window is the 90 days of data before the meeting
    expect(filled.json.window).toEqual({ from: '2025-10-03', to: '2025-12-31' });
    // filling again adds nothing: the topics are on the agenda already
    const again = await body(await officer.post(`/api/meetings/${meetingId}/proposal`, { top: 4 }));
    expect(again.json.added).toEqual([]);
    first = detail.items[0];
  });

  it('invites the units involved in the agenda’s topics, and lets the officer edit them', async () => {
    const units = await officer.json(`/api/meetings/${meetingId}/units`);
    expect(units.suggested.length).toBeGreaterThan(3);
    expect(units.units.map((u: { unit: string }) => u.unit).sort()).toEqual([...units.suggested].sort());
    for (const lead of first.evidence!.suggestedLead!.units) expect(units.suggested).toContain(lead);

    const keep = units.suggested.slice(1);
    const set = await officer.request('PUT', `/api/meetings/${meetingId}/units`, { body: { units: [...keep, '市应急管理局'] } });
    expect(set.status).toBe(200);
    const after = await set.json();
    expect(after.units.find((u: { unit: string }) => u.unit === '市应急管理局')).toEqual({ unit: '市应急管理局', origin: 'manual' });
    expect(after.units.map((u: { unit: string }) => u.unit)).not.toContain(units.suggested[0]);
    expect(after.units.filter((u: { origin: string }) => u.origin === 'suggested')).toHaveLength(keep.length);
  });

  it('adds a matter by hand, reorders the agenda and removes an item', async () => {
    const added = await body(await officer.post(`/api/meetings/${meetingId}/items`, { title: '跨区域噪声投诉的受理分工', notes: `联系人电话${PHONE}` }));
    expect(added.status).toBe(200);
    const byHand = (added.json as Detail).items.at(-1)!;
    expect(byHand).toMatchObject({ title: '跨区域噪声投诉的受理分工', origin: 'manual', topicId: null, evidence: null });
    expect(JSON.stringify(byHand)).not.toMatch(UNMASKED);

    const ids = (added.json as Detail).items.map((i) => i.itemId);
    const reversed = [...ids].reverse();
    const reordered = await body(await officer.request('PUT', `/api/meetings/${meetingId}/order`, { body: { itemIds: reversed } }));
    expect(reordered.status).toBe(200);
    expect((reordered.json as Detail).items.map((i) => i.itemId)).toEqual(reversed);
    expect((reordered.json as Detail).items.map((i) => i.position)).toEqual(reversed.map((_, k) => k + 1));
    // an order that leaves an item out is refused with the ids to give
    const partial = await body(await officer.request('PUT', `/api/meetings/${meetingId}/order`, { body: { itemIds: reversed.slice(1) } }));
    expect(partial.status).toBe(400);
    expect(partial.json.message).toContain('exactly once');

    const renamed = await body(await officer.patch(`/api/meetings/${meetingId}/items/${byHand.itemId}`, { title: '跨区域噪声投诉受理分工' }));
    expect((renamed.json as Detail).items.find((i) => i.itemId === byHand.itemId)!.title).toBe('跨区域噪声投诉受理分工');

    const removed = await body(await officer.request('DELETE', `/api/meetings/${meetingId}/items/${byHand.itemId}`));
    expect(removed.status).toBe(200);
    expect((removed.json as Detail).items.map((i) => i.itemId)).toEqual(reversed.slice(1));
    // back to the proposal's order, keyboard-style: the first item is the most disputed topic again
    await officer.request('PUT', `/api/meetings/${meetingId}/order`, { body: { itemIds: ids.slice(0, -1) } });
    expect((await officer.json(`/api/meetings/${meetingId}`)).items[0].itemId).toBe(first.itemId);
  });

  it('moves through the statuses one step at a time (409 otherwise) and freezes the agenda once issued', async () => {
    const skip = await body(await officer.post(`/api/meetings/${meetingId}/status`, { to: 'held' }));
    expect(skip.status).toBe(409);
    expect(skip.json.message).toContain('the next status is issued');

    const decideEarly = await body(await officer.post(`/api/meetings/${meetingId}/items/${first.itemId}/decisions`, { leadUnit: '某单位', normText: '草稿阶段不能决定。' }));
    expect(decideEarly.status).toBe(409);

    const issued = await body(await officer.post(`/api/meetings/${meetingId}/status`, { to: 'issued' }));
    expect(issued.status).toBe(200);
    expect(issued.json).toMatchObject({ status: 'issued', nextStatus: 'held' });
    expect((issued.json as Detail).history.at(-1)).toMatchObject({ from: 'draft', to: 'issued', by: 'officer' });

    const late = await body(await officer.post(`/api/meetings/${meetingId}/items`, { title: '会后补充事项' }));
    expect(late.status).toBe(409);
    expect(late.json.message).toContain('is issued');
    expect((await officer.request('PUT', `/api/meetings/${meetingId}/units`, { body: { units: [] } })).status).toBe(409);
    expect((await officer.post(`/api/meetings/${meetingId}/status`, { to: 'held' })).status).toBe(200);
  });

  it('records a decision that becomes the rule route suggestion answers with, and settles the topic', async () => {
    const topicId = first.topicId!;
    const before = await officer.json('/api/topics?from=2025-10-03&to=2025-12-31&eligibleOnly=false&limit=1000');
    expect(before.topics.find((t: { topicId: number }) => t.topicId === topicId).settled).toBe(false);

    // an appeal worded like the ones the engine put in this topic
    const [typical] = await h.db.query<{ content: string; district: string }>(
      'SELECT a.content, a.district FROM appeals a JOIN appeal_topics t USING (platform, appeal_id) WHERE t.topic_id = $1 ORDER BY t.similarity DESC, a.appeal_id LIMIT 1',
      [topicId],
    );
    const ask = { text: typical.content, district: typical.district, at: DATE };
    const undecided = await body(await officer.post('/api/route-suggestion', ask));
    expect(undecided.json).toMatchObject({ reason: 'no_rule', leadUnit: null, topic: { topicId } });

    const lead = first.evidence!.suggestedLead!.units[0];
    const norm = `健身房闭店退费纠纷由${lead}牵头处置，联系人王小明，电话${PHONE}。`;
    const decided = await body(
      await officer.post(`/api/meetings/${meetingId}/items/${first.itemId}/decisions`, { leadUnit: lead, assistingUnits: ['市商务局'], normText: norm, deadlineDays: 5, scopeDistricts: [] }),
    );
    expect(decided.status).toBe(200);
    expect(decided.json).toMatchObject({ itemId: first.itemId, topicId, leadUnit: lead, assistingUnits: ['市商务局'], status: 'in_force', recordedBy: 'officer', effectiveFrom: DATE });
    expect(decided.json.normText).not.toContain(PHONE);
    expect(decided.json.normText).toContain('[电话]');

    const rules = await officer.json('/api/rules');
    expect(rules.rules.map((r: { decisionId: number; leadUnit: string }) => [r.decisionId, r.leadUnit])).toEqual([[decided.json.decisionId, lead]]);

    const routed = await body(await officer.post('/api/route-suggestion', ask));
    expect(routed.status).toBe(200);
    expect(routed.json).toMatchObject({ reason: 'rule_applies', leadUnit: lead, assistingUnits: ['市商务局'], topic: { topicId }, rule: { decisionId: decided.json.decisionId } });
    // a city-wide rule is trusted a little less than one written for the district
    expect(routed.json.confidence).toBeCloseTo(routed.json.topic.similarity * 0.9, 3);

    // the cached topic ranking is recomputed: the decided topic is settled now
    const after = await officer.json('/api/topics?from=2025-10-03&to=2025-12-31&eligibleOnly=false&limit=1000');
    expect(after.topics.find((t: { topicId: number }) => t.topicId === topicId).settled).toBe(true);
  });

  it('downloads the minutes as DOCX with the decision and no unmasked personal data', async () => {
    const res = await officer.get(`/api/documents/minutes?meetingId=${meetingId}&format=docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;.*filename\*=UTF-8''/);
    expect(decodeURIComponent(res.headers.get('content-disposition')!.split("UTF-8''")[1])).toBe('2026年第一次联席会商会议-会议纪要.docx');
    const text = await docxText(Buffer.from(await res.arrayBuffer()));
    const lead = first.evidence!.suggestedLead!.units[0];
    expect(text).toContain('2026年第一次联席会商会议纪要');
    expect(text).toContain('会议议定事项');
    expect(text).toContain(`关于${first.title}`);
    expect(text).toContain(`健身房闭店退费纠纷由${lead}牵头处置`);
    expect(text).toContain('[电话]');
    expect(text).not.toMatch(UNMASKED);
  });

  it('issues the minutes, after which the meeting is final', async () => {
    const done = await body(await officer.post(`/api/meetings/${meetingId}/status`, { to: 'minutes_issued' }));
    expect(done.json).toMatchObject({ status: 'minutes_issued', nextStatus: null });
    const again = await body(await officer.post(`/api/meetings/${meetingId}/status`, { to: 'minutes_issued' }));
    expect(again.status).toBe(409);
    expect(again.json.message).toContain('final');
    const list = await officer.json('/api/meetings');
    expect(list.meetings.find((m: { meetingId: number }) => m.meetingId === meetingId)).toMatchObject({ status: 'minutes_issued', decisions: 1 });
  });

  it('follows the decision up on the next meeting, and revokes it', async () => {
    const next = await body(await officer.post('/api/meetings', { title: '2026年第二次联席会商会议', date: '2026-04-10', kind: 'special' }));
    const f = await officer.json(`/api/meetings/${next.json.meetingId}/follow-up`);
    expect(f.previousMeeting).toMatchObject({ meetingId, date: DATE });
    expect(f.decisions).toHaveLength(1);
    // the decision took effect after the last day with data: nothing to measure yet
    expect(f.decisions[0]).toMatchObject({ status: 'too_early', decision: { leadUnit: first.evidence!.suggestedLead!.units[0] } });
    // the same, said of every decision in force, as the rules list shows it
    const outcomes = await (await Client.signedIn(h.base, 'leader')).json('/api/meetings/decisions/follow-up');
    expect(outcomes).toEqual({
      decisions: [{ decisionId: f.decisions[0].decision.decisionId, topicId: f.decisions[0].decision.topicId, outcome: 'too_early', effects: [] }],
      counts: { inForce: 1, effective: 0, worsened: 0, noChange: 0, notYet: 1 },
    });

    const decisionId = f.decisions[0].decision.decisionId;
    // only from the meeting that took it
    expect((await officer.post(`/api/meetings/${next.json.meetingId}/decisions/${decisionId}/revoke`)).status).toBe(404);
    const revoked = await body(await officer.post(`/api/meetings/${meetingId}/decisions/${decisionId}/revoke`));
    expect(revoked.json.status).toBe('revoked');
    expect((await officer.json('/api/rules')).rules).toEqual([]);
    expect((await officer.json(`/api/meetings/${next.json.meetingId}/follow-up`)).previousMeeting).toBeNull();
    expect((await officer.json('/api/meetings/decisions/follow-up')).counts.inForce).toBe(0);
    expect((await officer.post(`/api/meetings/${meetingId}/decisions/${decisionId}/revoke`)).status).toBe(409);
  });
});

describe('who may do what with meetings', () => {
  let meetingId = 0;
  beforeAll(async () => {
    const m = await officer.post('/api/meetings', { title: '权限检查会议', date: '2026-02-01' });
    meetingId = (await m.json()).meetingId;
    await officer.post(`/api/meetings/${meetingId}/proposal`, { top: 5 });
  });

  it('lets a leader read meetings but not build them', async () => {
    expect((await leader.get('/api/meetings')).status).toBe(200);
    expect((await leader.get(`/api/meetings/${meetingId}`)).status).toBe(200);
    const res = await body(await leader.post('/api/meetings', { title: '领导建的会', date: '2026-02-01' }));
    expect(res.status).toBe(403);
    expect(res.json.message).toContain('officer or admin');
    expect((await leader.post(`/api/meetings/${meetingId}/items`, { title: 'x' })).status).toBe(403);
    expect((await leader.post(`/api/meetings/${meetingId}/status`, { to: 'issued' })).status).toBe(403);
  });

  it('shows a unit head the meeting with only the samples their unit may read in full', async () => {
    const all = (await officer.json(`/api/meetings/${meetingId}`)) as Detail;
    const mine = (await head.json(`/api/meetings/${meetingId}`)) as Detail;
    expect(mine.items.map((i) => i.itemId)).toEqual(all.items.map((i) => i.itemId));
    let shown = 0;
    let hidden = 0;
    for (const [k, item] of all.items.entries()) {
      const kept = mine.items[k].evidence!.samples;
      for (const s of kept) expect((await head.get(`/api/appeals/${s.platform}/${s.appealId}`)).status).toBe(200);
      for (const s of item.evidence!.samples.filter((x) => !kept.some((y) => y.appealId === x.appealId))) {
        expect((await head.get(`/api/appeals/${s.platform}/${s.appealId}`)).status).toBe(403);
        hidden++;
      }
      shown += kept.length;
    }
    expect(hidden).toBeGreaterThan(0);
    expect(shown + hidden).toBe(all.items.reduce((n, i) => n + i.evidence!.samples.length, 0));
    expect((await head.post(`/api/meetings/${meetingId}/items`, { title: 'x' })).status).toBe(403);
  });

  it('needs the CSRF token for every change', async () => {
    const res = await body(await officer.post('/api/meetings', { title: '无令牌', date: '2026-02-01' }, { csrf: false }));
    expect(res.status).toBe(403);
    expect(res.json.error).toBe('csrf');
  });
});

describe('malformed requests', () => {
  it('answers 400 with the field and the reason', async () => {
    const bad = await body(await officer.post('/api/meetings', { title: ' ', date: '2026-13-01', kind: 'weekly' }));
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/body\.title/);
    expect(bad.json.message).toMatch(/body\.date/);
    expect(bad.json.message).toMatch(/body\.kind/);
    expect(bad.json.message).not.toMatch(/\bat\s.+\.ts:\d+/);

    const notJson = await officer.request('POST', '/api/meetings', { raw: '{"title":', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).message).toBe('the request body is not valid JSON');

    expect((await officer.get('/api/meetings/abc')).status).toBe(400);
    expect((await body(await officer.get('/api/meetings/987654'))).json).toEqual({ error: 'not_found', message: 'meeting 987654 does not exist' });
    const order = await body(await officer.request('PUT', '/api/meetings/1/order', { body: { itemIds: 'all' } }));
    expect(order.status).toBe(400);
    expect(order.json.message).toContain('body.itemIds');
  });

  it('refuses a decision whose lead unit also assists, and an item of another meeting', async () => {
    const m = (await (await officer.post('/api/meetings', { title: '校验会议', date: '2026-03-01' })).json()) as Detail;
    const withItem = (await (await officer.post(`/api/meetings/${m.meetingId}/items`, { title: '事项' })).json()) as Detail;
    await officer.post(`/api/meetings/${m.meetingId}/status`, { to: 'issued' });
    const itemId = withItem.items[0].itemId;
    const both = await body(await officer.post(`/api/meetings/${m.meetingId}/items/${itemId}/decisions`, { leadUnit: '甲局', assistingUnits: ['甲局'], normText: '甲局牵头。' }));
    expect(both.status).toBe(400);
    expect(both.json.message).toContain('cannot also be an assisting unit');
    const missing = await body(await officer.post(`/api/meetings/${m.meetingId}/items/${itemId}/decisions`, { leadUnit: '甲局' }));
    expect(missing.status).toBe(400);
    expect(missing.json.message).toContain('body.normText');
    const elsewhere = await officer.post(`/api/meetings/${m.meetingId}/items/1/decisions`, { leadUnit: '甲局', normText: '甲局牵头。' });
    expect(elsewhere.status).toBe(404);
    expect((await officer.patch(`/api/meetings/${m.meetingId}/items/1`, { title: '改' })).status).toBe(404);
  });
});
