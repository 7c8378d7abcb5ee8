import type { Outcome, TransferRow } from './flow.js';
import type { Person } from './pii.js';
import type { Rng } from './prng.js';
import { compile } from './template.js';

/**
 * 办理结果: what the unit wrote back, as 12345 exports carry it. A closed order has the final unit's
 * account (naming the caller at times, as personal data the import masks); one left returned has
 * the last return's words, so a functional return shows in the reply as real exports show it.
 */
const RESOLVED = compile([
  '经核实，已安排工作人员到现场处理，问题已解决，已电话回复{who}。',
  '已到现场核查，已督促相关责任方整改完毕，{who}表示认可。',
  '您反映的问题已处理完毕：经现场核实，已按规定处置，并向{who}作了反馈。',
  '已联系{who}了解情况，现场问题已整改到位。',
  '已责令当事方立即整改，经复查已整改到位，{who}对处理结果满意。',
  '接件后即派人到场处置，现已处理完毕，已回访{who}。',
]);
const UNRESOLVED = compile([
  '经核实，该问题涉及历史遗留情况，暂无法彻底解决，已向{who}做好解释工作。',
  '已到现场核查，因条件限制暂无法处理，已将情况向{who}说明，后续将持续跟进。',
  '已联系{who}说明相关政策规定，{who}表示不理解。',
  '该问题需多部门协调解决，已上报研究，已向{who}解释。',
  '经现场查看，未发现所反映的情况，已与{who}沟通。',
]);
const IN_HAND = ['已签收，正在核实处理。', '已安排人员跟进，处理结果另行答复。'];
const THANKED = ['已将来电人的感谢转达承办单位。', '已转达，感谢您对我们工作的支持。'];
const ANSWERED = ['已向来电人解答相关政策，来电人表示清楚。', '已告知来电人办理流程及所需材料。', '已按知识库口径答复来电人。'];
// A closed order that other units had returned: the unit that took it says it was told to lead.
const AFTER_DISPUTE = ['经12345协调，由我单位牵头处理。', '按协调意见由我单位承办。'];

/** How a reply names the caller: often by name and title, which the import masks as [姓名]. */
function who(rng: Rng, caller: Person): string {
  const r = rng.next();
  if (r < 0.55) return '来电人';
  if (r < 0.85) return `${caller.surname}${caller.female ? '女士' : '先生'}`;
  return '市民';
}

/** The reply to one work order; '' when the unit has not answered yet. */
export function replyFor(rng: Rng, outcome: Outcome, rows: readonly TransferRow[], caller: Person, thanks: boolean): string {
  if (thanks) return outcome.status === '已办结' ? rng.pick(THANKED) : '';
  if (outcome.finalUnit === '12345') return rng.pick(ANSWERED);
  if (outcome.status === '已退回') {
    for (let k = rows.length - 1; k >= 0; k--) if (rows[k].result === '退回' && rows[k].reason) return rows[k].reason;
    return '';
  }
  if (outcome.status === '待签收') return '';
  if (outcome.status === '办理中') return rng.chance(0.3) ? rng.pick(IN_HAND) : '';
  const named = who(rng, caller);
  const account = rng.pick(outcome.resolved ? RESOLVED : UNRESOLVED).render(() => named);
  const disputed = rows.some((r) => r.result === '退回') && rng.chance(0.3);
  return disputed ? rng.pick(AFTER_DISPUTE) + account : account;
}
