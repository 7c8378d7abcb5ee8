import { z } from 'zod';
import { DOCUMENT_FORMATS, operationReportInput } from '../../pipelines/reports/index.js';
import { datesInOrder, datesInOrderMessage, isoDate, optInt, optText } from './common.js';

const format = z.enum(DOCUMENT_FORMATS).describe('docx: official-document layout; xlsx: the tables, one sheet each; html: a print-styled page');
const meetingId = z.coerce.number().int().min(1).max(2_147_483_647);

export const AgendaDocQuery = z.object({
  meetingId,
  format,
  windowDays: optInt(14, 365).describe('follow-up: days before and after each decision (default 90)'),
  controls: optInt(2, 30).describe('follow-up: comparable topics per decision (default 5)'),
});
export const MinutesDocQuery = z.object({ meetingId, format });
export const UnitDocQuery = z.object({ unit: z.string().trim().min(1).max(100), from: isoDate, to: isoDate, format }).refine(datesInOrder, datesInOrderMessage);
export const OperationDocQuery = z.object({
  period: operationReportInput.shape.period,
  org: optText(200).describe('the issuing body, named at the end'),
  format,
});

