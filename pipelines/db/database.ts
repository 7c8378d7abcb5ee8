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

/**
 * One DuckDB database file and one connection to it. Queries are named files under sql/;
 * `query`/`exec` take raw text only for statements built from validated identifiers.
 */
export class Database {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  /** Opens (creating if needed) the file, sets the session up and applies pending migrations. */
  static async open(path: string, options: { threads?: number } = {}): Promise<Database> {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const config: Record<string, string> = { autoinstall_known_extensions: 'false', autoload_known_extensions: 'true' };
    if (options.threads) config.threads = String(options.threads);
    const instance = await DuckDBInstance.create(path, config);
    const connection = await instance.connect();
    const db = new Database(path, instance, connection);
    await connection.run("SET TimeZone = 'Asia/Shanghai'");
    await migrate(db);
    await connection.run(sqlText('macros'));
    return db;
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
    if (!params) return plainRows((await this.connection.runAndReadAll(text)).getRowObjectsJS() as Record<string, unknown>[]) as T[];
    return this.statements(text, params);
  }

  async exec(text: string, params?: Params): Promise<void> {
    const started = TIMING ? Date.now() : 0;
    if (!params) await this.connection.run(text);
    else await this.statements(text, params);
    if (TIMING) console.error(`[sql ${Date.now() - started} ms] ${text.replace(/\s+/g, ' ').slice(0, 100)}`);
  }

  /**
   * Runs each statement of `text` with the parameters it names (the client binds parameters to the
   * last statement only), returning the last statement's rows.
   */
  private async statements<T extends Row>(text: string, params: Params): Promise<T[]> {
    const extracted = await this.connection.extractStatements(text);
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
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await fn();
      await this.connection.run('COMMIT');
      return result;
    } catch (err) {
      await this.connection.run('ROLLBACK');
      throw err;
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
