import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample, truthByRecord, type Sample } from './sample-files.js';

let s: Sample;
beforeAll(async () => {
  s = await generateSample(3000, 99);
});
afterAll(() => s.cleanup());

const MOBILE = /(?<![0-9])(?:\+86 |0086-)?1[3-9]\d(?:[ -]?\d{4}){2}(?![0-9])/;
const ID_CARD = /(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX](?![0-9])/g;
const PLATE = /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z]·?[A-HJ-NP-Z0-9]{5,6}/;
const NAME = /来电人[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡](先生|女士|师傅|阿姨|大爷)|联系人[\u4e00-\u9fff]{2,3}|我姓[\u4e00-\u9fff]/;
const EMAIL = /[A-Za-z0-9._-]+@[A-Za-z0-9-]+\.[a-z]{2,}/;
const BANK = /(?<![0-9])62\d{2}(?: ?\d{4}){2,3} ?\d{3,4}(?![0-9])/;

function idCheckOk(id: string): boolean {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...id.slice(0, 17)].reduce((a, d, i) => a + Number(d) * w[i], 0);
  return '10X98765432'[sum % 11] === id[17];
}

describe('appeal texts', () => {
  it('give short titles of 8–20 characters', () => {
    const bad = s.workOrders.map((w) => w['诉求标题']).filter((t) => t.length < 8 || t.length > 20);
    expect(bad).toEqual([]);
  });

  it('carry personal data in some texts only, of every kind the masker handles', () => {
    const texts = [...s.workOrders.map((w) => w['诉求内容']), ...s.incidents.map((i) => i['报警内容'])];
    const kinds = [MOBILE, new RegExp(ID_CARD.source), PLATE, NAME, EMAIL, BANK];
    const withAny = texts.filter((t) => kinds.some((re) => re.test(t))).length / texts.length;
    expect(withAny).toBeGreaterThan(0.08);
    expect(withAny).toBeLessThan(0.3);
    for (const re of kinds) expect(texts.some((t) => re.test(t)), re.source).toBe(true);
    const ids = texts.flatMap((t) => t.match(ID_CARD) ?? []);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter(idCheckOk)).toEqual(ids);
    // phone numbers are written in several ways
    const formats = new Set(texts.flatMap((t) => {
      const m = MOBILE.exec(t);
      return m ? [m[0].replace(/\d/g, '9')] : [];
    }));
    expect(formats.size).toBeGreaterThanOrEqual(3);
  });

  it('also hold numbers that are not personal data: amounts, house numbers, dates, earlier work-order ids', () => {
    const texts = s.workOrders.map((w) => w['诉求内容']);
    expect(texts.some((t) => /\d+(,\d{3})*(\.\d)?万?元/.test(t))).toBe(true);
    expect(texts.some((t) => /\d+号楼/.test(t))).toBe(true);
    expect(texts.some((t) => /\d{1,2}月\d{1,2}日/.test(t))).toBe(true);
    const ids = new Set(s.workOrders.map((w) => w['工单编号']));
    const referenced = texts.flatMap((t) => t.match(/GD\d{13}/g) ?? []);
    expect(referenced.length).toBeGreaterThan(0);
    expect(referenced.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('word the same problem in many ways', () => {
    const truth = truthByRecord(s);
    const byProblem = new Map<string, Set<string>>();
    for (const w of s.workOrders) {
      const key = truth.get(`12345|${w['工单编号']}`)!.problem_key;
      // the first clause after the opening, with place names and numbers blanked out
      const core = w['诉求内容'].replace(/^[^：:，,]*[：:，,]/, '').split(/[，。]/)[1] ?? '';
      const set = byProblem.get(key) ?? byProblem.set(key, new Set()).get(key)!;
      set.add(core.replace(/\d+/g, '#'));
    }
    const busy = s.problems.filter((p) => p.platform === '12345' && p.share > 0.025);
    expect(busy.length).toBeGreaterThan(5);
    for (const p of busy) expect(byProblem.get(p.key)!.size, p.key).toBeGreaterThanOrEqual(8);
  });

  it('use hotline boilerplate openings and the caller’s own words online', () => {
    const phone = s.workOrders.filter((w) => w['来源渠道'] === '电话').map((w) => w['诉求内容']);
    const online = s.workOrders.filter((w) => w['来源渠道'] === '网站').map((w) => w['诉求内容']);
    expect(phone.filter((t) => /^(市民来电|来电人|诉求人|来电市民|来电)/.test(t)).length / phone.length).toBeGreaterThan(0.8);
    expect(online.some((t) => /我|本人/.test(t))).toBe(true);
    expect(s.incidents.filter((i) => /报警/.test(i['报警内容'])).length / s.incidents.length).toBeGreaterThan(0.8);
  });
});
