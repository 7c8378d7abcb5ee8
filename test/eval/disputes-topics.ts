import type { Database } from '../../pipelines/db/database.js';

/**
 * Writes a topic assignment made outside the topic engine (ground-truth problem keys, or a simple
 * grouping) into topics / appeal_topics, replacing what is there.
 */
export async function assignTopics(
  db: Database,
  topics: { topicId: number; label: string }[],
  members: { platform: string; appealId: string; topicId: number }[],
): Promise<void> {
  await db.query('DELETE FROM appeal_topics; DELETE FROM topics;');
  await db.query(
    `INSERT INTO topics (topic_id, label, size)
     SELECT t.topic_id, t.label, 0 FROM (SELECT unnest(from_json($1, '[{"topicId":"INTEGER","label":"VARCHAR"}]'), recursive := true)) t(topic_id, label)`,
    [JSON.stringify(topics)],
  );
  await db.query(
    `INSERT INTO appeal_topics (platform, appeal_id, topic_id, similarity)
     SELECT m.platform, m.appeal_id, m.topic_id, 1.0
     FROM (SELECT unnest(from_json($1, '[{"platform":"VARCHAR","appealId":"VARCHAR","topicId":"INTEGER"}]'), recursive := true)) m(platform, appeal_id, topic_id)`,
    [JSON.stringify(members)],
  );
}
