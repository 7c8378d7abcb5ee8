import type { Database } from '../../../pipelines/db/database.js';

/**
 * A small synthetic city for the topic engine's tests and benchmark: recurring problems phrased many
 * ways, with place names, hotline boilerplate, masked personal data and one-off appeals. The true
 * problem of every appeal is known ('' for a one-off).
 */
export interface FixtureAppeal {
  platform: '12345' | '110';
  appealId: string;
  receivedAt: string;
  district: string;
  street: string;
  address: string;
  title: string;
  content: string;
  isPoliceMatter: boolean | null;
  problem: string;
}

interface Problem {
  key: string;
  titles: string[];
  cores: string[];
  effects: string[];
  /** Relative volume. */
  weight: number;
  /** Months (1–12) the problem occurs in; all when absent. */
  months?: number[];
  /** Appears only in the last weeks of the year. */
  emerging?: boolean;
  /** Share that arrives through 110 as a non-police incident. */
  via110?: number;
}

export const PROBLEMS: Problem[] = [
  { key: 'ebike_stairwell', weight: 9, titles: ['楼道电动车充电', '电动车进楼充电', '楼道私拉电线充电'], cores: ['楼道里有居民给电动车充电', '有人把电瓶车推进楼道充电', '楼道内电动自行车停放充电', '有住户从楼上私拉电线给电动车充电'], effects: ['存在火灾隐患', '很不安全', '一旦起火后果不堪设想', '消防通道被堵'] },
  { key: 'square_dance', weight: 8, via110: 0.2, titles: ['广场舞噪音扰民', '广场舞音响声音太大', '跳广场舞扰民'], cores: ['小区广场每天晚上有人跳广场舞', '附近公园的广场舞音响开得很大', '楼下空地有人跳广场舞音乐声音太响'], effects: ['影响休息', '孩子无法学习', '老人睡不着觉', '晚上十点还不停'] },
  { key: 'night_construction', weight: 8, via110: 0.2, titles: ['工地夜间施工扰民', '夜间施工噪音', '工地晚上施工'], cores: ['附近工地夜间施工', '旁边的建筑工地晚上还在打桩', '工地凌晨还在浇筑混凝土', '施工机械半夜作业'], effects: ['噪音很大影响睡眠', '吵得无法入睡', '严重影响附近居民休息'] },
  { key: 'renovation_noise', weight: 5, titles: ['装修噪音扰民', '邻居装修太吵', '周末装修施工'], cores: ['楼上邻居装修每天电钻声不断', '隔壁住户装修中午休息时间还在砸墙', '楼里有人周末一早就开始装修'], effects: ['影响休息', '老人受不了', '无法正常生活'] },
  { key: 'street_vendor', weight: 8, titles: ['占道经营', '流动摊贩占道', '路边摊占道'], cores: ['路口有商贩占道经营', '人行道上摆满了流动摊贩', '早市摊位占用机动车道', '商户把货物摆到店外占道经营'], effects: ['影响通行', '行人只能走机动车道', '交通拥堵', '环境脏乱'] },
  { key: 'restaurant_fumes', weight: 6, titles: ['饭店油烟扰民', '餐馆油烟直排', '烧烤油烟'], cores: ['楼下饭店油烟直排', '小区底商的餐馆没有安装油烟净化器', '路边烧烤摊油烟很大'], effects: ['家里窗户都不能开', '油烟味呛人', '衣服上都是油烟味'] },
  { key: 'heating_cold', weight: 12, months: [1, 2, 3, 11, 12], titles: ['暖气不热', '供暖温度不达标', '家里暖气不热'], cores: ['家里暖气不热室温只有十几度', '供暖以来暖气一直温度很低', '暖气片上热下凉', '楼里好几户暖气都不热'], effects: ['老人孩子冻得生病', '穿着棉衣在家', '已经交了供暖费'] },
  { key: 'wage_arrears', weight: 7, titles: ['拖欠工资', '公司拖欠工资', '农民工工资拖欠'], cores: ['所在公司拖欠工资三个月', '工地老板拖欠农民工工资', '从单位离职后一直不结算工资', '包工头拖欠劳务费'], effects: ['多次讨要无果', '生活困难', '老板一直推脱'] },
  { key: 'shared_bikes', weight: 5, titles: ['共享单车乱停放', '共享单车堵路', '单车乱停'], cores: ['小区门口共享单车乱停乱放', '地铁站出口共享单车堆成山', '人行道上共享单车横七竖八'], effects: ['影响通行', '盲道被占', '出行不便'] },
  { key: 'property_fee', weight: 5, titles: ['物业乱收费', '物业费上涨', '物业收费不合理'], cores: ['小区物业公司擅自上涨物业费', '物业收取的停车费没有公示', '物业强制收取装修押金'], effects: ['业主不认可', '没有经过业主大会', '服务质量也很差'] },
  { key: 'elevator_fault', weight: 4, titles: ['电梯故障', '电梯经常坏', '电梯困人'], cores: ['小区电梯经常出故障', '单元电梯已经停运一个多月', '电梯运行时异响还困过人'], effects: ['老人上下楼困难', '存在安全隐患', '物业不维修'] },
  { key: 'water_outage', weight: 4, titles: ['停水', '小区突然停水', '自来水停水'], cores: ['小区突然停水没有提前通知', '家里自来水水压太低', '已经停水两天了'], effects: ['生活无法正常进行', '做饭洗漱都成问题'] },
  { key: 'stray_dogs', weight: 3, via110: 0.3, titles: ['流浪狗伤人', '小区流浪狗', '流浪狗扰民'], cores: ['小区里有很多流浪狗', '附近流浪狗成群', '流浪狗晚上一直叫'], effects: ['孩子害怕', '咬伤了人', '担心传播狂犬病'] },
  { key: 'garbage', weight: 5, titles: ['垃圾清运不及时', '垃圾堆积', '垃圾桶满了没人清'], cores: ['小区垃圾站的垃圾好几天没人清运', '路边垃圾堆积如山', '垃圾桶满了溢出来'], effects: ['臭气熏天', '蚊蝇滋生', '影响环境卫生'] },
  { key: 'illegal_building', weight: 4, titles: ['违章搭建', '楼顶违建', '违法建设'], cores: ['小区有住户在楼顶违章搭建', '一楼住户私自扩建院子', '有人在绿地上搭建房屋'], effects: ['影响采光', '破坏小区规划', '存在安全隐患'] },
  { key: 'fire_lane_parking', weight: 5, titles: ['车辆占用消防通道', '乱停车堵路', '车辆堵门'], cores: ['小区消防通道被私家车占用', '有车辆长期停在小区门口', '路边车辆乱停把出口堵死'], effects: ['消防车进不来', '出行困难', '多次打电话挪车没人理'] },
  { key: 'streetlight', weight: 3, titles: ['路灯不亮', '路灯坏了', '道路照明'], cores: ['路段的路灯已经坏了好几天', '小区门口路灯晚上不亮', '一整排路灯都不亮'], effects: ['晚上出行不安全', '老人摔倒了', '容易发生交通事故'] },
  { key: 'manhole', weight: 2, titles: ['井盖缺失', '井盖破损', '下水井盖'], cores: ['路上有个井盖丢失', '人行道上的井盖破损塌陷', '下水道井盖松动'], effects: ['存在安全隐患', '行人容易掉下去', '车辆经过很危险'] },
  { key: 'sewer_blocked', weight: 3, titles: ['下水道堵塞', '污水外溢', '化粪池满溢'], cores: ['小区下水道堵塞污水外溢', '楼下化粪池满了往外冒', '单元下水管道堵了'], effects: ['臭味很大', '污水流到路面上', '家里返水'] },
  { key: 'medical_insurance', weight: 4, titles: ['医保报销', '医保报销问题', '异地就医报销'], cores: ['咨询异地就医医保报销比例', '门诊费用医保报销不了', '医保卡无法正常使用'], effects: ['想了解具体政策', '医院说是系统问题'] },
  { key: 'school_enrolment', weight: 3, titles: ['入学问题', '孩子入学', '学区划分'], cores: ['孩子明年上小学学区划分不明确', '非户籍孩子入学需要什么材料', '孩子被划到很远的学校'], effects: ['家长很着急', '想了解入学政策'] },
  { key: 'prepaid_card', weight: 3, titles: ['预付卡退费', '健身房跑路', '培训机构退费'], cores: ['办理的健身卡商家关门跑路', '校外培训机构拒绝退还剩余课时费', '美容店预付卡无法消费'], effects: ['要求退费', '损失几千元', '商家联系不上'] },
  { key: 'dog_leash', weight: 3, via110: 0.2, titles: ['遛狗不牵绳', '养狗扰民', '犬只管理'], cores: ['小区里很多人遛狗不牵绳', '邻居家养的大型犬整夜叫', '狗在楼道里随地大小便'], effects: ['孩子被吓到', '影响休息', '环境卫生差'] },
  { key: 'black_river', weight: 2, titles: ['河道黑臭', '河水发臭', '河道污染'], cores: ['附近河道河水发黑发臭', '有企业往河里排放污水', '河道里漂满垃圾'], effects: ['气味难闻', '夏天蚊虫很多', '影响周边居民生活'] },
  { key: 'bus_service', weight: 2, titles: ['公交车不按时', '公交班次少', '公交线路'], cores: ['公交车经常不按时到站', '这条线路公交班次太少等车要一个小时', '希望增开一条公交线路'], effects: ['上班经常迟到', '出行不方便'] },
  { key: 'taxi', weight: 2, titles: ['出租车拒载', '网约车乱收费', '出租车绕路'], cores: ['出租车司机拒载', '网约车司机绕路多收费', '出租车不打表'], effects: ['要求处理司机', '乘客权益受损'] },
  { key: 'group_rental', weight: 2, titles: ['群租房', '群租扰民', '出租房隔断'], cores: ['楼里有房东把房子隔成很多小间出租', '群租房住了二十多人', '出租屋人员进出复杂'], effects: ['存在消防隐患', '影响楼里居民安全', '噪音大'] },
  { key: 'falling_objects', weight: 2, titles: ['高空抛物', '楼上扔垃圾', '高空坠物'], cores: ['楼上经常有人往下扔垃圾', '有住户高空抛物砸坏了车', '阳台花盆掉下来'], effects: ['差点砸到人', '非常危险'] },
  { key: 'gas_smell', weight: 2, titles: ['燃气泄漏', '煤气味', '燃气管道'], cores: ['楼道里有很浓的煤气味', '燃气管道老化有漏气', '燃气表故障'], effects: ['担心爆炸', '很危险'] },
  { key: 'power_outage', weight: 3, titles: ['停电', '小区停电', '频繁停电'], cores: ['小区频繁停电没有通知', '家里突然停电一整天', '线路老化经常跳闸'], effects: ['冰箱里的东西都坏了', '老人孩子受不了'] },
  { key: 'neighbour_dispute', weight: 3, via110: 0.7, titles: ['邻里纠纷', '邻居纠纷'], cores: ['与楼上邻居因为漏水问题发生纠纷', '邻居把杂物堆在公共楼道引发争吵', '因为停车位和邻居吵起来'], effects: ['双方争执不下', '要求调解'] },
  { key: 'parcel_locker_fee', weight: 6, emerging: true, titles: ['快递柜收费', '快递柜超时收费'], cores: ['小区快递柜超时收费', '快递员不送货上门直接放快递柜还收费', '快递柜存放超过几个小时就要收费'], effects: ['收费不合理', '没有征求意见'] },
];

const ONE_OFFS = [
  '咨询办理居住证需要准备什么材料', '询问公积金提取的流程', '反映某银行网点服务态度差', '建议在公园增加健身器材', '表扬社区工作人员服务热情',
  '咨询老年优待证怎么办理', '询问护照办理需要多长时间', '反映菜市场缺斤短两', '咨询新能源车牌照申请条件', '建议增加社区图书室开放时间',
  '询问残疾证年审时间', '反映手机信号差', '咨询个体户营业执照注销', '询问驾驶证换证需要体检吗', '建议地铁站增设无障碍电梯',
  '反映彩票站违规经营', '咨询独生子女奖励政策', '询问房屋产权证办理进度', '反映网上购物遇到诈骗', '咨询志愿者报名渠道',
  '反映小区树木遮挡阳光需要修剪', '咨询结婚登记需要的证件', '询问失业金怎样领取', '反映公共厕所没有开放', '建议道路增设减速带',
];

const DISTRICTS = [
  { name: '东城区', streets: ['和平街道', '安定街道', '朝阳街道'] },
  { name: '西城区', streets: ['新华街道', '金融街道', '德胜街道'] },
  { name: '南湖区', streets: ['湖滨街道', '南苑街道', '龙湖街道'] },
  { name: '北山区', streets: ['青山街道', '北关街道', '石桥街道'] },
  { name: '滨江区', streets: ['江南街道', '浦沿街道', '长河街道'] },
];
const ESTATES = ['幸福里小区', '阳光花园', '锦绣家园', '翠湖苑', '金色港湾', '丽景华庭', '书香门第', '康乐新村', '银杏公寓', '御景湾', '紫荆花园', '和顺家园'];
const ROADS = ['人民路', '解放大道', '建设路', '中山路', '友谊路', '长江路', '文化街', '滨河路'];
const PREFIXES = ['市民来电反映：', '来电人称', '市民反映，', '', '', ''];
const TIMES = ['最近', '从上个月开始', '这段时间', '每天', '近一周', '', '', ''];
const SUFFIXES = ['请相关部门处理。', '希望尽快解决。', '要求相关部门尽快处理。', '请尽快处理！', '', ''];
const EXTRAS = ['', '', '', '', '', '联系电话[电话]。', '来电人[姓名]先生。', '已经反映过多次，'];

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FixtureOptions {
  n: number;
  seed?: number;
  /** Use only the first `problems` problems. */
  problems?: number;
  /** Share of one-off appeals that belong to no recurring problem. */
  oneOffShare?: number;
  /** Prefix of appeal ids (to add appeals to an existing set). */
  idPrefix?: string;
  year?: number;
}

/** `n` appeals over a year; the same options give the same appeals. */
export function generateAppeals(opts: FixtureOptions): FixtureAppeal[] {
  const rnd = random(opts.seed ?? 1);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const problems = PROBLEMS.slice(0, opts.problems ?? PROBLEMS.length);
  const total = problems.reduce((s, p) => s + p.weight, 0);
  const oneOff = opts.oneOffShare ?? 0.08;
  const year = opts.year ?? 2025;
  const out: FixtureAppeal[] = [];
  for (let i = 0; i < opts.n; i++) {
    const d = pick(DISTRICTS);
    const street = pick(d.streets);
    const estate = pick(ESTATES);
    const road = pick(ROADS);
    const address = rnd() < 0.5 ? `${d.name}${street}${estate}${1 + Math.floor(rnd() * 20)}号楼` : `${d.name}${road}${1 + Math.floor(rnd() * 300)}号`;
    const place = rnd() < 0.5 ? `${d.name}${street}${estate}` : rnd() < 0.5 ? `${road}附近` : estate;
    let problem: Problem | undefined;
    if (rnd() >= oneOff) {
      let r = rnd() * total;
      for (const p of problems) if ((r -= p.weight) < 0) { problem = p; break; }
      problem ??= problems[problems.length - 1];
    }
    let month = 1 + Math.floor(rnd() * 12);
    let day = 1 + Math.floor(rnd() * 28);
    if (problem?.months) month = pick(problem.months);
    if (problem?.emerging) { month = 12; day = 10 + Math.floor(rnd() * 19); }
    const hour = Math.floor(rnd() * 24);
    const minute = Math.floor(rnd() * 60);
    const via110 = problem?.via110 !== undefined && rnd() < problem.via110;
    let title: string;
    let content: string;
    if (problem) {
      title = rnd() < 0.3 ? `${estate}${pick(problem.titles)}` : pick(problem.titles);
      const lead = via110 ? '报警人称' : pick(PREFIXES);
      content = `${lead}${place}${pick(TIMES)}${pick(problem.cores)}，${pick(problem.effects)}，${rnd() < 0.4 ? `${pick(problem.effects)}，` : ''}${pick(EXTRAS)}${pick(SUFFIXES)}`;
    } else {
      const text = pick(ONE_OFFS);
      title = text.slice(0, 8);
      content = `${pick(PREFIXES)}${text}${rnd() < 0.5 ? `，${place}` : ''}。${pick(EXTRAS)}`;
    }
    out.push({
      platform: via110 ? '110' : '12345',
      appealId: `${opts.idPrefix ?? 'A'}${String(i).padStart(7, '0')}`,
      receivedAt: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00`,
      district: d.name,
      street,
      address,
      title,
      content,
      isPoliceMatter: via110 ? false : null,
      problem: problem?.key ?? '',
    });
  }
  return out;
}

/** Shuffles a copy of `xs` deterministically (Fisher–Yates with a seeded generator). */
export function shuffled<T>(xs: T[], seed: number): T[] {
  const rnd = random(seed);
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Appends the appeals to the `appeals` table in the given order, as an import would: under an import id of their own. */
export async function insertAppeals(db: Database, appeals: FixtureAppeal[]): Promise<void> {
  const importId = (await db.one<{ newest: number }>('topics/newest_import'))!.newest + 1;
  const appender = await db.connection.createAppender('appeals');
  try {
    for (let i = 0; i < appeals.length; i++) {
      const a = appeals[i];
      appender.appendVarchar(a.platform);
      appender.appendVarchar(a.appealId);
      appender.appendVarchar('phone');
      appender.appendVarchar(`${a.receivedAt}+08`);
      appender.appendVarchar(a.district);
      appender.appendVarchar(a.street);
      appender.appendVarchar(a.address);
      appender.appendNull();
      appender.appendNull();
      appender.appendNull();
      appender.appendNull();
      appender.appendVarchar(a.title);
      appender.appendVarchar(a.content);
      appender.appendNull();
      if (a.isPoliceMatter === null) appender.appendNull();
      else appender.appendBoolean(a.isPoliceMatter);
      for (let k = 0; k < 6; k++) appender.appendNull();
      appender.appendVarchar(`${a.appealId}:${a.content.length}`);
      appender.appendInteger(importId);
      appender.appendVarchar('fixture');
      appender.appendInteger(i + 1);
      appender.appendVarchar('2025-12-31 00:00:00+08');
      // reply
      appender.appendNull();
      appender.endRow();
    }
  } finally {
    appender.closeSync();
  }
}
