import { readFileSync } from 'node:fs';
import { Database } from '../db/database.js';
import { defaultDbPath } from '../config.js';
import { proposeAgenda } from '../disputes/agenda.js';
import { agendaText } from '../disputes/agenda-text.js';
import { loadConfig, saveConfigOverride } from '../disputes/config.js';
import { str, UsageError, type Command } from './command.js';

function positiveInt(v: string | undefined, what: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`${what} must be a positive whole number`);
  return Number(v);
}

export const agendaCommand: Command = {
  name: 'agenda',
  summary: 'propose a consultation agenda: the most disputed topics not yet settled, with evidence',
  usage: 'agenda [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--top N] [--district D] [--json] [--show-config | --set-config FILE] [--db PATH]',
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    top: { type: 'string' },
    district: { type: 'string' },
    json: { type: 'boolean' },
    'show-config': { type: 'boolean' },
    'set-config': { type: 'string' },
    db: { type: 'string' },
  },
  async run(values) {
    const top = positiveInt(str(values, 'top'), '--top');
    const db = await Database.open(str(values, 'db') ?? defaultDbPath());
    try {
      if (values['set-config']) {
        const file = str(values, 'set-config')!;
        let override: unknown;
        try {
          override = JSON.parse(readFileSync(file, 'utf8'));
        } catch (err) {
          throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
        }
        const effective = await saveConfigOverride(db, override);
        console.log(JSON.stringify(effective, null, 2));
        return 0;
      }
      if (values['show-config']) {
        console.log(JSON.stringify(await loadConfig(db), null, 2));
        return 0;
      }
      const agenda = await proposeAgenda(db, { from: str(values, 'from'), to: str(values, 'to'), top, district: str(values, 'district') });
      console.log(values.json ? JSON.stringify(agenda) : agendaText(agenda));
      return 0;
    } finally {
      db.close();
    }
  },
};
