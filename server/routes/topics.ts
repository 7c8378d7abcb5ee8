import type { z } from 'zod';
import { loadTopicEvidence } from '../../pipelines/consultation/index.js';
import { topicScores, type TopicScore, type TopicScores } from '../../pipelines/disputes/index.js';
import { markNoise, mergeTopics, promoteOutliers, renameTopic, restoreTopic, searchOutliers, splitTopic, topicDetail, TopicError } from '../../pipelines/topics/index.js';
import { audit } from '../../pipelines/db/audit.js';
import type { JsonText } from '../cache.js';
import type { AppContext } from '../context.js';
import { ApiRouter } from '../http/route.js';
import { badRequest, HttpError, notFound } from '../http/errors.js';
import { readable } from '../readable.js';
import { refreshDerived } from '../derived.js';
import { TopicRuns } from '../topics/run-job.js';
import { localMinute } from '../time.js';
import {
  CurationResult, CurrentTopicRun, LastTopicRun, MergeBody, OutlierList, OutlierRow, OutliersQuery, PromoteBody, RenameBody, TopicPage, TopicParams, TopicRank, TopicRanking, TopicRunJob, TopicWindowQuery, TopicsQuery,
} from '../schemas/topics.js';

type WindowOpts = { from?: string; to?: string; district?: string };

/** Dispute scores of every topic over a window, once per data version. */
function scores(ctx: AppContext, w: WindowOpts): Promise<TopicScores> {
  const opts = { from: w.from, to: w.to, district: w.district };
  return ctx.cache.get(`topic-scores:${JSON.stringify(opts)}`, () => topicScores(ctx.db, opts));
}

/** Places in the ranking: eligible topics (enough appeals to judge) numbered by score; the rest unranked. */
function ranks(s: TopicScores): Map<number, number> {
  const out = new Map<number, number>();
  for (const t of s.topics) if (t.eligible) out.set(t.topicId, out.size + 1);
  return out;
}

function toRank(t: TopicScore, rank: number | null, matching: number): z.input<typeof TopicRank> {
  return {
    rank,
    topicId: t.topicId,
    label: t.label,
    status: t.status,
    settled: t.settled,
    eligible: t.eligible,
    volume: t.volume,
    matching,
    score: t.score,
    parts: t.parts.map((p) => ({ part: p.part, value: p.value, weight: p.weight, contribution: p.contribution, numerator: p.numerator ?? null, denominator: p.denominator ?? null })),
    growth: { current: t.growth.current, reference: t.growth.reference, ratio: t.growth.ratio, z: t.growth.z, p: t.growth.p },
    emerging: t.emerging.flag,
    disputeShare: t.disputeShare,
    returnRate: t.returnRate,
    functionalReturnRate: t.functionalReturnRate,
    ownerEntropy: t.ownerEntropy,
    mainOwnerKind: t.mainOwnerKind,
    mainOwnerShare: t.mainOwnerShare,
    hoursToOwnerMedian: t.hoursToOwner.median,
    repeatRate: t.repeatRate,
    dissatisfaction: t.dissatisfaction,
  };
}

/** Everything the topic page shows, before the samples are filtered for the reader. */
async function topicPage(ctx: AppContext, id: number, query: WindowOpts): Promise<z.input<typeof TopicPage>> {
  const detail = await topicDetail(ctx.db, id);
  if (!detail) throw notFound(`no topic ${id}`);
  const s = await scores(ctx, query);
  const index = s.topics.findIndex((t) => t.topicId === id);
  const evidence = (await loadTopicEvidence(ctx.db, [id], { from: s.window.from, to: s.window.to })).get(id);
  const samples = evidence?.samples.length
    ? evidence.samples.map((x) => ({ platform: x.platform, appealId: x.appealId, receivedAt: x.receivedAt, district: x.district, title: null, text: x.text }))
    : detail.examples.map((x) => ({ platform: x.platform, appealId: x.appealId, receivedAt: localMinute(x.receivedAt), district: x.district, title: x.title, text: x.content }));
  const lead = evidence?.suggestedLead;
  const praise = (await ctx.db.one<{ n: number }>('server/topic_praise', { topic: id, from: s.window.from, to: s.window.to }))!;
  return {
    topicId: detail.topicId,
    label: detail.label,
    autoLabel: detail.autoLabel,
    labelSource: detail.labelSource,
    status: detail.status,
    size: detail.size,
    parentTopic: detail.parentTopic,
    mergedInto: detail.mergedInto,
    terms: detail.distinctiveTerms.map((t) => ({ term: t.term, weight: t.weight, share: t.share })),
    monthly: detail.monthly,
    window: { from: s.window.from, to: s.window.to },
    rank: index >= 0 ? toRank(s.topics[index], ranks(s).get(id) ?? null, s.topics[index].volume) : null,
    praiseInWindow: praise.n,
    trend: evidence?.trend ?? [],
    units: (evidence?.units ?? []).map((u) => ({ unit: u.unit, kind: u.kind, received: u.received, returned: u.returned, kept: u.kept })),
    returnFlow: (evidence?.returnFlow ?? []).map((f) => ({ from: f.from, to: f.to, count: f.count })),
    returnReasons: evidence?.returnReasons ?? [],
    suggestedLead: lead ? { unit: lead.unit, kind: lead.kind, share: lead.share, kept: lead.kept, returned: lead.returned } : null,
    samples,
    lineage: detail.lineage.map((l) => ({ kind: l.kind, fromTopic: l.fromTopic, fromLabel: l.fromLabel, toTopic: l.toTopic, toLabel: l.toLabel, share: l.share, source: l.source, at: localMinute(l.at) })),
    curations: detail.curations.map((c) => ({ action: c.action, args: c.args, at: localMinute(c.at), by: c.by })),
  };
}

/** The topic ranking as the route sends it, serialised once per data version and query. */
export function rankingAnswer(ctx: AppContext, query: z.output<typeof TopicsQuery>): Promise<JsonText> {
  return ctx.cache.json(`topics:${JSON.stringify(query)}`, async (): Promise<z.input<typeof TopicRanking>> => {
    const s = await scores(ctx, query);
    let matching: Map<number, number> | null = null;
    if (query.platform || query.unit) {
      const rows = await ctx.db.all<{ topic_id: number; appeals: number }>('server/topics_matching', {
        from: s.window.from, to: s.window.to, district: query.district ?? null, platform: query.platform ?? null, unit: query.unit ?? null,
      });
      matching = new Map(rows.map((r) => [r.topic_id, r.appeals]));
    }
    const needle = query.q?.toLowerCase();
    const places = ranks(s);
    const topics = s.topics
      .map((t) => toRank(t, places.get(t.topicId) ?? null, matching ? (matching.get(t.topicId) ?? 0) : t.volume))
      .filter((t) => (!query.eligibleOnly || t.eligible) && t.matching > 0 && (!needle || t.label.toLowerCase().includes(needle)))
      .slice(0, query.limit);
    return {
      window: { from: s.window.from, to: s.window.to, days: s.window.days, prevFrom: s.window.prevFrom },
      district: s.district,
      totals: { current: s.totals.current, previous: s.totals.previous },
      topics,
    };
  });
}

/**
 * Runs a curation, then brings the dispute signals and KPI rollups up to date in the same write: a
 * curation moves appeals between topics, and otherwise the next reader would have to rebuild them,
 * waiting as a write behind any import. A curation the topic engine refused is the user's to fix:
 * 409 with its reason (404, 400 for a missing topic, an incomplete request).
 */
async function curating<T>(ctx: AppContext, fn: () => Promise<T>): Promise<T> {
  try {
    const result = await fn();
    await refreshDerived(ctx.db);
    return result;
  } catch (err) {
    if (err instanceof TopicError) {
      if (err.code === 'not_found') throw notFound(err.message);
      if (err.code === 'invalid_input') throw badRequest(err.message);
      throw new HttpError(409, 'curation_refused', err.message);
    }
    throw err;
  }
}

/**
 * Topics ranked by dispute score (pipelines/disputes), one topic's evidence (pipelines/topics and
 * the consultation evidence), curation, and the queue of unclustered appeals.
 */
export function topicRoutes(ctx: AppContext): ApiRouter {
  const api = new ApiRouter(ctx, '/topics', 'topics');
  const curators = ['officer', 'admin'] as const;
  const runs = new TopicRuns(ctx);

  api.add({ method: 'get', path: '/', summary: 'Topics ranked by dispute score over a window, each score with its parts', access: 'signed_in', query: TopicsQuery, response: TopicRanking }, async ({ query }) =>
    rankingAnswer(ctx, query),
  );

  api.add(
    { method: 'get', path: '/outliers', summary: 'The queue of appeals no topic took, newest first, with text search', access: ['officer', 'leader', 'admin'], query: OutliersQuery, response: OutlierList, table: { row: OutlierRow } },
    async ({ query }) => {
      const r = await searchOutliers(ctx.db, { search: query.q, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
      return {
        total: r.total,
        page: query.page,
        pageSize: query.pageSize,
        rows: r.outliers.map((o) => ({ ...o, receivedAt: localMinute(o.receivedAt) })),
      };
    },
  );

  api.add(
    { method: 'post', path: '/outliers/promote', summary: 'Make a new topic from unclustered appeals (a search, or chosen appeals)', access: curators, body: PromoteBody, response: CurationResult },
    async ({ body, user }) =>
      curating(ctx, async () => {
        const made = await promoteOutliers(ctx.db, body, user.username);
        await audit(ctx.db, { who: user.username, action: 'curation', what: `topic ${made.topicId}`, details: { action: 'promote', search: body.search ?? null, appeals: body.appeals?.length ?? 0 } });
        return { topicId: made.topicId, children: [] };
      }),
  );

  api.add({ method: 'get', path: '/runs/last', summary: "The topic engine's newest run over the whole database, and the appeals loaded since", access: curators, response: LastTopicRun }, async () => {
    const r = await ctx.db.one<Record<string, unknown>>('topics/last_run');
    if (!r) return { lastRun: null };
    return {
      lastRun: {
        runId: r.run_id as number, finishedAt: r.finished_at as string, topics: r.topics as number, newTopics: r.new_topics as number, keptTopics: r.kept_topics as number,
        retiredTopics: r.retired_topics as number, appeals: r.appeals as number, clustered: r.clustered as number, loadedSince: r.loaded_since as number,
      },
    };
  });

  api.add(
    {
      method: 'post', path: '/runs',
      summary: 'Start the topic engine over every appeal again (new recurring problems found, ids kept by matching, curations re-applied) in the background; answers the run to follow at /runs/current; audit-logged when done',
      conflict: 'a run is under way already (topic_run_running)', access: curators, response: TopicRunJob, lock: 'none',
    },
    async ({ user }) => ({ ...runs.start(user.username) }),
  );

  api.add({ method: 'get', path: '/runs/current', summary: 'The topic run under way, else the last one started from the dashboard since the server started', access: curators, response: CurrentTopicRun, lock: 'none' }, async () => {
    const job = runs.current();
    return { job: job ? { ...job } : null };
  });

  api.add({ method: 'get', path: '/:topicId', summary: 'One topic: trend, score parts, units and return flow, masked samples, lineage, curations', access: 'signed_in', params: TopicParams, query: TopicWindowQuery, response: TopicPage }, async ({ params, query, scope }) => {
    // the page is the same for every reader but for the samples, which are filtered per user
    const key = `topic:${params.topicId}:${JSON.stringify([query.from, query.to, query.district])}`;
    if (scope.unit === null) return ctx.cache.json(key, () => topicPage(ctx, params.topicId, query));
    const page = await ctx.cache.get(key, () => topicPage(ctx, params.topicId, query));
    return { ...page, samples: await readable(ctx, page.samples, scope) };
  });

  const curation = (action: string, path: string, summary: string, run: (id: number, body: unknown, by: string) => Promise<number[]>, body?: typeof RenameBody | typeof MergeBody) =>
    api.add({ method: 'post', path: `/:topicId/${path}`, summary, conflict: 'the topic’s status or data does not allow this curation (the message says why)', access: curators, params: TopicParams, body, response: CurationResult }, async ({ params, body: b, user }) =>
      curating(ctx, async () => {
        const children = await run(params.topicId, b, user.username);
        await audit(ctx.db, { who: user.username, action: 'curation', what: `topic ${params.topicId}`, details: { action, ...(b as object), children } });
        return { topicId: params.topicId, children };
      }),
    );
  curation('rename', 'rename', 'Rename a topic (kept across runs)', async (id, b, by) => (await renameTopic(ctx.db, id, (b as z.output<typeof RenameBody>).label, by), []), RenameBody);
  curation('merge', 'merge', 'Merge other topics into this one', async (id, b, by) => (await mergeTopics(ctx.db, id, (b as z.output<typeof MergeBody>).sources, by), []), MergeBody);
  curation('split', 'split', 'Split a topic into the sub-topics its appeals show', (id, _b, by) => splitTopic(ctx.db, id, by));
  curation('noise', 'noise', 'Mark a topic as noise (left out of rankings)', async (id, _b, by) => (await markNoise(ctx.db, id, by), []));
  curation('restore', 'restore', 'Restore a topic marked as noise', async (id, _b, by) => (await restoreTopic(ctx.db, id, by), []));
  return api;
}
