import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../pipelines/db/database.js';
import { tempDir } from '../../helpers/temp-db.js';
import { buildAgendaCity } from '../disputes/agenda-fixture.js';
import { cli } from '../../helpers/cli.js';

describe('npm run pipeline -- kpis', () => {
  let cleanup: () => void;
  let dbPath: string;
  beforeAll(async () => {
    let dir: string;
    ({ dir, cleanup } = tempDir());
    dbPath = join(dir, 'cli.duckdb');
    const db = await Database.open(dbPath);
    await buildAgendaCity(db);
    db.close();
  });
  afterAll(() => cleanup());

  it('prints the KPI set as JSON and drills down to the appeals behind a value', async () => {
    const report = JSON.parse((await cli(['kpis', '--period', 'month', '--from', '2025-03-01', '--to', '2025-03-31', '--json', '--db', dbPath])).stdout);
    const functional = report.kpis.find((k: { id: string }) => k.id === 'functional_return_rate');
    // March dispatches with an outcome: topics 1, 4 (25 each) and 5 (5): 55 functional returns + 55 accepted;
    // topic 2: 25 territorial returns + 25 accepted; topics 3 and 6: 25 accepted each → 55 / 210
    expect(functional.values).toEqual([{ period: '2025-03-01', district: null, breakdown: null, numerator: 55, denominator: 210, value: 55 / 210 }]);
    const drill = (await cli(['kpis', '--period', 'month', '--drill', 'territorial_misroute_rate', '--at', '2025-03-01', '--db', dbPath])).stdout;
    expect(drill.split('\n')[0]).toBe('territorial_misroute_rate, month from 2025-03-01: 210 rows');
    expect(drill.split('\n').filter((l) => l.startsWith('+ '))).toHaveLength(25);
  }, 120_000);
});
