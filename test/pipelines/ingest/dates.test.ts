import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../pipelines/db/database.js';

// parse_ts (sql/macros.sql) turns export date text into TIMESTAMPTZ; expected values are UTC instants.
let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => db.close());

async function parse(text: string, tz = 'Asia/Shanghai', formats: string[] = []): Promise<string | null> {
  const rows = await db.query<{ t: Date | null }>("SELECT parse_ts($1, $2, from_json($3, '[\"VARCHAR\"]')) AS t", [text, tz, JSON.stringify(formats)]);
  return rows[0].t ? rows[0].t.toISOString() : null;
}

describe('parse_ts', () => {
  it.each([
    ['2022/5/16 8:03', '2022-05-16T00:03:00.000Z'],
    ['2022/05/16 08:03:09', '2022-05-16T00:03:09.000Z'],
    ['2022-05-16 08:03:00', '2022-05-16T00:03:00.000Z'],
    ['2022-05-16 08:03', '2022-05-16T00:03:00.000Z'],
    ['2022-05-16', '2022-05-15T16:00:00.000Z'],
    ['2022/5/16', '2022-05-15T16:00:00.000Z'],
    ['2022-05-16T08:03:00', '2022-05-16T00:03:00.000Z'],
    ['2022-05-16T08:03:00.250', '2022-05-16T00:03:00.250Z'],
    ['2022-05-16T08:03:00Z', '2022-05-16T08:03:00.000Z'],
    ['2022-05-16T08:03:00+08:00', '2022-05-16T00:03:00.000Z'],
    ['2022-05-16T08:03:00-05:00', '2022-05-16T13:03:00.000Z'],
    ['2022-05-16 08:03:00+00', '2022-05-16T08:03:00.000Z'],
    ['2022年5月16日 8时3分', '2022-05-16T00:03:00.000Z'],
    ['2022年5月16日8时3分', '2022-05-16T00:03:00.000Z'],
    ['2022年5月16日 8时3分5秒', '2022-05-16T00:03:05.000Z'],
    ['2022年05月16日', '2022-05-15T16:00:00.000Z'],
    ['2022.05.16 08:03', '2022-05-16T00:03:00.000Z'],
    ['20220516080300', '2022-05-16T00:03:00.000Z'],
    ['44697', '2022-05-15T16:00:00.000Z'],
    ['44697.5', '2022-05-16T04:00:00.000Z'],
    ['  2022-05-16 08:03:00  ', '2022-05-16T00:03:00.000Z'],
    ['2022-5-6 8:03:00', '2022-05-06T00:03:00.000Z'],
    ['2022/5/16\u00a08:03', '2022-05-16T00:03:00.000Z'],
    ['2022/5/16 8:03:09.5', '2022-05-16T00:03:09.500Z'],
  ])('%s', async (text, expected) => {
    expect(await parse(text)).toBe(expected);
  });

  it.each([['2025-13-45'], ['2022-02-30'], ['abc'], ['5/16'], ['12345678901'], ['']])('rejects %s', async (text) => {
    expect(await parse(text)).toBeNull();
  });

  it('reads local time in the zone given', async () => {
    expect(await parse('2022-05-16 08:03:00', 'America/New_York')).toBe('2022-05-16T12:03:00.000Z');
  });

  it('tries a mapping\'s own formats first (US month/day order)', async () => {
    expect(await parse('05/01/2022 12:00:03 AM', 'America/New_York', ['%m/%d/%Y %I:%M:%S %p'])).toBe('2022-05-01T04:00:03.000Z');
    expect(await parse('12/31/15 12:01', 'America/New_York', ['%m/%d/%y %H:%M'])).toBe('2015-12-31T17:01:00.000Z');
  });

  it('keeps the built-in formats when a mapping gives its own', async () => {
    expect(await parse('2022-05-16 08:03:00', 'Asia/Shanghai', ['%m/%d/%Y'])).toBe('2022-05-16T00:03:00.000Z');
  });
});

describe('ts_text', () => {
  // Row hashes hold timestamps as text: the cheap form must give exactly what a cast gives, here in
  // the session's zone, across the last daylight-saving years (1986–1991) and with fractions.
  it('gives the text a cast to VARCHAR gives', async () => {
    const rows = await db.query<{ n: number; differ: number }>(
      `SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE ts_text(t) IS DISTINCT FROM t::VARCHAR)::INTEGER AS differ
       FROM (SELECT TIMESTAMPTZ '1985-01-01 00:00:00+08' + to_microseconds(i * 7919 * 1000003) AS t FROM range(200000) r(i)
             UNION ALL SELECT TIMESTAMPTZ '1991-12-31 23:59:58+08' + to_microseconds(i * 250000) FROM range(40) r(i)
             UNION ALL SELECT NULL)`,
    );
    expect(rows[0]).toEqual({ n: 200041, differ: 0 });
  });
});
