import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../pipelines/db/database.js';
import { cutOff, importFile, keptVersions, prunePlan, pruneReplaced, undoImport, undoPlan } from '../../../pipelines/ingest/index.js';
import { tempDb } from '../../helpers/temp-db.js';

let db: Database;
let dir: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ db, dir, cleanup } = await tempDb());
});
afterEach(() => cleanup());

const HEADER = '工单编号,来电时间,所属区县,诉求内容,承办单位,工单状态';
const row = (id: string, status: string) => `${id},2025-05-16 08:00,东城区,楼道里电动车充电,东城区消防救援大队,${status}`;
const T_HEAD = '工单编号,流转序号,流转时间,派出单位,接收单位,流转方式,签收时间';
const T_SENT = 'GD001,1,2025-05-16 08:05:00,12345,东城区消防救援大队,派单,';
const T_ACCEPTED = 'GD001,1,2025-05-16 08:05:00,12345,东城区消防救援大队,派单,2025-05-16 09:00:00';

function write(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
}

/** Moves an import's start `days` days back, as if it had run then. */
async function age(importId: number, days: number) {
  await db.query(`UPDATE import_runs SET started_at = started_at - INTERVAL (${days}) DAY WHERE import_id = $1`, [importId]);
}

/** Three exports of the same two work orders, each later one with a changed status, plus transfers. */
async function history() {
  const first = await importFile(db, write('day1.csv', [HEADER, row('GD001', '待签收'), row('GD002', '待签收')]));
  const second = await importFile(db, write('day2.csv', [HEADER, row('GD001', '办理中'), row('GD002', '办理中')]));
  const sent = await importFile(db, write('t1.csv', [T_HEAD, T_SENT]));
  const accepted = await importFile(db, write('t2.csv', [T_HEAD, T_ACCEPTED]));
  const third = await importFile(db, write('day3.csv', [HEADER, row('GD001', '已办结'), row('GD002', '办理中')]));
  for (const [run, days] of [[first, 120], [second, 100], [sent, 95], [accepted, 95], [third, 10]] as const) await age(run.importId, days);
  return { first, second, sent, accepted, third };
}

describe('clearing the earlier versions kept to undo imports', () => {
  it('says what is kept and what clearing before a day would take, and takes exactly that', async () => {
    const { first, second, sent, accepted, third } = await history();
    // day2 replaced both of day1's rows, t2 the sent transfer, day3 one of day2's rows
    expect(await keptVersions(db)).toMatchObject({ appeals: 3, transfers: 1, imports: 3, lastPrune: null });

    const before = cutOff(90);
    const plan = await prunePlan(db, before);
    expect(plan).toEqual({ before: before.toISOString(), upTo: accepted.importId, imports: 4, appeals: 2, transfers: 1 });

    expect(await pruneReplaced(db, before, 'admin')).toEqual({ ...plan, pruned: true });
    const kept = await keptVersions(db);
    expect(kept).toMatchObject({ appeals: 1, transfers: 0, imports: 1, lastPrune: { by: 'admin', upTo: accepted.importId } });
    expect((await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM appeals_replaced WHERE replaced_by = $1', [third.importId]))[0].n).toBe(1);

    // the imports it covered cannot be undone any more, and say why
    for (const run of [first, second, sent, accepted]) {
      expect((await undoPlan(db, run.importId)).blocked).toEqual({ code: 'pruned', at: kept.lastPrune!.at, by: 'admin', upTo: accepted.importId });
      await expect(undoImport(db, run.importId, 'admin')).rejects.toThrow(/were cleared/);
    }
    // the newer one still can, and gets its version back
    expect(await undoImport(db, third.importId, 'admin')).toMatchObject({ removed: 0, restored: 1 });
    expect(await db.query('SELECT appeal_id, status FROM appeals ORDER BY appeal_id')).toEqual([
      { appeal_id: 'GD001', status: '办理中' },
      { appeal_id: 'GD002', status: '办理中' },
    ]);
  });

  it('does nothing, and records nothing, when nothing is older than the cut-off or it was cleared already', async () => {
    await history();
    expect(await pruneReplaced(db, cutOff(200), 'admin')).toMatchObject({ upTo: null, pruned: false });
    expect(await pruneReplaced(db, cutOff(90), 'admin')).toMatchObject({ pruned: true });
    const again = await pruneReplaced(db, cutOff(90), 'someone else');
    expect(again).toMatchObject({ imports: 0, appeals: 0, transfers: 0, pruned: false });
    expect(await db.query('SELECT pruned_by FROM replaced_prunes')).toEqual([{ pruned_by: 'admin' }]);
  });

  it('counts an import a later clearing covers again only once, and keeps every row when the clearing fails part way', async () => {
    const { third } = await history();
    await pruneReplaced(db, cutOff(90), 'admin');
    const plan = await prunePlan(db, cutOff(0));
    expect(plan).toMatchObject({ upTo: third.importId, imports: 1, appeals: 1 });
    // a clearing is one transaction: a failure inside it leaves every kept row
    await expect(
      db.transaction(async () => {
        await db.run('ingest/replaced_prune', { up_to: third.importId, by: 'admin' });
        throw new Error('stopped');
      }),
    ).rejects.toThrow('stopped');
    expect((await keptVersions(db)).appeals).toBe(1);
  });
});
