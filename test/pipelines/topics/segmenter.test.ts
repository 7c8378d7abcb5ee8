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
    expect(s.labelTokens(text).map((t) => t.surface)).toContain('parties');
  });

  test('the version names the segmenter and its options', () => {
    expect(segmenterVersion(options)).toMatch(/@node-rs\/jieba \d+\.\d+\.\d+/);
    expect(segmenterVersion({ ...options, hmm: true })).not.toBe(segmenterVersion(options));
  });
});

describe('terms for labels', () => {
  const seg = Segmenter.create(loadLexicon(), options);
  const flags = (text: string) => seg.labelTokens(text).map((t) => `${t.apart ? '|' : ''}${t.surface}${t.name ? '*' : ''}${t.filler ? '~' : ''}${t.pieceAfter ? '+' : ''}`);

  test('a negation stays with the word after it', () => {
    const s = seg.labelTokens('供暖温度不达标，路灯不亮');
    expect(s.find((t) => t.term === '达标')?.surface).toBe('不达标');
    expect(s.find((t) => t.term === '供暖')?.surface).toBe('供暖');
  });

  test('a clause break or a dropped piece sets a term apart; a stop word, numeral or function character does not', () => {
    expect(flags('小区有人遛狗不拴绳，吓到孩子')).toEqual(['|小区', '有人~', '遛狗', '不拴绳', '|孩子']);
    expect(flags('一套房隔成多间出租')).toEqual(['|套房', '隔成', '出租']);
  });

  test('pieces of road, place and unit names read as names, or as fillers no label starts or ends with (三八路, 东郊河公园, 盖山镇中心幼儿园)', () => {
    // 路灯不亮 is in the user dictionary: the road name's last 路 is no longer glued to 灯不亮
    expect(flags('三八路路灯不亮')).toEqual(['|八路~', '路灯不亮']);
    expect(flags('东郊河公园路灯不亮')).toEqual(['|东郊*', '河*', '公园*', '路灯不亮']);
    expect(flags('盖山镇中心幼儿园旁边的牛河发出恶臭')).toEqual(['|山镇*', '中心*', '幼儿园*', '旁边~', '牛*', '河*', '发出', '恶臭']);
  });

  test('common words that jieba also tags as places are not names (河水, 内河, 门口)', () => {
    expect(flags('河水发黑，内河发臭，小区门口有人摆摊')).toEqual(['|河水', '发黑', '|内河', '发臭', '|小区', '门口~', '有人~', '摆摊']);
  });

  test('a word with an unknown piece glued after it is marked, so that no label ends there (头疼医脚)', () => {
    expect(flags('头疼医脚')).toEqual(['|头疼', '医+']);
  });
});
