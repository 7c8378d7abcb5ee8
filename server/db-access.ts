import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, statSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { Database, ReadOnlyError } from '../pipelines/db/database.js';
import { AnswerCache } from './cache.js';
import { ReaderPool } from './readers.js';

/** Reader connections kept open between requests (a burst opens more for a while). */
const KEEP_READERS = 8;
/** Session macros of the server, on every connection that runs its queries. */
const SERVER_SETUP = ['server/macros'];
/** DuckDB's own checkpoint_threshold: a commit checkpoints past it, unless a snapshot is open. */
const CHECKPOINT_WAL_BYTES = 16 * 1024 * 1024;

/**
 * A read-only snapshot begun before a write started, for the reads that arrive while it runs:
 * they see the data as it was before the write, never half of it.
 */
interface Pinned {
  view: Database;
  version: number;
  /** Resolves with the connection, or null when the snapshot could not be begun. */
  ready: Promise<DuckDBConnection | null>;
  connection: DuckDBConnection | null;
  users: number;
  writeOver: boolean;
  /** A failed statement aborted the snapshot: later reads wait for the write instead. */
  broken: boolean;
  over: Promise<void>;
  end: () => void;
}

/** What a request's statements go to, and for a read, which data version it sees. */
interface Scope {
  access: DatabaseAccess;
  kind: 'read' | 'write' | 'accounts';
  db: Database;
  /** Reads: the answer-cache version of the data the snapshot shows. */
  version?: number;
}

const scopes = new AsyncLocalStorage<Scope>();

/**
 * How the server reaches the database. DuckDB gives every connection its own MVCC snapshot, so:
 * - reads run on reader connections, each request in one read-only snapshot, beside a write;
 * - writes run one at a time on the writer connection (pipelines write inside transactions on it);
 *   reads arriving meanwhile share a snapshot begun just before the write, so a long import neither
 *   blocks them nor shows them half of itself;
 * - sign-ins, sessions, user changes and audit entries run on a connection of their own, so they
 *   do not wait for an import either (DuckDB lets them append and update beside it).
 * Route code reaches the right connection through `db` (ctx.db), whatever scope it runs in.
 */
export class DatabaseAccess {
  readonly cache: AnswerCache;
  /** Reads of one data version share this object, and so the caches pipelines keep per Database object. */
  private view: Database;
  private pinned: Pinned | null = null;
  private writes: Promise<void> = Promise.resolve();
  private pendingWrites = 0;
  /** Reads that will begin a fresh snapshot but have not yet: a write waits for them to begin or end. */
  private starting = 0;
  private started: (() => void)[] = [];
  /** Reads under way, and who waits for there to be none (closing). */
  private reads = 0;
  private readsOver: (() => void)[] = [];
  private closed = false;

  private constructor(
    private readonly writer: Database,
    private readonly accountsDb: Database,
    private readonly pool: ReaderPool,
    private readonly log: (line: string) => void,
  ) {
    this.view = writer.view();
    this.cache = new AnswerCache(500, () => this.snapshotVersion());
  }

  static async create(writer: Database, log: (line: string) => void): Promise<DatabaseAccess> {
    for (const name of SERVER_SETUP) await writer.run(name);
    return new DatabaseAccess(writer, await writer.connect(SERVER_SETUP), new ReaderPool(writer, SERVER_SETUP, KEEP_READERS), log);
  }

  /** The Database the calling request's statements go to (the writer outside any scope). */
  get db(): Database {
    const scope = scopes.getStore();
    return scope?.access === this ? scope.db : this.writer;
  }

  /** The connection for sessions, users and the audit log, outside any scope too. */
  get accountsDatabase(): Database {
    return this.accountsDb;
  }

  /** Whether a write runs or waits (e.g. an import). */
  get busyWriting(): boolean {
    return this.pendingWrites > 0;
  }

  /** The data version the calling read sees, when it is a read. */
  snapshotVersion(): number | undefined {
    const scope = scopes.getStore();
    return scope?.access === this ? scope.version : undefined;
  }

  /**
   * Runs `fn` as a read: in one snapshot, begun at its first statement (a request answered from
   * the cache takes none). A read that finds it must write (derived tables out of date, e.g. after
   * a curation) runs again as a write.
   */
  async read<T>(fn: () => Promise<T>): Promise<T> {
    if (scopes.getStore()?.access === this) return fn();
    if (this.closed) throw new Error('the database is closed');
    this.reads++;
    let reading = true;
    const readOver = () => {
      if (!reading) return;
      reading = false;
      if (--this.reads === 0) for (const wake of this.readsOver.splice(0)) wake();
    };
    try {
      return await this.inSnapshot(fn);
    } catch (err) {
      if (!(err instanceof ReadOnlyError)) throw err;
      // a read no more: it queues behind the writes, and closing (a write) must not wait for it
      readOver();
      return await this.write(fn);
    } finally {
      readOver();
    }
  }

  /**
   * Closes the database once the writes queued and the reads under way have ended (closing a
   * connection while a statement runs on it hangs the process). Later reads and writes fail.
   */
  async close(): Promise<void> {
    await this.write(async () => {
      this.closed = true;
      if (this.reads > 0) await new Promise<void>((resolve) => this.readsOver.push(resolve));
      this.writer.close();
    });
  }

  /**
   * Runs `fn` as the only write, on the writer connection. Unless `invalidates` is false (the write
   * changes nothing answers are made from), cached answers are dropped afterwards and reads start
   * on a new view, so that caches pipelines keep per Database object (route rules, the assignment
   * model) never outlive what they were made of.
   */
  async write<T>(fn: () => Promise<T>, opts: { invalidates?: boolean } = {}): Promise<T> {
    const scope = scopes.getStore();
    if (scope?.access === this && scope.kind === 'write') return fn();
    // it would wait for this read's snapshot to begin, and the read for it
    if (scope?.access === this && scope.kind === 'read') throw new Error('a write cannot start inside a read');
    this.pendingWrites++;
    const previous = this.writes;
    let done!: () => void;
    this.writes = new Promise((resolve) => (done = resolve));
    await previous;
    if (this.closed) {
      this.pendingWrites--;
      done();
      throw new Error('the database is closed');
    }
    const pinned = this.pin();
    try {
      await this.freshSnapshotsBegun();
      await pinned.ready;
      return await scopes.run({ access: this, kind: 'write', db: this.writer }, fn);
    } finally {
      if (opts.invalidates ?? true) {
        this.cache.invalidate();
        this.view = this.writer.view();
      }
      this.pinned = null;
      pinned.writeOver = true;
      pinned.end();
      if (pinned.users === 0 && !this.closed) {
        await this.unpin(pinned);
        await this.checkpointIfDue();
      }
      this.pendingWrites--;
      done();
    }
  }

  /**
   * Checkpoints when the write-ahead log has outgrown DuckDB's threshold: the snapshot open during
   * the write kept DuckDB from doing so at commit. Reads still under way make it fail: then a
   * later commit checkpoints.
   */
  private async checkpointIfDue(): Promise<void> {
    const wal = `${this.writer.path}.wal`;
    if (!existsSync(wal) || statSync(wal).size < CHECKPOINT_WAL_BYTES) return;
    await this.writer.run('db/checkpoint').catch(() => undefined);
  }

  /**
   * Runs `fn` on a connection of its own, opened for it and closed after: for work on temp tables
   * alone (an upload's preview), which then neither waits for a write nor holds one up.
   */
  async aside<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('the database is closed');
    const db = await this.writer.connect(SERVER_SETUP);
    try {
      return await fn(db);
    } finally {
      db.close();
    }
  }

  /** Runs `fn` with ctx.db on the accounts connection (sessions, users, audit log; autocommit). */
  accounts<T>(fn: () => Promise<T>): Promise<T> {
    return scopes.run({ access: this, kind: 'accounts', db: this.accountsDb }, fn);
  }

  private async inSnapshot<T>(fn: () => Promise<T>): Promise<T> {
    const pinned = this.pinned;
    if (!pinned) return this.inFreshSnapshot(fn);
    pinned.users++;
    const connection = await pinned.ready;
    if (!connection || pinned.broken) {
      await this.leavePinned(pinned, false);
      await pinned.over;
      return this.inSnapshot(fn);
    }
    let failed = false;
    try {
      return await scopes.run({ access: this, kind: 'read', db: pinned.view, version: pinned.version }, () => pinned.view.reading(async () => connection, fn));
    } catch (err) {
      failed = true;
      throw err;
    } finally {
      await this.leavePinned(pinned, failed);
    }
  }

  private async leavePinned(pinned: Pinned, failed: boolean): Promise<void> {
    if (failed && pinned.connection && !pinned.broken && !(await probe(pinned.connection))) {
      pinned.broken = true;
      this.log('a failed read aborted the snapshot reads share during a write; further reads wait for the write');
    }
    pinned.users--;
    if (pinned.writeOver && pinned.users === 0) await this.unpin(pinned);
  }

  private async inFreshSnapshot<T>(fn: () => Promise<T>): Promise<T> {
    const view = this.view;
    const version = this.cache.version;
    let connection: DuckDBConnection | null = null;
    let counted = true;
    this.starting++;
    const begun = () => {
      if (!counted) return;
      counted = false;
      if (--this.starting === 0) for (const wake of this.started.splice(0)) wake();
    };
    const open = async () => {
      try {
        const c = await this.snapshotConnection();
        connection = c;
        return c;
      } finally {
        begun();
      }
    };
    try {
      return await scopes.run({ access: this, kind: 'read', db: view, version }, () => view.reading(open, fn));
    } finally {
      begun();
      const c = connection as DuckDBConnection | null;
      if (c) {
        if (await Database.endSnapshot(c)) this.pool.release(c);
        else this.pool.discard(c);
      }
    }
  }

  /** A pooled reader connection inside a fresh read snapshot (a connection that fails to begin one is dropped). */
  private async snapshotConnection(): Promise<DuckDBConnection> {
    const c = await this.pool.acquire();
    try {
      await Database.beginSnapshot(c);
    } catch (err) {
      this.pool.discard(c);
      throw err;
    }
    return c;
  }

  /** Waits until every read that meant to begin a snapshot before now has begun it (or ended). */
  private freshSnapshotsBegun(): Promise<void> {
    if (this.starting === 0) return Promise.resolve();
    return new Promise((resolve) => this.started.push(resolve));
  }

  /** Begins the snapshot reads share while the write about to start runs. */
  private pin(): Pinned {
    let end!: () => void;
    const over = new Promise<void>((resolve) => (end = resolve));
    const pinned: Pinned = { view: this.view, version: this.cache.version, ready: Promise.resolve(null), connection: null, users: 0, writeOver: false, broken: false, over, end };
    pinned.ready = (async () => {
      try {
        const c = await this.snapshotConnection();
        pinned.connection = c;
        return c;
      } catch (err) {
        this.log(`could not begin the snapshot reads share during a write (they will wait for it): ${(err as Error).message}`);
        return null;
      }
    })();
    this.pinned = pinned;
    return pinned;
  }

  private async unpin(pinned: Pinned): Promise<void> {
    const c = pinned.connection;
    if (!c) return;
    pinned.connection = null;
    if (!pinned.broken && (await Database.endSnapshot(c))) this.pool.release(c);
    else this.pool.discard(c);
  }
}

/** Whether a snapshot's transaction still runs statements (an error in it aborts it). */
async function probe(connection: DuckDBConnection): Promise<boolean> {
  try {
    await connection.run('SELECT 1');
    return true;
  } catch {
    return false;
  }
}
