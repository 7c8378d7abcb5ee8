import { audit } from '../../pipelines/db/audit.js';
import { getUnit, listUnits, setUnit, unitSummary } from '../../pipelines/disputes/units.js';
import { unitKindRules } from '../../pipelines/disputes/rules.js';
import type { AppContext } from '../context.js';
import { refreshDerived } from '../derived.js';
import { badRequest, notFound } from '../http/errors.js';
import { ApiRouter } from '../http/route.js';
import { SetUnitBody, SetUnitResult, SetUnitsBody, SetUnitsResult, UnitList, UnitsQuery } from '../schemas/units.js';

/** The kinds the shipped unit-kind rules give, in their order: what a correction may choose. */
const KINDS = [...new Set(unitKindRules().map((r) => r.kind))];

/**
 * Handling units with the kind and district dispute detection reads them by (a return to another
 * kind is functional, to the same kind elsewhere territorial), and corrections by hand, which
 * resolution never overrides. A correction rebuilds the signals it changes at once.
 */
export function unitRoutes(ctx: AppContext): ApiRouter {
  const api = new ApiRouter(ctx, '/units', 'units');
  const editors = ['officer', 'admin'] as const;
  const districts = async () => (await ctx.db.all<{ district: string }>('disputes/unit_districts')).map((r) => r.district);

  api.add({ method: 'get', path: '/', summary: 'Units with kind, district, origin and appeals sent to them; filters by kind, unknown kind or name', access: editors, query: UnitsQuery, response: UnitList }, async ({ query }) => {
    const all = await listUnits(ctx.db, { kind: query.kind, unresolved: query.unresolved });
    const rows = query.q ? all.filter((u) => u.name.includes(query.q!)) : all;
    return {
      summary: await unitSummary(ctx.db),
      kinds: KINDS,
      districts: await districts(),
      total: rows.length,
      rows: rows.slice((query.page - 1) * query.pageSize, query.page * query.pageSize),
    };
  });

  const checkChange = async (change: { kind?: string | null; district?: string | null }) => {
    if (change.kind != null && !KINDS.includes(change.kind)) throw badRequest(`body.kind: ${change.kind} is not a kind of unit (${KINDS.join(', ')})`);
    if (change.district != null && !(await districts()).includes(change.district)) throw badRequest(`body.district: ${change.district} is not a district the data names`);
  };

  /** Sets each unit as `change` says, in one transaction, then rebuilds the signals once; each unit audit-logged. */
  const correct = async (names: string[], change: { kind?: string | null; district?: string | null }, who: string) => {
    const before = await Promise.all(names.map((name) => getUnit(ctx.db, name)));
    const missing = names.filter((_, i) => !before[i]);
    if (missing.length) throw notFound(`there is no unit named ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` (and ${missing.length - 5} more)` : ''}`);
    await checkChange(change);
    const units = await ctx.db.transaction(async () => {
      const out = [];
      for (const name of names) out.push(await setUnit(ctx.db, name, change));
      return out;
    });
    await refreshDerived(ctx.db);
    for (const [i, unit] of units.entries()) {
      const b = before[i]!;
      await audit(ctx.db, { who, action: 'unit_update', what: unit.name, details: { before: { kind: b.kind, district: b.district }, after: { kind: unit.kind, district: unit.district } } });
    }
    return units;
  };

  api.add(
    { method: 'patch', path: '/', summary: "Correct a unit's kind and/or district by hand (kept across re-resolution); the dispute signals follow at once; audit-logged", access: editors, body: SetUnitBody, response: SetUnitResult },
    async ({ body, user }) => ({ unit: (await correct([body.name], { kind: body.kind, district: body.district }, user.username))[0] }),
  );

  api.add(
    {
      method: 'patch', path: '/many', summary: 'The same correction for several units at once (all or none); the dispute signals follow once; each unit audit-logged',
      access: editors, body: SetUnitsBody, response: SetUnitsResult,
    },
    async ({ body, user }) => ({ units: await correct([...new Set(body.names)], { kind: body.kind, district: body.district }, user.username) }),
  );
  return api;
}
