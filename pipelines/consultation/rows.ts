/** Small conversions from DuckDB rows to the plain data the library returns. */

export function iso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

export function parseJson<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
