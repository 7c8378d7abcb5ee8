import { DAY, HOUR, YEAR_DAYS, dayIndex, isWorkday } from './clock.js';
import { cumulative, type Rng } from './prng.js';
import type { HourProfile, Season } from './problems/types.js';

/** Days before the year's end when the emerging problem starts to grow. */
export const EMERGING_DAYS = 42;

// Weather the city had that year: spikes of snow and rainstorm complaints follow these days.
const SNOW_DAYS = [[1, 6], [1, 21], [2, 9], [2, 24], [3, 8], [11, 26], [12, 9], [12, 21], [12, 28]].map(([m, d]) => dayIndex(m, d));
const STORM_DAYS = [[6, 22], [7, 3], [7, 11], [7, 19], [7, 28], [8, 4], [8, 13], [8, 21], [8, 30]].map(([m, d]) => dayIndex(m, d));
const SPRING_FESTIVAL = dayIndex(1, 28);
const LANTERN_FESTIVAL = dayIndex(2, 12);

function monthOf(day: number): number {
  return new Date(Date.UTC(2025, 0, 1 + day)).getUTCMonth() + 1;
}

function afterEvent(day: number, events: number[], shape: number[]): number {
  let w = 0;
  for (const e of events) {
    const k = day - e;
    if (k >= 0 && k < shape.length) w = Math.max(w, shape[k]);
  }
  return w;
}

/** How much a season multiplies a problem's volume on a day of 2025. */
export function seasonWeight(season: Season | undefined, day: number): number {
  const m = monthOf(day);
  switch (season) {
    case undefined:
      return 1;
    case 'heating': {
      // the heating season runs 2024-11-15 … 2025-03-15 and from 2025-11-15; worst in deep winter
      // and in the first days after the heat comes on
      const mar15 = dayIndex(3, 15);
      const nov15 = dayIndex(11, 15);
      if (day <= mar15) return 1.2 + 1.6 * (1 - day / mar15);
      if (day >= nov15) return day < nov15 + 12 ? 3.6 : 2.6;
      if (day >= nov15 - 14) return 0.3;
      return 0.04;
    }
    case 'summer':
      return [0.55, 0.55, 0.6, 0.9, 1.3, 1.8, 1.9, 1.8, 1.3, 0.9, 0.6, 0.55][m - 1];
    case 'warm':
      return [0.5, 0.5, 0.8, 1.2, 1.35, 1.4, 1.4, 1.4, 1.3, 1.1, 0.8, 0.5][m - 1];
    case 'winter':
      return [1.4, 1.4, 1.1, 0.9, 0.8, 0.75, 0.75, 0.75, 0.85, 1.0, 1.25, 1.4][m - 1];
    case 'catkins': {
      const start = dayIndex(4, 10);
      const end = dayIndex(5, 31);
      if (day < start || day > end) return 0.02;
      return 2 + 10 * Math.sin((Math.PI * (day - start)) / (end - start));
    }
    case 'rainy': {
      const base = m >= 6 && m <= 8 ? 1.4 : m === 5 || m === 9 ? 0.5 : 0.15;
      return base + afterEvent(day, STORM_DAYS, [9, 4, 1.5]);
    }
    case 'snow': {
      const base = m <= 2 || m === 12 ? 0.5 : m === 3 || m === 11 ? 0.15 : 0.01;
      return base + afterEvent(day, SNOW_DAYS, [9, 7, 3.5, 1.5]);
    }
    case 'festival': {
      if (day >= SPRING_FESTIVAL - 8 && day < SPRING_FESTIVAL) return 2.5;
      if (day >= SPRING_FESTIVAL && day <= SPRING_FESTIVAL + 7) return 14;
      if (day > SPRING_FESTIVAL + 7 && day < LANTERN_FESTIVAL) return 3;
      if (day === LANTERN_FESTIVAL) return 9;
      if (day === YEAR_DAYS - 1) return 6;
      if (day >= YEAR_DAYS - 8) return 2;
      return 0.15;
    }
    case 'prefestival': {
      // wages owed are chased before the Spring Festival and at the year's end
      if (day < SPRING_FESTIVAL) return 2.6;
      if (day < SPRING_FESTIVAL + 13) return 0.5;
      return [2.6, 1.2, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.85, 0.9, 1.3, 2.2][m - 1];
    }
    case 'school':
      return [0.45, 0.45, 0.8, 1.6, 2.5, 2.2, 2.0, 2.6, 1.2, 0.45, 0.45, 0.45][m - 1];
    case 'thaw':
      return [0.8, 0.9, 2.0, 1.8, 1.1, 0.9, 1.2, 1.2, 0.9, 0.8, 0.8, 0.8][m - 1];
  }
}

/** Weight of an emerging problem on a day: a trickle, then fast growth in the final weeks. */
export function emergingWeight(day: number): number {
  const start = YEAR_DAYS - EMERGING_DAYS;
  if (day < start) return 0.012;
  const x = (day - start + 1) / EMERGING_DAYS;
  return 1 + 14 * x ** 1.5;
}

const HOURS: Record<HourProfile, number[]> = {
  office: [0.2, 0.1, 0.08, 0.06, 0.06, 0.12, 0.4, 1.3, 3.8, 6.5, 7, 6, 3.2, 3.8, 6, 6.2, 5.5, 4.2, 2.4, 1.8, 1.5, 1.1, 0.7, 0.35],
  allday: [0.6, 0.35, 0.25, 0.2, 0.2, 0.4, 1.2, 2.8, 4.6, 5.6, 5.8, 5, 3.8, 4.2, 5, 5, 4.6, 4, 3.6, 3.6, 3.4, 2.6, 1.7, 1],
  evening: [0.8, 0.4, 0.2, 0.15, 0.2, 0.6, 1.5, 2, 2.4, 2.8, 2.8, 2.5, 2.2, 2.2, 2.4, 2.4, 2.5, 2.8, 4.2, 6.5, 7.8, 7, 4.6, 2],
  night: [4.5, 3.2, 2, 1.2, 0.8, 0.8, 1.2, 1.8, 2.4, 2.6, 2.6, 2.4, 2, 2, 2.2, 2.2, 2.2, 2.4, 2.8, 3.4, 4.2, 5.6, 6.5, 6],
};
const HOUR_CUM = Object.fromEntries(Object.entries(HOURS).map(([k, v]) => [k, cumulative(v)])) as Record<HourProfile, Float64Array>;

/** Weekly rhythm: office matters come on workdays, noise and nuisances on evenings and weekends. */
function weekdayFactor(hours: HourProfile, day: number): number {
  const work = isWorkday(day);
  if (hours === 'office') return work ? 1.12 : 0.5;
  if (hours === 'allday') return work ? 1.03 : 0.9;
  return work ? 0.95 : 1.15;
}

/** Cumulative day weights over the year for a problem's season, emergence and hour profile. */
export function dayDistribution(opts: { season?: Season; emerging?: boolean; hours: HourProfile }): Float64Array {
  const w: number[] = [];
  for (let d = 0; d < YEAR_DAYS; d++) {
    const base = opts.emerging ? emergingWeight(d) : seasonWeight(opts.season, d);
    // the Spring Festival week is quiet for everything that is not about the festival itself
    const holiday = opts.season !== 'festival' && d >= SPRING_FESTIVAL && d <= SPRING_FESTIVAL + 7 ? 0.75 : 1;
    w.push(base * holiday * weekdayFactor(opts.hours, d));
  }
  return cumulative(w);
}

/** A moment in the year drawn from a day distribution and an hour profile (seconds, local time). */
export function drawTime(rng: Rng, days: Float64Array, hours: HourProfile): number {
  const day = rng.weighted(days);
  const hour = rng.weighted(HOUR_CUM[hours]);
  return day * DAY + hour * HOUR + Math.floor(rng.next() * HOUR);
}
