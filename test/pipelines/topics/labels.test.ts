import { describe, expect, test } from 'vitest';
import { distinctLabels, distinctiveTerms, makeLabel, type CentralText } from '../../../pipelines/topics/labels.js';

const text = (title: string[], body: string[]): CentralText => ({
  title: title.map((t) => ({ term: t, surface: t })),
  text: [...title, ...body].map((t) => ({ term: t, surface: t })),
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
    const surf = (ws: [string, string][]) => ws.map(([term, surface]) => ({ term, surface }));
    const sample: CentralText[] = [
      { title: surf([['nois', 'noise']]), text: surf([['nois', 'noise'], ['loud', 'loud']]) },
      { title: surf([['nois', 'noise']]), text: surf([['nois', 'noise'], ['loud', 'loud']]) },
    ];
    expect(makeLabel(en, sample)).toBe('noise loud');
  });

  test('a label taken by a larger topic gets its next distinctive term', () => {
    const noise = { term: '噪音', weight: 1, share: 1, exclusivity: 0.5 };
    const out = distinctLabels(['噪音扰民', '噪音扰民'], [[noise], [noise, { term: '装修', weight: 0.9, share: 0.8, exclusivity: 0.9 }]]);
    expect(out).toEqual(['噪音扰民', '噪音扰民·装修']);
  });
});
