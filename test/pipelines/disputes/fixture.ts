import type { Database } from '../../../pipelines/db/database.js';

/** One hand-built appeal; times are local (Asia/Shanghai) 'YYYY-MM-DD HH:MM'. */
export interface FixtureAppeal {
  id: string;
  platform?: string;
  at: string;
  district?: string | null;
  title?: string | null;
  content?: string;
  caller?: string | null;
  address?: string | null;
  handling?: string | null;
  closed?: string | null;
  police?: boolean | null;
  responded?: boolean | null;
  resolved?: boolean | null;
  satisfaction?: 'satisfied' | 'basic' | 'dissatisfied' | null;
  /** The handling unit's reply. */
  reply?: string | null;
  /** 诉求类型. */
  type?: string | null;
  topic?: number;
}

/** One hand-over of a fixture appeal. */
export interface FixtureTransfer {
  id: string;
  platform?: string;
  seq: number;
  from: string;
  to: string;
  method?: 'dispatch' | 'one_click' | 'online' | 'three_party_call';
  sent: string;
  accepted?: string | null;
  outcome?: 'accepted' | 'returned' | 'negotiated' | 'pending';
  reason?: string | null;
}

const ts = (s: string | null | undefined) => (s ? `${s}:00+08:00` : null);

/** Inserts rows in batches of one multi-row INSERT each (row-by-row inserts make fixtures slow). */
async function insertRows(db: Database, head: string, template: string, rows: unknown[][]): Promise<void> {
  const width = rows[0]?.length ?? 0;
  for (let start = 0; start < rows.length; start += 200) {
    const batch = rows.slice(start, start + 200);
    const values = batch.map((_, r) => template.replace(/\$(\d+)/g, (_m, k: string) => `$${r * width + Number(k)}`)).join(',\n');
    await db.query(`${head} VALUES ${values}`, batch.flat() as never);
  }
}

export async function insertAppeals(db: Database, rows: FixtureAppeal[]): Promise<void> {
  await insertRows(
    db,
    `INSERT INTO appeals (platform, appeal_id, channel, received_at, district, address, title, content, caller_key,
       is_police_matter, handling_unit, closed_at, responded, resolved, satisfaction, reply, appeal_type, row_hash, import_id, source_file, source_row, loaded_at)`,
    "($1, $2, 'phone', $3::TIMESTAMPTZ, $4, $5, $6, $7, $8, $9, $10, $11::TIMESTAMPTZ, $12, $13, $14, $15, $16, 'h', 1, 'fixture', $17, now())",
    rows.map((a, i) => [
      a.platform ?? '12345', a.id, ts(a.at), a.district === undefined ? '东城区' : a.district, a.address ?? null, a.title ?? null,
      a.content ?? '市民反映问题', a.caller ?? null, a.police ?? null, a.handling ?? null, ts(a.closed), a.responded ?? null,
      a.resolved ?? null, a.satisfaction ?? null, a.reply ?? null, a.type ?? null, i + 1,
    ]),
  );
  const topics = rows.filter((a) => a.topic !== undefined);
  for (const id of new Set(topics.map((a) => a.topic))) {
    await db.query('INSERT OR IGNORE INTO topics (topic_id, label) VALUES ($1, $2)', [id!, `topic ${id}`]);
  }
  if (topics.length) {
    await insertRows(db, 'INSERT INTO appeal_topics (platform, appeal_id, topic_id, similarity)', '($1, $2, $3, 0.9)', topics.map((a) => [a.platform ?? '12345', a.id, a.topic!]));
  }
}

export async function insertTransfers(db: Database, rows: FixtureTransfer[]): Promise<void> {
  await insertRows(
    db,
    `INSERT INTO transfers (platform, appeal_id, seq, from_party, to_party, method, sent_at, accepted_at, outcome, reason,
       row_hash, import_id, source_file, source_row, loaded_at)`,
    "($1, $2, $3, $4, $5, $6, $7::TIMESTAMPTZ, $8::TIMESTAMPTZ, $9, $10, 'h', 1, 'fixture', $11, now())",
    rows.map((t, i) => [
      t.platform ?? '12345', t.id, t.seq, t.from, t.to, t.method ?? 'dispatch', ts(t.sent), ts(t.accepted),
      t.outcome ?? (t.accepted ? 'accepted' : 'pending'), t.reason ?? null, i + 1,
    ]),
  );
}

export interface SignalRow {
  appeal_id: string;
  unit_dispatches: number;
  unit_kinds: number;
  returns: number;
  functional_returns: number;
  territorial_returns: number;
  platform_handovers: number;
  owner_unit: string | null;
  owner_kind: string | null;
  hours_to_first_accept: number | null;
  hours_to_owner: number | null;
  sig_functional_return: boolean;
  sig_redispatch_kind: boolean;
  sig_ping_pong: boolean;
  sig_three_party: boolean;
  sig_no_owner: boolean;
  sig_slow_accept: boolean;
  sig_many_kinds: boolean;
  sig_text_cue: boolean;
  text_cue: string | null;
  sig_repeat_caller: boolean;
  sig_repeat_address: boolean;
  signal_count: number;
}

export async function signalsOf(db: Database): Promise<Map<string, SignalRow>> {
  const rows = await db.query<SignalRow & Record<string, unknown>>('SELECT * FROM appeal_signals ORDER BY appeal_id');
  return new Map(rows.map((r) => [r.appeal_id, r]));
}
