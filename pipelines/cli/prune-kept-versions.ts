import { Database } from '../db/database.js';
import { defaultDbPath } from '../config.js';
import { cutOff, keptVersions, prunePlan, pruneReplaced, type PrunePlan } from '../ingest/index.js';
import { str, UsageError, type Command } from './command.js';

const USAGE = 'prune-kept-versions --older-than DAYS [--dry-run] [--by NAME] [--db PATH] [--json]';

const n = (x: number) => x.toLocaleString('en');

function planText(p: PrunePlan): string {
  return `${n(p.appeals)} appeal and ${n(p.transfers)} transfer versions kept for imports up to #${p.upTo}; ${n(p.imports)} imports can no longer be undone`;
}

export const pruneKeptVersionsCommand: Command = {
  name: 'prune-kept-versions',
  summary: 'clear the earlier versions kept to undo imports older than DAYS days (the space is reused); those imports can no longer be undone',
  usage: USAGE,
  options: { 'older-than': { type: 'string' }, 'dry-run': { type: 'boolean' }, by: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, positionals) {
    const days = Number(str(values, 'older-than'));
    if (positionals.length > 0 || !Number.isInteger(days) || days < 0 || str(values, 'older-than')?.trim() === '') throw new UsageError(`usage: npm run pipeline -- ${USAGE}`);
    const db = await Database.open(str(values, 'db') ?? defaultDbPath());
    try {
      const before = cutOff(days);
      if (values['dry-run']) {
        const plan = await prunePlan(db, before);
        if (values.json) console.log(JSON.stringify({ ...(await keptVersions(db)), plan }));
        else if (plan.upTo === null) console.log(`no import started more than ${days} days ago`);
        else console.log(`would clear ${planText(plan)}`);
        return 0;
      }
      const report = await pruneReplaced(db, before, str(values, 'by') ?? process.env.USER ?? 'cli');
      if (values.json) console.log(JSON.stringify(report));
      else if (report.pruned) console.log(`cleared ${planText(report)}`);
      else console.log(report.upTo === null ? `no import started more than ${days} days ago: nothing cleared` : `nothing kept for imports up to #${report.upTo}: nothing cleared`);
      return 0;
    } finally {
      db.close();
    }
  },
};
