import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { ClauseCache, HASH_A, HASH_B, clauseKind, forEachClause, stepA, stepB } from './clause-cache.js';
import { isEnglish, loadEnglish, type English } from './english.js';
import { jiebaUserDict, type Lexicon } from './lexicon.js';
import { makeClauseCleaner, makeTextCleaner } from './normalise.js';

const require = createRequire(import.meta.url);
const JIEBA_VERSION = (require('@node-rs/jieba/package.json') as { version: string }).version;
const NATURAL_VERSION = (require('natural/package.json') as { version: string }).version;

export interface SegmenterOptions {
  /** jieba's HMM for words missing from the dictionary (slower, finds more new words). */
  hmm: boolean;
  /** Leave place and unit names (user words tagged ns / nt) out of the terms. */
  dropPlaces: boolean;
  /** Keep only the lexicon's single characters (others are mostly fragments of unknown names). */
  singleCharsFromLexicon: boolean;
}

/** Tags of user words that name places or units rather than problems. */
const PLACE_TAGS = new Set(['ns', 'nt']);
const WORD_CHAR = /[\p{Script=Han}a-z]/u;
const DIGIT = /\d/;
const HAN_NUMBER = /^[零〇一二三四五六七八九十百千万亿两几]+$/u;
const DROP = -1;
const NEGATIONS = new Set(['不', '没', '没有', '未', '无', '非', '无法', '不能', '不再']);
/** Loaded jiebas by lexicon hash (each holds ~50 MB of dictionary). */
const loaded = new Map<string, Jieba>();
const KEEP_LOADED = 3;

/** Identifies the segmentation for a run's record: same version, same terms. */
export function segmenterVersion(options: SegmenterOptions): string {
  return `@node-rs/jieba ${JIEBA_VERSION} (default dict${options.hmm ? ', hmm' : ''}${options.singleCharsFromLexicon ? ', lexicon single chars' : ''}); natural ${NATURAL_VERSION} porter`;
}

/**
 * Turns a text into its terms: normalise, segment (jieba with the user dictionary; natural for
 * English texts), and drop stop words, numbers, masked tokens and place names. Terms get ids in
 * this segmenter's own table; each raw token is looked up once and cached. Chinese text is cut into
 * clauses (see clauseKind) that are segmented once and then taken from a cache: hotline texts
 * repeat their clauses a lot.
 */
export class Segmenter {
  private readonly cleanText: (text: string) => string;
  private readonly cleanClause: (clause: string) => string;
  private readonly stopZh: Set<string>;
  /** The lexicon's English stop words; natural's list is added for English texts only, so a Latin
   * word inside a Chinese text is treated the same whether or not natural was loaded. */
  private readonly stopEn: Set<string>;
  private readonly stopEnAll: Set<string>;
  private readonly places: Set<string>;
  private readonly singleChars: Set<string> | null;
  private readonly zhCache = new Map<string, number>();
  private readonly enCache = new Map<string, number>();
  private readonly clauses = new ClauseCache();
  private readonly termIds = new Map<string, number>();
  private readonly termList: string[] = [];
  private english: English | undefined;

  private constructor(
    private readonly jieba: Jieba,
    lexicon: Lexicon,
    readonly options: SegmenterOptions,
  ) {
    this.cleanText = makeTextCleaner(lexicon);
    this.cleanClause = makeClauseCleaner(lexicon);
    this.stopZh = new Set(lexicon.stopZh);
    this.stopEn = new Set(lexicon.stopEn);
    this.stopEnAll = new Set(lexicon.stopEn);
    this.singleChars = options.singleCharsFromLexicon ? new Set(lexicon.singleChars) : null;
    this.places = new Set(options.dropPlaces ? lexicon.userWords.filter((w) => w.tag && PLACE_TAGS.has(w.tag)).map((w) => w.word.toLowerCase()) : []);
  }

  /**
   * Loads jieba's default dictionary plus the lexicon's user words (~0.3 s); a jieba already loaded
   * with the same words in this thread is reused (it never changes once loaded).
   */
  static create(lexicon: Lexicon, options: SegmenterOptions): Segmenter {
    let jieba = loaded.get(lexicon.hash);
    if (!jieba) {
      jieba = Jieba.withDict(dict);
      if (lexicon.userWords.length) jieba.loadDict(Buffer.from(jiebaUserDict(lexicon.userWords)));
      if (loaded.size >= KEEP_LOADED) loaded.delete(loaded.keys().next().value!);
      loaded.set(lexicon.hash, jieba);
    }
    return new Segmenter(jieba, lexicon, options);
  }

  /** Must be awaited before segmenting texts that may be English. */
  async prepare(texts: Iterable<string>): Promise<void> {
    if (this.english) return;
    for (const t of texts) {
      if (isEnglish(t)) {
        await this.loadEnglish();
        return;
      }
    }
  }

  async loadEnglish(): Promise<void> {
    if (this.english) return;
    this.english = await loadEnglish();
    for (const w of this.english.stopWords) this.stopEnAll.add(w);
  }

  /** Number of distinct terms seen so far. */
  get size(): number {
    return this.termList.length;
  }

  term(id: number): string {
    return this.termList[id];
  }

  private intern(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termList.length;
      this.termIds.set(term, id);
      this.termList.push(term);
    }
    return id;
  }

  private zhToken(raw: string): number {
    const lower = raw.toLowerCase();
    if (!WORD_CHAR.test(lower) || DIGIT.test(lower) || HAN_NUMBER.test(lower)) return DROP;
    if (lower.length === 1 && (lower < '\u0080' || (this.singleChars && !this.singleChars.has(lower)))) return DROP;
    if (this.stopZh.has(lower) || this.stopEn.has(lower) || this.places.has(lower)) return DROP;
    return this.intern(lower);
  }

  private enToken(raw: string): number {
    const lower = raw.toLowerCase();
    if (lower.length < 2 || DIGIT.test(lower) || this.stopEnAll.has(lower)) return DROP;
    return this.intern(this.english!.stem(lower));
  }

  /** Raw tokens of the cleaned text, with the cache that maps them to term ids. */
  private tokens(text: string): { raw: string[]; cache: Map<string, number>; english: boolean } {
    const clean = this.cleanText(text);
    if (isEnglish(clean)) {
      if (!this.english) throw new Error('English text met before Segmenter.prepare/loadEnglish');
      return { raw: this.english.tokenize(clean), cache: this.enCache, english: true };
    }
    const raw: string[] = [];
    forEachClause(clean, (from, to) => raw.push(...this.jieba.cut(this.cleanClause(clean.slice(from, to)), this.options.hmm)));
    return { raw, cache: this.zhCache, english: false };
  }

  /** Appends the term ids of the clause text[from … to), known by hashes a and b (segmented once). */
  private clause(text: string, from: number, to: number, a: number, b: number, out: number[]): void {
    if (this.clauses.get(a, b, out)) return;
    const at = out.length;
    for (const tok of this.jieba.cut(this.cleanClause(text.slice(from, to)), this.options.hmm)) {
      let id = this.zhCache.get(tok);
      if (id === undefined) {
        id = this.zhToken(tok);
        this.zhCache.set(tok, id);
      }
      if (id !== DROP) out.push(id);
    }
    this.clauses.put(a, b, out, at, out.length);
  }

  /**
   * Appends the term ids of `text`, in text order, to `out`; returns false (adding nothing) for an
   * English text before `loadEnglish`.
   */
  tryIds(text: string, out: number[]): boolean {
    const clean = this.cleanText(text);
    if (isEnglish(clean)) {
      if (!this.english) return false;
      for (const tok of this.english.tokenize(clean)) {
        let id = this.enCache.get(tok);
        if (id === undefined) {
          id = this.enToken(tok);
          this.enCache.set(tok, id);
        }
        if (id !== DROP) out.push(id);
      }
      return true;
    }
    // Clauses are found and hashed in one scan; only a clause not seen before becomes a string.
    let start = -1;
    let kind = 0;
    let a = HASH_A;
    let b = HASH_B;
    for (let i = 0; i <= clean.length; i++) {
      const c = i < clean.length ? clean.charCodeAt(i) : -1;
      const k = c < 0 ? 0 : clauseKind(c);
      if (k !== kind) {
        if (kind !== 0) this.clause(clean, start, i, a >>> 0, stepB(b, i - start) >>> 0, out);
        start = i;
        kind = k;
        a = HASH_A;
        b = HASH_B;
      }
      if (k !== 0) {
        a = stepA(a, c);
        b = stepB(b, c);
      }
    }
    return true;
  }

  /** Appends the term ids of `text`, in text order, to `out`. */
  ids(text: string, out: number[]): void {
    if (!this.tryIds(text, out)) throw new Error('English text met before Segmenter.prepare/loadEnglish');
  }

  /** The terms of `text`, in text order. */
  terms(text: string): string[] {
    const ids: number[] = [];
    this.ids(text, ids);
    return ids.map((id) => this.termList[id]);
  }

  /**
   * Each term of `text` with the word it came from (English terms are stems; labels show words). A
   * negation just before a word stays with it (不 + 达标 → 不达标): it is a stop word for topics,
   * but a label without it says the opposite.
   */
  surfaces(text: string): { term: string; surface: string }[] {
    const { raw, cache, english } = this.tokens(text);
    const out: { term: string; surface: string }[] = [];
    let negation = '';
    for (const tok of raw) {
      let id = cache.get(tok);
      if (id === undefined) {
        id = english ? this.enToken(tok) : this.zhToken(tok);
        cache.set(tok, id);
      }
      if (id !== DROP) out.push({ term: this.termList[id], surface: negation + tok.toLowerCase() });
      negation = !english && NEGATIONS.has(tok) ? tok : '';
    }
    return out;
  }
}
