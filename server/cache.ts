/**
 * An answer already serialised to JSON: big cached answers (a KPI report by district is ~350 KB)
 * are serialised once, not on every request.
 */
export class JsonText {
  constructor(readonly text: string) {}
}

/**
 * Answers of aggregate routes (summary, KPIs, topic rankings), kept until the next write. Every
 * write through the server bumps the version; the database file is locked by this process, so no
 * other writer can change the data behind the server's back.
 */
export class AnswerCache {
  private version = 0;
  private entries = new Map<string, { version: number; value: Promise<unknown> }>();

  constructor(private readonly maxEntries = 500) {}

  invalidate(): void {
    this.version++;
    this.entries.clear();
  }

  /** The cached answer for `key` serialised to JSON, for a route to send as it is. */
  json<T>(key: string, compute: () => Promise<T>): Promise<JsonText> {
    return this.get(`json:${key}`, async () => new JsonText(JSON.stringify(await compute())));
  }

  /** The cached answer for `key`, computing it once when missing (concurrent callers share it). */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.version === this.version) {
      // re-insert: the map's order is the eviction order, least recently used first
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    const version = this.version;
    const value = compute();
    this.entries.set(key, { version, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
