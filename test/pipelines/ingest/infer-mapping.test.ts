import { describe, expect, it } from 'vitest';
import { inferKind, inferMapping, missingRequired } from '../../../pipelines/ingest/infer-mapping.js';
import { findHeaderRow, uniqueHeaders } from '../../../pipelines/ingest/header-row.js';

describe('inferMapping', () => {
  it('maps a Beijing-style work-order export', () => {
    const m = inferMapping(['工单编号', '来电时间', '来电号码', '诉求内容', '承办单位', '办结时间', '满意度评价']);
    expect(m.kind).toBe('appeals');
    expect(m.fields).toEqual({
      appeal_id: '工单编号', received_at: '来电时间', caller_phone: '来电号码', content: '诉求内容',
      handling_unit: '承办单位', closed_at: '办结时间', satisfaction: '满意度评价',
    });
    expect(m.constants).toEqual({ platform: '12345' });
    expect(missingRequired(m)).toEqual([]);
  });

  it('maps other cities\' names for the same fields', () => {
    const m = inferMapping(['工单号', '受理时间', '问题描述', '责任单位', '联系电话', '区县']);
    expect(m.fields).toMatchObject({ appeal_id: '工单号', received_at: '受理时间', content: '问题描述', handling_unit: '责任单位', caller_phone: '联系电话', district: '区县' });
  });

  it('ignores case, spaces, full-width forms and punctuation in headers', () => {
    const m = inferMapping([' 编号 ', '登记时间：', '来电内容（摘要）', 'ＩＤ']);
    expect(m.fields.appeal_id).toBe(' 编号 ');
    expect(m.fields.received_at).toBe('登记时间：');
    expect(m.fields.content).toBe('来电内容（摘要）');
  });

  it('maps English / Open311 headers', () => {
    const m = inferMapping(['service_request_id', 'requested_datetime', 'description', 'status', 'agency_responsible', 'lat', 'long']);
    expect(m.fields).toMatchObject({ appeal_id: 'service_request_id', received_at: 'requested_datetime', content: 'description', status: 'status', handling_unit: 'agency_responsible', lat: 'lat', lon: 'long' });
  });

  it("maps the canonical field names, as this product's own exports write them", () => {
    // the dashboard's appeals CSV, and the Parquet export's appeals
    const csv = inferMapping(['platform', 'appeal_id', 'received_at', 'district', 'channel', 'title', 'content', 'handling_unit', 'status', 'topic_id', 'topic_label']);
    expect(csv.fields).toEqual({
      platform: 'platform', appeal_id: 'appeal_id', received_at: 'received_at', district: 'district', channel: 'channel',
      title: 'title', content: 'content', handling_unit: 'handling_unit', status: 'status',
    });
    const parquet = inferMapping(['platform', 'appeal_id', 'is_police_matter', 'closed_at', 'responded', 'resolved', 'source_category', 'appeal_type', 'content', 'received_at']);
    expect(Object.keys(parquet.fields).sort()).toEqual(['appeal_id', 'appeal_type', 'closed_at', 'content', 'is_police_matter', 'platform', 'received_at', 'resolved', 'responded', 'source_category']);
    expect(inferMapping(['platform', 'appeal_id', 'seq', 'from_party', 'to_party', 'method', 'sent_at', 'accepted_at', 'outcome', 'reason']).kind).toBe('transfers');
  });

  it('recognises a 110 incident list and a transfer log', () => {
    const incidents = ['警情编号', '报警时间', '报警内容', '警情类别', '警情性质', '处置单位'];
    expect(inferKind(incidents)).toBe('incidents');
    const mi = inferMapping(incidents);
    expect(mi.fields).toMatchObject({ appeal_id: '警情编号', received_at: '报警时间', content: '报警内容', source_category: '警情类别', is_police_matter: '警情性质', handling_unit: '处置单位' });
    expect(mi.constants).toEqual({ platform: '110' });

    const log = ['工单编号', '流转序号', '流转时间', '派出单位', '接收单位', '流转方式', '签收时间', '退回原因'];
    expect(inferKind(log)).toBe('transfers');
    expect(inferMapping(log).fields).toMatchObject({ appeal_id: '工单编号', seq: '流转序号', sent_at: '流转时间', from_party: '派出单位', to_party: '接收单位', method: '流转方式', accepted_at: '签收时间', reason: '退回原因' });
  });

  it('names the required fields a file lacks', () => {
    expect(missingRequired(inferMapping(['标题', '时间', '区县']))).toEqual(['appeal_id']);
    expect(missingRequired(inferMapping(['工单编号', '备注']))).toEqual(['received_at', 'content']);
  });

  it('uses each header once', () => {
    const m = inferMapping(['编号', '时间', '内容', '状态']);
    const used = Object.values(m.fields);
    expect(new Set(used).size).toBe(used.length);
  });
});

describe('findHeaderRow', () => {
  it('finds the header under title rows', () => {
    const rows = [['江城市12345热线工单明细表', '', ''], ['导出时间：2025年6月1日', '', ''], ['工单编号', '来电时间', '诉求内容'], ['GD1', '2025/5/1 8:00', '噪音']];
    expect(findHeaderRow(rows)).toBe(2);
  });

  it('prefers the detailed row under a merged group header', () => {
    const rows = [['基本信息', '', '办理情况', ''], ['工单编号', '来电时间', '承办单位', '办结时间'], ['GD1', '2025/5/1', 'x', '']];
    expect(findHeaderRow(rows)).toBe(1);
  });

  it('falls back to the first non-empty row', () => {
    expect(findHeaderRow([['', ''], ['a', 'b'], ['1', '2']])).toBe(1);
  });

  it('makes headers unique and non-empty', () => {
    expect(uniqueHeaders(['\ufeff编号', '', '备注', '备注', ' 备注 '])).toEqual(['编号', 'column_2', '备注', '备注_2', '备注_3']);
  });
});
