/** A distinctive term of a topic. */
export interface TermScore {
  term: string;
  weight: number;
  /** Part of the topic's appeals that contain the term. */
  share: number;
  /** Part of all appeals containing the term that are in this topic. */
  exclusivity: number;
}

/** A term in text order with the word it came from. */
export type TermSurface = { term: string; surface: string };

/** A sampled appeal's terms: of its title alone and of its whole text (title and content). */
export interface CentralText {
  title: TermSurface[];
  text: TermSurface[];
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

/** Each run of one to three adjacent terms (no term twice) that starts and ends with a distinctive term. */
function runs(text: TermSurface[], distinctive: Map<string, number>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < text.length; i++) {
    for (let len = 1; len <= LABEL_TERMS && i + len <= text.length; len++) {
      const run = text.slice(i, i + len).map((t) => t.term);
      if (new Set(run).size < len || !distinctive.has(run[0]) || !distinctive.has(run[len - 1])) continue;
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
 * Without texts, the strongest terms are joined.
 */
export function makeLabel(terms: TermScore[], sample: CentralText[]): string {
  if (!terms.length) return '';
  const exclusive = new Map(terms.map((t) => [t.term, t.exclusivity]));
  const counts = new Map<string, { run: string[]; n: number }>();
  const add = (found: Map<string, string[]>) => {
    for (const [key, run] of found) {
      const c = counts.get(key) ?? { run, n: 0 };
      c.n++;
      counts.set(key, c);
    }
  };
  for (const c of sample) {
    add(runs(c.title, exclusive));
    add(runs(c.text, exclusive));
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
  if (!best) return join([...terms].sort(byWeight).slice(0, LABEL_TERMS).map((t) => surfaceOf(t.term, sample)));
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
