import type { Kind } from './types.js';

/**
 * Header synonyms per canonical field, as cities' exports name them (Chinese first, then English
 * and Open311/NYC names). Compared after `normaliseHeader`, so case, spaces, punctuation and
 * full-width forms do not matter.
 */
const appealSynonyms: Record<string, string[]> = {
  appeal_id: ['工单编号', '工单号', '编号', '工单id', '诉求编号', '案件编号', '受理编号', '留言编号', '事件编号', '诉求件编号', 'id', 'unique key', 'service request id', 'request id', 'case id', 'ticket id', 'sr number'],
  platform: ['平台', '所属平台', '来源平台', 'platform'],
  received_at: ['来电时间', '受理时间', '登记时间', '创建时间', '留言时间', '诉求时间', '时间', '接件时间', '发生时间', 'dateline', 'created date', 'createddate', 'requested datetime', 'created at', 'open date', 'received at'],
  content: ['诉求内容', '来电内容', '问题描述', '留言详情', '投诉件内容', '诉求件内容', '内容', '事件描述', '反映内容', '诉求描述', '描述', 'content', 'description', 'text', 'details', 'complaint'],
  title: ['诉求标题', '标题', '留言主题', '主题', '事项名称', 'subject', 'title'],
  channel: ['来源渠道', '渠道', '信息来源', '来源', '受理渠道', '来电渠道', '报警方式', '接警方式', 'open data channel type', 'channel', 'source'],
  district: ['所属区县', '区县', '区域', '所属区域', '行政区', '区', '管辖区', '区县(工作表)', '所属区', 'borough', 'district'],
  street: ['所属街道', '街道', '街镇', '乡镇街道', '所属街镇', 'street'],
  address: ['事发地址', '地址', '详细地址', '发生地址', '事发地点', '地点', '案发地址', 'incident address', 'address'],
  lon: ['经度', 'longitude', 'long', 'lon', 'lng'],
  lat: ['纬度', 'latitude', 'lat'],
  source_category: ['诉求分类', '分类', '类别', '事项分类', '问题分类', '一级分类', '一级标签', '诉求类别', '业务类别', 'complaint type', 'service name', 'category'],
  appeal_type: ['诉求类型', '性质', '来电类型', '类型', '工单类型', '诉求性质'],
  caller_phone: ['来电号码', '联系电话', '主叫号码', '电话', '手机号', '联系方式', '来电人电话', 'phone', 'caller number'],
  status: ['工单状态', '状态', '办理状态', '状态信息', 'stateinfo', 'status'],
  handling_unit: ['承办单位', '责任单位', '处理单位', '办理单位', '主办单位', '承办部门', '责任部门', 'agency', 'agency name', 'agency responsible'],
  closed_at: ['办结时间', '结案时间', '完成时间', '关闭时间', '办结日期', 'closed date', 'closeddate'],
  responded: ['是否响应', '响应', '是否联系', '响应情况'],
  resolved: ['是否解决', '解决情况', '解决'],
  satisfaction: ['满意度评价', '满意度', '评价', '回访结果', '满意情况', '回访满意度'],
  reply: ['办理结果', '答复内容', '回复内容', '答复意见', '回复意见', '办理意见', '办理情况', '答复', '回复', '回复1', 'reply', 'response', 'resolution description'],
};

const incidentSynonyms: Record<string, string[]> = {
  ...appealSynonyms,
  appeal_id: ['警情编号', '接警编号', '警情号', '接警单号', ...appealSynonyms.appeal_id],
  received_at: ['报警时间', '接警时间', ...appealSynonyms.received_at],
  content: ['报警内容', '简要案情', '警情内容', '案情', ...appealSynonyms.content],
  source_category: ['警情类别', '警情类型', '案件类别', ...appealSynonyms.source_category],
  caller_phone: ['报警电话', '报警人电话', ...appealSynonyms.caller_phone],
  is_police_matter: ['警情性质', '是否警情', '是否警务类', '警务类型', '是否警务'],
  status: ['处置状态', '处警状态', ...appealSynonyms.status],
  handling_unit: ['处置单位', '处警单位', '出警单位', ...appealSynonyms.handling_unit],
  closed_at: ['结束时间', '处警结束时间', ...appealSynonyms.closed_at],
};

const transferSynonyms: Record<string, string[]> = {
  platform: ['平台', '所属平台', '来源平台', 'platform'],
  appeal_id: ['工单编号', '工单号', '编号', '警情编号', '诉求编号', '案件编号', 'appeal id', 'id'],
  seq: ['流转序号', '序号', '环节序号', '步骤', '流转次序', 'seq', 'sequence', 'step'],
  from_party: ['派出单位', '转出单位', '发送单位', '派单单位', '流转来源', '来源单位', '转出方', 'from', 'from party', 'sender'],
  to_party: ['接收单位', '转入单位', '流转单位', '派往单位', '承接单位', '转入方', 'to', 'to party', 'receiver'],
  method: ['流转方式', '转办方式', '方式', '转接方式', 'method'],
  sent_at: ['流转时间', '派单时间', '转办时间', '发送时间', '转出时间', 'sent at', 'sent'],
  accepted_at: ['签收时间', '接收时间', '受理时间', 'accepted at', 'accepted'],
  outcome: ['流转结果', '结果', '签收状态', '处理结果', '流转状态', 'outcome', 'result'],
  reason: ['退回原因', '退单原因', '原因', '退回理由', '退回说明', 'reason', 'return reason'],
};

export const SYNONYMS: Record<Kind, Record<string, string[]>> = {
  appeals: appealSynonyms,
  incidents: incidentSynonyms,
  transfers: transferSynonyms,
};

/** Header text as compared: NFKC (full width → half), lower case, no spaces, underscores or punctuation. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\ufeff/, '')
    .replace(/[\s_\-:：.()（）【】\[\]*#/\\]+/g, '');
}
