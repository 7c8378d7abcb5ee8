import { describe, expect, test } from 'vitest';
import { learnedWord, loadLexicon, withLearnedWords } from '../../../pipelines/topics/lexicon.js';
import { Segmenter, segmenterVersion } from '../../../pipelines/topics/segmenter.js';

const options = { hmm: false, dropPlaces: true, singleCharsFromLexicon: true };

describe('segmentation', () => {
  const seg = Segmenter.create(loadLexicon(), options);

  test('Chinese is cut into words, without boilerplate, stop words, numbers or masked data', () => {
    const terms = seg.terms('市民来电反映：3号楼楼道里有居民给电动车充电，存在火灾隐患，联系电话[电话]，请相关部门处理。');
    expect(terms).toEqual(['楼道', '电动车', '充电', '火灾', '隐患']);
  });

  test('words of the user dictionary stay whole', () => {
    expect(seg.terms('小区门口有人占道经营')).toContain('占道经营');
  });

  test('single characters are kept only when the lexicon lists them', () => {
    expect(seg.terms('狗')).toEqual(['狗']);
    expect(seg.terms('么')).toEqual([]);
  });

  test('learned place names are cut whole and left out of the terms', () => {
    const plain = Segmenter.create(loadLexicon(), options).terms('翠湖苑北门的流浪狗');
    const learned = Segmenter.create(withLearnedWords(loadLexicon(), [learnedWord({ word: '翠湖苑北门', kind: 'place' })]), options).terms('翠湖苑北门的流浪狗');
    expect(plain).not.toEqual(['流浪狗']);
    expect(learned).toEqual(['流浪狗']);
  });

  test('a text gives the same terms however often and in whatever company it is cut', () => {
    const text = '小区广场每天晚上有人跳广场舞，音响声音太大，影响休息';
    const first = seg.terms(text);
    seg.terms('完全不同的一段话：路灯不亮');
    expect(seg.terms(text)).toEqual(first);
    expect(Segmenter.create(loadLexicon(), options).terms(text)).toEqual(first);
  });

  test('English needs natural, loaded on demand: stop words go and words are stemmed', async () => {
    const s = Segmenter.create(loadLexicon(), options);
    const text = 'Noise - Residential: Loud Music/Party at the parties';
    expect(() => s.terms(text)).toThrow(/English/);
    await s.prepare([text]);
    const terms = s.terms(text);
    expect(terms).toEqual(['nois', 'residenti', 'loud', 'music', 'parti', 'parti']);
    expect(s.surfaces(text).map((t) => t.surface)).toContain('parties');
  });

  test('the version names the segmenter and its options', () => {
    expect(segmenterVersion(options)).toMatch(/@node-rs\/jieba \d+\.\d+\.\d+/);
    expect(segmenterVersion({ ...options, hmm: true })).not.toBe(segmenterVersion(options));
  });
});

describe('surfaces for labels', () => {
  test('a negation stays with the word after it', () => {
    const seg = Segmenter.create(loadLexicon(), options);
    const s = seg.surfaces('供暖温度不达标，路灯不亮');
    expect(s.find((t) => t.term === '达标')?.surface).toBe('不达标');
    expect(s.find((t) => t.term === '供暖')?.surface).toBe('供暖');
  });
});
