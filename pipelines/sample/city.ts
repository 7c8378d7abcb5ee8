import { Rng } from './prng.js';

/**
 * The fictional city the sample is set in: 江城市, a northern city of seven districts. Its layout
 * (streets, compounds, roads, property companies) is fixed — built from a constant seed — so every
 * sample run, whatever its seed, is the same city in a different year.
 */
export const CITY = '江城市';
const LAYOUT_SEED = 2025;

export interface District {
  name: string; // 东城区
  short: string; // 东城
  weight: number; // share of the population
  neighbours: number[];
  streets: number[];
  roads: number[];
  squares: string[];
  properties: string[];
}

export interface Street {
  name: string; // 朝阳街道
  short: string; // 朝阳
  district: number;
  communities: number[];
}

export interface Community {
  name: string; // 幸福里, 纺织厂家属院
  district: number;
  street: number;
  /** Property company, or null for an old compound without one (老旧小区). */
  property: string | null;
  /** Whether 小区 may follow the name (幸福里小区, not 纺织厂家属院小区). */
  takesSuffix: boolean;
}

export interface Road {
  name: string;
  /** Districts it runs through; roads crossing a boundary are where dispatchers pick the wrong one. */
  districts: number[];
}

export interface City {
  districts: District[];
  streets: Street[];
  communities: Community[];
  roads: Road[];
}

const DISTRICTS: [string, number, string[], string[]][] = [
  ['东城区', 0.18, ['西城区', '北山区', '南湖区', '经开区'], ['朝阳', '新华', '和平', '胜利', '东风', '站前', '光明']],
  ['西城区', 0.17, ['东城区', '北山区', '滨江区', '高新区'], ['人民', '建设', '文昌', '红旗', '永安', '桃源']],
  ['南湖区', 0.16, ['东城区', '滨江区', '经开区'], ['湖滨', '明珠', '春华', '长青', '南岭', '金桥']],
  ['北山区', 0.12, ['东城区', '西城区'], ['北苑', '松山', '龙泉', '青云', '太平']],
  ['滨江区', 0.14, ['西城区', '南湖区', '高新区'], ['江畔', '临江', '港湾', '白沙', '渔阳', '柳岸']],
  ['高新区', 0.12, ['西城区', '滨江区'], ['创业', '科苑', '智谷', '锦程', '未来']],
  ['经开区', 0.11, ['东城区', '南湖区'], ['兴业', '汇通', '富民', '振兴', '广源']],
];

const ROADS: [string, string[]][] = [
  ['人民大街', ['东城区', '南湖区']], ['解放大路', ['东城区', '西城区']], ['东风路', ['东城区', '经开区']],
  ['朝阳路', ['东城区']], ['光明街', ['东城区']], ['胜利大街', ['东城区']], ['站前路', ['东城区']], ['民主路', ['东城区']], ['青年路', ['东城区']],
  ['工农大路', ['西城区', '北山区']], ['繁荣路', ['西城区', '滨江区']], ['延安路', ['西城区']], ['红旗街', ['西城区']],
  ['建设街', ['西城区']], ['文昌路', ['西城区']], ['永安路', ['西城区']], ['育才街', ['西城区', '高新区']],
  ['自由大路', ['南湖区', '经开区']], ['湖西路', ['南湖区']], ['南湖大路', ['南湖区', '滨江区']], ['明珠路', ['南湖区']],
  ['春华街', ['南湖区']], ['金桥路', ['南湖区']], ['长青路', ['南湖区']],
  ['松山路', ['北山区']], ['北安路', ['北山区', '东城区']], ['青云街', ['北山区']], ['太平路', ['北山区']], ['兴隆街', ['北山区']], ['龙泉路', ['北山区']],
  ['滨江大道', ['滨江区', '高新区']], ['临江路', ['滨江区']], ['江畔路', ['滨江区']], ['港湾街', ['滨江区']], ['白沙路', ['滨江区']], ['柳岸街', ['滨江区']],
  ['科技大街', ['高新区']], ['创业路', ['高新区']], ['锦程街', ['高新区']], ['智谷路', ['高新区']], ['未来路', ['高新区']], ['飞跃路', ['高新区', '滨江区']],
  ['开发大道', ['经开区']], ['兴业街', ['经开区']], ['汇通路', ['经开区']], ['富民路', ['经开区']], ['振兴大街', ['经开区']], ['广源路', ['经开区', '南湖区']],
];

const PARKS: Record<string, string[]> = {
  东城区: ['人民公园', '劳动公园'],
  西城区: ['儿童公园', '文昌公园'],
  南湖区: ['南湖公园', '明珠公园'],
  北山区: ['北山公园', '松山公园'],
  滨江区: ['江畔公园', '滨河公园'],
  高新区: ['科技园中心公园', '锦程公园'],
  经开区: ['开发区中央公园', '兴业公园'],
};

const COMPOUND_WORDS = [
  '阳光', '幸福', '锦绣', '翠湖', '金色', '和平', '福泰', '康乐', '华府', '碧水', '枫林', '泰和', '安居', '怡景', '紫荆',
  '丽景', '春晖', '东方', '明珠', '御景', '水岸', '富康', '书香', '银河', '星河', '绿洲', '盛世', '万象', '天润', '祥和',
  '龙腾', '凤凰', '松鹤', '静安', '宏图', '金桂', '玉兰', '丁香', '海棠', '香榭', '东篱', '学府', '文苑', '鸿运', '龙湾',
  '君悦', '瑞景', '百合', '桃李', '兰亭', '瑞丰', '长信', '嘉禾', '恒信', '世纪', '新城', '锦华', '天合', '润泽', '悦府',
];
const COMPOUND_ENDINGS: [string, boolean][] = [
  ['花园', true], ['家园', true], ['苑', true], ['里', true], ['新村', false], ['佳苑', true], ['名邸', false],
  ['华庭', false], ['嘉园', true], ['公寓', false], ['雅居', true], ['东区', false], ['西区', false], ['一期', false],
];
const OLD_COMPOUNDS = [
  '纺织厂家属院', '铁路宿舍', '机床厂宿舍', '粮库家属院', '农机厂家属院', '化肥厂宿舍', '钢厂生活区', '电机厂家属院',
  '印刷厂宿舍', '轴承厂家属楼', '制药厂家属院', '棉纺厂宿舍', '面粉厂家属院', '汽修厂宿舍', '木材厂家属院', '第一中学家属楼',
];

const PROPERTY_WORDS = [
  '安居', '鑫泰', '华宇', '恒信', '佳和', '金鼎', '广厦', '瑞丰', '德润', '祥和', '万家', '盛世', '嘉禾', '博远', '锦华',
  '永诚', '明德', '润泽', '宏远', '康泰', '信达', '天成', '福瑞', '丰源', '隆基', '和顺', '鼎盛', '泽润',
];
const PROPERTY_ENDINGS = ['物业服务有限公司', '物业管理有限公司', '物业管理服务有限公司'];

export function buildCity(): City {
  const rng = new Rng(LAYOUT_SEED, 'city');
  const names = DISTRICTS.map((d) => d[0]);
  const districts: District[] = [];
  const streets: Street[] = [];
  const communities: Community[] = [];
  const words = [...COMPOUND_WORDS];
  const old = [...OLD_COMPOUNDS];
  const propertyWords = [...PROPERTY_WORDS];
  const used = new Set<string>();

  DISTRICTS.forEach(([name, weight, neighbours, streetShorts], di) => {
    const short = name.replace(/区$/, '');
    const properties: string[] = [];
    for (let i = 0; i < 4; i++) {
      const w = propertyWords.splice(rng.int(propertyWords.length), 1)[0];
      properties.push(`${CITY.slice(0, 2)}${w}${rng.pick(PROPERTY_ENDINGS)}`);
    }
    const district: District = {
      name,
      short,
      weight,
      neighbours: neighbours.map((n) => names.indexOf(n)),
      streets: [],
      roads: [],
      squares: [`${short}文化广场`, `${short}市民广场`, ...PARKS[name]],
      properties,
    };
    for (const s of streetShorts) {
      const si = streets.length;
      const street: Street = { name: `${s}街道`, short: s, district: di, communities: [] };
      const count = 7 + rng.int(6);
      for (let k = 0; k < count; k++) {
        let cname: string;
        let takesSuffix: boolean;
        const isOld = old.length > 0 && rng.chance(0.12);
        if (isOld) {
          cname = old.splice(rng.int(old.length), 1)[0];
          takesSuffix = false;
        } else {
          do {
            const [ending, suffix] = rng.pick(COMPOUND_ENDINGS);
            cname = `${rng.pick(words)}${ending}`;
            takesSuffix = suffix;
          } while (used.has(cname));
        }
        used.add(cname);
        street.communities.push(communities.length);
        communities.push({
          name: cname,
          district: di,
          street: si,
          // old compounds and about one in ten others have no property company
          property: isOld || rng.chance(0.1) ? null : rng.pick(properties),
          takesSuffix,
        });
      }
      district.streets.push(si);
      streets.push(street);
    }
    districts.push(district);
  });

  const roads: Road[] = ROADS.map(([name, ds]) => ({ name, districts: ds.map((d) => names.indexOf(d)) }));
  roads.forEach((r, ri) => {
    for (const d of r.districts) districts[d].roads.push(ri);
  });
  return { districts, streets, communities, roads };
}
