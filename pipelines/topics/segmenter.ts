import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { ClauseCache, HASH_A, HASH_B, clauseKind, forEachClause, stepA, stepB } from './clause-cache.js';
import { isEnglish, loadEnglish, type English } from './english.js';
import type { LabelToken } from './labels.js';
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
/**
 * jieba's dictionary tags common words as places, localities and units too (河水, 内河, 门口): only
 * such a word it has seen fewer times than this (洋河, 晋安, 东郊) is taken for a name.
 */
const RARE_PLACE = 300;
const DICT_PLACE_TAGS = new Set(['ns', 's', 'nt']);
/** jieba's tags of words a label neither starts nor ends with: adverbs, pronouns, directions, localities, numerals, times, function words. */
const FILLER_TAGS = new Set(['d', 'ad', 'dg', 'r', 'rg', 'f', 's', 'm', 'mq', 'p', 'c', 'u', 'uj', 'ul', 'uz', 'ug', 'uv', 'ud', 'y', 'e', 'o', 'q', 't', 'tg', 'k', 'h', 'x']);
/** jieba's tag of other proper nouns: a word so tagged that ends like a place name is one (大庆路). */
const PROPER_NOUN = 'nz';
/** Characters that end place names (路 of 三八路, 河 of 龙津河): a name is a word glued to one of them. */
const PLACE_ENDING_CHARS = new Set([...'路街巷道村镇乡区县河溪港桥湖江园苑里弄号栋幢座楼庄屯坊厂站馆寺岛湾洲']);
/** Words that end place, building and unit names (东光 + 花园, 山镇 + 中心 + 幼儿园). */
const PLACE_ENDING_WORDS = new Set(['小区', '花园', '家园', '公寓', '大厦', '新村', '社区', '公馆', '中路', '东路', '西路', '南路', '北路', '大道', '大街', '街道', '广场', '山庄', '中心', '公园', '市场', '商场', '酒店', '幼儿园', '小学', '中学']);
let rarePlaces: Set<string> | undefined;

/** Place, locality and unit words of jieba's dictionary it has seen rarely (read from the dictionary once, ~50 ms). */
function rarePlaceWords(): Set<string> {
  if (!rarePlaces) {
    rarePlaces = new Set();
    for (const m of Buffer.from(dict).toString('utf8').matchAll(/^(\S+) (\d+) (?:ns|s|nt)\r?$/gm)) if (Number(m[2]) < RARE_PLACE) rarePlaces.add(m[1]);
  }
  return rarePlaces;
}

/** Loaded jiebas by lexicon hash (each holds ~50 MB of dictionary). */
const loaded = new Map<string, Jieba>();
const KEEP_LOADED = 3;
/** Clauses whose label tokens a segmenter keeps. */
const LABEL_CLAUSES = 100_000;

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
  private readonly labelClauses = new Map<string, LabelToken[]>();
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
   * Why a raw Chinese token is not a term, or null when it is one: a stop word; glue (a numeral or a
   * single function character: 多 + 间 in 隔成多间出租); a piece of a word the dictionary could not
   * place (盖 of 盖山镇, 路 of 三八路); a learned place name.
   */
  private dropped(raw: string, tag: string): 'stop' | 'glue' | 'piece' | 'place' | null {
    const lower = raw.toLowerCase();
    if (!WORD_CHAR.test(lower) || this.stopZh.has(lower) || this.stopEn.has(lower)) return 'stop';
    if (DIGIT.test(lower) || HAN_NUMBER.test(lower)) return 'glue';
    if (lower.length === 1 && (lower < '\u0080' || (this.singleChars && !this.singleChars.has(lower)))) return FILLER_TAGS.has(tag) ? 'glue' : 'piece';
    if (this.places.has(lower)) return 'place';
    return null;
  }

  /**
   * The terms of `text` in text order as a label is made of them: each with the word it came from
   * (English terms are stems; labels show words), whether it stands apart from the term before it,
   * whether it reads as part of a name, whether it is a filler word, and whether a piece of a word
   * the dictionary could not place is glued to it (a label neither starts nor ends there, so it
   * never cuts a word: 头疼医 of 头疼医脚). A negation just before a
   * word stays with it (不 + 达标 → 不达标): it is a stop word for topics, but a label without it
   * says the opposite.
   *
   * A term stands apart when a clause break, a place name or a piece of a word the dictionary could
   * not place lies between (only stop words may): a label made across such a gap cuts a word or
   * joins words that were never together. A term reads as a name when jieba's dictionary tags it as
   * a place, locality or unit it has rarely seen (洋河, 东郊) or as a proper noun ending like a place
   * (大庆路); when it comes just after a numeral (三 + 八路), just before a place name learned from
   * the data, or just before a place-name ending (八路 + 路, 东光 + 花园, 龙津 + 河); and when it is
   * such an ending, or ends like one, right after a name (山镇 + 中心 + 幼儿园, 东郊 + 河 + 公园路).
   */
  labelTokens(text: string): LabelToken[] {
    const clean = this.cleanText(text);
    const out: LabelToken[] = [];
    if (isEnglish(clean)) {
      if (!this.english) throw new Error('English text met before Segmenter.prepare/loadEnglish');
      for (const tok of this.english.tokenize(clean)) {
        let id = this.enCache.get(tok);
        if (id === undefined) {
          id = this.enToken(tok);
          this.enCache.set(tok, id);
        }
        if (id !== DROP) out.push({ term: this.termList[id], surface: tok.toLowerCase(), apart: false, name: false, filler: false, pieceBefore: false, pieceAfter: false });
      }
      return out;
    }
    forEachClause(clean, (from, to) => {
      for (const t of this.clauseLabelTokens(clean.slice(from, to))) out.push(t);
    });
    return out;
  }

  /** The label tokens of one clause (the first stands apart), from a cache: sampled texts repeat their clauses. */
  private clauseLabelTokens(clause: string): LabelToken[] {
    const cached = this.labelClauses.get(clause);
    if (cached) return cached;
    const rare = rarePlaceWords();
    const out: LabelToken[] = [];
    let apart = true;
    const words = this.jieba.tag(this.cleanClause(clause), this.options.hmm);
    const why = words.map((w) => this.dropped(w.word, w.tag));
    // The word (kept or not) glued to word w: neither a stop word nor a clause break between.
    const glued = (w: number) => (w >= 0 && w < words.length && why[w] !== 'stop' ? words[w].word : '');
    const named = new Array<boolean>(words.length).fill(false);
    let negation = '';
    for (let w = 0; w < words.length; w++) {
      const { word: raw, tag } = words[w];
      if (why[w] === null) {
        const before = glued(w - 1);
        const after = glued(w + 1);
        const endsLikePlace = PLACE_ENDING_CHARS.has(raw[raw.length - 1]);
        const ending = PLACE_ENDING_WORDS.has(raw) || endsLikePlace;
        named[w] =
          (DICT_PLACE_TAGS.has(tag) && rare.has(raw)) ||
          (tag === PROPER_NOUN && endsLikePlace) ||
          (before !== '' && why[w - 1] === 'glue' && HAN_NUMBER.test(before)) ||
          (after !== '' && why[w + 1] === 'piece' && PLACE_ENDING_CHARS.has(after)) ||
          (after !== '' && why[w + 1] === null && (PLACE_ENDING_WORDS.has(after) || (after.length === 1 && PLACE_ENDING_CHARS.has(after) && tag.startsWith('n')))) ||
          why[w + 1] === 'place' ||
          (ending && before !== '' && (named[w - 1] || why[w - 1] === 'place' || (why[w - 1] === 'piece' && PLACE_ENDING_CHARS.has(before))));
        // A piece that is not a place-name ending may belong to this word (头疼医 + 脚, 盖 + 山镇).
        const loose = (p: number) => why[p] === 'piece' && !PLACE_ENDING_CHARS.has(words[p].word);
        out.push({
          term: this.termList[this.intern(raw.toLowerCase())],
          surface: negation + raw.toLowerCase(),
          apart,
          name: named[w],
          filler: !named[w] && FILLER_TAGS.has(tag),
          pieceBefore: w > 0 && loose(w - 1),
          pieceAfter: w + 1 < words.length && loose(w + 1),
        });
        apart = false;
      } else if (why[w] === 'piece' || why[w] === 'place') apart = true;
      negation = NEGATIONS.has(raw) ? raw : '';
    }
    if (this.labelClauses.size >= LABEL_CLAUSES) this.labelClauses.clear();
    this.labelClauses.set(clause, out);
    return out;
  }
}
