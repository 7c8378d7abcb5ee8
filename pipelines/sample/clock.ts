/**
 * Time in the sample city: seconds since 2025-01-01 00:00 Asia/Shanghai local time. Shanghai has had
 * no daylight saving since 1991, so local calendar arithmetic is exact and needs no time-zone library.
 */
export const DAY = 86_400;
export const HOUR = 3_600;
export const YEAR_DAYS = 365;
/** End of the year of appeals (exclusive). */
export const YEAR_END = YEAR_DAYS * DAY;
/** When the export was taken: nothing after it has happened yet (open work orders stay open). */
export const EXPORT_AT = YEAR_END + 9 * HOUR;

const DAYS_KEPT = YEAR_DAYS + 40;

interface DayNames {
  month: number;
  day: number;
  weekday: number; // 0 = Sunday
  slash: string; // 2025/5/16
  dash: string; // 2025-05-16
  compact: string; // 20250516
  cn: string; // 5月16日
}

const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

const DAYS: DayNames[] = Array.from({ length: DAYS_KEPT }, (_, i) => {
  const d = new Date(Date.UTC(2025, 0, 1 + i));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return {
    month: m,
    day,
    weekday: d.getUTCDay(),
    slash: `${y}/${m}/${day}`,
    dash: `${y}-${PAD2[m]}-${PAD2[day]}`,
    compact: `${y}${PAD2[m]}${PAD2[day]}`,
    cn: `${m}月${day}日`,
  };
});

export function dayOf(t: number): number {
  return Math.floor(t / DAY);
}

export function dayNames(day: number): DayNames {
  return DAYS[Math.min(Math.max(day, 0), DAYS_KEPT - 1)];
}

/** Day index of a 2025 calendar date (month 1–12). */
export function dayIndex(month: number, day: number): number {
  return Math.round((Date.UTC(2025, month - 1, day) - Date.UTC(2025, 0, 1)) / 86_400_000);
}

/** Hour of day (0–23) in local time. */
export function hourOf(t: number): number {
  return Math.floor((t % DAY) / HOUR);
}

/** `2025/5/16 8:03` — the 12345 export's 来电时间 (no zero padding of month, day and hour). */
export function slashMinute(t: number): string {
  const s = Math.floor(t) % DAY;
  return `${DAYS[dayOf(t)].slash} ${Math.floor(s / HOUR)}:${PAD2[Math.floor((s % HOUR) / 60)]}`;
}

/** `2025-05-16 08:05:13`. */
export function dashSecond(t: number): string {
  const s = Math.floor(t) % DAY;
  return `${DAYS[dayOf(t)].dash} ${PAD2[Math.floor(s / HOUR)]}:${PAD2[Math.floor((s % HOUR) / 60)]}:${PAD2[s % 60]}`;
}

/** `2025-05-17 10:22:00` — minute precision, as closing times are recorded. */
export function dashMinute(t: number): string {
  const s = Math.floor(t) % DAY;
  return `${DAYS[dayOf(t)].dash} ${PAD2[Math.floor(s / HOUR)]}:${PAD2[Math.floor((s % HOUR) / 60)]}:00`;
}

// Official 2025 holidays and the weekend days worked in exchange (调休), which shape intake volume.
const HOLIDAYS: [number, number, number, number][] = [
  [1, 1, 1, 1],
  [1, 28, 2, 4],
  [4, 4, 4, 6],
  [5, 1, 5, 5],
  [5, 31, 6, 2],
  [10, 1, 10, 8],
];
const MAKEUP_WORKDAYS: [number, number][] = [[1, 26], [2, 8], [4, 27], [9, 28], [10, 11]];

const WORKDAY = new Uint8Array(DAYS_KEPT);
for (let i = 0; i < DAYS_KEPT; i++) WORKDAY[i] = DAYS[i].weekday === 0 || DAYS[i].weekday === 6 ? 0 : 1;
for (const [m1, d1, m2, d2] of HOLIDAYS) for (let i = dayIndex(m1, d1); i <= dayIndex(m2, d2); i++) WORKDAY[i] = 0;
for (const [m, d] of MAKEUP_WORKDAYS) WORKDAY[dayIndex(m, d)] = 1;
// New Year's Day 2026 is a holiday too (the export is taken on it).
WORKDAY[YEAR_DAYS] = 0;

export function isWorkday(day: number): boolean {
  return WORKDAY[Math.min(Math.max(day, 0), DAYS_KEPT - 1)] === 1;
}

/** Office hours of government units: 8:30–12:00 and 13:30–17:30 on workdays. */
export function inOfficeHours(t: number): boolean {
  if (!isWorkday(dayOf(t))) return false;
  const s = t % DAY;
  return (s >= 8.5 * HOUR && s < 12 * HOUR) || (s >= 13.5 * HOUR && s < 17.5 * HOUR);
}

/** The next moment at or after t when offices are open. */
export function nextOfficeTime(t: number): number {
  if (inOfficeHours(t)) return t;
  let day = dayOf(t);
  const s = t % DAY;
  if (isWorkday(day) && s < 8.5 * HOUR) return day * DAY + 8.5 * HOUR;
  if (isWorkday(day) && s >= 12 * HOUR && s < 13.5 * HOUR) return day * DAY + 13.5 * HOUR;
  day++;
  while (!isWorkday(day) && day < DAYS_KEPT - 1) day++;
  return day * DAY + 8.5 * HOUR;
}
