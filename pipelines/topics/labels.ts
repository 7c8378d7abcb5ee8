/** A distinctive term of a topic. */
export interface TermScore {
  term: string;
  weight: number;
  /** Part of the topic's appeals that contain the term. */
  share: number;
  /** Part of all appeals containing the term that are in this topic. */
  exclusivity: number;
}

/** A term of a text as labels see it (made by Segmenter.labelTokens). */
export interface LabelToken {
  term: string;
  /** The word as written (with a negation just before it). */
  surface: string;
  /** Not next to the term before it: a clause break, a place name or a piece of an unknown name lies between. */
  apart: boolean;
  /** Reads as (part of) a name of a place, person or unit rather than as a problem. */
  name: boolean;
  /** A word a label neither starts nor ends with (an adverb, pronoun, direction, time…). */
  filler: boolean;
  /** A piece of a word the dictionary could not place is glued before / after it: a label neither starts / ends here. */
  pieceBefore: boolean;
  pieceAfter: boolean;
}

/** A sampled appeal's terms: of its title alone and of its whole text (title and content). */
export interface CentralText {
  title: LabelToken[];
  text: LabelToken[];
}

const byWeight = (a: TermScore, b: TermScore) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);

/**
 * Class-based TF-IDF over appeals: a term is distinctive of a topic when many of its appeals use it
 * and few appeals overall do — weight = share × log(1 + average topic size / document frequency).
 * `inTopic` counts the topic's appeals containing each term.
 */
export function distinctiveTerms(inTopic: Map<string, number>, size: number, df: (term: string) => number, avgTopicSize: number, max: number): TermScore[] {
  const out: TermScore[] = [];
  for (const [term, count] of inTopic) {
    const share = count / size;
    const all = Math.max(df(term), count);
    out.push({ term, share, exclusivity: count / all, weight: share * Math.log(1 + avgTopicSize / all) });
  }
  return out.sort(byWeight).slice(0, max);
}

/** Longest run of adjacent terms a label may have. */
const LABEL_TERMS = 3;
/** A label grows by a neighbouring word used with it at least this often. */
const EXTEND_SHARE = 0.4;
/** A term that reads as a name in at least this part of its uses is a name: never part of a label. */
const NAME_SHARE = 0.5;

function surfaceOf(term: string, central: CentralText[]): string {
  const counts = new Map<string, number>();
  for (const c of central) for (const t of c.text) if (t.term === term) counts.set(t.surface, (counts.get(t.surface) ?? 0) + 1);
  let best = term;
  let bestCount = 0;
  for (const [surface, c] of counts) {
    if (c > bestCount || (c === bestCount && surface < best)) {
      best = surface;
      bestCount = c;
    }
  }
  return best;
}

function join(words: string[]): string {
  return words.every((w) => /\p{Script=Han}/u.test(w)) ? words.join('') : words.join(' ');
}

/** The part of each term's uses in the sample where it reads as a name. */
function nameShares(sample: CentralText[]): Map<string, number> {
  const uses = new Map<string, { n: number; named: number }>();
  for (const c of sample) {
    for (const t of c.text) {
      const u = uses.get(t.term) ?? { n: 0, named: 0 };
      u.n++;
      if (t.name) u.named++;
      uses.set(t.term, u);
    }
  }
  return new Map([...uses].map(([term, u]) => [term, u.named / u.n]));
}

/**
 * Each run of one to three adjacent terms (no term twice, none apart from the one before it, no
 * name among them) that starts and ends with a distinctive term that is not a filler word, where
 * no piece of a word is glued on.
 */
function runs(text: LabelToken[], distinctive: Map<string, number>, isName: (term: string) => boolean): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < text.length; i++) {
    for (let len = 1; len <= LABEL_TERMS && i + len <= text.length; len++) {
      const last = text[i + len - 1];
      if (isName(last.term) || (len > 1 && last.apart)) break;
      const run = text.slice(i, i + len).map((t) => t.term);
      if (text[i].filler || last.filler || text[i].pieceBefore || last.pieceAfter || new Set(run).size < len || !distinctive.has(run[0]) || !distinctive.has(run[len - 1])) continue;
      out.set(run.join('\u0000'), run);
    }
  }
  return out;
}

/**
 * A label that reads like the problem: the run of one to three adjacent terms in a sample of the
 * topic's appeals that best names it — score = share of the appeals using the run × the sum of its
 * terms' exclusivity (the part of all appeals using a term that are in this topic), where a use in
 * the title (the operator's summary) counts as much as one in the whole text. Common words of
 * every topic add nothing; a rare phrasing is used by too few. 楼道里有居民给电动车充电 → 电动车充电.
 * Names are not problems: a term that mostly reads as a place, person or unit name in the sample
 * is left out, and one that sometimes does counts for less; a run never spans a clause break or a
 * piece of a word, so a label never cuts a word (山镇 of 盖山镇). Without usable runs, the strongest
 * terms that are not names are joined.
 */
export function makeLabel(terms: TermScore[], sample: CentralText[]): string {
  if (!terms.length) return '';
  const names = nameShares(sample);
  const isName = (term: string) => (names.get(term) ?? 0) >= NAME_SHARE;
  const exclusive = new Map(terms.map((t) => [t.term, t.exclusivity * (1 - (names.get(t.term) ?? 0))]));
  const counts = new Map<string, { run: string[]; n: number }>();
  const add = (found: Map<string, string[]>) => {
    for (const [key, run] of found) {
      const c = counts.get(key) ?? { run, n: 0 };
      c.n++;
      counts.set(key, c);
    }
  };
  for (const c of sample) {
    add(runs(c.title, exclusive, isName));
    add(runs(c.text, exclusive, isName));
  }
  let best: string[] | null = null;
  let bestScore = 0;
  for (const { run, n } of counts.values()) {
    const score = (n / (2 * sample.length)) * run.reduce((s, t) => s + (exclusive.get(t) ?? 0), 0);
    const tie = best !== null && Math.abs(score - bestScore) <= 1e-12;
    if (!best || score > bestScore + 1e-12 || (tie && (run.length > best.length || (run.length === best.length && run.join(' ') < best.join(' '))))) {
      best = run;
      bestScore = score;
    }
  }
  if (!best) {
    const usable = terms.filter((t) => !isName(t.term));
    return join([...(usable.length ? usable : terms)].sort(byWeight).slice(0, LABEL_TERMS).map((t) => surfaceOf(t.term, sample)));
  }
  // A one- or two-word label grows by a neighbouring word when a good part of its uses have it:
  // 狗 → 遛狗不拴绳 reads better than 狗.
  for (let grown = true; grown && best.length < LABEL_TERMS; ) {
    grown = false;
    const base = best;
    const uses = counts.get(base.join('\u0000'))!.n;
    let next: { run: string[]; n: number } | null = null;
    for (const c of counts.values()) {
      if (c.run.length !== base.length + 1 || c.n < EXTEND_SHARE * uses) continue;
      const inner = c.run.slice(1).join('\u0000') === base.join('\u0000') || c.run.slice(0, -1).join('\u0000') === base.join('\u0000');
      if (inner && (!next || c.n > next.n || (c.n === next.n && c.run.join(' ') < next.run.join(' ')))) next = c;
    }
    if (next) {
      best = next.run;
      grown = true;
    }
  }
  return join(best.map((t) => surfaceOf(t, sample)));
}

/**
 * Labels made distinct: a label already taken by an earlier (larger) topic gets the next
 * distinctive term it lacks appended.
 */
export function distinctLabels(labels: string[], terms: TermScore[][]): string[] {
  const taken = new Set<string>();
  return labels.map((label, i) => {
    let out = label;
    for (const t of [...terms[i]].sort(byWeight)) {
      if (!taken.has(out)) break;
      if (!out.includes(t.term)) out = /\p{Script=Han}/u.test(out) && /\p{Script=Han}/u.test(t.term) ? `${out}·${t.term}` : `${out} ${t.term}`;
    }
    taken.add(out);
    return out;
  });
}
