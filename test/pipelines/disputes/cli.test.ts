import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../pipelines/db/database.js';
import { listUnits, resolveUnits } from '../../../pipelines/disputes/units.js';
import { tempDir } from '../../helpers/temp-db.js';
import { buildAgendaCity, CG_E } from './agenda-fixture.js';
import { cli } from '../../helpers/cli.js';

describe('npm run pipeline -- units / agenda', () => {
  let cleanup: () => void;
  let dbPath: string;
  beforeAll(async () => {
    let dir: string;
    ({ dir, cleanup } = tempDir());
    dbPath = join(dir, 'cli.duckdb');
    const db = await Database.open(dbPath);
    await buildAgendaCity(db);
    await resolveUnits(db);
    db.close();
  });
  afterAll(() => cleanup());

  it('corrects a unit, then proposes the agenda with the corrected kind', async () => {
    const set = await cli(['units', 'set', CG_E, '--kind', '综合执法', '--json', '--db', dbPath]);
    expect(JSON.parse(set.stdout)).toEqual({ name: CG_E, kind: '综合执法', district: '东城区', origin: 'manual' });

    const text = (await cli(['agenda', '--from', '2025-03-01', '--to', '2025-03-31', '--top', '1', '--db', dbPath])).stdout;
    expect(text).toContain('1. topic 1  [topic 1]  score 0.488');
    // 东城 城管 is 综合执法 now: the flow reads 综合执法 ↔ 住建
    expect(text).toContain('return flow: 综合执法 → 住建 20; 住建 → 综合执法 5');
    expect(text).toContain('suggested lead: 住建 — kept 20 of 25 (80%)');
    expect(text).toContain('left out as settled by a decision in force: topic 4');

    const db = await Database.open(dbPath);
    try {
      // 东城 城管 received topics 1, 4, 5 (55), topic 2 (25) and topic 6 (25)
      expect(await listUnits(db, { kind: '综合执法' })).toEqual([{ name: CG_E, kind: '综合执法', district: '东城区', origin: 'manual', appeals: 105 }]);
    } finally {
      db.close();
    }
  }, 120_000);
});
