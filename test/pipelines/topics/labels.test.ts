import { describe, expect, test } from 'vitest';
import { distinctLabels, distinctiveTerms, makeLabel, type CentralText, type LabelToken, type TermScore } from '../../../pipelines/topics/labels.js';
import { loadLexicon } from '../../../pipelines/topics/lexicon.js';
import { Segmenter } from '../../../pipelines/topics/segmenter.js';

const token = (t: string, more: Partial<LabelToken> = {}): LabelToken => ({ term: t, surface: t, apart: false, name: false, filler: false, pieceBefore: false, pieceAfter: false, ...more });
const text = (title: string[], body: string[]): CentralText => ({
  title: title.map((t) => token(t)),
  text: [...title, ...body].map((t) => token(t)),
});

describe('distinctive terms', () => {
  test('a term used by most of the topic and rare elsewhere ranks first', () => {
    const inTopic = new Map([['电动车', 90], ['充电', 80], ['小区', 85], ['楼道', 40]]);
    const df = new Map([['电动车', 100], ['充电', 120], ['小区', 20000], ['楼道', 3000]]);
    const terms = distinctiveTerms(inTopic, 100, (t) => df.get(t)!, 500, 3);
    expect(terms.map((t) => t.term)).toEqual(['电动车', '充电', '楼道']);
    expect(terms[0].share).toBe(0.9);
    expect(terms[0].exclusivity).toBe(0.9);
  });
});

describe('labels', () => {
  const terms = [
    { term: '电动车', weight: 2.7, share: 0.9, exclusivity: 0.9 },
    { term: '充电', weight: 2.4, share: 0.8, exclusivity: 0.7 },
    { term: '楼道', weight: 0.6, share: 0.4, exclusivity: 0.1 },
    { term: '火灾', weight: 0.5, share: 0.3, exclusivity: 0.2 },
  ];

  test('the label is the run of adjacent terms that carries most, in text order', () => {
    const sample = [
      text(['电动车', '充电'], ['电动车', '充电', '火灾']),
      text(['电动车', '充电'], ['楼道', '电动车', '充电']),
      text(['电动车', '充电'], ['电动车', '充电']),
    ];
    expect(makeLabel(terms, sample)).toBe('电动车充电');
  });

  test('a label grows by a neighbouring word that a good part of its uses have', () => {
    const sample = [
      text(['楼道', '电动车', '充电'], ['电动车', '充电', '火灾']),
      text(['电动车', '充电'], ['楼道', '电动车', '充电']),
      text(['电动车', '充电'], ['电动车', '充电']),
    ];
    expect(makeLabel(terms, sample)).toBe('楼道电动车充电');
  });

  test('without texts the strongest terms are joined; English words get spaces and their commonest surface', () => {
    expect(makeLabel(terms, [])).toBe('电动车充电楼道');
    const en = [{ term: 'nois', weight: 1, share: 1, exclusivity: 0.5 }, { term: 'loud', weight: 0.9, share: 0.9, exclusivity: 0.5 }];
    const surf = (ws: [string, string][]) => ws.map(([term, surface]) => token(term, { surface }));
    const sample: CentralText[] = [
      { title: surf([['nois', 'noise']]), text: surf([['nois', 'noise'], ['loud', 'loud']]) },
      { title: surf([['nois', 'noise']]), text: surf([['nois', 'noise'], ['loud', 'loud']]) },
    ];
    expect(makeLabel(en, sample)).toBe('noise loud');
  });

  test('a term that reads as a name in most of its uses is never part of a label, however distinctive', () => {
    const river = [{ term: '洋河', weight: 3, share: 1, exclusivity: 1 }, { term: '发臭', weight: 1, share: 0.6, exclusivity: 0.3 }];
    const sample = [0, 1, 2].map((i): CentralText => ({ title: [], text: [token('洋河', { name: i < 2 }), token('发臭')] }));
    expect(makeLabel(river, sample)).toBe('发臭');
    // Only names: the strongest terms that are not names are joined, and with none, the strongest.
    expect(makeLabel(river.slice(0, 1), sample.map((s) => ({ title: [], text: s.text.slice(0, 1) })))).toBe('洋河');
  });

  test('a run neither spans a gap nor starts or ends with a filler word or where a piece of a word is glued on', () => {
    const sample = [0, 1, 2].map((): CentralText => ({ title: [], text: [token('电动车'), token('充电', { apart: true }), token('火灾'), token('附近', { filler: true })] }));
    const withFiller = [...terms, { term: '附近', weight: 3, share: 1, exclusivity: 1 }];
    expect(makeLabel(withFiller, sample)).toBe('充电火灾');
    const cut = [0, 1, 2].map((): CentralText => ({ title: [], text: [token('电动车'), token('充电'), token('火灾', { pieceAfter: true })] }));
    expect(makeLabel(terms, cut)).toBe('电动车充电');
  });

  test('a label taken by a larger topic gets its next distinctive term', () => {
    const noise = { term: '噪音', weight: 1, share: 1, exclusivity: 0.5 };
    const out = distinctLabels(['噪音扰民', '噪音扰民'], [[noise], [noise, { term: '装修', weight: 0.9, share: 0.8, exclusivity: 0.9 }]]);
    expect(out).toEqual(['噪音扰民', '噪音扰民·装修']);
  });
});

/** The label of real texts through the real segmenter, with distinctive terms counted in the texts themselves. */
function labelOf(texts: string[], elsewhere: number): string {
  const seg = Segmenter.create(loadLexicon(), { hmm: false, dropPlaces: true, singleCharsFromLexicon: true });
  const sample = texts.map((t): CentralText => ({ title: [], text: seg.labelTokens(t) }));
  const inTopic = new Map<string, number>();
  for (const s of sample) for (const term of new Set(s.text.map((x) => x.term))) inTopic.set(term, (inTopic.get(term) ?? 0) + 1);
  const terms: TermScore[] = distinctiveTerms(inTopic, texts.length, (term) => inTopic.get(term)! + elsewhere, 10, 50);
  return makeLabel(terms, sample);
}

describe('labels of real texts', () => {
  test('names of places and roads do not become labels, nor pieces of them (fz12345-rivers: 灯不亮八路东郊)', () => {
    const label = labelOf(['三八路路灯不亮，东郊河公园晚上一片漆黑', '东郊河公园路灯不亮，晚上出行不便', '三八路东郊河公园路灯不亮'], 1);
    expect(label).not.toMatch(/八路|东郊|公园/);
    expect(label).toMatch(/灯不亮/);
  });

  test('words of hotline problems the user dictionary knows stay whole (地锁, not 锁 of 私装地锁; 路灯不亮)', () => {
    expect(labelOf(['小区里私装地锁', '有住户私装地锁，车位据为己有', '要求拆除私装地锁'], 1)).toBe('私装地锁');
    expect(labelOf(['反映路灯不亮', '小区门口路灯不亮，晚上很黑', '路灯不亮好几天了'], 1)).toBe('路灯不亮');
  });

  test('a label does not cut a word in the middle (山镇 of 盖山镇, 医 of 头疼医脚)', () => {
    const label = labelOf(['盖山镇中心幼儿园旁边的牛河发出恶臭', '盖山镇中心幼儿园旁边牛河恶臭难忍', '牛河恶臭，盖山镇中心幼儿园的孩子都不敢开窗'], 1);
    expect(label).not.toMatch(/山镇|中心|牛河/);
    expect(label).toMatch(/恶臭/);
    const idiom = labelOf(['河道整治头疼医脚', '整治头疼医脚，河水还是臭', '头疼医脚，河水臭'], 1);
    expect(idiom).not.toMatch(/医$/);
  });

  test('a label is made of words that were next to each other, across stop words only (遛狗不拴绳)', () => {
    const label = labelOf(['小区有人遛狗不拴绳，吓到孩子', '遛狗不拴绳，大狗追着小孩跑', '有住户遛狗不拴绳，狗屎到处都是'], 0);
    expect(label).toBe('遛狗不拴绳');
  });
});
