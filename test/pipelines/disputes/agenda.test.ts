import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../pipelines/db/database.js';
import { pickSamples, proposeAgenda, type Agenda, type SampleCandidate } from '../../../pipelines/disputes/agenda.js';
import { tempDb } from '../../helpers/temp-db.js';
import { buildAgendaCity, CG_E, ZJ_E } from './agenda-fixture.js';

const MARCH = { from: '2025-03-01', to: '2025-03-31' };

describe('agenda proposal', () => {
  let db: Database;
  let cleanup: () => void;
  let agenda: Agenda;
  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await buildAgendaCity(db);
    agenda = await proposeAgenda(db, { ...MARCH, top: 2 });
  });
  afterAll(() => cleanup());

  it('proposes the disputed topic first and leaves out the settled and the too-small ones', () => {
    // eligible (≥ 20 appeals): 1, 2, 3, 4, 6; 4 is settled; 2, 3 and 6 tie on the volume part alone
    expect(agenda.items.map((i) => i.topicId)).toEqual([1, 2]);
    expect(agenda.settledExcluded.map((t) => t.topicId)).toEqual([4]);
    expect(agenda.items.map((i) => i.rank)).toEqual([1, 2]);
  });

  it('shows the weekly trend, with empty weeks', () => {
    // days 1–25 of March; weeks start on Monday 24 Feb: 1–2 Mar, 3–9, 10–16, 17–23, 24–25, and 31 Mar
    expect(agenda.items[0].trend).toEqual([
      { week: '2025-02-24', appeals: 2 },
      { week: '2025-03-03', appeals: 7 },
      { week: '2025-03-10', appeals: 7 },
      { week: '2025-03-17', appeals: 7 },
      { week: '2025-03-24', appeals: 2 },
      { week: '2025-03-31', appeals: 0 },
    ]);
  });

  it('lists the units involved and the return flow between them', () => {
    const [first] = agenda.items;
    expect(first.units).toEqual([
      // ties on received are listed by name (code-point order: 住 before 城)
      { unit: ZJ_E, kind: '住建', district: '东城区', received: 25, returned: 5, functionalReturns: 5, territorialReturns: 0, kept: 20 },
      { unit: CG_E, kind: '城管', district: '东城区', received: 25, returned: 20, functionalReturns: 20, territorialReturns: 0, kept: 5 },
    ]);
    expect(first.returnFlow).toEqual([
      { fromKind: '城管', toKind: '住建', returns: 20, functional: 20, territorial: 0, unclear: 0 },
      { fromKind: '住建', toKind: '城管', returns: 5, functional: 5, territorial: 0, unclear: 0 },
    ]);
    // the clear-owner topic's returns are all misroutes between two 城管 offices
    expect(agenda.items[1].returnFlow).toEqual([{ fromKind: '城管', toKind: '城管', returns: 25, functional: 0, territorial: 25, unclear: 0 }]);
  });

  it('suggests the kind that kept the appeals without returning them, with evidence', () => {
    // 住建 owned 20 of 25 and returned the other 5 it was sent; 城管 owned 5, returned 20
    expect(agenda.items[0].lead).toEqual({
      kind: '住建',
      keptClean: 20,
      share: 0.8,
      sent: 25,
      returned: 5,
      returnRate: 0.2,
      units: [ZJ_E],
      runnerUp: { kind: '城管', keptClean: 5, share: 0.2 },
    });
  });

  it('gives 3–5 masked samples that carry dispute signals, the text cue first', () => {
    const samples = agenda.items[0].samples;
    expect(samples).toHaveLength(5);
    for (const s of samples) expect(s.signals.length).toBeGreaterThan(0);
    expect(samples[0].signals).toContain('text_cue');
    expect(new Set(samples.map((s) => s.content)).size).toBe(5);
    // topic 2 raises no dispute signal: no samples to show
    expect(agenda.items[1].samples).toEqual([]);
  });

  it('returns no items when every topic is settled', async () => {
    await db.query(
      `INSERT INTO decisions (item_id, topic_id, lead_unit, norm_text, effective_from)
       SELECT 1, topic_id, 'x', 'y', DATE '2025-01-01' FROM topics WHERE topic_id <> 4`,
    );
    const none = await proposeAgenda(db, MARCH);
    expect(none.items).toEqual([]);
    // a revoked decision does not settle a topic
    await db.query("UPDATE decisions SET status = 'revoked' WHERE topic_id = 1");
    expect((await proposeAgenda(db, MARCH)).items.map((i) => i.topicId)).toEqual([1]);
  });
});

describe('sample picking', () => {
  const c = (id: string, content: string, signals: string[]): SampleCandidate => ({
    topic_id: 1, platform: '12345', appeal_id: id, received_at: '2025-03-01 08:00', district: null, title: null, content, signal_count: signals.length, text_cue: null, signals,
  });

  it('prefers appeals that show a signal not yet shown and skips repeated texts', () => {
    const picked = pickSamples(
      [c('a', 'x', ['functional_return']), c('b', 'x', ['ping_pong']), c('c', 'y', ['functional_return']), c('d', 'z', ['three_party']), c('e', 'w', ['functional_return'])],
      3,
    );
    // a first (closest); b repeats a's text; d adds three_party; then c (closest left, nothing new)
    expect(picked.map((p) => p.appeal_id)).toEqual(['a', 'd', 'c']);
  });
});
