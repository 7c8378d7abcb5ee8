import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const DISTRICTS = ['东城区', '西城区', '南湖区', '北山区', '滨江区', '高新区'];
const PROBLEMS = ['楼道里有电动车充电，存在火灾隐患', '小区广场舞音响声音太大，晚上十点还在跳', '路边摊占道经营，行人无法通行', '暖气不热，室温只有十五度', '饭店油烟直排，家里窗户都不能开', '工地夜间施工噪音扰民', '公司拖欠工资三个月共计8500元', '共享单车乱停乱放堵住小区门口'];
// About one text in seven carries personal data, as in real exports.
const EXTRAS = ['', '', '', '，联系电话13812345678', '', '', '', '', '，车牌京A·12345的车一直占道', '', '', '', '', '，身份证号110101199003077777'];

/**
 * Writes a work-order export of `rows` rows with Chinese texts and personal data to mask: a cheap
 * stand-in for a city's 12345 export, for speed measurements only.
 */
export async function writeSyntheticWorkOrders(path: string, rows: number): Promise<number> {
  const out = createWriteStream(path);
  out.write('工单编号,来电时间,来电号码,来源渠道,所属区县,诉求标题,诉求内容,承办单位,工单状态,办结时间,是否解决,满意度评价\n');
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const d = DISTRICTS[i % DISTRICTS.length];
    const p = PROBLEMS[(i * 7) % PROBLEMS.length];
    const day = 1 + (i % 28);
    const month = 1 + (i % 12);
    buf += `GD2025${String(i).padStart(9, '0')},2025/${month}/${day} ${i % 24}:${String(i % 60).padStart(2, '0')},1${3 + (i % 6)}${String(100000000 + ((i * 7919) % 899999999)).slice(0, 9)},电话,${d},${p.slice(0, 8)},${d}某小区${p}${EXTRAS[i % EXTRAS.length]},${d}城市管理综合执法局,已办结,2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} 23:${String(i % 60).padStart(2, '0')}:00,是,满意\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  return rows;
}
