import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shipped lexicon folder: plain text files an administrator may edit (one entry a line). */
export const LEXICON_DIR = join(dirname(fileURLToPath(import.meta.url)), 'lexicon');

/** A word the segmenter must keep whole; tag `ns` marks a place name (left out of topic vectors). */
export interface UserWord {
  word: string;
  freq?: number;
  tag?: string;
}

/** Everything the segmenter needs, as plain data so it can be sent to worker threads. */
export interface Lexicon {
  stopZh: string[];
  stopEn: string[];
  boilerplate: string[];
  masked: string[];
  /** Single Chinese characters kept as terms (all others are dropped). */
  singleChars: string[];
  userWords: UserWord[];
  /** Traditional → simplified character pairs. */
  traditional: [string, string][];
  /** Hash of all of the above: part of a run's record, so a published result can be reproduced. */
  hash: string;
}

function lines(dir: string, file: string): string[] {
  return readFileSync(join(dir, file), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

function parseUserWord(line: string): UserWord {
  const [word, freq, tag] = line.split(/\s+/);
  const n = Number(freq);
  return { word, ...(freq && Number.isFinite(n) ? { freq: n } : {}), ...(tag ? { tag } : {}) };
}

function hashOf(lexicon: Omit<Lexicon, 'hash'>): string {
  return createHash('sha256').update(JSON.stringify(lexicon)).digest('hex').slice(0, 16);
}

/** Reads the lexicon files of `dir` (the shipped folder by default). */
export function loadLexicon(dir: string = LEXICON_DIR): Lexicon {
  const base = {
    stopZh: lines(dir, 'stopwords-zh.txt'),
    stopEn: lines(dir, 'stopwords-en.txt').map((w) => w.toLowerCase()),
    // Longest first, so that 请相关部门尽快处理 is removed whole rather than leaving 尽快处理.
    boilerplate: [...new Set(lines(dir, 'boilerplate.txt'))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)),
    masked: lines(dir, 'masked-tokens.txt'),
    singleChars: lines(dir, 'single-chars.txt'),
    userWords: lines(dir, 'user-dict.txt').map(parseUserWord),
    traditional: lines(dir, 'traditional.txt').map((l) => l.split(/\s+/) as [string, string]),
  };
  return { ...base, hash: hashOf(base) };
}

/** The lexicon plus words learned from the data (sorted, so the hash does not depend on their order). */
export function withLearnedWords(lexicon: Lexicon, learned: UserWord[]): Lexicon {
  const known = new Set(lexicon.userWords.map((w) => w.word));
  const extra = learned.filter((w) => !known.has(w.word)).sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  const { hash: _hash, ...base } = lexicon;
  const next = { ...base, userWords: [...lexicon.userWords, ...extra] };
  return { ...next, hash: hashOf(next) };
}

/** The user dictionary in jieba's format (`word freq tag` lines). */
export function jiebaUserDict(words: UserWord[]): string {
  return words.map((w) => `${w.word} ${w.freq ?? 1000}${w.tag ? ` ${w.tag}` : ''}`).join('\n') + '\n';
}

/** A learned name as a user word: frequent enough for jieba to keep it whole, tagged as a place or unit. */
export function learnedWord(r: { word: string; kind: string }): UserWord {
  return { word: r.word, freq: 100_000, tag: r.kind === 'unit' ? 'nt' : 'ns' };
}
