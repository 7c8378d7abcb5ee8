import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../../pipelines/db/database.js';
import { exportAssignments } from '../../../pipelines/topics/index.js';
import type { FixtureAppeal } from './fixture.js';

export interface AssignmentRow {
  appeal_id: string;
  platform: string;
  topic_id: number | null;
  topic_label: string;
  similarity: number | null;
}

/** Every appeal's topic, read back through `topics export` (sorted by platform and id). */
export async function readAssignments(db: Database, dir: string): Promise<AssignmentRow[]> {
  const file = join(dir, `export-${Date.now()}-${Math.random().toString(36).slice(2)}.csv`);
  await exportAssignments(db, file);
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  expectHeader(header);
  return lines.map((line) => {
    const [appeal_id, platform, topic, topic_label, similarity] = line.split(',');
    return { appeal_id, platform, topic_id: topic ? Number(topic) : null, topic_label, similarity: similarity ? Number(similarity) : null };
  });
}

function expectHeader(header: string): void {
  if (header !== 'appeal_id,platform,topic_id,topic_label,similarity') throw new Error(`unexpected export header ${header}`);
}

/** The true problem of each fixture appeal by id ('' for one-offs). */
export function truthOf(appeals: FixtureAppeal[]): Map<string, string> {
  return new Map(appeals.map((a) => [a.appealId, a.problem]));
}
