import { Database } from '../db/database.js';
import { defaultDbPath } from '../config.js';
import { listUnits, resolveUnits, setUnit } from '../disputes/units.js';
import { str, UsageError, type Command } from './command.js';

const USAGE = 'units list [--kind K] [--unresolved] | units set NAME [--kind K] [--district D] | units resolve   [--json] [--db PATH]';

export const unitsCommand: Command = {
  name: 'units',
  summary: 'list, correct or re-resolve handling units (kind and district)',
  usage: USAGE,
  options: {
    kind: { type: 'string' },
    district: { type: 'string' },
    unresolved: { type: 'boolean' },
    json: { type: 'boolean' },
    db: { type: 'string' },
  },
  async run(values, positionals) {
    const [action, name, ...extra] = positionals;
    if (!['list', 'set', 'resolve'].includes(action ?? '')) throw new UsageError(`give list, set or resolve\nusage: npm run pipeline -- ${USAGE}`);
    if (action === 'set' && (!name || extra.length)) throw new UsageError('units set takes exactly one unit NAME');
    if (action === 'set' && values.kind === undefined && values.district === undefined) throw new UsageError('units set needs --kind and/or --district');
    if (action !== 'set' && name) throw new UsageError(`units ${action} takes no NAME`);
    const db = await Database.open(str(values, 'db') ?? defaultDbPath());
    try {
      if (action === 'resolve') {
        const summary = await resolveUnits(db);
        if (values.json) console.log(JSON.stringify(summary));
        else console.log(`${summary.units} units: ${summary.manual} set by hand, ${summary.inferredKind} kinds inferred, ${summary.unknownKind} without kind, ${summary.noDistrict} without district`);
      } else if (action === 'set') {
        // an empty value clears the field
        const clear = (v: string | undefined) => (v === undefined ? undefined : v.trim() === '' ? null : v.trim());
        const unit = await setUnit(db, name, { kind: clear(str(values, 'kind')), district: clear(str(values, 'district')) });
        console.log(values.json ? JSON.stringify(unit) : `${unit.name}: ${unit.kind ?? '—'}, ${unit.district ?? '—'} (manual)`);
      } else {
        const rows = await listUnits(db, { kind: str(values, 'kind'), unresolved: Boolean(values.unresolved) });
        if (values.json) console.log(JSON.stringify(rows));
        else for (const u of rows) console.log(`${(u.kind ?? '—').padEnd(8, '　')} ${(u.district ?? '—').padEnd(6, '　')} ${u.origin.padEnd(8)} ${String(u.appeals).padStart(7)}  ${u.name}`);
      }
      return 0;
    } finally {
      db.close();
    }
  },
};
