// A kept reject's row: a row that was split into fields is kept as a JSON object of header → value,
// a row that could not be split as its raw text. Plain functions: the dashboard reads rows with them too.

/** The fields of a reject's row that was split, in the file's column order; null for raw text. */
export function sourceFields(raw: string | null): Record<string, string | null> | null {
  if (!raw?.startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string | null>) : null;
  } catch {
    return null;
  }
}

/** A reject's row for reading: filled fields as "header: value" pairs, else the raw text. */
export function rawRowText(raw: string | null): string {
  const fields = sourceFields(raw);
  if (!fields) return raw ?? '';
  return Object.entries(fields)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join(' · ');
}
