import { CITY, type City } from './city.js';
import type { Rng } from './prng.js';
import type { PlaceKind } from './problems/types.js';
import { OPERATORS } from './units.js';

/**
 * Where one matter happens and what it involves — fixed per case, so a caller who rings again
 * describes the same compound, shop or company, at the same address.
 */
export interface Scene {
  place: PlaceKind;
  district: number;
  street: number;
  community: number;
  road: number;
  road2: number;
  building: number;
  entrance: number;
  room: number;
  houseNo: number;
  shop: string;
  company: string;
  square: string;
  project: string;
  operator: number;
  amount: number;
  /** 事发地址 as the export writes it. */
  address: string;
}

const BRANDS = ['老街坊', '福满楼', '好运来', '聚鲜阁', '一品香', '鸿福', '佳佳', '兴隆', '百味', '金牌', '东北人家', '蜀香', '老王家',
  '大拇指', '金满堂', '悦来', '鑫鑫', '家和', '四季', '星光', '悦动', '蓝海', '优品', '佳美', '力美', '型动', '乐享', '启航', '童趣', '百佳'];
const COMPANY_WORDS = ['宏达', '鑫源', '恒通', '华兴', '金盛', '顺发', '永利', '瑞祥', '天宇', '盛达', '东升', '兴旺', '博瑞', '正阳', '中泰', '广汇', '凯旋'];
const EMPLOYER_TYPES = ['建筑劳务有限公司', '装饰工程有限公司', '物流有限公司', '餐饮管理有限公司', '保安服务有限公司', '电子科技有限公司',
  '商贸有限公司', '家政服务有限公司', '汽车服务有限公司', '建材有限公司', '包装制品有限公司'];
const FACTORY_TYPES = ['化工有限公司', '塑料制品厂', '金属制品有限公司', '家具厂', '印染厂', '混凝土搅拌站', '喷涂加工厂', '橡胶制品厂'];
const PROJECT_WORDS = ['万象', '锦绣', '御景', '天润', '君悦', '龙湾', '星河', '瑞景', '世纪', '华府'];
const PROJECT_ENDINGS = ['·天城', '府', '公馆', '·学府', '壹号院', '新城二期', '中心', '·悦府'];

export interface SceneOptions {
  place: PlaceKind;
  shops?: string[];
  company?: 'employer' | 'factory';
  amount?: [number, number, number];
}

/** Draws a scene in a district chosen by population (or the given one). */
export function drawScene(rng: Rng, city: City, districtCum: Float64Array, opts: SceneOptions, district?: number): Scene {
  const d = district ?? rng.weighted(districtCum);
  const dist = city.districts[d];
  const street = rng.pick(dist.streets);
  const community = rng.pick(city.streets[street].communities);
  const road = rng.pick(dist.roads);
  let road2 = rng.pick(dist.roads);
  if (road2 === road) road2 = dist.roads[(dist.roads.indexOf(road) + 1) % dist.roads.length];
  const scene: Scene = {
    place: opts.place,
    district: d,
    street,
    community,
    road,
    road2,
    building: rng.range(1, 32),
    entrance: rng.range(1, 6),
    room: rng.range(1, 18) * 100 + rng.range(1, 4),
    houseNo: rng.range(1, 1280),
    shop: opts.shops ? `${rng.pick(BRANDS)}${rng.pick(opts.shops)}` : '',
    company: opts.company === 'factory'
      ? `${rng.pick(COMPANY_WORDS)}${rng.pick(FACTORY_TYPES)}`
      : opts.company === 'employer' ? `${CITY}${rng.pick(COMPANY_WORDS)}${rng.pick(EMPLOYER_TYPES)}` : '',
    square: rng.pick(dist.squares),
    project: `${rng.pick(PROJECT_WORDS)}${rng.pick(PROJECT_ENDINGS)}`,
    operator: rng.int(OPERATORS.length),
    amount: opts.amount ? opts.amount[0] + opts.amount[2] * rng.int((opts.amount[1] - opts.amount[0]) / opts.amount[2] + 1) : 0,
    address: '',
  };
  scene.address = addressOf(rng, city, scene);
  return scene;
}

/** The compound's name, with 小区 after it where people would say it. */
export function compoundName(rng: Rng, city: City, community: number): string {
  const c = city.communities[community];
  return c.takesSuffix && rng.chance(0.4) ? `${c.name}小区` : c.name;
}

function addressOf(rng: Rng, city: City, s: Scene): string {
  const d = city.districts[s.district].name;
  const st = city.streets[s.street].name;
  const prefix = rng.chance(0.3) ? CITY : '';
  const rd = city.roads[s.road].name;
  const rd2 = city.roads[s.road2].name;
  switch (s.place) {
    case 'home': {
      const unit = rng.chance(0.6) ? `${s.entrance}单元` : '';
      const room = unit && rng.chance(0.35) ? `${s.room}室` : '';
      return `${prefix}${d}${st}${compoundName(rng, city, s.community)}${s.building}号楼${unit}${room}`;
    }
    case 'community':
      return `${prefix}${d}${st}${compoundName(rng, city, s.community)}`;
    case 'street':
      return rng.chance(0.55) ? `${prefix}${d}${rd}${s.houseNo}号` : `${prefix}${d}${rd}与${rd2}交叉口`;
    case 'shop':
      return `${prefix}${d}${rd}${s.houseNo}号${rng.chance(0.5) ? s.shop : ''}`;
    case 'site':
      return `${prefix}${d}${rd}与${rd2}交叉口${s.project}项目工地`;
    case 'square':
      return `${prefix}${d}${s.square}`;
    case 'company':
      return `${prefix}${d}${rd}${s.houseNo}号`;
    case 'none':
      return rng.chance(0.7) ? `${d}${st}` : '';
  }
}
