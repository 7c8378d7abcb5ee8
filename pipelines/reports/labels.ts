/** Chinese wording of codes in the documents (documents are issued in Chinese). */

export const SCORE_PART_LABELS: Record<string, string> = {
  functional_return: '职能性退单',
  redispatch_kind: '跨类别改派',
  owner_entropy: '承办单位分散度',
  ping_pong: '110与12345往返',
  three_party: '三方通话或协商',
  no_owner: '长时间无人承办',
  text_cue: '诉求中的推诿表述',
  repeat: '重复诉求',
  dissatisfaction: '不满意',
  slow_accept: '签收缓慢',
  volume: '诉求量',
};

export const SIGNAL_LABELS: Record<string, string> = {
  functional_return: '职能性退单',
  redispatch_kind: '跨类别改派',
  ping_pong: '110与12345往返',
  three_party: '三方通话',
  no_owner: '无人承办',
  slow_accept: '签收缓慢',
  many_kinds: '多类单位参与',
  text_cue: '推诿表述',
  repeat: '重复诉求',
};

export const METRIC_LABELS = {
  return_rate: '职能性退单率',
  hours_to_owner: '确定承办单位用时（小时）',
  repeat_rate: '重复诉求率',
} as const;

export const VERDICT_LABELS = { improved: '明显改善', worsened: '明显变差', unclear: '变化尚不明显' } as const;

export const FOLLOW_UP_STATUS_LABELS = {
  measured: '已评估',
  no_topic: '该事项未对应议题，不作量化评估',
  too_early: '施行不足两周，暂不评估',
  too_few_appeals: '施行前后诉求量不足，无法评估',
  no_controls: '缺少可比的未决议题，无法评估',
} as const;

export const MEETING_KIND_LABELS = { regular: '例行会商', special: '专题会商' } as const;

export const RETURN_CLASS_LABELS: Record<string, string> = { functional: '职能争议', territorial: '属地派错', unclear: '未明确' };
