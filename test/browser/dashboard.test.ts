import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { refreshSignals } from '../../pipelines/disputes/signals.js';
import { PASSWORD, type Harness } from '../server/harness.js';
import { screenshot } from './browser.js';
import { browserSuite } from './suite.js';

let h: Harness;
let page: Page;
let errors: string[];

browserSuite((suite) => ({ h, page, errors } = suite));

describe('the dashboard in a browser', () => {
  it('signs in and shows the overview with KPI cards and charts', async () => {
    await page.goto(`${h.base}/`);
    await page.getByLabel('用户名').fill('officer');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '联动运行总览' }).waitFor();
    await expect.poll(() => page.locator('.card').count(), { timeout: 30_000 }).toBeGreaterThan(10);
    await page.locator('.chart-body svg').first().waitFor();
    expect(await page.locator('.card-value').first().innerText()).toMatch(/\d/);
    // Each card compares with the previous period, or says there is nothing to compare with.
    const changes = await page.locator('.card-change').allInnerTexts();
    for (const line of changes) expect(line.trim()).toMatch(/^([+-][\d.,]+(%| 个百分点)) 较上期$|^上期无可比数据$/);
    await screenshot(page, 'overview');
  });

  it('drills down from a KPI value to the appeals behind it', async () => {
    await page.locator('.card-value a').first().click();
    await page.getByText(/构成该数值的 \d+ 条记录/).waitFor();
    expect(page.url()).toContain('#/drill?');
    expect(await page.locator('main table tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, 'drill-down');
  });

  it('opens the top disputed topic with its score parts, units and samples', async () => {
    await page.getByRole('link', { name: '争议事项' }).click();
    await page.getByRole('heading', { name: '争议事项排名' }).waitFor();
    // The legend names each colour of the score bars: the top topic's largest part has the colour the
    // legend gives its name.
    const bar = page.locator('table.topics tbody tr').first().locator('.scorebar');
    await bar.waitFor();
    const segments = await bar.locator('svg rect').evaluateAll((rects) => rects.slice(1).map((r) => ({ width: Number(r.getAttribute('width')), fill: r.getAttribute('fill') })));
    const largest = segments.reduce((a, b) => (b.width > a.width ? b : a));
    const parts = (await bar.getAttribute('aria-label'))!.replace(/^[^：]*：/, '').split(', ').map((p) => ({ name: p.replace(/ [\d.]+$/, ''), value: Number(p.split(' ').pop()) }));
    const top = parts.reduce((a, b) => (b.value > a.value ? b : a));
    const swatch = page.locator('.score-legend-item', { hasText: top.name }).locator('.swatch');
    expect(await swatch.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(hexToRgb(largest.fill!));
    await screenshot(page, 'topics');
    const first = page.locator('table.topics tbody tr').first().locator('th a');
    const label = (await first.innerText()).trim();
    await first.click();
    await page.getByRole('heading', { level: 1, name: label }).waitFor();
    await page.getByRole('heading', { name: /争议分值 [\d.]+（第 1 名）/ }).waitFor();
    expect(await page.locator('ul.samples li').count()).toBeGreaterThan(0);
    await page.locator('.chart-body svg').first().waitFor();
    await screenshot(page, 'topic');
  });

  it('says of a topic of thank-you calls that they are left out, with no trend or units to show', async () => {
    const [row] = await h.db.query<{ topic_id: number; praise: number }>(
      `SELECT tp.topic_id, count(*)::INTEGER AS praise FROM appeal_topics tp JOIN appeals a USING (platform, appeal_id)
       WHERE a.appeal_type = '感谢' AND a.received_at >= CAST('2025-01-01' AS DATE) AND a.received_at < CAST('2025-12-31' AS DATE) + 1
       GROUP BY tp.topic_id ORDER BY praise DESC, tp.topic_id LIMIT 1`,
    );
    await page.goto(`${h.base}/#/topic/${row.topic_id}?from=2025-01-01&to=2025-12-31`);
    await page.getByText(`分析窗口内另有 ${row.praise} 件表扬、感谢类诉求`).waitFor();
    await page.getByText('分析窗口内没有派给承办单位的诉求。').waitFor();
    expect(await page.getByRole('heading', { name: '窗口内诉求趋势' }).count()).toBe(0);
  });

  it('searches appeals and opens one with its transfer chain', async () => {
    await page.getByRole('link', { name: '诉求查询' }).click();
    await page.getByRole('heading', { name: '诉求查询' }).waitFor();
    const firstTitle = (await page.locator('table.appeals tbody tr').first().locator('td').nth(3).locator('strong').innerText()).trim();
    // Time and district stay on one line each, beside long texts (on a laptop-wide window too).
    await page.setViewportSize({ width: 1366, height: 900 });
    const lines = (cell: number) => page.locator('table.appeals tbody tr').first().locator('td').nth(cell).evaluate((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;
    });
    expect([await lines(1), await lines(2)]).toEqual([1, 1]);
    await page.setViewportSize({ width: 1920, height: 1080 });
    const word = firstTitle.slice(0, 2);
    await page.getByLabel('文本包含').fill(word);
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toContain(`q=${encodeURIComponent(word)}`);
    await page.getByText(/共 [\d,]+ 件。/).waitFor();
    const rows = page.locator('table.appeals tbody tr');
    await expect.poll(async () => (await rows.first().innerText()).includes(word), { timeout: 10_000 }).toBe(true);
    await rows.first().locator('a').first().click();
    await page.getByRole('heading', { name: '流转过程' }).waitFor();
    await screenshot(page, 'appeal');
  });

  it("shows the unit's reply with the appeal, and a functional return told in it", async () => {
    const [a] = await h.db.query<{ appeal_id: string }>(
      "SELECT appeal_id FROM appeal_signals WHERE platform = '12345' AND NOT sig_functional_return ORDER BY appeal_id LIMIT 1",
    );
    const reply = '经核实，不属于我单位职责，建议由区住房和城乡建设局处理。';
    await h.db.query('UPDATE appeals SET reply = $1 WHERE platform = $2 AND appeal_id = $3', [reply, '12345', a.appeal_id]);
    await refreshSignals(h.db);
    await page.goto(`${h.base}/#/appeal/12345/${encodeURIComponent(a.appeal_id)}`);
    await page.getByRole('heading', { name: '答复（办理结果）' }).waitFor();
    await page.getByText(reply, { exact: true }).waitFor();
    await page.getByText('职能退单（答复称非本单位职责）', { exact: true }).waitFor();
  });

  it('imports a small file and shows its report', async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('link', { name: '数据导入' }).click();
    const file = join(h.dir, '六月工单.csv');
    writeFileSync(file, ['工单编号,来电时间,所属区县,诉求内容,承办单位', `UP001,2025/6/1 9:00,东城区,楼下烧烤油烟太大，${'每天晚上烟味飘进窗户，'.repeat(40)},东城区城市管理局`, 'UP002,2025/6/2 9:00,西城区,路灯不亮,西城区住建局', 'UP003,某天,西城区,井盖丢失,西城区住建局', 'UP004,2025/6/3 9:00,西城区,井盖丢失,西城区住建局,多出的一列'].join('\n'));
    await page.getByLabel('文件', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: '上传并预览' }).click();
    await page.getByRole('heading', { name: '预览：六月工单.csv' }).waitFor();
    expect(await page.getByLabel('诉求内容 对应的列').inputValue()).toBe('诉求内容');
    // a long appeal text takes three lines of the sample, not the whole screen
    const tallest = Math.max(...(await page.locator('table.sample tbody tr').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height))));
    expect(tallest).toBeLessThan(100);
    await screenshot(page, 'import-preview');
    // A trial run first: what the import would do, nothing written.
    await page.getByRole('button', { name: '试导入（不写入）' }).click();
    await page.getByText('试导入：读取 4 行，将新增 2，更新 0，未变 0，拒收 2。数据库未改动。').waitFor();
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByText('读取 4 行：新增 2，更新 0，未变 0，拒收 2', { exact: false }).waitFor({ timeout: 60_000 });
    // What ran after the import is reported in the interface language too.
    await page.getByText(/^单位：共 \d+ 个/).waitFor();
    await page.getByText('争议信号已更新。').waitFor();
    // Reject reasons in the interface language: the commonest without values, each row with its value.
    await page.getByText('来电时间 … 不是日期').waitFor();
    await page.getByRole('button', { name: '查看拒收的行' }).click();
    await page.getByText(/拒收的行（共 2 行/).waitFor();
    await page.getByRole('cell', { name: "来电时间 '某天' 不是日期" }).waitFor();
    await page.getByRole('cell', { name: '工单编号: UP003 · 来电时间: 某天 · 所属区县: 西城区 · 诉求内容: 井盖丢失 · 承办单位: 西城区住建局' }).waitFor();
    // so are the reasons of rows the reader could not split
    await page.getByRole('cell', { name: '该行的字段比表头多（表头 5 列，该行 6 列）' }).waitFor();
    // The rejected rows download as a CSV to fix: the file's columns, the reasons in Chinese.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载拒收的行（CSV）' }).click()]);
    const rows = parse(readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '')) as string[][];
    expect(rows.map((r) => r.slice(0, 3))).toEqual([['行号', '原因', '工单编号'], ['4', "来电时间 '某天' 不是日期", 'UP003'], ['5', '该行的字段比表头多（表头 5 列，该行 6 列）', '']]);
    await screenshot(page, 'import-report');

    // A later export of the same records: one closed since, one as it was. The history lists the outcomes.
    const later = join(h.dir, '六月工单-更新.csv');
    writeFileSync(later, ['工单编号,来电时间,所属区县,诉求内容,承办单位,工单状态', 'UP001,2025/6/1 9:00,东城区,楼下烧烤油烟太大,东城区城市管理局,已办结', 'UP002,2025/6/2 9:00,西城区,路灯不亮,西城区住建局,'].join('\n'));
    await page.getByLabel('文件', { exact: true }).setInputFiles(later);
    await page.getByRole('button', { name: '上传并预览' }).click();
    await page.getByRole('heading', { name: '预览：六月工单-更新.csv' }).waitFor();
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByText('读取 2 行：新增 0，更新 1，未变 1，拒收 0', { exact: false }).waitFor({ timeout: 60_000 });
    const history = page.locator('section', { has: page.getByRole('heading', { name: '导入记录' }) });
    const cells = async (file: string) => (await history.locator('tbody tr', { hasText: file }).first().locator('td').allInnerTexts()).slice(5, 10);
    await expect.poll(() => cells('六月工单-更新.csv')).toEqual(['2', '0', '1', '1', '0']);
    expect(await cells('六月工单.csv')).toEqual(['4', '2', '0', '0', '2']);

    // The first file once more: recognised by its bytes before anything is imported.
    await page.getByLabel('文件', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: '上传并预览' }).click();
    await page.getByText(/^这个文件已由导入 #\d+（六月工单\.csv，\d{4}-\d\d-\d\d \d\d:\d\d）导入过。再次导入会怎样，可先试导入查看。$/).waitFor();

    // An export without an id column, laid out as a shipped preset: recognised, said so, and loaded.
    const rivers = join(h.dir, '内河投诉.csv');
    writeFileSync(rivers, ['区县（工作表）,河流,性质,标题,时间,投诉件内容', '仓山区,龙津河,投诉,龙津河发臭,2018-06-01,龙津河黑臭严重'].join('\n'));
    await page.getByLabel('文件', { exact: true }).setInputFiles(rivers);
    await page.getByRole('button', { name: '上传并预览' }).click();
    await page.getByText('表头与预设格式 fz12345-rivers 一致', { exact: false }).waitFor();
    expect(await page.getByLabel('预设格式').inputValue()).toBe('fz12345-rivers');
    // The preview shows the header a preset column reads, however it is spelt, and what the file lacks.
    expect(await page.getByLabel('区县 对应的列').inputValue()).toBe('区县（工作表）');
    await page.locator('#preview-h ~ p', { hasText: '来源渠道 留空：文件中没有列 信息来源。' }).waitFor();
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByText('读取 1 行：新增 1，更新 0，未变 0，拒收 0', { exact: false }).waitFor({ timeout: 60_000 });
    await page.getByText('按预设格式 fz12345-rivers 读取。').waitFor();
    await page.getByText('来源渠道 留空：文件中没有列 信息来源。').waitFor();
    // An appeal no topic takes is waiting in the unclustered queue: the report leads there.
    await page.getByText(/^事项：0 件新诉求归入已有事项，1 件进入未归类诉求。/).waitFor();
    await page.getByRole('link', { name: '查看未归类诉求' }).click();
    await page.getByRole('heading', { name: '未归类诉求', level: 1 }).waitFor();
  });

  it('follows an import that was running before the page was opened, to its report', async () => {
    // the database busy with another write: the import waits in the queue
    let release = () => {};
    const held = h.app.ctx.lock.write(() => new Promise<void>((r) => (release = r)));
    try {
      await page.getByRole('link', { name: '数据导入' }).click();
      const file = join(h.dir, '七月工单.csv');
      writeFileSync(file, ['工单编号,来电时间,所属区县,诉求内容,承办单位', 'JL001,2025/7/1 9:00,东城区,小区门口路灯不亮,东城区城市管理局'].join('\n'));
      await page.getByLabel('文件', { exact: true }).setInputFiles(file);
      await page.getByRole('button', { name: '上传并预览' }).click();
      await page.getByRole('heading', { name: '预览：七月工单.csv' }).waitFor();
      await page.getByRole('button', { name: '开始导入' }).click();
      await page.getByText('排队中…').waitFor();
      // away and back: the page finds the import again
      await page.getByRole('link', { name: '总览' }).click();
      await page.getByRole('heading', { name: '联动运行总览' }).waitFor();
      await page.getByRole('link', { name: '数据导入' }).click();
      await page.getByRole('heading', { name: '导入：七月工单.csv' }).waitFor();
      await page.getByText(/^admin 于 \d{4}-\d\d-\d\d \d\d:\d\d 开始$/).waitFor();
      await page.getByText('排队中…').waitFor();
    } finally {
      release();
      await held;
    }
    await page.getByText('读取 1 行：新增 1，更新 0，未变 0，拒收 0', { exact: false }).waitFor({ timeout: 60_000 });

    // The wrong file after all. Previewed again, it is recognised as imported; it is undone from its
    // history entry, after a dialog that says what will happen, and the preview then says so.
    await page.getByLabel('文件', { exact: true }).setInputFiles(join(h.dir, '七月工单.csv'));
    await page.getByRole('button', { name: '上传并预览' }).click();
    await page.getByText(/^这个文件已由导入 #\d+（七月工单\.csv，/).waitFor();
    const history = page.locator('section', { has: page.getByRole('heading', { name: '导入记录' }) });
    await history.locator('tbody tr', { hasText: '七月工单.csv' }).first().getByRole('link').click();
    await page.getByRole('button', { name: /^撤销此次导入 #\d+$/ }).click();
    const dialog = page.getByRole('dialog', { name: /^撤销导入 #\d+：七月工单.csv$/ });
    await dialog.getByText('将删除本次导入新增的 1 条记录。', { exact: true }).waitFor();
    expect(await dialog.getByText('恢复为更新前的版本').count()).toBe(0);
    await screenshot(page, 'import-undo');
    await dialog.getByRole('button', { name: '确认撤销' }).click();
    await page.getByText(/^已于 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d 由 admin 撤销。$/).waitFor();
    await page.getByText(/^这个文件曾由导入 #\d+（七月工单\.csv，[^）]+）导入，该次导入已撤销。$/).waitFor();
    expect(await dialog.count()).toBe(0);
    await expect.poll(async () => (await history.locator('tbody tr', { hasText: '七月工单.csv' }).first().locator('td').allInnerTexts())[4]).toBe('已撤销');
    expect((await h.db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM appeals WHERE appeal_id = 'JL001'"))[0].n).toBe(0);
  });

  it('clears the versions kept for undo, after saying what would go, and the undo then says why it cannot', async () => {
    await page.getByRole('link', { name: '数据导入' }).click();
    const kept = page.locator('section', { has: page.getByRole('heading', { name: '撤销用的旧版本' }) });
    // the later export of 六月工单 replaced one appeal: its earlier version is kept
    const held = (await h.db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM appeals_replaced'))[0].n;
    expect(held).toBeGreaterThan(0);
    await kept.getByText(new RegExp(`^为撤销导入，保留着 ${held} 条诉求和 0 条流转被替换前的版本`)).waitFor();
    // everything here started today: 90 days back there is nothing; 0 days takes every import so far
    await kept.getByText('没有在 90 天以前开始的导入。').waitFor();
    expect(await kept.getByRole('button', { name: '清理' }).count()).toBe(0);
    await kept.getByLabel('清理多少天以前开始的导入').fill('0');
    await kept.getByText(new RegExp(`^将清理 ${held} 条诉求和 0 条流转的旧版本；导入 #\\d+ 及更早的 \\d+ 次导入将不能再撤销。$`)).waitFor();
    await kept.getByRole('button', { name: '清理' }).click();
    expect((await h.db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM appeals_replaced'))[0].n).toBe(held);
    await kept.getByRole('button', { name: '确认清理（不可恢复）' }).click();
    await kept.getByRole('status').getByText(`已清理 ${held} 条诉求和 0 条流转的旧版本。`).waitFor();
    await kept.getByText('目前没有为撤销而保留的旧版本。').waitFor();
    await kept.getByText(/^上次清理：\d{4}-\d\d-\d\d \d\d:\d\d，操作人 admin；导入 #\d+ 及更早的导入已不能撤销。$/).waitFor();
    expect((await h.db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM appeals_replaced'))[0].n).toBe(0);

    // the import whose earlier versions went can no longer be undone, and its dialog says why
    const history = page.locator('section', { has: page.getByRole('heading', { name: '导入记录' }) });
    await history.locator('tbody tr', { hasText: '六月工单-更新.csv' }).first().getByRole('link').click();
    await page.getByRole('button', { name: /^撤销此次导入 #\d+$/ }).click();
    const dialog = page.getByRole('dialog', { name: /^撤销导入 #\d+：六月工单-更新.csv$/ });
    await dialog.getByText(/^为撤销导入保留的旧版本已于 \d{4}-\d\d-\d\d \d\d:\d\d 清理（导入 #\d+ 及更早），这次导入不能再撤销。$/).waitFor();
    expect(await dialog.getByRole('button', { name: '确认撤销' }).count()).toBe(0);
    await dialog.getByRole('button', { name: '关闭' }).click();
  });

  it('backs the database up into the backup folder, says how to restore it, and deletes a backup after a second click', async () => {
    await page.getByRole('link', { name: '数据导入' }).click();
    const backups = page.locator('section', { has: page.getByRole('heading', { name: '数据库备份' }) });
    await backups.getByText('备份目录下还没有备份。').waitFor();
    await backups.getByRole('button', { name: '立即备份' }).click();
    const done = backups.getByRole('status');
    await done.getByText(/^已备份到 linkage-\d{8}-\d{6}\.duckdb：\d+ 个表，共 [\d,]+ 行，[\d.]+ MB，用时 [\d.]+ 秒。$/).waitFor({ timeout: 60_000 });
    const name = /linkage-\d{8}-\d{6}\.duckdb/.exec(await done.innerText())![0];
    expect(existsSync(join(h.dir, 'backups', name))).toBe(true);
    // the restore command names the newest backup
    await backups.getByText(`npm run pipeline -- restore --from ${join(h.dir, 'backups', name)}`, { exact: true }).waitFor();
    const row = backups.locator('tbody tr', { has: page.getByText(name, { exact: true }) });
    await row.getByRole('button', { name: `删除备份 ${name}` }).click();
    expect(existsSync(join(h.dir, 'backups', name))).toBe(true);
    await row.getByRole('button', { name: `确认删除 ${name}` }).click();
    await backups.getByRole('status').getByText(`已删除 ${name}。`).waitFor();
    await backups.getByText('备份目录下还没有备份。').waitFor();
    expect(existsSync(join(h.dir, 'backups', name))).toBe(false);
  });

  it('exports the data for a data lake into a new folder on the server', async () => {
    await page.getByRole('link', { name: '数据导入' }).click();
    const lake = page.locator('section', { has: page.getByRole('heading', { name: '数据湖导出（Parquet）' }) });
    await lake.getByRole('button', { name: '导出' }).click();
    const done = lake.getByRole('status');
    await done.getByText(/^已写入 .*parquet-\d{8}-\d{6}(-\d+)?，用时 [\d.]+ 秒。$/).waitFor({ timeout: 60_000 });
    const appeals = (await h.db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM appeals'))[0].n;
    const row = lake.locator('tbody tr', { hasText: '诉求 appeals' });
    expect((await row.locator('td').allInnerTexts())[1]).toBe(appeals.toLocaleString('en'));

    // listed among the earlier exports, and deleted from there after a second click
    const name = /parquet-\d{8}-\d{6}(-\d+)?/.exec(await done.innerText())![0];
    const listed = lake.locator('tbody tr', { has: page.getByText(name, { exact: true }) });
    await listed.waitFor();
    expect((await listed.locator('td').allInnerTexts()).slice(2, 4)).toEqual(['全部', appeals.toLocaleString('en')]);
    await lake.getByRole('button', { name: `删除导出 ${name}` }).click();
    expect(existsSync(join(h.dir, 'exports', name))).toBe(true);
    await lake.getByRole('button', { name: `确认删除 ${name}` }).click();
    await lake.getByRole('status').getByText(`已删除 ${name}。`).waitFor();
    await listed.waitFor({ state: 'detached' });
    expect(existsSync(join(h.dir, 'exports', name))).toBe(false);
  });

  it('changes users in labelled dialogs that work by keyboard: role and unit, password, disabling', async () => {
    const native: string[] = [];
    page.on('dialog', (d) => {
      native.push(d.type());
      void d.dismiss();
    });
    await page.getByRole('link', { name: '用户管理' }).click();
    await page.getByRole('heading', { name: '用户管理', level: 1 }).waitFor();
    const rowOf = (user: string) => page.locator('tbody tr', { has: page.getByRole('rowheader', { name: user, exact: true }) });

    await page.getByRole('button', { name: '更改角色：leader' }).focus();
    await page.keyboard.press('Enter');
    const role = page.getByRole('dialog', { name: 'leader 的角色' });
    await role.waitFor();
    await page.keyboard.press('Escape');
    await role.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('更改角色：leader');
    await page.keyboard.press('Enter');
    await role.getByRole('combobox', { name: /^角色/ }).selectOption('unit_head');
    const unitSelect = role.getByRole('combobox', { name: /^单位/ });
    const unit = (await unitSelect.locator('option').nth(1).getAttribute('value'))!;
    await unitSelect.selectOption(unit);
    await screenshot(page, 'user-role-dialog');
    await role.getByRole('button', { name: '保存' }).click();
    await role.waitFor({ state: 'detached' });
    await expect.poll(() => rowOf('leader').innerText()).toContain(unit);

    await page.getByRole('button', { name: '重设密码：headB' }).click();
    const password = page.getByRole('dialog', { name: '为 headB 重设密码' });
    await password.getByLabel('新密码（至少 10 位）').fill('another password 2');
    await page.keyboard.press('Enter');
    await password.waitFor({ state: 'detached' });
    await page.getByRole('status').getByText('已保存。').waitFor();
    const login = (pw: string) => fetch(`${h.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'headB', password: pw }) });
    expect((await login('another password 2')).status).toBe(200);
    expect((await login(PASSWORD)).status).toBe(401);

    await page.getByRole('button', { name: '停用：officer' }).click();
    const disable = page.getByRole('dialog', { name: '停用 officer？' });
    await disable.getByRole('button', { name: '停用' }).click();
    await disable.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '启用：officer' }).click();
    await page.getByRole('button', { name: '停用：officer' }).waitFor();
    expect(native).toEqual([]);

    // the server's error, by its code, in the interface language
    const create = page.locator('section', { has: page.getByRole('heading', { name: '新建用户' }) });
    await create.getByLabel('用户名').fill('officer');
    await create.getByLabel('初始密码（至少 10 位）').fill('a long password 3');
    await create.getByRole('button', { name: '新建' }).click();
    await page.getByRole('alert').getByText('用户名 officer 已被占用。').waitFor();
    // the browser logs the refused request itself: that one console error is expected
    expect(errors.filter((e) => /409/.test(e))).toHaveLength(1);
    errors.splice(errors.findIndex((e) => /409/.test(e)), 1);
  });

  it('makes an API token a platform then calls the route suggestion with, and revokes it', async () => {
    await page.getByRole('link', { name: '用户管理' }).click();
    const tokens = page.locator('section', { has: page.getByRole('heading', { name: '接口令牌（供热线平台调用）' }) });
    await tokens.getByLabel('调用方名称').fill('12345-dispatch');
    await tokens.getByLabel('有效期').selectOption({ label: '90 天' });
    await tokens.getByRole('button', { name: '新建令牌' }).click();
    await tokens.getByText('已为 12345-dispatch 新建令牌。令牌只显示这一次，请立即复制到调用方的配置中：').waitFor();
    const until = (await tokens.getByText(/^令牌在 .* 之前有效/).innerText()).match(/\d{4}-\d\d-\d\d/)![0];
    const [due] = await h.db.query<{ day: string }>("SELECT strftime(now() + INTERVAL 90 DAY, '%Y-%m-%d') AS day");
    expect(until).toBe(due.day);
    const token = await tokens.locator('code.secret').innerText();
    expect(token).toMatch(/^lk_/);
    const ask = () => fetch(`${h.base}/api/route-suggestion`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ text: '路灯不亮' }) });
    expect((await ask()).status).toBe(200);
    const row = tokens.locator('tbody tr', { hasText: '12345-dispatch' });
    await row.getByText(new RegExp(`^有效 · ${until} \\d\\d:\\d\\d 到期$`)).waitFor();
    await row.getByRole('button', { name: '吊销令牌 12345-dispatch' }).click();
    await row.getByRole('button', { name: '确认吊销 12345-dispatch' }).click();
    await tokens.getByText('已吊销 12345-dispatch 的令牌，之后用它的请求都会被拒绝。').waitFor();
    await row.getByText(/^已于 \d{4}-\d\d-\d\d \d\d:\d\d 由 admin 吊销$/).waitFor();
    // the secret is not on the page any more, and no longer works
    expect(await tokens.locator('code.secret').count()).toBe(0);
    expect((await ask()).status).toBe(401);
  });

  it('corrects a unit\'s kind on the units page, and the dispute signals follow', async () => {
    await page.getByRole('link', { name: '承办单位' }).click();
    await page.getByRole('heading', { name: '承办单位', level: 1 }).waitFor();
    await page.getByLabel('类别').selectOption('交警');
    await page.getByLabel('单位名称').fill('东城');
    await page.getByRole('button', { name: '查询' }).click();
    // the filters go into the address: the list reloads with the one unit they leave
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    const row = page.locator('tbody tr', { hasText: '江城市公安局交通警察支队东城大队' });
    await row.getByText('自动识别').waitFor();
    const name = '江城市公安局交通警察支队东城大队';
    const before = await h.db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM appeal_signals WHERE owner_kind = '交警'");
    await row.getByRole('button', { name: `改正 ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `改正单位：${name}` });
    await dialog.getByLabel('类别').selectOption('公安');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText(`已保存 ${name}：公安，东城区。争议信号已重新计算。`).waitFor();
    expect(await h.db.query('SELECT kind, origin FROM units WHERE name = $1', [name])).toEqual([{ kind: '公安', origin: 'manual' }]);
    // the appeals that unit owned now count as owned by the police
    const after = await h.db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM appeal_signals WHERE owner_kind = '交警'");
    expect(after[0].n).toBeLessThan(before[0].n);
  });

  it('corrects several units at once: ticked on the page, one kind for all', async () => {
    await page.getByLabel('类别').selectOption('交警');
    await page.getByLabel('单位名称').fill('');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(2);
    const names = (await page.locator('tbody tr td:nth-child(2)').allInnerTexts()).slice(0, 2);
    for (const name of names) await page.getByLabel(`选择 ${name}`).check();
    const bulk = page.getByRole('form', { name: '批量改正所选单位' });
    await bulk.getByText('已选 2 个单位').waitFor();
    await bulk.getByLabel('类别').selectOption('公安');
    await bulk.getByRole('button', { name: '改正所选单位' }).click();
    await page.getByText('已改正 2 个单位，均标为人工设定；争议信号已重新计算。').waitFor();
    for (const name of names) expect(await h.db.query('SELECT kind, origin FROM units WHERE name = $1', [name])).toEqual([{ kind: '公安', origin: 'manual' }]);
    // the selection is gone with the correction
    expect(await page.getByRole('form', { name: '批量改正所选单位' }).count()).toBe(0);
  });

  it('finds the topics again from the topic ranking, following the run to its end, also after leaving the page', async () => {
    await page.getByRole('link', { name: '争议事项' }).click();
    await page.getByText(/^事项最近一次发现于 \d{4}-\d\d-\d\d \d\d:\d\d，共 \d+ 个；此后导入的 \d+ 件诉求只归入了已有事项。$/).waitFor();
    const runs = async () => (await h.db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM topic_runs WHERE kind = 'run' AND status = 'done'"))[0].n;
    const before = await runs();
    // the database busy with another write: the run waits its turn in the background
    let release = () => {};
    const held = h.app.ctx.lock.write(() => new Promise<void>((r) => (release = r)));
    const underWay = /^\w+ 于 \d{4}-\d\d-\d\d \d\d:\d\d 开始重新发现事项，仍在进行/;
    try {
      await page.getByRole('button', { name: '重新发现事项' }).click();
      await page.getByText(underWay).waitFor();
      expect(await page.getByRole('button', { name: '正在重新发现事项…' }).isDisabled()).toBe(true);
      await page.getByRole('link', { name: '总览' }).click();
      await page.getByRole('heading', { name: '联动运行总览' }).waitFor();
      await page.getByRole('link', { name: '争议事项' }).click();
      await page.getByText(underWay).waitFor();
    } finally {
      release();
      await held;
    }
    await page.getByText(/^已重新发现事项：共 \d+ 个，新增 \d+ 个，延续 \d+ 个，退役 \d+ 个（人工调整已重新应用），用时 [\d.]+ 秒。$/).waitFor({ timeout: 120_000 });
    expect(await runs()).toBe(before + 1);
    await page.getByText(/此后导入的 0 件诉求只归入了已有事项。$/).waitFor();
  });

  it('switches the interface to English and back', async () => {
    await page.getByLabel('界面语言').selectOption('en');
    await page.getByRole('link', { name: 'Overview' }).waitFor();
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: 'Linkage overview' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.locator('.chart-body svg').first().waitFor();
    await screenshot(page, 'overview-en');
    // Unit kinds are words of the interface too: the topic list names owners in English.
    await page.getByRole('link', { name: 'Disputed topics' }).click();
    const owners = page.locator('table tbody tr td:nth-child(8)');
    await owners.first().waitFor();
    const kinds = (await owners.allInnerTexts()).map((x) => x.replace(/\s*\d+%$/, ''));
    expect(kinds.length).toBeGreaterThan(3);
    for (const k of kinds) expect(k).toMatch(/^[A-Z][A-Za-z ,]+$/);
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: 'Linkage overview' }).waitFor();
    await page.getByLabel('Language').selectOption('zh');
    await page.getByRole('heading', { name: '联动运行总览' }).waitFor();
  });

  it('is usable by keyboard: the skip link and the main navigation take focus in order', async () => {
    await page.reload();
    await page.getByRole('heading', { name: '联动运行总览' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('总览');
  });

  it('shows a returning visitor whose session has ended the sign-in page without asking for refused data', async () => {
    const ends = await page.evaluate(() => localStorage.getItem('linkage.sessionEnds'));
    expect(Date.parse(ends ?? '')).toBeGreaterThan(Date.now());
    // The cookie lapses when the session does (same lifetime): both gone, as on a visit the next day.
    await page.context().clearCookies();
    await page.evaluate(() => localStorage.setItem('linkage.sessionEnds', new Date(Date.now() - 60_000).toISOString()));
    await page.reload();
    await page.getByRole('button', { name: '登录' }).waitFor();
  });
});

function hexToRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
