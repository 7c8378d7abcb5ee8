/**
 * What a UTF-16 code unit is to the clause splitter: 1 for Latin letters, digits and `+ # & . _ %
 * -`, 2 for CJK ideographs and surrogates, 0 for a break (everything jieba never keeps in a word).
 * Clauses are runs of one kind, so 北山区万象新村15栋的群租房 gives 北山区万象新村 | 15 | 栋的群租房:
 * the parts recur far more often than the whole, and each is segmented once. Counting every
 * surrogate as CJK is safe: jieba splits at the characters it does not keep.
 */
export function clauseKind(c: number): number {
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd800 && c <= 0xdfff)) return 2;
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 43 || c === 35 || c === 38 || c === 46 || c === 95 || c === 37 || c === 45) return 1;
  return 0;
}

/** Calls `visit(from, to)` for every clause of `text`, in order. */
export function forEachClause(text: string, visit: (from: number, to: number) => void): void {
  let start = -1;
  let kind = 0;
  for (let i = 0; i <= text.length; i++) {
    const k = i < text.length ? clauseKind(text.charCodeAt(i)) : 0;
    if (k === kind) continue;
    if (kind !== 0) visit(start, i);
    start = i;
    kind = k;
  }
}

/** FNV-1a step, and a second independent hash step: a clause is known by both (64 bits). */
export const HASH_A = 0x811c9dc5;
export const HASH_B = 0x9747b28c;
export function stepA(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}
export function stepB(h: number, c: number): number {
  const x = Math.imul(h ^ c, 0x5bd1e995);
  return (x << 15) | (x >>> 17);
}

/**
 * Term ids of clauses already segmented, in typed arrays (no object per clause, so the garbage
 * collector does not have to walk a million entries): an open-addressing table keyed by the two
 * 32-bit hashes of the clause — key, key, start, count side by side, one cache line per probe —
 * pointing into one pool of term ids. It starts small and doubles as it fills (fresh memory is
 * slow to touch, so a table sized for the worst case costs more than it saves on a small input);
 * at `capacity` slots it is emptied instead.
 */
export class ClauseCache {
  private mask: number;
  /** Per slot: hash a, hash b, 1 + start in the pool (0: empty slot), number of ids. */
  private table: Uint32Array;
  private pool = new Int32Array(1 << 16);
  private used = 0;
  private count = 0;

  constructor(private readonly capacity = 1 << 21) {
    const slots = Math.min(capacity, 1 << 14);
    this.mask = slots - 1;
    this.table = new Uint32Array(slots * 4);
  }

  /** Appends the clause's term ids to `out` and returns true, or returns false when unknown. */
  get(a: number, b: number, out: number[]): boolean {
    const t = this.table;
    for (let i = a & this.mask; ; i = (i + 1) & this.mask) {
      const at = i * 4;
      const start = t[at + 2];
      if (start === 0) return false;
      if (t[at] === a && t[at + 1] === b) {
        for (let k = start - 1, end = k + t[at + 3]; k < end; k++) out.push(this.pool[k]);
        return true;
      }
    }
  }

  /** Remembers ids[from … to) as the clause's term ids. */
  put(a: number, b: number, ids: number[], from: number, to: number): void {
    const n = to - from;
    if (this.count >= (this.mask + 1) * 0.6) {
      if (this.mask + 1 < this.capacity) this.grow();
      else this.clear();
    }
    if (this.used + n > this.pool.length) {
      const grown = new Int32Array(Math.max(this.pool.length * 2, this.used + n));
      grown.set(this.pool);
      this.pool = grown;
    }
    for (let k = 0; k < n; k++) this.pool[this.used + k] = ids[from + k];
    this.insert(this.table, this.mask, a, b, this.used + 1, n);
    this.used += n;
    this.count++;
  }

  private insert(table: Uint32Array, mask: number, a: number, b: number, start: number, n: number): void {
    let i = a & mask;
    while (table[i * 4 + 2] !== 0) i = (i + 1) & mask;
    table[i * 4] = a;
    table[i * 4 + 1] = b;
    table[i * 4 + 2] = start;
    table[i * 4 + 3] = n;
  }

  private grow(): void {
    const old = this.table;
    const slots = (this.mask + 1) * 2;
    const table = new Uint32Array(slots * 4);
    for (let at = 0; at < old.length; at += 4) if (old[at + 2] !== 0) this.insert(table, slots - 1, old[at], old[at + 1], old[at + 2], old[at + 3]);
    this.table = table;
    this.mask = slots - 1;
  }

  private clear(): void {
    this.table.fill(0);
    this.used = 0;
    this.count = 0;
  }
}
