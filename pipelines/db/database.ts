import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { sqlText } from './sql-files.js';
import { migrate } from './migrate.js';

/** LINKAGE_SQL_TIMING=1 prints each statement's time to stderr, to find slow steps. */
const TIMING = process.env.LINKAGE_SQL_TIMING === '1';

export type Params = DuckDBValue[] | Record<string, DuckDBValue>;
export type Row = Record<string, unknown>;

/** Converts DuckDB's JS values into plain JSON-friendly ones: BIGINT → number, DECIMAL → number. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  return value;
}

function plainRows(rows: Record<string, unknown>[]): Row[] {
  for (const row of rows) for (const k of Object.keys(row)) row[k] = plain(row[k]);
  return rows;
}

/** A statement that would write ran on a read-only snapshot (see `Database.reading`). */
export class ReadOnlyError extends Error {
  constructor(cause: unknown) {
    super(`a read tried to write: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'ReadOnlyError';
  }
}

/** The connection lent to an async context by `reading`: fetched on the first statement. */
interface Lent {
  /** The view it is lent to. */
  db: Database;
  open: () => Promise<DuckDBConnection>;
  opening?: Promise<DuckDBConnection>;
  opened?: DuckDBConnection;
}

/** One for all views: every AsyncLocalStorage instance costs each async operation a little, for good. */
const lending = new AsyncLocalStorage<Lent>();

/**
 * One DuckDB database file and a connection to it. Queries are named files under sql/;
 * `query`/`exec` take raw text only for statements built from validated identifiers.
 *
 * More connections to the same file read their own MVCC snapshots beside the one that writes:
 * `openConnection` makes one, `view` a Database object whose statements go to whichever
 * connection `reading` lends the calling async context.
 */
export class Database {
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly own: DuckDBConnection | null,
    /** Every connection opened on the instance, closed with it. */
    private readonly opened: Set<DuckDBConnection>,
    private readonly ownsInstance: boolean,
  ) {}

  /** Opens (creating if needed) the file, sets the session up and applies pending migrations. */
  static async open(path: string, options: { threads?: number } = {}): Promise<Database> {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const config: Record<string, string> = { autoinstall_known_extensions: 'false', autoload_known_extensions: 'true' };
    if (options.threads) config.threads = String(options.threads);
    const instance = await DuckDBInstance.create(path, config);
    const connection = await instance.connect();
    const db = new Database(path, instance, connection, new Set([connection]), true);
    await connection.run(sqlText('db/session'));
    await migrate(db);
    await connection.run(sqlText('macros'));
    return db;
  }

  /** Opens an existing file only to read it: no migrations, nothing written (a backup to check). */
  static async openReadOnly(path: string): Promise<Database> {
    const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY', autoinstall_known_extensions: 'false' });
    const connection = await instance.connect();
    const db = new Database(path, instance, connection, new Set([connection]), true);
    await connection.run(sqlText('db/session'));
    return db;
  }

  /** The connection statements go to now: see `activeConnection`, which also opens a lent one. */
  get connection(): DuckDBConnection {
    const lent = this.lent;
    const c = lent ? lent.opened : this.own;
    if (!c) throw new Error(lent ? 'the lent connection is not open yet: use activeConnection()' : 'this database view has no connection outside `reading`');
    return c;
  }

  /**
   * The connection statements go to: the one `reading` lent to the calling async context (opened
   * on first use), else this object's own. Session state (TEMP macros and views) belongs to a
   * connection, so code that creates it once keys its bookkeeping on this, not on the Database.
   */
  async activeConnection(): Promise<DuckDBConnection> {
    const lent = this.lent;
    if (!lent) return this.connection;
    lent.opening ??= lent.open().then((c) => (lent.opened = c));
    return lent.opening;
  }

  /**
   * Another connection to the same file, with the session set up as `open` sets its own up, then
   * the named statements in sql/ (more session macros) run on it.
   */
  async openConnection(setup: string[] = []): Promise<DuckDBConnection> {
    const connection = await this.instance.connect();
    this.opened.add(connection);
    try {
      for (const name of ['db/session', 'macros', ...setup]) await connection.run(sqlText(name));
    } catch (err) {
      this.closeConnection(connection);
      throw err;
    }
    return connection;
  }

  closeConnection(connection: DuckDBConnection): void {
    if (this.opened.delete(connection)) connection.closeSync();
  }

  /** A Database object with its own new connection to the same file (closing it leaves the file open). */
  async connect(setup: string[] = []): Promise<Database> {
    return new Database(this.path, this.instance, await this.openConnection(setup), this.opened, false);
  }

  /**
   * A Database object on the same file without a connection of its own, for `reading`. Caches that
   * modules keep per Database object (route rules, the topic assignment model) are shared by every
   * connection lent to one view, and start over with a new view.
   */
  view(): Database {
    return new Database(this.path, this.instance, null, this.opened, false);
  }

  /**
   * Runs `fn` with this object's statements, from any code `fn` calls, going to the connection
   * `open` gives on the first of them: a read-only snapshot (from `beginSnapshot`). A statement that
   * would write there, or a transaction begun there, fails with ReadOnlyError.
   */
  reading<T>(open: () => Promise<DuckDBConnection>, fn: () => Promise<T>): Promise<T> {
    return lending.run({ db: this, open }, fn);
  }

  /** Begins a read-only transaction on `connection` and fixes its snapshot now (DuckDB otherwise takes it at the first table read). */
  static async beginSnapshot(connection: DuckDBConnection): Promise<void> {
    await connection.run(sqlText('db/snapshot_begin'));
  }

  /**
   * Ends a snapshot begun by `beginSnapshot`. False when a failed statement had aborted it: DuckDB
   * then rolled back the TEMP objects made in it, so the connection must not be used again.
   */
  static async endSnapshot(connection: DuckDBConnection): Promise<boolean> {
    try {
      await connection.run(sqlText('db/snapshot_end'));
      return true;
    } catch {
      await connection.run('ROLLBACK').catch(() => undefined);
      return false;
    }
  }

  /** The connection lent to this object in the calling async context, if any. */
  private get lent(): Lent | undefined {
    const lent = lending.getStore();
    return lent?.db === this ? lent : undefined;
  }

  /** Runs `work` on the statement's connection; on a lent snapshot, a refused write becomes ReadOnlyError. */
  private async on<T>(work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const c = await this.activeConnection();
    if (!this.lent) return work(c);
    try {
      return await work(c);
    } catch (err) {
      throw /read-only mode/.test((err as Error).message) ? new ReadOnlyError(err) : err;
    }
  }

  /** Rows of the named query in sql/. */
  async all<T extends Row = Row>(name: string, params?: Params): Promise<T[]> {
    return this.query<T>(sqlText(name), params);
  }

  async one<T extends Row = Row>(name: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(name, params))[0];
  }

  /** Runs the named statement(s) in sql/. */
  async run(name: string, params?: Params): Promise<void> {
    await this.exec(sqlText(name), params);
  }

  async query<T extends Row = Row>(text: string, params?: Params): Promise<T[]> {
    return this.on(async (c) => {
      if (!params) return plainRows((await c.runAndReadAll(text)).getRowObjectsJS() as Record<string, unknown>[]) as T[];
      return this.statements<T>(c, text, params);
    });
  }

  async exec(text: string, params?: Params): Promise<void> {
    const started = TIMING ? Date.now() : 0;
    await this.on(async (c) => {
      if (!params) await c.run(text);
      else await this.statements(c, text, params);
    });
    if (TIMING) console.error(`[sql ${Date.now() - started} ms] ${text.replace(/\s+/g, ' ').slice(0, 100)}`);
  }

  /**
   * Runs each statement of `text` with the parameters it names (the client binds parameters to the
   * last statement only), returning the last statement's rows.
   */
  private async statements<T extends Row>(connection: DuckDBConnection, text: string, params: Params): Promise<T[]> {
    const extracted = await connection.extractStatements(text);
    let rows: T[] = [];
    for (let i = 0; i < extracted.count; i++) {
      const stmt = await extracted.prepare(i);
      try {
        if (stmt.parameterCount > 0) {
          if (Array.isArray(params)) stmt.bind(params);
          else {
            const own: Record<string, DuckDBValue> = {};
            for (let p = 1; p <= stmt.parameterCount; p++) {
              const name = stmt.parameterName(p);
              own[name] = params[name];
            }
            stmt.bind(own);
          }
        }
        const reader = await stmt.runAndReadAll();
        rows = plainRows(reader.getRowObjectsJS() as Record<string, unknown>[]) as T[];
      } finally {
        stmt.destroySync();
      }
    }
    return rows;
  }

  /** Runs `fn` inside one transaction: everything it wrote is kept, or nothing is. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    // a snapshot is one read-only transaction already: whoever begins one here means to write
    if (this.lent) throw new ReadOnlyError(new Error('a transaction was begun on a read-only snapshot'));
    const c = this.connection;
    await c.run('BEGIN TRANSACTION');
    try {
      const result = await fn();
      await c.run('COMMIT');
      return result;
    } catch (err) {
      // a failed COMMIT has ended the transaction already: the failure to report is the first one
      await c.run('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }

  /** The object from `open` closes every connection and the file; one from `connect` its own connection. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (!this.ownsInstance) {
      if (this.own) this.closeConnection(this.own);
      return;
    }
    for (const c of this.opened) c.closeSync();
    this.opened.clear();
    this.instance.closeSync();
  }
}
