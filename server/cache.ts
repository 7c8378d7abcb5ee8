import { encode, type Encoding } from './http/compress.js';

/**
 * An answer already serialised to JSON: big cached answers (a KPI report by district is ~350 KB)
 * are serialised, and compressed for each encoding asked for, once, not on every request.
 */
export class JsonText {
  private encoded = new Map<Encoding, Promise<Buffer>>();

  constructor(readonly text: string) {}

  compressed(encoding: Encoding): Promise<Buffer> {
    let data = this.encoded.get(encoding);
    if (!data) this.encoded.set(encoding, (data = encode(this.text, encoding)));
    return data;
  }
}

/**
 * Answers of aggregate routes (summary, KPIs, topic rankings), kept until the next write. Every
 * write through the server bumps the version; the database file is locked by this process, so no
 * other writer can change the data behind the server's back. A read whose snapshot shows an older
 * version than the current one (it began before a write ended) computes without caching.
 */
export class AnswerCache {
  private current = 0;
  private entries = new Map<string, { version: number; value: Promise<unknown> }>();

  constructor(
    private readonly maxEntries = 500,
    /** The version the calling request's data snapshot shows, if it has one. */
    private readonly seen: () => number | undefined = () => undefined,
  ) {}

  get version(): number {
    return this.current;
  }

  invalidate(): void {
    this.current++;
    this.entries.clear();
  }

  /** The cached answer for `key` serialised to JSON, for a route to send as it is. */
  json<T>(key: string, compute: () => Promise<T>): Promise<JsonText> {
    return this.get(`json:${key}`, async () => new JsonText(JSON.stringify(await compute())));
  }

  /** The cached answer for `key`, computing it once when missing (concurrent callers share it). */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if ((this.seen() ?? this.current) !== this.current) return compute();
    const hit = this.entries.get(key);
    if (hit && hit.version === this.current) {
      // re-insert: the map's order is the eviction order, least recently used first
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    const version = this.current;
    const value = compute();
    this.entries.set(key, { version, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
