import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { docxText, UNMASKED } from '../helpers/docx.js';
import { PASSWORD, type Harness } from '../server/harness.js';
import { screenshot } from './browser.js';
import { browserSuite } from './suite.js';

const TITLE = '2026年第一次联席会商会议';
const NORM = '健身房闭店退费纠纷由市场监管部门牵头受理，商务部门配合，五日内答复。';

let h: Harness;
let page: Page;

browserSuite((suite) => ({ h, page } = suite));

const agendaTitles = () => page.locator('ol.agenda > li h3').evaluateAll((hs) => hs.map((x) => x.firstChild?.textContent?.trim() ?? ''));

describe('holding a consultation meeting in the dashboard', () => {
  it('creates a meeting and builds its agenda from the dispute ranking', async () => {
    await page.goto(`${h.base}/#/meetings`);
    await page.getByLabel('用户名').fill('officer');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '会商会议', level: 1 }).waitFor();
    await page.getByLabel('会议名称').fill(TITLE);
    await page.getByLabel('会议日期').fill('2026-01-10');
    await page.getByLabel('召集单位').fill('市12345热线办公室');
    await page.getByRole('button', { name: '新建', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(page.url()).toMatch(/#\/meeting\/\d+$/);
    await page.getByText('本次会商前尚无施行中的会商决定').waitFor();

    await page.getByLabel('议题数量').fill('3');
    await page.getByRole('button', { name: '按争议排名生成议程' }).click();
    await page.getByText(/已加入 3 个议题/).waitFor();
    expect(await page.locator('ol.agenda > li').count()).toBe(3);
    // the invited units come from the topics' units
    expect(await page.locator('section[aria-labelledby="units-h"] ul.units').first().locator('li').count()).toBeGreaterThan(3);
  });

  it('reorders the agenda with the keyboard, keeping the focus on the moved item', async () => {
    const before = await agendaTitles();
    await page.getByRole('button', { name: `下移：${before[0]}` }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(`“${before[0]}”已移到第 2 项。`).waitFor();
    expect(await agendaTitles()).toEqual([before[1], before[0], before[2]]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`下移：${before[0]}`);
    // Tab back to its "up" button and move it home again
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`上移：${before[0]}`);
    await page.keyboard.press('Enter');
    await page.getByText(`“${before[0]}”已移到第 1 项。`).waitFor();
    expect(await agendaTitles()).toEqual(before);
    await screenshot(page, 'meeting-agenda');
  });

  it('issues the agenda and records a decision on the first item', async () => {
    await page.getByRole('button', { name: '印发议程' }).click();
    await page.getByRole('button', { name: '确定', exact: true }).click();
    await page.getByText('会议状态已改为：议程已印发。').waitFor();
    // the agenda is frozen: no more moving
    expect(await page.getByRole('button', { name: /^下移：/ }).count()).toBe(0);

    const first = page.locator('ol.agenda > li').first();
    await first.getByText('记录会商决定').click();
    // the evidence's suggested lead unit comes filled in
    const lead = await first.getByLabel('牵头单位').inputValue();
    expect(lead).not.toBe('');
    await first.getByLabel(/配合单位/).fill('市商务局');
    await first.getByLabel('处置规范').fill(NORM);
    await first.getByLabel('办理时限（日）').fill('5');
    await first.getByRole('button', { name: '保存决定' }).click();
    await page.getByText('决定已记录，并已成为派单的管辖规则。').waitFor();
    await first.locator('dl.decision').getByText(NORM).waitFor();
    expect(await first.locator('dl.decision').innerText()).toContain(lead);
    await screenshot(page, 'meeting-decision');
  });

  it('downloads the minutes as a DOCX holding the decision', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '会议纪要 · Word' }).click()]);
    expect(download.suggestedFilename()).toBe(`${TITLE}-会议纪要.docx`);
    const text = await docxText(readFileSync((await download.path())!));
    expect(text).toContain(`${TITLE}纪要`);
    expect(text).toContain(NORM);
    expect(text).not.toMatch(UNMASKED);
    const [exported] = await h.db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM audit_log WHERE action = 'export' AND who = 'officer'");
    expect(exported.n).toBe(1);
  });

  it('lists the decision among the rules in force, with what it has done so far', async () => {
    await page.getByRole('link', { name: '会商会议', exact: true }).click();
    const rules = page.locator('section', { has: page.getByRole('heading', { name: '现行管辖规则' }) });
    // it takes effect after the last day with data: too early to tell
    await rules.getByText(/^施行中的会商决定 1 项：已见效 0 项，变差 0 项，变化尚不明显 0 项，暂不能评估 1 项/).waitFor();
    expect(await rules.locator('tbody tr').count()).toBe(1);
    await rules.locator('tbody tr').first().getByText('施行不足两周', { exact: true }).waitFor();
    // leadership reads the same counts under the KPI cards, and goes on from there to each decision
    await page.getByRole('link', { name: '总览' }).click();
    await page.getByText(/^施行中的会商决定 1 项：已见效 0 项/).waitFor();
    await page.getByRole('link', { name: '逐项查看' }).click();
    await page.getByRole('heading', { name: '现行管辖规则' }).waitFor();
  });

  it('offers the unit and operation reports on the reports page', async () => {
    await page.getByRole('link', { name: '报告', exact: true }).click();
    await page.getByRole('heading', { name: '报告', level: 1 }).waitFor();
    await page.getByText('请选择单位和起止日期。').waitFor();
    const choose = page.getByRole('region', { name: '单位职责报告' }).getByRole('combobox');
    const unit = await choose.locator('option').nth(1).getAttribute('value');
    await choose.selectOption(unit!);
    await page.getByRole('link', { name: `${unit} 职责报告 · Word` }).waitFor();
    await page.getByRole('link', { name: '2025-Q4 运行情况通报 · 打印版' }).waitFor();
    await screenshot(page, 'reports');
  });
});
