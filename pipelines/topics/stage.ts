import { BIGINT, DOUBLE, DuckDBBigIntVector, DuckDBDataChunk, DuckDBDoubleVector, DuckDBIntegerVector, INTEGER } from '@duckdb/node-api';
import type { Database } from '../db/database.js';

/** One appeal's outcome for topic_stage: topic and nearest topic are -1 for none (NULL). */
export interface StageRows {
  n: number;
  rid(i: number): number;
  topic(i: number): number;
  similarity(i: number): number;
  best(i: number): number;
}

/**
 * Writes a run's or an assignment's outcome into topic_stage a vector of rows at a time (a
 * million rows take about half the time of appending them value by value).
 */
export async function writeStage(db: Database, rows: StageRows): Promise<void> {
  const appender = await db.connection.createAppender('topic_stage');
  try {
    const chunk = DuckDBDataChunk.create([BIGINT, INTEGER, DOUBLE, INTEGER]);
    for (let from = 0; from < rows.n; ) {
      const m = Math.min(rows.n - from, 2048);
      chunk.rowCount = m;
      const rid = chunk.getColumnVector(0) as DuckDBBigIntVector;
      const topic = chunk.getColumnVector(1) as DuckDBIntegerVector;
      const similarity = chunk.getColumnVector(2) as DuckDBDoubleVector;
      const best = chunk.getColumnVector(3) as DuckDBIntegerVector;
      for (let j = 0; j < m; j++, from++) {
        const t = rows.topic(from);
        const b = rows.best(from);
        rid.setItem(j, BigInt(rows.rid(from)));
        topic.setItem(j, t >= 0 ? t : null);
        similarity.setItem(j, rows.similarity(from));
        best.setItem(j, b >= 0 ? b : null);
      }
      rid.flush();
      topic.flush();
      similarity.flush();
      best.flush();
      appender.appendDataChunk(chunk);
    }
  } finally {
    appender.closeSync();
  }
}
