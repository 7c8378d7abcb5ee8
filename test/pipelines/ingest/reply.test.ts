import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../pipelines/db/database.js';
import { importFile } from '../../../pipelines/ingest/index.js';
import { tempDb } from '../../helpers/temp-db.js';

let db: Database;
let dir: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ db, dir, cleanup } = await tempDb());
});
afterEach(() => cleanup());

function write(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
}

const ROWS = ['GD001,2025-05-16 08:00,楼道里电动车充电,东城区消防救援大队', 'GD002,2025-05-16 09:00,路边摊占道经营,西城区城管局'];

describe("the handling unit's reply", () => {
  it('is read from its usual headers, masked, and changes nothing for files without one', async () => {
    const first = await importFile(db, write('a.csv', ['工单编号,来电时间,诉求内容,承办单位', ...ROWS]));
    expect(first).toMatchObject({ inserted: 2 });
    // an empty reply column: the same records as before
    const empty = await importFile(db, write('b.csv', ['工单编号,来电时间,诉求内容,承办单位,办理结果', ...ROWS.map((r) => `${r},`)]));
    expect(empty).toMatchObject({ unchanged: 2, updated: 0 });
    expect(empty.mapping.fields.reply).toBe('办理结果');

    const replied = await importFile(db, write('c.csv', [
      '工单编号,来电时间,诉求内容,承办单位,答复内容',
      `${ROWS[0]},经核实，不属于我单位职责，建议由住建部门处理。联系人张先生13912345678`,
      `${ROWS[1]},`,
    ]));
    expect(replied).toMatchObject({ updated: 1, unchanged: 1 });
    const rows = await db.query<{ appeal_id: string; reply: string | null }>('SELECT appeal_id, reply FROM appeals ORDER BY appeal_id');
    expect(rows).toEqual([
      { appeal_id: 'GD001', reply: '经核实，不属于我单位职责，建议由住建部门处理。联系人[姓名][电话]' },
      { appeal_id: 'GD002', reply: null },
    ]);
  });
});
