import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../pipelines/db/database.js';

// The masker is the SQL macro mask_pii (sql/macros.sql), run at ingest on every free-text field.
let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => db.close());

const mask = async (text: string) => (await db.query<{ m: string }>('SELECT mask_pii($1) AS m', [text]))[0].m;

describe('mask_pii masks personal data', () => {
  it.each([
    ['mobile', '我的电话13812345678请回电', '我的电话[电话]请回电'],
    ['mobile with spaces', '电话 138 1234 5678。', '电话 [电话]。'],
    ['mobile with dashes', '手机：139-1234-5678', '手机：[电话]'],
    ['mobile +86', '联系方式+86 13912345678', '联系方式[电话]'],
    ['mobile 0086', '0086-13912345678有人接', '[电话]有人接'],
    ['two mobiles side by side', '13812345678、13912345678', '[电话]、[电话]'],
    ['landline with area code', '座机010-88886666转分机', '座机[电话]转分机'],
    ['landline in brackets', '（0531）86661234', '[电话]'],
    ['landline with extension', '电话0571-88886666-123', '电话[电话]'],
    ['ID card', '身份证110101199003077777号', '身份证[身份证]号'],
    ['ID card with X', '证件号11010119900307123X。', '证件号[身份证]。'],
    ['bank card', '卡号6222021234567890123', '卡号[银行卡]'],
    ['bank card in groups', '卡号 6222 0212 3456 7890', '卡号 [银行卡]'],
    ['e-mail', '邮箱zhang.san@example.com.cn谢谢', '邮箱[邮箱]谢谢'],
    ['plate', '车牌京A·12345一直停在门口', '车牌[车牌]一直停在门口'],
    ['new-energy plate', '沪AD12345', '[车牌]'],
    ['plate lower case', '浙a88888占用消防通道', '[车牌]占用消防通道'],
    ['name after label', '联系人王小明，电话另告', '联系人[姓名]，电话另告'],
    ['name after colon', '来电人：张三丰，反映', '来电人：[姓名]，反映'],
    ['name before colon', '来电人王建国：楼道里停满电动车', '来电人[姓名]：楼道里停满电动车'],
    ['name given', '我叫赵敏，住在3楼', '我叫[姓名]，住在3楼'],
    ['name before a phone number', '联系人刘洋13812345678', '联系人[姓名][电话]'],
    ['surname only', '我姓刘，住3楼', '我姓[姓名]，住3楼'],
    ['surname and title', '物业的李经理和陈女士都说不管', '物业的李经理和[姓名]女士都说不管'],
  ])('%s', async (_name, input, expected) => {
    expect(await mask(input)).toBe(expected);
  });
});

describe('mask_pii leaves numbers that are not personal data', () => {
  it.each([
    ['date', '2025年5月16日至2025-05-20之间'],
    ['compact date', '20250516起停水'],
    ['date-time', '2025/5/16 8:03来电'],
    ['work-order id', '工单GD2025051600123已退回'],
    ['incident id', '警情JQ202505160001234'],
    ['amount', '拖欠工资8500元，押金3000.00元'],
    ['large amount', '预付卡余额12800元'],
    ['house number', '幸福小区12号楼3单元502室'],
    ['hotline numbers', '打了12345和110都没人管'],
    ['short number', '第31路公交车'],
    ['ten digits', '编号1234567890'],
    ['twelve digits', '订单号138123456789'],
    ['a woman', '一位女士在楼下跳舞'],
    ['label without a name', '来电人称在江城市恒通公司做保洁'],
    ['label and a verb', '来电人反映：楼道堆物；来电人表示，已多次反映；投诉人咨询：何时供暖'],
    ['contact phone label', '联系人电话另行告知'],
    ['no text', ''],
  ])('%s', async (_name, input) => {
    expect(await mask(input)).toBe(input);
  });

  it('keeps NULL as NULL', async () => {
    expect((await db.query<{ m: string | null }>('SELECT mask_pii(NULL) AS m'))[0].m).toBeNull();
  });
});

describe('caller_key', () => {
  it('gives one key for one number however it is written, and none for no number', async () => {
    const rows = await db.query<{ a: string; b: string; c: string; d: string; e: string | null }>(
      "SELECT caller_key('13812345678', 's') a, caller_key('+86 138-1234-5678', 's') b, caller_key('008613812345678', 's') c, caller_key('13912345678', 's') d, caller_key('', 's') e",
    );
    const r = rows[0];
    expect(r.b).toBe(r.a);
    expect(r.c).toBe(r.a);
    expect(r.d).not.toBe(r.a);
    expect(r.e).toBeNull();
    expect(r.a).not.toContain('13812345678');
  });

  it('depends on the salt', async () => {
    const r = (await db.query<{ a: string; b: string }>("SELECT caller_key('13812345678', 's1') a, caller_key('13812345678', 's2') b"))[0];
    expect(r.a).not.toBe(r.b);
  });
});
