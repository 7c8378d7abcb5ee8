import type { Kind } from '../units.js';

/** Where a matter happens, which decides how its location is written. */
export type PlaceKind = 'home' | 'community' | 'street' | 'shop' | 'site' | 'square' | 'company' | 'none';

/** When in the year a problem comes up (see calendar.ts). */
export type Season =
  | 'heating' | 'summer' | 'warm' | 'catkins' | 'rainy' | 'snow' | 'festival' | 'prefestival' | 'school' | 'thaw' | 'winter';

/** When in the day callers report it (see calendar.ts). */
export type HourProfile = 'office' | 'allday' | 'evening' | 'night';

export type AppealType = '咨询' | '求助' | '投诉' | '举报' | '建议' | '感谢';

/** The other end of an emergency linkage. */
export type LinkParty = '119' | '120' | '122' | '供水热线' | '供电热线' | '燃气热线' | '供热热线';

/**
 * One recurring problem of the sample city. Texts are templates: `{loc}` place, `{c}` compound,
 * `{bd}` building, `{rd}`/`{rd2}` roads, `{no}` house number, `{shop}`, `{co}` company, `{sq}` square,
 * `{who}` the caller as the record names them, `{dur}` duration, `{date}` a recent day, `{tm}` a late
 * hour, `{tmp}` room temperature, `{cnt}` a small number, `{amt}` an amount of yuan.
 */
export interface ProblemSpec {
  key: string;
  zh: string;
  en: string;
  /** Responsibility bounces between two to four kinds of unit. */
  disputed: boolean;
  /** Kinds of unit that may end up owning it, with how often; one kind for a clear owner. */
  owners: [Kind, number][];
  /** Relative volume among 12345 work orders. */
  share: number;
  season?: Season;
  /** Near zero most of the year, growing fast in the final weeks. */
  emerging?: boolean;
  hours: HourProfile;
  place: PlaceKind;
  types: [AppealType, number][];
  titles: string[];
  cores: string[];
  details: string[];
  requests: string[];
  shops?: string[];
  company?: 'employer' | 'factory';
  amount?: [number, number, number];
  duration?: 'short' | 'long';
  /** Chance the first dispatch goes to the same kind of unit in a neighbouring district. */
  misroute?: number;
  /** Kinds a dispatcher wrongly picks now and then for a clear problem (returned as not theirs). */
  misdispatch?: Kind[];
  /** Chance 12345 passes the work order to 110 (stability or safety clue). */
  to110?: number;
  /** Chance of a three-party call with 110 to settle who takes it. */
  threeParty?: number;
  /** Emergency linkage and its chance. */
  link?: [LinkParty, number];
  /** Chance a text carries each kind of personal data beyond names and phone numbers. */
  pii?: { plate?: number; idcard?: number; bank?: number };
  /** How often it reaches 110 as a non-police incident, and 110's category for it. */
  incident?: { weight: number; category: string };
}

/** A police matter reported to 110 (never diverted to 12345). */
export interface PoliceSpec {
  key: string;
  zh: string;
  en: string;
  weight: number;
  category: string;
  hours: HourProfile;
  place: PlaceKind;
  handler: '公安' | '交警';
  cores: string[];
  details: string[];
  /** Emergency linkages that may follow, with their chances. */
  links?: [LinkParty, number][];
  shops?: string[];
  amount?: [number, number, number];
  pii?: { plate?: number; idcard?: number; bank?: number };
}
