import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../pipelines/db/database.js';

/**
 * Connections that read beside the writer, lent to one request at a time and kept open between
 * requests (each holds its session macros and views), up to `keepIdle` of them. A request never
 * waits for one: it may be waiting for an answer another request computes, and that request for
 * a connection, so a bounded pool could stall both; a burst opens more, closed once it is over.
 */
export class ReaderPool {
  private idle: DuckDBConnection[] = [];

  constructor(
    private readonly db: Database,
    /** Named statements in sql/ each new connection runs (session macros). */
    private readonly setup: string[],
    private readonly keepIdle: number,
  ) {}

  async acquire(): Promise<DuckDBConnection> {
    return this.idle.pop() ?? this.db.openConnection(this.setup);
  }

  /** Takes back a connection in good order. */
  release(connection: DuckDBConnection): void {
    if (this.idle.length < this.keepIdle) this.idle.push(connection);
    else this.db.closeConnection(connection);
  }

  /** Closes a connection that must not be used again. */
  discard(connection: DuckDBConnection): void {
    this.db.closeConnection(connection);
  }
}
