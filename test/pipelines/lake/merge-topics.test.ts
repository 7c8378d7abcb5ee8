import { describe, expect, it } from 'vitest';
import { dotNamed, mergeTopics, toLakeWeights, type NamedVector, type PartTopic } from '../../../pipelines/lake/merge-topics.js';

function unit(entries: [string, number][]): NamedVector {
  const n = Math.sqrt(entries.reduce((s, [, w]) => s + w * w, 0));
  return new Map(entries.map(([t, w]) => [t, w / n]));
}

function part(partition: string, localId: number, size: number, centroid: [string, number][], label = `${partition}#${localId}`): PartTopic {
  return { partition, localId, label, size, threshold: 0.3, centroid: unit(centroid), terms: centroid.map(([term]) => ({ term, share: 0.5 })) };
}

const opts = { threshold: 0.4, matchThreshold: 0.5, topTerms: 5, df: () => 10 };

// Two problems found in three districts with slightly different wording, and one found only in the third.
const PARTS: PartTopic[] = [
  part('district=东城区', 1, 120, [['停车', 3], ['占道', 2], ['小区', 0.5]], '违章停车'),
  part('district=东城区', 2, 80, [['噪音', 3], ['施工', 2], ['夜间', 1]], '夜间施工噪音'),
  part('district=西城区', 1, 60, [['噪音', 3], ['施工', 2.5], ['工地', 0.5]], '施工噪音'),
  part('district=西城区', 2, 50, [['停车', 3], ['占道', 1.5], ['路口', 0.5]], '占道停车'),
  part('district=南湖区', 1, 40, [['停车', 2.5], ['占道', 2]]),
  part('district=南湖区', 2, 30, [['暖气', 3], ['温度', 2]], '暖气不热'),
];

/** Each merged topic as the sorted partition topics in it, for comparisons that ignore order. */
function grouping(parts: PartTopic[], merge: ReturnType<typeof mergeTopics>): string[] {
  return merge.topics.map((t) => t.members.map((i) => `${parts[i].partition}#${parts[i].localId}`).sort().join(' + ')).sort();
}

describe('mergeTopics', () => {
  it('makes one topic of a problem found in several partitions and keeps different problems apart', () => {
    const merge = mergeTopics(PARTS, [], opts);
    expect(grouping(PARTS, merge)).toEqual([
      'district=东城区#1 + district=南湖区#1 + district=西城区#2',
      'district=东城区#2 + district=西城区#1',
      'district=南湖区#2',
    ]);
    const parking = merge.topics[0];
    expect(parking.size).toBe(120 + 50 + 40);
    expect(parking.partitions).toBe(3);
    // the label of its largest partition topic; ids by size, largest first
    expect(merge.topics.map((t) => [t.id, t.label])).toEqual([
      [1, '违章停车'],
      [2, '夜间施工噪音'],
      [3, '暖气不热'],
    ]);
    // every partition topic points at its merged topic, with the similarity of their centroids
    merge.of.forEach((o, i) => {
      const topic = merge.topics.find((t) => t.members.includes(i))!;
      expect(o.id).toBe(topic.id);
      expect(o.similarity).toBeCloseTo(dotNamed(PARTS[i].centroid, topic.centroid), 12);
    });
    // a merged centroid is a unit vector
    expect(dotNamed(parking.centroid, parking.centroid)).toBeCloseTo(1, 12);
  });

  it('keeps topics apart below the threshold', () => {
    const strict = mergeTopics(PARTS, [], { ...opts, threshold: 0.999 });
    expect(strict.topics).toHaveLength(PARTS.length);
  });

  it('gives the same grouping whatever order the partition topics come in', () => {
    const reversed = [...PARTS].reverse();
    expect(grouping(reversed, mergeTopics(reversed, [], opts))).toEqual(grouping(PARTS, mergeTopics(PARTS, [], opts)));
  });

  it("lends a previous merge's ids to the topics found again, without changing the grouping", () => {
    const first = mergeTopics(PARTS, [], opts);
    // the previous merge knew noise as 7 and parking as 9 (and a topic gone since, 4)
    const seeds = [
      { id: 7, centroid: first.topics[1].centroid },
      { id: 9, centroid: first.topics[0].centroid },
      { id: 4, centroid: unit([['路灯', 1]]) },
    ];
    const again = mergeTopics(PARTS, seeds, opts);
    expect(grouping(PARTS, again)).toEqual(grouping(PARTS, first));
    expect(again.topics.map((t) => [t.id, t.label])).toEqual([
      [9, '违章停车'],
      [7, '夜间施工噪音'],
      // new topics come after every earlier id
      [10, '暖气不热'],
    ]);
    // an id goes to one topic only: two seeds like the same topic, the more similar one wins
    const twice = mergeTopics(PARTS, [{ id: 3, centroid: unit([['停车', 1]]) }, { id: 9, centroid: first.topics[0].centroid }], opts);
    expect(twice.topics[0].id).toBe(9);
    expect(twice.topics.map((t) => t.id)).not.toContain(3);
  });

  it('joins a variant wording some partitions split off to the problem, but keeps apart what every partition kept apart', () => {
    const parts = [
      // wage arrears everywhere; some districts split off the building-site wording
      part('district=a', 1, 300, [['拖欠', 3], ['工资', 3], ['老板', 1]], '拖欠工资'),
      part('district=b', 1, 280, [['拖欠', 3], ['工资', 3], ['公司', 1]]),
      part('district=c', 1, 250, [['拖欠', 3], ['工资', 3]]),
      part('district=a', 2, 40, [['工地', 3], ['包工头', 2], ['工资', 1.3], ['拖欠', 0.6]], '工地欠薪'),
      part('district=b', 2, 30, [['工地', 3], ['包工头', 2], ['工资', 1.3], ['拖欠', 0.6]]),
      // parking and abandoned cars, side by side in every district
      part('district=a', 3, 200, [['停车', 3], ['占道', 2]], '违章停车'),
      part('district=b', 3, 190, [['停车', 3], ['占道', 2]]),
      part('district=c', 3, 180, [['停车', 3], ['占道', 2]]),
      part('district=a', 4, 90, [['僵尸车', 3], ['停车', 1], ['占道', 0.6]], '僵尸车'),
      part('district=b', 4, 80, [['僵尸车', 3], ['停车', 1], ['占道', 0.6]]),
      part('district=c', 4, 70, [['僵尸车', 3], ['停车', 1], ['占道', 0.6]]),
    ];
    // both pairs are less similar than the join threshold, more than the topics' own thresholds (0.3)
    for (const s of [dotNamed(parts[3].centroid, parts[2].centroid), dotNamed(parts[8].centroid, parts[5].centroid)]) {
      expect(s).toBeLessThan(opts.threshold);
      expect(s).toBeGreaterThan(0.3);
    }
    expect(grouping(parts, mergeTopics(parts, [], opts))).toEqual([
      'district=a#1 + district=a#2 + district=b#1 + district=b#2 + district=c#1',
      'district=a#3 + district=b#3 + district=c#3',
      'district=a#4 + district=b#4 + district=c#4',
    ]);
    // a topic lets in no text less similar than its threshold: nor a variant less similar than that
    const strict = parts.map((p) => ({ ...p, threshold: 0.39 }));
    expect(mergeTopics(strict, [], opts).topics).toHaveLength(4);
  });

  it('combines the distinctive terms of the partition topics by their sizes', () => {
    const parts = [
      { ...part('district=a', 1, 100, [['停车', 1]]), terms: [{ term: '停车', share: 0.9 }, { term: '占道', share: 0.2 }] },
      { ...part('district=b', 1, 300, [['停车', 1]]), terms: [{ term: '停车', share: 0.5 }] },
    ];
    const [topic] = mergeTopics(parts, [], opts).topics;
    expect(topic.terms.map((t) => t.term)).toEqual(['停车', '占道']);
    expect(topic.terms[0].share).toBeCloseTo((0.9 * 100 + 0.5 * 300) / 400, 12);
    expect(topic.terms[1].share).toBeCloseTo((0.2 * 100) / 400, 12);
  });
});

describe('toLakeWeights', () => {
  it("weighs a partition's centroid by the whole lake's document frequencies", () => {
    // 路口 is in most texts of this partition, but rare in the lake: it counts for more afterwards
    const partitionDf = new Map([['停车', 50], ['路口', 900]]);
    const lakeDf = new Map([['停车', 5_000], ['路口', 1_000]]);
    const v = toLakeWeights([['停车', 0.8], ['路口', 0.6]], (t) => partitionDf.get(t)!, 1_000, (t) => lakeDf.get(t)!, 100_000);
    expect(dotNamed(v, v)).toBeCloseTo(1, 12);
    expect(v.get('路口')! / v.get('停车')!).toBeGreaterThan(0.6 / 0.8);
    // the same frequencies everywhere change nothing
    const same = toLakeWeights([['停车', 0.8], ['路口', 0.6]], (t) => partitionDf.get(t)!, 1_000, (t) => partitionDf.get(t)!, 1_000);
    expect(same.get('停车')).toBeCloseTo(0.8, 12);
    expect(same.get('路口')).toBeCloseTo(0.6, 12);
  });
});
