import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { exportAssignments, listTopics, renameTopic, runTopics } from '../../../pipelines/topics/index.js';
import { tempDb } from '../../helpers/temp-db.js';
import { generateAppeals, insertAppeals } from './fixture.js';

let cleanup = () => {};
afterEach(() => cleanup());

describe('topics export', () => {
  test('writes every appeal with its topic, label and similarity, unclustered ones and police matters empty', async () => {
    const t = await tempDb();
    cleanup = t.cleanup;
    const appeals = generateAppeals({ n: 500, seed: 51, problems: 6, oneOffShare: 0.1 });
    const police = { ...appeals[0], platform: '110' as const, appealId: 'P1', isPoliceMatter: true, problem: '' };
    await insertAppeals(t.db, [...appeals, police]);
    const s = await runTopics(t.db);
    const [first] = await listTopics(t.db);
    await renameTopic(t.db, first.topicId, '=危险标签');
    const file = join(t.dir, 'topics.csv');
    expect(await exportAssignments(t.db, file)).toBe(appeals.length + 1);
    const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
    expect(header).toBe('appeal_id,platform,topic_id,topic_label,similarity');
    expect(lines.length).toBe(appeals.length + 1);
    const rows = lines.map((l) => l.split(','));
    expect(rows.filter((r) => r[2] !== '').length).toBe(s.clustered);
    expect(rows.find((r) => r[0] === 'P1')).toEqual(['P1', '110', '', '', '']);
    const ofFirst = rows.filter((r) => r[2] === String(first.topicId));
    expect(ofFirst.length).toBe(first.size);
    expect(ofFirst.every((r) => r[3] === "'=危险标签" && Number(r[4]) > 0 && Number(r[4]) <= 1)).toBe(true);
    const keys = rows.map((r) => `${r[1]}\u0000${r[0]}`);
    expect(keys).toEqual([...keys].sort());
  });
});
