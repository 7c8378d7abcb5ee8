import type { Kind } from './types.js';

export type FieldType = 'text' | 'masked_text' | 'timestamp' | 'bool' | 'number' | 'integer' | 'phone';

/** A canonical field: its type, whether a row without it is rejected, and a label for reports. */
export interface FieldSpec {
  name: string;
  type: FieldType;
  required?: boolean;
}

const appealFields: FieldSpec[] = [
  { name: 'platform', type: 'text', required: true },
  { name: 'appeal_id', type: 'text', required: true },
  { name: 'received_at', type: 'timestamp', required: true },
  { name: 'channel', type: 'text' },
  { name: 'district', type: 'text' },
  { name: 'street', type: 'text' },
  { name: 'address', type: 'masked_text' },
  { name: 'lon', type: 'number' },
  { name: 'lat', type: 'number' },
  { name: 'source_category', type: 'text' },
  { name: 'appeal_type', type: 'text' },
  { name: 'title', type: 'masked_text' },
  { name: 'content', type: 'masked_text', required: true },
  { name: 'caller_phone', type: 'phone' },
  { name: 'is_police_matter', type: 'bool' },
  { name: 'status', type: 'text' },
  { name: 'handling_unit', type: 'text' },
  { name: 'closed_at', type: 'timestamp' },
  { name: 'responded', type: 'bool' },
  { name: 'resolved', type: 'bool' },
  { name: 'satisfaction', type: 'text' },
  { name: 'reply', type: 'masked_text' },
];

const transferFields: FieldSpec[] = [
  { name: 'platform', type: 'text', required: true },
  { name: 'appeal_id', type: 'text', required: true },
  { name: 'seq', type: 'integer' },
  { name: 'from_party', type: 'text', required: true },
  { name: 'to_party', type: 'text', required: true },
  { name: 'method', type: 'text' },
  { name: 'sent_at', type: 'timestamp', required: true },
  { name: 'accepted_at', type: 'timestamp' },
  { name: 'outcome', type: 'text' },
  { name: 'reason', type: 'masked_text' },
];

/** Canonical fields of each kind, in the order the staging SQL expects them. */
export const FIELDS: Record<Kind, FieldSpec[]> = {
  appeals: appealFields,
  incidents: appealFields,
  transfers: transferFields,
};

/** Which platform a kind's rows belong to when the file does not say. */
export const DEFAULT_PLATFORM: Record<Kind, string> = { appeals: '12345', incidents: '110', transfers: '12345' };

/** The canonical table a kind loads into. */
export const TARGET_TABLE: Record<Kind, 'appeals' | 'transfers'> = { appeals: 'appeals', incidents: 'appeals', transfers: 'transfers' };
