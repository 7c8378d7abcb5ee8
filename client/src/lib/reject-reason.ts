import { t, tOr, type MessageKey } from './i18n.svelte.js';

interface ReasonData {
  code: string;
  label?: string | null;
  value?: string | null;
  label2?: string | null;
  value2?: string | null;
  expected?: number | null;
  found?: number | null;
}

/** A reject reason in the interface language when the server sends it as data, else as the server wrote it. */
export function rejectReason(text: string, data: ReasonData | null): string {
  const key = data && `rejectReason.${data.code}`;
  if (!data || !key || tOr(key, '') === '') return text;
  // lists of reasons leave the values out: they differ from row to row
  return t(key as MessageKey, {
    label: data.label ?? '', value: data.value ?? '…', label2: data.label2 ?? '', value2: data.value2 ?? '…',
    expected: data.expected ?? '…', found: data.found ?? '…',
  });
}
