import { Database } from '../db/database.js';
import { defaultDbPath } from '../config.js';
import { blockText, ImportError, undoImport, undoPlan } from '../ingest/index.js';
import { str, UsageError, type Command } from './command.js';

/** "1 row", "2 rows". */
function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

const USAGE = 'undo-import <import id> [--dry-run] [--by NAME] [--db PATH] [--json]';

export const undoImportCommand: Command = {
  name: 'undo-import',
  summary: 'take an import back: its new records leave, the rows it updated are restored (later imports that changed them first)',
  usage: USAGE,
  options: { 'dry-run': { type: 'boolean' }, by: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, positionals) {
    const id = Number(positionals[0]);
    if (positionals.length !== 1 || !Number.isInteger(id) || id < 1) throw new UsageError(`usage: npm run pipeline -- ${USAGE}`);
    const db = await Database.open(str(values, 'db') ?? defaultDbPath());
    try {
      if (values['dry-run']) {
        const plan = await undoPlan(db, id);
        if (values.json) console.log(JSON.stringify(plan));
        else if (plan.blocked) console.log(`cannot undo: ${blockText(id, plan.blocked)}`);
        else {
          console.log(`undoing import #${id} (${plan.sourceFile}) would remove ${count(plan.removes, 'row', 'rows')} and restore ${count(plan.restores, 'earlier version', 'earlier versions')}`);
          const later = plan.laterUnchanged.map((l) => `#${l.importId} (${l.sourceFile})`).join(', ');
          if (later) console.log(`note: later imports ${later} counted rows unchanged: records this one added that they held leave too; import them again after the undo`);
        }
        return plan.blocked ? 1 : 0;
      }
      const report = await undoImport(db, id, str(values, 'by') ?? process.env.USER ?? 'cli');
      if (values.json) console.log(JSON.stringify(report));
      else console.log(`import #${id} (${report.sourceFile}) undone: ${count(report.removed, 'row', 'rows')} removed, ${count(report.restored, 'earlier version', 'earlier versions')} restored`);
      return 0;
    } catch (err) {
      if (err instanceof ImportError) throw new UsageError(err.message);
      throw err;
    } finally {
      db.close();
    }
  },
};
