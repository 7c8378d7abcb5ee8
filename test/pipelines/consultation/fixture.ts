import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../../pipelines/db/database.js';

/**
 * A hand-built city for the consultation tests: every appeal of a topic is dispatched to
 * `first`; `returned` of them are sent back by it (职能交叉) and then accepted by `owner`, the
 * rest are accepted by `first` — each `hours` after receipt. Appeals are spread one per day.
 */
export interface TopicPeriod {
  topic: number;
  /** First receipt day (local), YYYY-MM-DD; appeal k arrives k days later at 09:00 (wrapping every `spreadDays`). */
  from: string;
  appeals: number;
  returned: number;
  hours: number;
  first: string;
  owner: string;
  district?: string;
  spreadDays?: number;
  /** Masked text of every appeal of this period. */
  text?: string;
}

interface AppealRow {
  platform: string;
  appeal_id: string;
  received_at: string;
  district: string;
  title: string;
  content: string;
  topic_id: number;
}

interface TransferRow {
  platform: string;
  appeal_id: string;
  seq: number;
  from_party: string;
  to_party: string;
  sent_at: string;
  accepted_at: string | null;
  outcome: string;
  reason: string | null;
}

const local = (d: Date) => `${d.toISOString().slice(0, 19)}+08:00`;

function plusHours(iso: string, hours: number): string {
  const d = new Date(`${iso.slice(0, 19)}Z`);
  d.setUTCMinutes(d.getUTCMinutes() + Math.round(hours * 60));
  return local(d);
}

/** Writes the topics, appeals, assignments and transfers of `periods` into `db` (via NDJSON files in `dir`). */
export async function loadCity(db: Database, dir: string, labels: Record<number, string>, periods: TopicPeriod[]): Promise<void> {
  const appeals: AppealRow[] = [];
  const transfers: TransferRow[] = [];
  let n = 0;
  for (const p of periods) {
    for (let k = 0; k < p.appeals; k++) {
      n += 1;
      const day = new Date(`${p.from}T09:00:00Z`);
      day.setUTCDate(day.getUTCDate() + (k % (p.spreadDays ?? 28)));
      const received = local(day);
      const id = `A${String(n).padStart(6, '0')}`;
      appeals.push({ platform: '12345', appeal_id: id, received_at: received, district: p.district ?? '东城区', title: labels[p.topic], content: p.text ?? `市民反映${labels[p.topic]}问题`, topic_id: p.topic });
      const sent = plusHours(received, 0.5);
      if (k < p.returned) {
        transfers.push({ platform: '12345', appeal_id: id, seq: 1, from_party: '12345', to_party: p.first, sent_at: sent, accepted_at: null, outcome: 'returned', reason: '职能交叉，不属于我单位职责' });
        transfers.push({ platform: '12345', appeal_id: id, seq: 2, from_party: '12345', to_party: p.owner, sent_at: plusHours(sent, 1), accepted_at: plusHours(received, p.hours), outcome: 'accepted', reason: null });
      } else {
        transfers.push({ platform: '12345', appeal_id: id, seq: 1, from_party: '12345', to_party: p.first, sent_at: sent, accepted_at: plusHours(received, p.hours), outcome: 'accepted', reason: null });
      }
    }
  }
  const appealsFile = join(dir, `appeals-${Date.now()}.ndjson`);
  const transfersFile = join(dir, `transfers-${Date.now()}.ndjson`);
  writeFileSync(appealsFile, appeals.map((a) => JSON.stringify(a)).join('\n'));
  writeFileSync(transfersFile, transfers.map((t) => JSON.stringify(t)).join('\n'));
  for (const [id, label] of Object.entries(labels)) await db.query('INSERT OR IGNORE INTO topics (topic_id, label, status) VALUES ($1, $2, $3)', [Number(id), label, 'active']);
  await db.query(
    `INSERT INTO appeals (platform, appeal_id, channel, received_at, district, title, content, row_hash, import_id, source_file, source_row, loaded_at)
     SELECT platform, appeal_id, 'phone', received_at::TIMESTAMPTZ, district, title, content, 'h', 1, 'fixture', row_number() OVER (), now()
     FROM read_json($1, columns = {platform: 'VARCHAR', appeal_id: 'VARCHAR', received_at: 'VARCHAR', district: 'VARCHAR', title: 'VARCHAR', content: 'VARCHAR', topic_id: 'INTEGER'})`,
    [appealsFile],
  );
  await db.query(
    `INSERT INTO appeal_topics SELECT platform, appeal_id, topic_id, 0.9 - (row_number() OVER (PARTITION BY topic_id ORDER BY appeal_id)) / 1000.0
     FROM read_json($1, columns = {platform: 'VARCHAR', appeal_id: 'VARCHAR', received_at: 'VARCHAR', district: 'VARCHAR', title: 'VARCHAR', content: 'VARCHAR', topic_id: 'INTEGER'})`,
    [appealsFile],
  );
  if (transfers.length)
    await db.query(
      `INSERT INTO transfers (platform, appeal_id, seq, from_party, to_party, method, sent_at, accepted_at, outcome, reason, row_hash, import_id, source_file, source_row, loaded_at)
       SELECT platform, appeal_id, seq, from_party, to_party, 'dispatch', sent_at::TIMESTAMPTZ, accepted_at::TIMESTAMPTZ, outcome, reason, 'h', 1, 'fixture', row_number() OVER (), now()
       FROM read_json($1, columns = {platform: 'VARCHAR', appeal_id: 'VARCHAR', seq: 'INTEGER', from_party: 'VARCHAR', to_party: 'VARCHAR', sent_at: 'VARCHAR', accepted_at: 'VARCHAR', outcome: 'VARCHAR', reason: 'VARCHAR'})`,
      [transfersFile],
    );
}
