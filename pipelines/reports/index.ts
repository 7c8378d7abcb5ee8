/**
 * Documents officials use — agenda and briefing pack, minutes, unit jurisdiction report, periodic
 * linkage operation report — built once as blocks from the same data the screens show, rendered
 * as official-style DOCX, XLSX annexes and a printable HTML page, and audit-logged when exported.
 */
export { buildDocument, CONTENT_TYPES, DOCUMENT_FORMATS, documentRequest, exportDocument, fileNameFor, listExports, prepareDocument, recordExport, renderDocument, type DocumentFormat, type DocumentRequest, type ExportedDocument, type ExportRecord, type RenderedDocument } from './export.js';
export { agendaDoc, loadAgendaPack, type AgendaPackData } from './documents/agenda.js';
export { loadMinutes, minutesDoc } from './documents/minutes.js';
export { loadUnitReport, unitReportDoc, unitReportInput, type UnitReportData, type UnitReportInput } from './documents/unit.js';
export { comparisonPeriods, loadOperationReport, operationReportDoc, operationReportInput, parsePeriod, type OperationReportData, type OperationReportInput, type ReportPeriod } from './documents/operation.js';
export { renderChart, type ChartImage } from './chart.js';
export { renderDocx, FONTS, MARGINS_MM } from './render/docx.js';
export { renderXlsx, neutralise } from './render/xlsx.js';
export { renderHtml } from './render/html.js';
export type { Block, Cell, Column, DocumentKind, Format, ReportDoc, TableBlock } from './model.js';
