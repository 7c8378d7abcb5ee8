import type { Rng } from './prng.js';
import { compile } from './template.js';

/**
 * 退回原因 as units write them. Functional returns say the matter is another body's job ({B}: who
 * they point to); territorial ones say the address is in another district ({D}). Some functional
 * reasons carry no telling phrase at all, as in real logs: only the next unit's kind reveals them.
 */
const FUNCTIONAL = compile([
  '职能交叉，建议由{B}处理',
  '该事项不属于我单位职责范围',
  '该事项不在我单位职责范围内，建议转{B}',
  '经核实，此事项应由{B}负责',
  '权属不清，无法处置，请重新派单',
  '根据职责分工，此类问题不属于我局职能，建议改派{B}',
  '非我单位职责，请转{B}办理',
  '我单位无执法权，建议由{B}处理',
  '经现场核实，该问题需{B}牵头处置',
  '属于其他部门管理事项，请转{B}',
]);
const FUNCTIONAL_COMMUNITY = compile(['小区内部事务，应由{B}处理', '属于民事纠纷，不属于我单位管辖范围，建议由{B}调解']);

const TERRITORIAL = compile([
  '属地不符',
  '属地不符，该地址属{D}管辖',
  '该地址不属于我辖区',
  '不属于我区管辖，请转{D}',
  '地址不在我区，请核实后重新派单',
  '经核实，事发地位于{D}，非我辖区',
  '辖区不符，退回重派',
]);
const TERRITORIAL_POLICE = compile(['不在我所辖区，请转{D}相关派出所', '经核实，事发地不属于我所辖区']);
const TERRITORIAL_HEAT = compile(['不属于我公司供热区域，请转{D}分公司', '该小区不是我分公司供热范围']);

const FROM_110 = ['经研判属非警务类事项，退回12345按职能转办', '非警务类警情，请12345转职能部门处理', '不属于公安机关管辖范围，请转相关职能部门'];
const FROM_12345 = ['涉及人身安全，请110先行处置', '现场有冲突，属警务类事项', '涉嫌违法犯罪，请110处置'];

export function functionalReason(rng: Rng, suggested: string, communityMatter: boolean): string {
  const list = communityMatter && rng.chance(0.3) ? FUNCTIONAL_COMMUNITY : FUNCTIONAL;
  return rng.pick(list).render((slot) => (slot === 'B' ? suggested : ''));
}

export function territorialReason(rng: Rng, district: string, unitKind: string): string {
  const list = unitKind === '公安' ? TERRITORIAL_POLICE : unitKind === '供热' ? TERRITORIAL_HEAT : TERRITORIAL;
  return rng.pick(list).render((slot) => (slot === 'D' ? district : ''));
}

/** 110 sending a work order back to 12345 as not a police matter. */
export function returnFrom110(rng: Rng): string {
  return rng.pick(FROM_110);
}

/** 12345 sending a diverted incident back to 110 as a police matter after all. */
export function returnFrom12345(rng: Rng): string {
  return rng.pick(FROM_12345);
}
