import type { RejectsCsvWords } from '../../../pipelines/ingest/rejects-csv.js';
import type { RejectReasonData } from '../../../pipelines/ingest/types.js';
import { en } from './en.js';
import { zh, type MessageKey } from './zh.js';

// Plain data and functions, no Svelte state: the server words its downloads with them too.

export type Locale = 'zh' | 'en';
export type { MessageKey };

export const TABLES: Record<Locale, Record<MessageKey, string>> = { zh, en };

/** Fills a message: each name written between curly brackets becomes its value in `vars`; a name `vars` lacks stays as written. */
export function fill(text: string, vars?: Record<string, string | number>): string {
  return vars ? text.replace(/\{(\w+)\}/g, (_m, name: string) => String(vars[name] ?? `{${name}}`)) : text;
}

/** A reject reason in `locale` when it comes as data with a known code, else as the server wrote it. */
export function wordRejectReason(locale: Locale, text: string, data: RejectReasonData | null): string {
  const template = data ? (TABLES[locale] as Record<string, string>)[`rejectReason.${data.code}`] : undefined;
  if (!data || template === undefined) return text;
  // lists of reasons leave the values out: they differ from row to row
  return fill(template, {
    label: data.label ?? '', value: data.value ?? '…', label2: data.label2 ?? '', value2: data.value2 ?? '…',
    expected: data.expected ?? '…', found: data.found ?? '…',
  });
}

/** The words of an import's rejects CSV (pipelines/ingest/rejects-csv.ts) in `locale`, as the dashboard says them. */
export function rejectsCsvWords(locale: Locale): RejectsCsvWords {
  const words = TABLES[locale];
  return { row: words['imports.row'], reason: words['imports.reason'], rawLine: words['imports.rawLine'], word: (text, data) => wordRejectReason(locale, text, data) };
}
