import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../pipelines/db/database.js';
import { proposeAgenda } from '../../../pipelines/disputes/agenda.js';
import { topicScores } from '../../../pipelines/disputes/scores.js';
import { tempDb } from '../../helpers/temp-db.js';
import { CG_E, ZJ_E } from './agenda-fixture.js';
import { insertAppeals, insertTransfers, type FixtureAppeal, type FixtureTransfer } from './fixture.js';

const MARCH = { from: '2025-03-01', to: '2025-03-31' };
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Topic 7: 24 calls thanking a unit (types 表扬 / 感谢 / Praise), forwarded to the unit thanked —
 * 城管 and 住建 half and half, so its owners would look split. Topic 8: 25 complaints 城管 keeps,
 * and 5 thank-you calls forwarded to 住建. Every text says 多次反映 (a dispute cue), so each could
 * be an agenda sample.
 */
async function buildPraiseCity(db: Database): Promise<void> {
  const appeals: FixtureAppeal[] = [];
  const transfers: FixtureTransfer[] = [];
  const add = (id: string, d: number, topic: number, type: string, unit: string) => {
    const at = `2025-03-${pad(d)} 08:00`;
    appeals.push({ id, at, topic, type, content: type === '投诉' ? `夜市占道经营，多次反映${id}` : `此前多次反映的问题已解决，感谢${id}` });
    transfers.push({ id, seq: 1, from: '12345', to: unit, sent: `2025-03-${pad(d)} 08:10`, accepted: `2025-03-${pad(d)} 09:00` });
  };
  const praiseTypes = ['表扬', '感谢', 'Praise'];
  for (let i = 0; i < 24; i++) add(`p${i}`, 1 + (i % 28), 7, praiseTypes[i % 3], i % 2 ? CG_E : ZJ_E);
  for (let i = 0; i < 25; i++) add(`c${i}`, 1 + (i % 28), 8, '投诉', CG_E);
  for (let i = 0; i < 5; i++) add(`t${i}`, 1 + i, 8, '感谢', ZJ_E);
  await insertAppeals(db, appeals);
  await insertTransfers(db, transfers);
}

describe('appeals that praise or thank', () => {
  let db: Database;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await buildPraiseCity(db);
  });
  afterAll(() => cleanup());

  it('are left out of topic scores: a topic of thank-you calls is not ranked, and a mixed one counts its complaints only', async () => {
    const scores = (await topicScores(db, MARCH)).topics;
    expect(scores.map((t) => t.topicId)).toEqual([8]);
    // the 5 thanks forwarded to 住建 would have made 住建 an owner of the topic
    expect(scores[0]).toMatchObject({ volume: 25, ownerKinds: 1, mainOwnerKind: '城管', mainOwnerShare: 1, ownerEntropy: 0 });
  });

  it('are no evidence on the agenda', async () => {
    const agenda = await proposeAgenda(db, { ...MARCH, top: 5 });
    expect(agenda.items.map((i) => i.topicId)).toEqual([8]);
    expect(agenda.items[0].units.map((u) => u.unit)).toEqual([CG_E]);
    const samples = agenda.items[0].samples.map((s) => s.appealId);
    expect(samples.length).toBeGreaterThan(0);
    expect(samples.filter((id) => !id.startsWith('c'))).toEqual([]);
  });
});
