import { audit } from '../../pipelines/db/audit.js';
import { getUnit, listUnits, setUnit, unitSummary } from '../../pipelines/disputes/units.js';
import { unitKindRules } from '../../pipelines/disputes/rules.js';
import type { AppContext } from '../context.js';
import { refreshDerived } from '../derived.js';
import { badRequest, notFound } from '../http/errors.js';
import { ApiRouter } from '../http/route.js';
import { SetUnitBody, SetUnitResult, UnitList, UnitsQuery } from '../schemas/units.js';

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

  api.add(
    { method: 'patch', path: '/', summary: "Correct a unit's kind and/or district by hand (kept across re-resolution); the dispute signals follow at once; audit-logged", access: editors, body: SetUnitBody, response: SetUnitResult },
    async ({ body, user }) => {
      const before = await getUnit(ctx.db, body.name);
      if (!before) throw notFound(`there is no unit named ${body.name}`);
      if (body.kind != null && !KINDS.includes(body.kind)) throw badRequest(`body.kind: ${body.kind} is not a kind of unit (${KINDS.join(', ')})`);
      if (body.district != null && !(await districts()).includes(body.district)) throw badRequest(`body.district: ${body.district} is not a district the data names`);
      const unit = await setUnit(ctx.db, body.name, { kind: body.kind, district: body.district });
      await refreshDerived(ctx.db);
      await audit(ctx.db, { who: user.username, action: 'unit_update', what: body.name, details: { before: { kind: before.kind, district: before.district }, after: { kind: unit.kind, district: unit.district } } });
      return { unit };
    },
  );
  return api;
}
