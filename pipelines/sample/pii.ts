import type { Rng } from './prng.js';

/**
 * Fake personal data of the kinds callers put into appeal texts, in the shapes real records show
 * them, so the ingest masker has realistic work. None of it belongs to anybody: numbers are drawn at
 * random, only their structure (check digits, prefixes) is right.
 */

// Surnames the masker's title rule knows (张先生, 王女士), most common first.
export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞',
  '平', '刚', '桂英', '小明', '建华', '建国', '玉兰', '海燕', '晓东', '志强', '丽华', '春梅', '凤霞', '国庆', '红梅', '德福'];
const TITLES_M = ['先生', '师傅', '大爷'];
const TITLES_F = ['女士', '阿姨'];

const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157',
  '158', '159', '166', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199'];

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(10));
  return s;
}

/** An 11-digit mobile number. */
export function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + digits(rng, 8);
}

/** A local landline with the city's (fictional) area code. */
export function landline(rng: Rng): string {
  return `0435-${rng.range(2, 8)}${digits(rng, 7)}`;
}

/** A phone number written the ways people write it. */
export function phoneInText(rng: Rng, number: string): string {
  if (number.startsWith('0')) return rng.chance(0.5) ? number : `(${number.slice(0, 4)})${number.slice(5)}`;
  const r = rng.next();
  if (r < 0.5) return number;
  if (r < 0.68) return `${number.slice(0, 3)} ${number.slice(3, 7)} ${number.slice(7)}`;
  if (r < 0.84) return `${number.slice(0, 3)}-${number.slice(3, 7)}-${number.slice(7)}`;
  if (r < 0.94) return `+86 ${number}`;
  return `0086-${number}`;
}

const ID_AREAS = ['220102', '220104', '220105', '220112', '220182', '230103', '230102', '210102', '210204', '130102', '150102',
  '140105', '370102', '410105', '222401', '220202', '220302', '220581'];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** An 18-digit resident ID number with a valid ISO 7064 check character. */
export function idCard(rng: Rng): string {
  const year = rng.range(1950, 2005);
  const month = rng.range(1, 12);
  const day = rng.range(1, 28);
  const body = `${rng.pick(ID_AREAS)}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${digits(rng, 3)}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i];
  return body + ID_CHECK[sum % 11];
}

/** A UnionPay debit-card number (62…) of 16 or 19 digits with a valid Luhn digit, sometimes grouped by four. */
export function bankCard(rng: Rng): string {
  const len = rng.chance(0.6) ? 19 : 16;
  const partial = `62${rng.pick(['22', '17', '28', '14', '15', '26'])}${digits(rng, len - 5)}`;
  let sum = 0;
  for (let i = 0; i < partial.length; i++) {
    let d = Number(partial[partial.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  const card = partial + String((10 - (sum % 10)) % 10);
  return rng.chance(0.3) ? card.replace(/(\d{4})(?=\d)/g, '$1 ') : card;
}

const PLATE_PROVINCES = ['吉', '吉', '吉', '吉', '黑', '辽', '冀', '蒙', '京'];
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const PLATE_CHARS = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A licence plate: 吉A·12345, 吉A12345, or a new-energy 吉AD12345. */
export function plate(rng: Rng): string {
  const head = `${rng.pick(PLATE_PROVINCES)}${rng.chance(0.7) ? 'A' : PLATE_LETTERS[rng.int(PLATE_LETTERS.length)]}`;
  if (rng.chance(0.2)) return `${head}${rng.pick(['D', 'F'])}${digits(rng, 5)}`;
  let tail = '';
  for (let i = 0; i < 5; i++) tail += rng.chance(0.75) ? String(rng.int(10)) : PLATE_CHARS[10 + rng.int(PLATE_CHARS.length - 10)];
  return rng.chance(0.5) ? `${head}·${tail}` : `${head}${tail}`;
}

const MAIL_HOSTS = ['qq.com', '163.com', '126.com', 'sina.com', 'hotmail.com', 'foxmail.com'];
const MAIL_NAMES = ['zhang', 'wang', 'li', 'liu', 'chen', 'yang', 'zhao', 'sun', 'xiaoming', 'jiangcheng', 'happy', 'sunny', 'lucky'];

export function email(rng: Rng): string {
  const host = rng.pick(MAIL_HOSTS);
  if (host === 'qq.com' && rng.chance(0.6)) return `${rng.range(10000, 99999)}${digits(rng, rng.range(3, 5))}@qq.com`;
  return `${rng.pick(MAIL_NAMES)}${rng.chance(0.5) ? '_' : ''}${rng.range(1, 9999)}@${host}`;
}

export interface Person {
  surname: string;
  given: string;
  female: boolean;
}

export function person(rng: Rng): Person {
  return { surname: rng.pick(SURNAMES), given: rng.pick(GIVEN), female: rng.chance(0.5) };
}

/** How a record names its caller: 来电人张先生, 联系人王小明, or in the caller's own words 我姓李. */
export function nameInText(rng: Rng, p: Person, online: boolean): string {
  const r = rng.next();
  if (online) return r < 0.5 ? `我姓${p.surname}` : r < 0.8 ? `联系人${p.surname}${p.given}` : `${p.surname}${p.female ? '女士' : '先生'}`;
  if (r < 0.55) return `来电人${p.surname}${rng.pick(p.female ? TITLES_F : TITLES_M)}`;
  if (r < 0.8) return `联系人${p.surname}${p.given}`;
  return `来电人：${p.surname}${p.given}`;
}
