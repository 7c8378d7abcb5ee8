import type { AppealType, LinkParty } from './problems/types.js';

/** Hotline boilerplate and the other fragments appeal texts are composed of. */

/** How a 12345 record opens, by channel; `who` marks openings that already name the caller. */
export const OPENINGS: Record<'电话' | '网站' | '微信' | 'APP' | '短信', { text: string; who: boolean }[]> = {
  电话: [
    { text: '市民来电反映：', who: false },
    { text: '市民来电反映，', who: false },
    { text: '来电人反映：', who: true },
    { text: '来电人称，', who: true },
    { text: '来电人称：', who: true },
    { text: '市民来电称，', who: false },
    { text: '诉求人来电表示，', who: true },
    { text: '来电市民反映：', who: false },
    { text: '来电人表示，', who: true },
    { text: '市民来电：', who: false },
    { text: '', who: false },
  ],
  网站: [
    { text: '市民通过网站留言反映：', who: false },
    { text: '网友留言：', who: false },
    { text: '市民通过政府网站留言：', who: false },
    { text: '网站留言：', who: false },
  ],
  微信: [
    { text: '市民通过微信公众号反映：', who: false },
    { text: '微信留言：', who: false },
    { text: '市民通过“江城12345”微信公众号留言：', who: false },
    { text: '市民微信反映，', who: false },
  ],
  APP: [
    { text: '市民通过“e江城”手机客户端反映：', who: false },
    { text: '手机客户端用户反映：', who: false },
    { text: '市民通过手机客户端反映，', who: false },
  ],
  短信: [
    { text: '市民短信反映：', who: false },
    { text: '短信诉求：', who: false },
  ],
};

/** Openings that say what kind of appeal it is (市民来电咨询：). */
export const TYPE_OPENINGS: Partial<Record<AppealType, string[]>> = {
  咨询: ['市民来电咨询：', '来电咨询：'],
  投诉: ['市民来电投诉：', '来电投诉：'],
  举报: ['市民来电举报：', '来电举报：'],
  建议: ['市民来电建议：'],
  求助: ['市民来电求助：'],
};

/** How callers writing online begin. */
export const ONLINE_INTROS = ['您好，', '你好，我想反映个问题：', '尊敬的领导：您好！', '本人是附近居民，', '我是这里的住户，', '领导好，'];

/** How 110 records open, when the text does not start with the caller. */
export const POLICE_OPENINGS = ['报警人称：', '报警人称，', '报警称', '群众报警称，', '有群众报警称：', '报警人报称'];
/** How 110 records open when the text starts with the caller. */
export const POLICE_OPENINGS_WHO = ['', '群众报警：', '110接警：', '接警：'];
/** 110 records of non-police matters passed on from the desk. */
export const POLICE_REQUESTS = ['要求处理', '请求民警到场', '请求出警', '要求民警出面协调', '希望有人管一管'];

export const WHO: Record<'phone' | 'online' | 'police', string[]> = {
  phone: ['来电人', '来电人', '诉求人'],
  online: ['我', '本人'],
  police: ['报警人'],
};

export const DURATIONS = {
  long: ['两个多月', '半年多', '一年多', '好几个月', '三个多月', '一个多月', '好几年', '大半年', '两年多'],
  short: ['两天', '三天', '一个星期', '好几天', '一整天', '大半天', '十几个小时', '四五天'],
};
export const LATE_HOURS = ['晚上十点多', '夜里十一点', '凌晨一两点', '晚上十点以后', '半夜十二点', '夜里十一点半'];
export const SMALL_COUNTS = ['两', '三', '四', '五', '六', '七', '八'];

/** Generic closing requests, used beside each problem's own. */
export const REQUESTS = [
  '希望相关部门尽快处理', '请相关部门核实处理', '希望尽快解决', '请尽快派人处理', '希望有关部门重视',
  '请相关部门依法处理', '希望相关部门给予解决',
];
/** What operators add at the end of phone records. */
export const PHONE_TAILS = ['来电人要求回复。', '需回复。', '请相关部门按规定处理并回复市民。', '来电人要求保密。', '（来电人不愿透露姓名）', '请尽快联系来电人。'];

export const DURATION_SENTENCES = ['此情况已持续{dur}', '已经{dur}了', '从{date}开始一直这样'];

/** Callers saying nobody owns the problem (the text cues the dispute detector looks for). */
export const DISPUTE_CUES = [
  '此前已多次反映，一直没人管', '打了好几次电话，始终没人管', '几个部门互相推诿', '各部门都说不归他们管',
  '找了好几个部门，都说不归自己管', '问题反映了多次都没有解决', '各部门来回踢皮球', '不知道到底归谁管',
  '多次反映未果', '反映了好几次，一直没有人管',
];
/** The same, naming the kinds of unit involved ({A}, {B}: how callers call them). */
export const BLAME_CUES = [
  '{A}说这事归{B}管，{B}又说应该找{A}', '找了{A}，{A}让找{B}，{B}又让回去找{A}', '{A}和{B}互相推诿',
  '{A}说管不了，{B}说不归他们管', '问了{A}和{B}，都说不是自己的事',
];
/** Repeat callers of a clear problem. */
export const REPEAT_SENTENCES = ['此前已反映过（工单编号{prev}），至今未解决', '这是再次反映', '上次反映后没有任何改善', '{date}已经打过12345反映过'];

/** Details that make a stability or safety clue, for problems that may go to 110. */
export const STABILITY: Record<string, string[]> = {
  wage_arrears: ['{who}情绪激动，表示如果再拿不到工资就要去{co}门口聚集讨薪', '二十多名工友准备集体去讨薪', '{who}称包工头扬言要找人打他们'],
  square_dance_noise: ['双方已经发生争吵，有人动手推搡', '跳舞的人和居民吵起来了'],
  dog_nuisance: ['狗刚刚咬伤了人，伤者腿上在流血', '狗主人和被咬的人正在吵架'],
  group_rental: ['怀疑里面有人从事违法活动', '群租房里经常半夜有人打架'],
  outdoor_bbq: ['现在有人喝醉了在打架', '食客和居民发生了冲突'],
  gym_closure_refund: ['会员们准备集体去店门口维权', '有会员说老板已经卷款跑了，要求警方介入'],
};

/** What the caller says right now when an emergency line is needed. */
export const EMERGENCY_NOW: Partial<Record<LinkParty, string[]>> = {
  '119': ['现在已经冒烟了', '现在有人被困在里面'],
  '122': ['现在路口已经堵死了', '现场车辆乱成一团'],
  燃气热线: ['现在味道很浓', '现在整个楼道都是燃气味'],
  供水热线: ['现在家里一滴水都没有', '水现在还在往外冒'],
  供电热线: ['现在整栋楼都没电', '现在电线还在打火'],
  供热热线: ['现在家里冷得待不住'],
};

/** A caller thanking the unit that solved the problem. */
export const THANKS = ['此前反映的{label}问题已经解决，对{unit}的高效办理表示感谢', '{unit}工作人员很快就上门处理了{label}问题，特此表示感谢'];
export const THANKS_TITLES = ['感谢相关部门及时解决问题', '感谢工作人员高效办理诉求', '对办理结果表示感谢'];

/** Rare extras of online texts that exercise CSV quoting: ASCII quotes, commas, line breaks. */
export const ONLINE_ASIDES = ['说是"已经处理"，其实根本没有变化', '回复说"正在协调"，然后就没有下文了', '所谓的"整改"就是贴了张通知'];
