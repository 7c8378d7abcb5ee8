import { cpSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { LEXICON_DIR, jiebaUserDict, learnedWord, loadLexicon, withLearnedWords } from '../../../pipelines/topics/lexicon.js';
import { tempDir } from '../../helpers/temp-db.js';

describe('lexicon files', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  function copy(): string {
    const t = tempDir();
    cleanup = t.cleanup;
    cpSync(LEXICON_DIR, t.dir, { recursive: true });
    return t.dir;
  }

  test('the shipped lists hold hotline boilerplate, masked tokens and stop words', () => {
    const lex = loadLexicon();
    expect(lex.boilerplate).toEqual(expect.arrayContaining(['市民来电反映', '请相关部门处理', '来电人称']));
    expect(lex.masked).toEqual(expect.arrayContaining(['[电话]', '[身份证]', '[车牌]', '[姓名]']));
    expect(lex.stopZh).toContain('的');
    expect(lex.stopZh.some((w) => w.startsWith('#'))).toBe(false);
  });

  test('boilerplate is sorted longest first, so a long phrase is removed whole', () => {
    const { boilerplate } = loadLexicon();
    for (let i = 1; i < boilerplate.length; i++) expect(boilerplate[i - 1].length).toBeGreaterThanOrEqual(boilerplate[i].length);
  });

  test('an administrator’s edit is read and changes the hash', () => {
    const dir = copy();
    const before = loadLexicon(dir);
    writeFileSync(join(dir, 'stopwords-zh.txt'), `${readFileSync(join(dir, 'stopwords-zh.txt'), 'utf8')}\n# a comment\n广场舞\n`);
    const after = loadLexicon(dir);
    expect(after.stopZh).toContain('广场舞');
    expect(after.stopZh).not.toContain('# a comment');
    expect(after.hash).not.toBe(before.hash);
  });

  test('user words keep frequency and tag', () => {
    const dir = copy();
    writeFileSync(join(dir, 'user-dict.txt'), '幸福里小区 5000 ns\n占道经营\n');
    const lex = loadLexicon(dir);
    expect(lex.userWords).toEqual([{ word: '幸福里小区', freq: 5000, tag: 'ns' }, { word: '占道经营' }]);
    expect(jiebaUserDict(lex.userWords)).toBe('幸福里小区 5000 ns\n占道经营 1000\n');
  });

  test('learned words do not depend on the order they come in', () => {
    const lex = loadLexicon();
    const a = withLearnedWords(lex, [learnedWord({ word: '翠湖苑', kind: 'place' }), learnedWord({ word: '东城区城管局', kind: 'unit' })]);
    const b = withLearnedWords(lex, [learnedWord({ word: '东城区城管局', kind: 'unit' }), learnedWord({ word: '翠湖苑', kind: 'place' })]);
    expect(a.hash).toBe(b.hash);
    expect(a.hash).not.toBe(lex.hash);
    expect(a.userWords.find((w) => w.word === '翠湖苑')?.tag).toBe('ns');
    expect(a.userWords.find((w) => w.word === '东城区城管局')?.tag).toBe('nt');
  });
});
