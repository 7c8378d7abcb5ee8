import { z } from 'zod';
import { audit } from '../../pipelines/db/audit.js';
import type { AppContext } from '../context.js';
import { csvLine } from '../../pipelines/reports/render/csv.js';
import { ApiRouter } from '../http/route.js';
import { HttpError, notFound } from '../http/errors.js';
import { AppealDetail, AppealFilters, AppealList, AppealListRow, AppealParams, AppealsQuery } from '../schemas/appeals.js';
import type { Scope } from '../auth/user.js';

type Filters = z.output<typeof AppealFilters>;
type Row = Record<string, unknown>;

/** The named parameters every appeal filter query takes; absent filters are NULL. */
export function filterParams(f: Filters): Record<string, string | number | null> {
  return {
    q: f.q ?? null,
    platform: f.platform ?? null,
    district: f.district ?? null,
    unit: f.unit ?? null,
    topic: f.topic ?? null,
    from: f.from ?? null,
    to: f.to ?? null,
  };
}

/** A page of appeals the user may read, plus (unit heads) how many more match outside their unit. */
export async function searchAppeals(ctx: AppContext, f: Filters, scope: Scope, page: { page: number; pageSize: number; oldest?: boolean }): Promise<z.input<typeof AppealList>> {
  const params = filterParams(f);
  const rows = await ctx.db.all<Row>('server/appeals_search', {
    ...params,
    scope_unit: scope.unit,
    oldest: page.oldest ?? false,
    full: false,
    limit: page.pageSize,
    offset: (page.page - 1) * page.pageSize,
  });
  const total = await countAppeals(ctx, params, scope.unit);
  const outsideScope = scope.unit === null ? null : (await countAppeals(ctx, params, null)) - total;
  return { page: page.page, pageSize: page.pageSize, total, outsideScope, rows: rows.map(toListRow) };
}

/** Matches of a set of filters, counted once per data version (paging through them reuses it). */
function countAppeals(ctx: AppContext, params: Record<string, string | number | null>, scopeUnit: string | null): Promise<number> {
  return ctx.cache.get(`appeals-count:${JSON.stringify([params, scopeUnit])}`, async () => (await ctx.db.one<{ n: number }>('server/appeals_count', { ...params, scope_unit: scopeUnit }))!.n);
}

export function toListRow(r: Row): z.input<typeof AppealListRow> {
  return {
    platform: r.platform as string,
    appealId: r.appeal_id as string,
    receivedAt: r.received_at as string,
    district: r.district as string | null,
    channel: r.channel as string | null,
    title: r.title as string | null,
    snippet: r.snippet as string,
    handlingUnit: r.handling_unit as string | null,
    sentTo: r.sent_to as string | null,
    sentOutcome: r.sent_outcome as z.input<typeof AppealListRow>['sentOutcome'],
    status: r.status as string | null,
    topicId: r.topic_id as number | null,
    topicLabel: r.topic_label as string | null,
  };
}

const EXPORT_LIMIT = 100_000;
/** Columns of the CSV export: query column, header. */
const EXPORT_COLUMNS: [string, string][] = [
  ['platform', 'platform'], ['appeal_id', 'appeal_id'], ['received_at', 'received_at'], ['district', 'district'], ['channel', 'channel'],
  ['title', 'title'], ['snippet', 'content'], ['handling_unit', 'handling_unit'], ['status', 'status'], ['reply', 'reply'], ['topic_id', 'topic_id'], ['topic_label', 'topic_label'],
];

/** Paged appeal search, CSV export, and one appeal with its transfer chain. */
export function appealRoutes(ctx: AppContext): ApiRouter {
  const api = new ApiRouter(ctx, '/appeals', 'appeals');
  const readers = 'signed_in' as const;

  api.add(
    { method: 'get', path: '/', summary: 'Search appeals by text and fields, one page at a time', access: readers, query: AppealsQuery, response: AppealList, table: { row: AppealListRow } },
    // pages are cached per data version: many people open the same default and filtered lists
    async ({ query, scope }) => ctx.cache.json(`appeals:${JSON.stringify([query, scope.unit])}`, () => searchAppeals(ctx, query, scope, { page: query.page, pageSize: query.pageSize, oldest: query.sort === 'oldest' })),
  );

  api.add(
    {
      method: 'get', path: '/export.csv', summary: `The matching appeals (up to ${EXPORT_LIMIT.toLocaleString('en')}, masked) as CSV; every export is audit-logged`,
      access: readers, query: AppealFilters, response: z.string(), produces: ['text/csv'], lock: 'none',
    },
    async ({ query, scope, user, res }) => {
      const rows = await ctx.lock.read(() =>
        ctx.db.all<Row>('server/appeals_search', { ...filterParams(query), scope_unit: scope.unit, oldest: false, full: true, limit: EXPORT_LIMIT, offset: 0 }),
      );
      await ctx.lock.accounts(() => audit(ctx.db, { who: user.username, action: 'export', what: 'appeals.csv', details: { filters: filterParams(query), rows: rows.length } }));
      res.attachment('appeals.csv').type('text/csv; charset=utf-8');
      // the byte-order mark makes Excel read the file as UTF-8 (Chinese would be garbled otherwise)
      let out = `\uFEFF${csvLine(EXPORT_COLUMNS.map((c) => c[1]))}`;
      for (const r of rows) out += csvLine(EXPORT_COLUMNS.map((c) => r[c[0]]));
      res.send(out);
      return undefined;
    },
  );

  api.add(
    { method: 'get', path: '/:platform/:appealId', summary: 'One appeal in full with its transfer chain and dispute signals', access: readers, params: AppealParams, response: AppealDetail },
    async ({ params, scope }) => {
      const key = { platform: params.platform, appeal_id: params.appealId };
      const a = await ctx.db.one<Row>('server/appeal_get', { ...key, scope_unit: scope.unit });
      if (!a) throw notFound(`no appeal ${params.platform}/${params.appealId}`);
      if (!a.in_scope) throw new HttpError(403, 'out_of_scope', 'this appeal was not handled by your unit: you can see it in counts only');
      const transfers = await ctx.db.all<Row>('server/appeal_transfers', key);
      const s = await ctx.db.one<Row>('server/appeal_signals', key);
      return {
        appeal: {
          platform: a.platform as string,
          appealId: a.appeal_id as string,
          channel: a.channel as string | null,
          receivedAt: a.received_at as string,
          district: a.district as string | null,
          street: a.street as string | null,
          address: a.address as string | null,
          sourceCategory: a.source_category as string | null,
          appealType: a.appeal_type as string | null,
          title: a.title as string | null,
          content: a.content as string,
          isPoliceMatter: a.is_police_matter as boolean | null,
          status: a.status as string | null,
          handlingUnit: a.handling_unit as string | null,
          closedAt: a.closed_at as string | null,
          responded: a.responded as boolean | null,
          resolved: a.resolved as boolean | null,
          satisfaction: a.satisfaction as string | null,
          reply: a.reply as string | null,
          sourceFile: a.source_file as string,
          sourceRow: a.source_row as number,
        },
        topic: a.topic_id === null ? null : { topicId: a.topic_id as number, label: a.topic_label as string | null, similarity: a.topic_similarity as number },
        transfers: transfers.map((t) => ({
          seq: t.seq as number,
          fromParty: t.from_party as string,
          toParty: t.to_party as string,
          method: t.method as string,
          sentAt: t.sent_at as string,
          acceptedAt: t.accepted_at as string | null,
          acceptMinutes: t.accept_minutes as number | null,
          outcome: t.outcome as string,
          reason: t.reason as string | null,
        })),
        signals: s
          ? {
              functionalReturn: s.sig_functional_return as boolean,
              functionalReturnInReply: (s.sig_functional_return as boolean) && s.functional_returns === 0,
              redispatchKind: s.sig_redispatch_kind as boolean,
              pingPong: s.sig_ping_pong as boolean,
              threeParty: s.sig_three_party as boolean,
              noOwner: s.sig_no_owner as boolean,
              slowAccept: s.sig_slow_accept as boolean,
              manyKinds: s.sig_many_kinds as boolean,
              textCue: s.sig_text_cue ? (s.text_cue as string | null) : null,
              repeatCaller: s.sig_repeat_caller as boolean,
              repeatAddress: s.sig_repeat_address as boolean,
              count: s.signal_count as number,
              ownerUnit: s.owner_unit as string | null,
              ownerKind: s.owner_kind as string | null,
              hoursToFirstAccept: s.hours_to_first_accept as number | null,
              hoursToOwner: s.hours_to_owner as number | null,
            }
          : null,
      };
    },
  );
  return api;
}
