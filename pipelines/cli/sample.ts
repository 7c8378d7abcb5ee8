import { join } from 'node:path';
import { ROOT, defaultDbPath } from '../config.js';
import { Database } from '../db/database.js';
import { importSampleFiles } from '../sample/seed.js';
import { DEFAULT_N, DEFAULT_SEED, writeSampleCity } from '../sample/index.js';
import { str, UsageError, type Command } from './command.js';

function wholeNumber(value: string | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}, got '${value}'`);
  return Number(value);
}

export const sampleCommand: Command = {
  name: 'sample',
  summary: 'write the sample city (a year of 12345 work orders, transfers, 110 incidents and their ground truth) and import it',
  usage: 'sample [--n N] [--seed S] [--out DIR] [--files-only] [--db PATH]',
  options: { n: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, 'files-only': { type: 'boolean' }, db: { type: 'string' } },
  async run(values) {
    const n = wholeNumber(str(values, 'n'), 'n', DEFAULT_N, 1);
    const seed = wholeNumber(str(values, 'seed'), 'seed', DEFAULT_SEED, 0);
    const out = str(values, 'out') ?? join(ROOT, 'data', 'sample');
    const started = performance.now();
    const files = await writeSampleCity(out, { n, seed });
    const seconds = (performance.now() - started) / 1000;
    for (const f of Object.values(files)) console.log(`${f.path}  ${f.rows} rows`);
    console.log(`sample city (n=${n}, seed=${seed}) written in ${seconds.toFixed(1)} s`);
    if (values['files-only']) return 0;
    const db = await Database.open(str(values, 'db') ?? defaultDbPath());
    try {
      console.log(`importing into ${db.path} …`);
      await importSampleFiles(db, out, console.log);
    } finally {
      db.close();
    }
    return 0;
  },
};
