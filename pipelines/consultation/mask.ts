import type { Database } from '../db/database.js';

/** Masks personal data in text a user typed, with the same rules the import applies to records. */
export async function maskText(db: Database, text: string): Promise<string>;
export async function maskText(db: Database, text: string | null | undefined): Promise<string | null>;
export async function maskText(db: Database, text: string | null | undefined): Promise<string | null> {
  if (text === null || text === undefined) return null;
  const row = await db.one<{ masked: string }>('consultation/mask_text', [text]);
  return row?.masked ?? text;
}

/** Masks many texts in one query; the answer maps each given text to its masked form. */
export async function maskTexts(db: Database, texts: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(texts)];
  const out = new Map<string, string>();
  if (!unique.length) return out;
  const rows = await db.all<{ original: string; masked: string }>('consultation/mask_texts', [JSON.stringify(unique)]);
  for (const r of rows) out.set(r.original, r.masked);
  return out;
}
