import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startServer, UNIT_A, UNIT_B, type Harness } from '../harness.js';

let h: Harness;
let officer: Client;
beforeAll(async () => {
  h = await startServer();
  officer = await Client.signedIn(h.base, 'officer');
});
afterAll(() => h.close());

const signals = async () => (await h.db.query<{ sig_redispatch_kind: boolean; owner_kind: string }>("SELECT sig_redispatch_kind, owner_kind FROM appeal_signals WHERE appeal_id = 'GD003'"))[0];

describe('/api/units', () => {
  it('lists units with kind, district and the appeals sent to them, filtered by kind, unknown kind or name', async () => {
    const all = await officer.json('/api/units');
    expect(all.summary.units).toBe(all.total);
    expect(all.kinds).toContain('城管');
    expect(all.districts).toEqual(['东城区', '南湖区', '西城区']);
    const a = all.rows.find((u: { name: string }) => u.name === UNIT_A);
    expect(a).toEqual({ name: UNIT_A, kind: '城管', district: '东城区', origin: 'inferred', appeals: 3 });
    expect((await officer.json('/api/units?kind=住建')).rows.map((u: { name: string }) => u.name)).toEqual([UNIT_B]);
    expect((await officer.json(`/api/units?q=${encodeURIComponent('城市管理')}`)).rows.map((u: { name: string }) => u.name)).toEqual([UNIT_A]);
    const unresolved = await officer.json('/api/units?unresolved=true');
    expect(unresolved.rows.every((u: { kind: string | null }) => u.kind === null)).toBe(true);
    expect(unresolved.total).toBe(all.summary.unknownKind);
  });

  it('takes a correction by hand, keeps it, and the dispute signals follow at once', async () => {
    // GD003 went from A (城管) to B (住建): a change of kind of unit
    expect(await signals()).toEqual({ sig_redispatch_kind: true, owner_kind: '住建' });
    const res = await officer.request('PATCH', '/api/units', { body: { name: UNIT_B, kind: '城管' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ unit: { name: UNIT_B, kind: '城管', district: '西城区', origin: 'manual' } });
    // now the same kind in another district: a dispatch to the wrong district, not a dispute
    expect(await signals()).toEqual({ sig_redispatch_kind: false, owner_kind: '城管' });
    expect((await officer.json('/api/units?kind=城管')).rows.find((u: { name: string }) => u.name === UNIT_B).origin).toBe('manual');
    // cleared and set back: null clears a field
    await officer.request('PATCH', '/api/units', { body: { name: UNIT_B, kind: '住建', district: null } });
    expect(await signals()).toEqual({ sig_redispatch_kind: true, owner_kind: '住建' });
    const [row] = await h.db.query<{ district: string | null }>('SELECT district FROM units WHERE name = $1', [UNIT_B]);
    expect(row.district).toBeNull();
    const audit = await (await Client.signedIn(h.base, 'admin')).json('/api/users/audit?action=unit_update');
    expect(audit.rows[0]).toMatchObject({ who: 'officer', what: UNIT_B });
  });

  it('takes one correction for several units at once, all or none', async () => {
    const many = (body: object) => officer.request('PATCH', '/api/units/many', { body });
    // one unknown name: nothing changes
    const refused = await many({ names: [UNIT_A, '不存在的单位'], district: '南湖区' });
    expect(refused.status).toBe(404);
    expect((await refused.json()).message).toMatch(/no unit named 不存在的单位/);
    const districtOf = async (name: string) => (await h.db.query<{ district: string | null }>('SELECT district FROM units WHERE name = $1', [name]))[0].district;
    expect(await districtOf(UNIT_A)).toBe('东城区');

    const res = await many({ names: [UNIT_A, UNIT_B, UNIT_A], kind: '城管' });
    expect(res.status).toBe(200);
    expect((await res.json()).units).toEqual([
      { name: UNIT_A, kind: '城管', district: '东城区', origin: 'manual' },
      { name: UNIT_B, kind: '城管', district: (await districtOf(UNIT_B)), origin: 'manual' },
    ]);
    // the signals follow: A then B, both 城管 now
    expect((await signals()).sig_redispatch_kind).toBe(false);
    const audit = await (await Client.signedIn(h.base, 'admin')).json('/api/users/audit?action=unit_update');
    expect(audit.rows.slice(0, 2).map((r: { what: string }) => r.what).sort()).toEqual([UNIT_A, UNIT_B].sort());
    await officer.request('PATCH', '/api/units', { body: { name: UNIT_B, kind: '住建' } });
    expect((await signals()).sig_redispatch_kind).toBe(true);

    for (const [body, message] of [[{ names: [UNIT_A] }, /say a kind, a district or both/], [{ names: [], kind: '城管' }, /body\.names/], [{ names: [UNIT_A], kind: '魔法部' }, /not a kind/]] as const) {
      const bad = await many(body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect((await bad.json()).message).toMatch(message);
    }
    expect((await (await Client.signedIn(h.base, 'leader')).request('PATCH', '/api/units/many', { body: { names: [UNIT_A], kind: '城管' } })).status).toBe(403);
  });

  it('refuses unknown units, kinds and districts, and roles that do not prepare meetings', async () => {
    const cases: [object, number, RegExp][] = [
      [{ name: '不存在的单位', kind: '城管' }, 404, /no unit named/],
      [{ name: UNIT_A, kind: '魔法部' }, 400, /body\.kind: 魔法部 is not a kind/],
      [{ name: UNIT_A, district: '火星区' }, 400, /body\.district/],
      [{ kind: '城管' }, 400, /body\.name/],
    ];
    for (const [body, status, message] of cases) {
      const res = await officer.request('PATCH', '/api/units', { body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect((await res.json()).message).toMatch(message);
    }
    for (const who of ['leader', 'headA'] as const) {
      const c = await Client.signedIn(h.base, who);
      expect((await c.get('/api/units')).status).toBe(403);
      expect((await c.request('PATCH', '/api/units', { body: { name: UNIT_A, kind: '城管' } })).status).toBe(403);
    }
  });
});
