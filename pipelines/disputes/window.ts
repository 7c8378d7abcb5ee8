import type { Database } from '../db/database.js';

/** Local dates, YYYY-MM-DD. `to` is inclusive (the last day of the window). */
export interface WindowOptions {
  from?: string;
  to?: string;
}

/** A resolved analysis window: half-open [from, toExclusive) in local dates, plus its comparison windows. */
export interface Window {
  from: string;
  to: string;
  toExclusive: string;
  days: number;
  /** The previous window of the same length, [prevFrom, from). */
  prevFrom: string;
  /** The emerging test: recent [recentFrom, toExclusive) against baseline [baseFrom, recentFrom). */
  recentFrom: string;
  baseFrom: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export function parseDate(s: string, what: string): number {
  if (!DATE.test(s)) throw new Error(`${what} must be a date YYYY-MM-DD, got '${s}'`);
  const t = Date.parse(`${s}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== s) throw new Error(`${what} '${s}' is not a calendar date`);
  return t;
}

export function addDays(s: string, days: number): string {
  return new Date(parseDate(s, 'date') + days * DAY_MS).toISOString().slice(0, 10);
}

/** The last receipt date in the data (today's date when the database is empty). */
export async function lastDataDay(db: Database): Promise<string> {
  const span = await db.one<{ last_day: string | null }>('disputes/data_span');
  return span?.last_day ?? new Date().toISOString().slice(0, 10);
}

/**
 * Fills in a window: `to` defaults to the last day with data, `from` to `defaultDays` before it.
 * The emerging test's windows end with the window, `recentDays` long after `baselineDays` of baseline.
 */
export async function resolveWindow(
  db: Database,
  opts: WindowOptions,
  defaults: { days: number; recentDays: number; baselineDays: number },
): Promise<Window> {
  const to = opts.to ?? (await lastDataDay(db));
  const toExclusive = addDays(to, 1);
  const from = opts.from ?? addDays(toExclusive, -defaults.days);
  const days = Math.round((parseDate(toExclusive, '--to') - parseDate(from, '--from')) / DAY_MS);
  if (days <= 0) throw new Error(`--from ${from} is after --to ${to}`);
  const recentFrom = addDays(toExclusive, -Math.round(defaults.recentDays));
  return {
    from,
    to,
    toExclusive,
    days,
    prevFrom: addDays(from, -days),
    recentFrom,
    baseFrom: addDays(recentFrom, -Math.round(defaults.baselineDays)),
  };
}
