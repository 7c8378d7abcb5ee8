import type { RejectReasonData } from '../../../pipelines/ingest/types.js';
import { wordRejectReason } from '../i18n/messages.js';
import { i18n } from './i18n.svelte.js';

/** A reject reason in the interface language when the server sends it as data, else as the server wrote it. */
export function rejectReason(text: string, data: RejectReasonData | null): string {
  return wordRejectReason(i18n.locale, text, data);
}
