import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../pipelines/db/database.js';
import { importFile, undoImport, undoPlan } from '../../../pipelines/ingest/index.js';
import { tempDb } from '../../helpers/temp-db.js';

let db: Database;
let dir: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ db, dir, cleanup } = await tempDb());
});
afterEach(() => cleanup());

const HEADER = '工单编号,来电时间,所属区县,诉求内容,承办单位,工单状态';
const A1 = 'GD001,2025-05-16 08:00,东城区,楼道里电动车充电,东城区消防救援大队,办理中';
const A2 = 'GD002,2025-05-16 09:00,西城区,路边摊占道经营,西城区城管局,办理中';
const A2_CLOSED = 'GD002,2025-05-16 09:00,西城区,路边摊占道经营,西城区城管局,已办结';
const A3 = 'GD003,2025-05-17 10:00,南湖区,广场舞噪音扰民,南湖区公安分局,已办结';

const T_HEAD = '工单编号,流转序号,流转时间,派出单位,接收单位,流转方式,签收时间';
const T_SENT = 'GD001,1,2025-05-16 08:05:00,12345,东城区消防救援大队,派单,';
const T_ACCEPTED = 'GD001,1,2025-05-16 08:05:00,12345,东城区消防救援大队,派单,2025-05-16 09:00:00';

function write(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
}

/** Everything an import changes, as it is stored. */
async function state(): Promise<unknown> {
  return {
    appeals: await db.query('SELECT * FROM appeals ORDER BY appeal_id'),
    transfers: await db.query('SELECT * FROM transfers ORDER BY appeal_id, seq'),
    appealVersions: await db.query('SELECT * FROM appeal_versions ORDER BY ALL'),
    transferVersions: await db.query('SELECT * FROM transfer_versions ORDER BY ALL'),
  };
}

describe('undoImport', () => {
  it('takes the newest import back: added records leave, updated ones are as before, the file can be loaded again', async () => {
    await importFile(db, write('first.csv', [HEADER, A1, A2]));
    const before = await state();
    const second = await importFile(db, write('second.csv', [HEADER, A1, A2_CLOSED, A3]));
    expect(second).toMatchObject({ inserted: 1, updated: 1, unchanged: 1 });

    expect(await undoPlan(db, second.importId)).toEqual({ importId: second.importId, sourceFile: 'second.csv', blocked: null, removes: 1, restores: 1, laterUnchanged: [] });
    expect(await undoImport(db, second.importId, 'officer')).toEqual({ importId: second.importId, sourceFile: 'second.csv', removed: 1, restored: 1 });

    // every row as it was before, load times included
    expect(await state()).toEqual(before);
    const [run] = await db.query<{ status: string; undone_by: string; undone: boolean }>(
      'SELECT status, undone_by, undone_at IS NOT NULL AS undone FROM import_runs JOIN import_undos USING (import_id) WHERE import_id = $1',
      [second.importId],
    );
    expect(run).toEqual({ status: 'undone', undone_by: 'officer', undone: true });
    // the signals follow the appeals that are left
    expect((await db.query<{ ids: string[] }>('SELECT list(appeal_id ORDER BY appeal_id) AS ids FROM appeal_signals'))[0].ids).toEqual(['GD001', 'GD002']);

    // the same file loads again, as the first time
    expect(await importFile(db, write('second.csv', [HEADER, A1, A2_CLOSED, A3]))).toMatchObject({ inserted: 1, updated: 1, unchanged: 1 });
  });

  it('restores transfers an import replaced', async () => {
    const sent = await importFile(db, write('t1.csv', [T_HEAD, T_SENT]));
    const before = await state();
    const accepted = await importFile(db, write('t2.csv', [T_HEAD, T_ACCEPTED]));
    expect(accepted).toMatchObject({ kind: 'transfers', updated: 1 });
    // the later import changed the transfer the first one wrote: it goes first
    expect((await undoPlan(db, sent.importId)).blocked).toEqual({ code: 'later_import', importId: accepted.importId, sourceFile: 't2.csv' });
    expect(await undoImport(db, accepted.importId, 'officer')).toMatchObject({ removed: 0, restored: 1 });
    expect(await state()).toEqual(before);
  });

  it('waits for later imports that changed its records, not for those of other records; undoes once', async () => {
    const first = await importFile(db, write('first.csv', [HEADER, A2]));
    const second = await importFile(db, write('second.csv', [HEADER, A1]));
    // an import that changed nothing does not stand in the way, but may have held the same records
    const again = await importFile(db, write('again.csv', [HEADER, A2]));
    expect(await undoPlan(db, first.importId)).toEqual({
      importId: first.importId, sourceFile: 'first.csv', blocked: null, removes: 1, restores: 0,
      laterUnchanged: [{ importId: again.importId, sourceFile: 'again.csv' }],
    });

    // a later import that updated a record the first one wrote must go first
    const closed = await importFile(db, write('closed.csv', [HEADER, A2_CLOSED]));
    expect((await undoPlan(db, first.importId)).blocked).toEqual({ code: 'later_import', importId: closed.importId, sourceFile: 'closed.csv' });
    await expect(undoImport(db, first.importId, 'officer')).rejects.toThrow(`import #${closed.importId} (closed.csv) came later and changed records this import wrote: undo it first`);
    expect((await undoPlan(db, second.importId)).blocked).toBeNull();

    // the earlier import goes while a later one of other records stays
    await undoImport(db, closed.importId, 'officer');
    await undoImport(db, first.importId, 'officer');
    expect(await db.query('SELECT appeal_id, status, import_id FROM appeals ORDER BY 1')).toEqual([{ appeal_id: 'GD001', status: '办理中', import_id: second.importId }]);
    await expect(undoImport(db, first.importId, 'officer')).rejects.toThrow(/was undone already \(.* by officer\)/);
    await undoImport(db, second.importId, 'officer');
    expect(await db.query('SELECT count(*)::INTEGER AS n FROM appeals')).toEqual([{ n: 0 }]);

    await expect(importFile(db, write('bad.csv', ['a,b', '1,2']))).rejects.toThrow();
    const failed = (await db.query<{ id: number }>("SELECT max(import_id) AS id FROM import_runs WHERE status = 'failed'"))[0].id;
    expect((await undoPlan(db, failed)).blocked).toEqual({ code: 'failed' });
    await expect(undoPlan(db, 999)).rejects.toThrow('there is no import #999');

    // an update made before imports kept the rows they replaced cannot be taken back
    await importFile(db, write('first.csv', [HEADER, A2]));
    const update = await importFile(db, write('closed.csv', [HEADER, A2_CLOSED]));
    await db.query('UPDATE import_runs SET keeps_replaced = false WHERE import_id = $1', [update.importId]);
    expect((await undoPlan(db, update.importId)).blocked).toEqual({ code: 'no_earlier_rows' });
  });

  it('drops the topic places of the records that leave, and keeps those of restored ones', async () => {
    await importFile(db, write('first.csv', [HEADER, A1, A2]));
    const second = await importFile(db, write('second.csv', [HEADER, A2_CLOSED, A3]));
    await db.query("INSERT INTO topics (topic_id, label, size) VALUES (1, '占道经营', 2), (2, '噪音', 1)");
    await db.query("INSERT INTO appeal_topics VALUES ('12345', 'GD002', 1, 0.8), ('12345', 'GD003', 2, 0.7)");
    await db.query("INSERT INTO topic_examples VALUES (2, 1, '12345', 'GD003', 0.7)");

    await undoImport(db, second.importId, 'officer');
    expect(await db.query('SELECT appeal_id, topic_id FROM appeal_topics')).toEqual([{ appeal_id: 'GD002', topic_id: 1 }]);
    expect(await db.query('SELECT topic_id, size FROM topics ORDER BY 1')).toEqual([{ topic_id: 1, size: 2 }, { topic_id: 2, size: 0 }]);
    expect(await db.query('SELECT count(*)::INTEGER AS n FROM topic_examples')).toEqual([{ n: 0 }]);
  });

  it('changes nothing when it fails part way', async () => {
    await importFile(db, write('first.csv', [HEADER, A1, A2]));
    const second = await importFile(db, write('second.csv', [HEADER, A2_CLOSED, A3]));
    const before = await state();
    await db.query('ALTER TABLE topic_examples RENAME TO topic_examples_gone');
    await expect(undoImport(db, second.importId, 'officer')).rejects.toThrow(/topic_examples/);
    expect(await state()).toEqual(before);
    expect(await db.query('SELECT status FROM import_runs WHERE import_id = $1', [second.importId])).toEqual([{ status: 'done' }]);
  });
});
