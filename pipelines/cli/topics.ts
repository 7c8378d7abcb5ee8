import { Database } from '../db/database.js';
import { defaultDbPath } from '../config.js';
import {
  assignNewAppeals,
  exportAssignments,
  listTopics,
  markNoise,
  mergeTopics,
  promoteOutliers,
  renameTopic,
  restoreTopic,
  risingTerms,
  runTopics,
  searchOutliers,
  splitTopic,
  topicDetail,
  TopicError,
  type TopicStatus,
} from '../topics/index.js';
import { str, UsageError, type Command, type Values } from './command.js';

const USAGE = `topics <action> [options]
  run [--from DATE] [--to DATE]      cluster the appeals into topics (learn from the window, assign all)
  list [--all] [--limit N]           topics with size, label, top terms and representative appeals
  show ID                            one topic: terms, months, examples, lineage, curation
  export --out FILE.csv              appeal_id, platform, topic_id, topic_label, similarity for every appeal
  assign                             put appeals not seen yet into the existing topics
  rename ID LABEL                    give a topic a label of your own
  merge A B [C …]                    merge B, C … into A
  split ID                           split a topic into its sub-topics
  noise ID | restore ID              mark a topic as noise, or undo it
  outliers [--search TEXT] [--days N] unclustered appeals and the terms rising among them
  promote (--search TEXT | --appeal PLATFORM:ID …) [--label LABEL]   make a topic from outliers
common: [--db PATH] [--json]`;

function topicId(raw: string | undefined): number {
  const n = Number(raw);
  if (!raw || !Number.isInteger(n) || n <= 0) throw new UsageError(`'${raw ?? ''}' is not a topic id\nusage: npm run pipeline -- ${USAGE}`);
  return n;
}

function positiveInt(values: Values, key: string, fallback: number): number {
  const raw = str(values, key);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${key} must be a positive whole number`);
  return n;
}

const short = (s: string | null | undefined, n: number) => {
  const t = (s ?? '').replace(/\s+/g, ' ');
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};

function print(values: Values, data: unknown, text: () => string): void {
  console.log(values.json ? JSON.stringify(data, null, 2) : text());
}

async function act(db: Database, action: string, values: Values, args: string[]): Promise<void> {
  switch (action) {
    case 'run': {
      const s = await runTopics(db, { from: str(values, 'from'), to: str(values, 'to'), progress: values.json ? undefined : (step) => process.stderr.write(`  ${step}\n`) });
      print(values, s, () =>
        [
          `run ${s.runId}: ${s.appeals.toLocaleString('en')} appeals (${s.windowAppeals.toLocaleString('en')} in the learning window) in ${(s.durationMs / 1000).toFixed(1)} s`,
          `  clustered ${s.clustered.toLocaleString('en')} (${((100 * s.clustered) / Math.max(1, s.appeals)).toFixed(1)} %), ${(s.appeals - s.clustered).toLocaleString('en')} left in the outlier queue`,
          `  ${s.topics} active topics: ${s.keptTopics} kept their id, ${s.newTopics} new, ${s.retiredTopics} retired; lineage: ${s.splits} split edges, ${s.merges} merges`,
          `  join threshold ${s.joinThreshold.toFixed(3)}; ${s.learnedWords} place/unit names learned; input ${s.inputHash}; lexicon ${s.lexiconHash}`,
          `  segmenter: ${s.segmenterVersion}`,
          `  steps (ms): ${Object.entries(s.steps).map(([k, v]) => `${k} ${v}`).join(', ')}`,
        ].join('\n'),
      );
      return;
    }
    case 'list': {
      const statuses: TopicStatus[] = values.all ? ['active', 'noise', 'merged', 'retired'] : ['active'];
      const topics = await listTopics(db, { statuses, limit: positiveInt(values, 'limit', 1_000_000) });
      print(values, topics, () =>
        topics.length
          ? topics
              .map((t) =>
                [
                  `#${t.topicId}  ${t.label}  (${t.size.toLocaleString('en')} appeals${t.status === 'active' ? '' : `, ${t.status}`}${t.labelSource === 'curated' ? ', renamed' : ''})`,
                  `    terms: ${t.terms.join(' ')}`,
                  ...t.examples.map((e) => `    · ${short(`${e.title ? `${e.title}：` : ''}${e.content}`, 70)}`),
                ].join('\n'),
              )
              .join('\n')
          : 'no topics yet: run `npm run pipeline -- topics run`',
      );
      return;
    }
    case 'show': {
      const d = await topicDetail(db, topicId(args[0]));
      if (!d) throw new TopicError(`topic ${args[0]} does not exist`);
      print(values, d, () =>
        [
          `#${d.topicId}  ${d.label}  (${d.status}, ${d.size.toLocaleString('en')} appeals${d.labelSource === 'curated' ? `, automatic label ${d.autoLabel}` : ''})`,
          `terms: ${d.distinctiveTerms.map((t) => `${t.term} ${Math.round(t.share * 100)}%`).join(', ')}`,
          `by month: ${d.monthly.map((m) => `${m.month} ${m.appeals}`).join(', ')}`,
          'representative appeals:',
          ...d.examples.map((e) => `  · ${e.platform}/${e.appealId} ${e.similarity.toFixed(2)}  ${short(`${e.title ? `${e.title}：` : ''}${e.content}`, 80)}`),
          'lineage:',
          ...(d.lineage.length ? d.lineage.map((l) => `  ${l.kind} ${l.fromTopic ?? '–'} → ${l.toTopic ?? '–'}${l.share !== null ? ` (${Math.round(l.share * 100)}%)` : ''} [${l.source}${l.runId ? ` run ${l.runId}` : ''}]`) : ['  –']),
          'curation:',
          ...(d.curations.length ? d.curations.map((c) => `  ${c.action} ${JSON.stringify(c.args)} ${c.by ? `by ${c.by} ` : ''}${c.at.toISOString()}`) : ['  –']),
        ].join('\n'),
      );
      return;
    }
    case 'export': {
      const out = str(values, 'out');
      if (!out) throw new UsageError('topics export needs --out FILE.csv');
      const n = await exportAssignments(db, out);
      print(values, { file: out, appeals: n }, () => `wrote ${n.toLocaleString('en')} appeals to ${out}`);
      return;
    }
    case 'assign': {
      const s = await assignNewAppeals(db);
      print(values, s, () => (s.considered ? `assigned ${s.assigned.toLocaleString('en')} of ${s.considered.toLocaleString('en')} new appeals (${s.unclustered.toLocaleString('en')} to the outlier queue) in ${s.durationMs} ms` : 'no new appeals to assign'));
      return;
    }
    case 'rename': {
      const label = args.slice(1).join(' ');
      if (!label) throw new UsageError('topics rename ID LABEL');
      await renameTopic(db, topicId(args[0]), label);
      print(values, { topicId: Number(args[0]), label }, () => `topic ${args[0]} is now “${label}”`);
      return;
    }
    case 'merge': {
      if (args.length < 2) throw new UsageError('topics merge A B [C …]: merges B, C … into A');
      const [target, ...sources] = args.map(topicId);
      await mergeTopics(db, target, sources);
      print(values, { target, sources }, () => `merged ${sources.join(', ')} into ${target}`);
      return;
    }
    case 'split': {
      const children = await splitTopic(db, topicId(args[0]));
      const topics = (await listTopics(db, { examples: 0 })).filter((t) => children.includes(t.topicId));
      print(values, { parent: Number(args[0]), children: topics }, () => [`split ${args[0]} into:`, ...topics.map((t) => `  #${t.topicId} ${t.label} (${t.size})`)].join('\n'));
      return;
    }
    case 'noise':
    case 'restore': {
      const id = topicId(args[0]);
      await (action === 'noise' ? markNoise(db, id) : restoreTopic(db, id));
      print(values, { topicId: id, status: action === 'noise' ? 'noise' : 'active' }, () => `topic ${id} is now ${action === 'noise' ? 'noise' : 'active'}`);
      return;
    }
    case 'outliers': {
      const found = await searchOutliers(db, { search: str(values, 'search'), limit: positiveInt(values, 'limit', 20) });
      const rising = await risingTerms(db, { days: positiveInt(values, 'days', 28) });
      print(values, { ...found, rising }, () =>
        [
          `${found.total.toLocaleString('en')} unclustered appeal(s)${str(values, 'search') ? ` containing “${str(values, 'search')}”` : ''}:`,
          ...found.outliers.map((o) => `  ${o.platform}/${o.appealId} ${o.receivedAt.toISOString().slice(0, 10)}  ${short(`${o.title ? `${o.title}：` : ''}${o.content}`, 60)}${o.nearestTopic ? `  (nearest #${o.nearestTopic} ${o.nearestLabel} ${o.similarity?.toFixed(2)})` : ''}`),
          'rising terms among them (last window vs the one before):',
          ...(rising.length ? rising.map((r) => `  ${r.term}  ${r.previous} → ${r.recent}  (z ${r.z.toFixed(1)})`) : ['  none']),
        ].join('\n'),
      );
      return;
    }
    case 'promote': {
      const appeals = ([] as (string | boolean)[])
        .concat(values.appeal ?? [])
        .map(String)
        .map((a) => {
          const at = a.indexOf(':');
          if (at <= 0) throw new UsageError(`--appeal takes PLATFORM:ID, not '${a}'`);
          return { platform: a.slice(0, at), appealId: a.slice(at + 1) };
        });
      const r = await promoteOutliers(db, { search: str(values, 'search'), appeals, label: str(values, 'label') });
      print(values, r, () => `new topic #${r.topicId} from ${r.size} outlier(s)`);
      return;
    }
    default:
      throw new UsageError(`unknown topics action '${action}'\nusage: npm run pipeline -- ${USAGE}`);
  }
}

export const topicsCommand: Command = {
  name: 'topics',
  summary: 'recurring topics: run, list, show, export, assign, curate, outliers',
  usage: 'topics run|list|show|export|assign|rename|merge|split|noise|restore|outliers|promote …',
  options: {
    db: { type: 'string' },
    json: { type: 'boolean' },
    from: { type: 'string' },
    to: { type: 'string' },
    all: { type: 'boolean' },
    limit: { type: 'string' },
    out: { type: 'string' },
    search: { type: 'string' },
    days: { type: 'string' },
    label: { type: 'string' },
    appeal: { type: 'string', multiple: true },
  },
  async run(values, positionals) {
    const [action, ...args] = positionals;
    if (!action) throw new UsageError(`usage: npm run pipeline -- ${USAGE}`);
    const db = await Database.open(str(values, 'db') ?? defaultDbPath());
    try {
      await act(db, action, values, args);
      return 0;
    } finally {
      db.close();
    }
  },
};
