import { CITY, type City } from './city.js';

/**
 * Kinds of handling unit, spelled as the product's unit resolver names them
 * (pipelines/disputes/rules/unit-kinds.json), so the truth about a unit's kind is comparable.
 */
export const KINDS = [
  '城管', '市场监管', '住建', '生态环境', '文旅', '农业农村', '人社', '水务', '园林绿化', '医保', '教育', '民政', '卫健',
  '消防救援', '公安', '交警', '街道办事处', '物业', '供热', '供电', '供水', '燃气', '交通运输', '自然资源', '通信运营商',
] as const;
export type Kind = (typeof KINDS)[number];

/** How callers and return reasons name each kind of unit in running text. */
export const KIND_SPOKEN: Record<Kind, string> = {
  城管: '城管部门', 市场监管: '市场监管部门', 住建: '住建部门', 生态环境: '生态环境部门', 文旅: '文旅部门',
  农业农村: '农业农村部门', 人社: '人社部门', 水务: '水务部门', 园林绿化: '园林绿化部门', 医保: '医保部门',
  教育: '教育部门', 民政: '民政部门', 卫健: '卫健部门', 消防救援: '消防部门', 公安: '公安机关', 交警: '交警部门',
  街道办事处: '属地街道', 物业: '物业服务企业', 供热: '供热单位', 供电: '供电公司', 供水: '供水公司', 燃气: '燃气公司',
  交通运输: '交通运输部门', 自然资源: '自然资源部门', 通信运营商: '通信运营商',
};

/** How callers speak of each kind ("物业说归消防管"). */
export const KIND_COLLOQUIAL: Record<Kind, string> = {
  城管: '城管', 市场监管: '市场监管局', 住建: '住建局', 生态环境: '环保局', 文旅: '文旅局', 农业农村: '农业农村局',
  人社: '劳动监察', 水务: '水务局', 园林绿化: '园林局', 医保: '医保局', 教育: '教育局', 民政: '民政局', 卫健: '卫健委',
  消防救援: '消防', 公安: '派出所', 交警: '交警', 街道办事处: '街道', 物业: '物业', 供热: '热力公司', 供电: '供电公司',
  供水: '自来水公司', 燃气: '燃气公司', 交通运输: '交通局', 自然资源: '自然资源局', 通信运营商: '运营商',
};

const DISTRICT_SUFFIX: Partial<Record<Kind, string>> = {
  城管: '城市管理综合执法局', 市场监管: '市场监督管理局', 住建: '住房和城乡建设局', 生态环境: '生态环境局',
  文旅: '文化和旅游局', 农业农村: '农业农村局', 人社: '人力资源和社会保障局', 水务: '水务局', 园林绿化: '园林绿化局',
  医保: '医疗保障局', 教育: '教育局', 民政: '民政局', 卫健: '卫生健康局', 消防救援: '消防救援大队',
};

const CITY_UNITS: Partial<Record<Kind, string>> = {
  供水: `${CITY}水务集团有限公司`,
  燃气: `${CITY}燃气集团有限公司`,
  交通运输: `${CITY}交通运输局`,
};

export const OPERATORS = ['中国移动江城分公司', '中国联通江城分公司', '中国电信江城分公司'];

/** Where a matter is, as far as choosing its handling unit goes. */
export interface UnitPlace {
  district: number;
  street: number;
  community: number;
  operator: number;
}

export interface UnitRecord {
  name: string;
  kind: Kind;
  district: string; // empty for city-wide units and companies
}

/** Names units by kind and place, and remembers every name handed out (for units.csv). */
export class UnitRegistry {
  private readonly used = new Map<string, UnitRecord>();

  constructor(private readonly city: City) {}

  /** Whether the kind has one unit per district, so a dispatcher can pick the wrong district's. */
  static isTerritorial(kind: Kind): boolean {
    return kind in DISTRICT_SUFFIX || kind === '公安' || kind === '交警' || kind === '街道办事处' || kind === '供热' || kind === '供电' || kind === '自然资源';
  }

  /** Whether the place has a unit of this kind (an old compound has no property company). */
  exists(kind: Kind, place: UnitPlace): boolean {
    return kind !== '物业' || this.city.communities[place.community].property !== null;
  }

  /**
   * The unit of `kind` responsible for `place`; `district` overrides the place's district (a
   * misroute to a neighbouring district's unit of the same kind). Returns null when the place has
   * no such unit (an old compound without a property company).
   */
  unit(kind: Kind, place: UnitPlace, district = place.district): string | null {
    const d = this.city.districts[district];
    let name: string | null;
    let unitDistrict = d.name;
    const suffix = DISTRICT_SUFFIX[kind];
    if (suffix) name = `${d.name}${suffix}`;
    else if (kind === '公安') name = `${CITY}公安局${d.short}分局${this.streetIn(place, district).short}派出所`;
    else if (kind === '交警') name = `${CITY}公安局交通警察支队${d.short}大队`;
    else if (kind === '街道办事处') name = `${d.name}${this.streetIn(place, district).name}办事处`;
    else if (kind === '供热') name = `${CITY}供热集团${d.short}分公司`;
    else if (kind === '供电') name = `国网江城供电公司${d.short}供电中心`;
    else if (kind === '自然资源') name = `${CITY}自然资源和规划局${d.short}分局`;
    else if (kind === '物业') {
      name = this.city.communities[place.community].property;
      unitDistrict = this.city.districts[this.city.communities[place.community].district].name;
    } else if (kind === '通信运营商') {
      name = OPERATORS[place.operator % OPERATORS.length];
      unitDistrict = '';
    } else {
      name = CITY_UNITS[kind] ?? null;
      unitDistrict = '';
    }
    if (name !== null && !this.used.has(name)) this.used.set(name, { name, kind, district: unitDistrict });
    return name;
  }

  /** The street of the place, or (for a unit in another district) that district's first street. */
  private streetIn(place: UnitPlace, district: number) {
    const street = this.city.streets[place.street];
    if (street.district === district) return street;
    const ds = this.city.districts[district].streets;
    return this.city.streets[ds[place.street % ds.length]];
  }

  /** Every unit handed out, by kind (in KINDS order) and name. */
  records(): UnitRecord[] {
    return [...this.used.values()].sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
