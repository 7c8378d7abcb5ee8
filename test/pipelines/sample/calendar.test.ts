import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMERGING_DAYS, dayDistribution, emergingWeight, seasonWeight } from '../../../pipelines/sample/calendar.js';
import { dayIndex } from '../../../pipelines/sample/clock.js';
import { generateSample, truthByRecord, type Sample } from './sample-files.js';

let s: Sample;
beforeAll(async () => {
  s = await generateSample(3000, 31);
});
afterAll(() => s.cleanup());

/** Day of 2025 (0 = 1 January) of a 来电时间 such as 2025/5/16 8:03. */
function dayOfYear(text: string): number {
  const [y, m, d] = text.split(' ')[0].split('/').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(2025, 0, 1)) / 86_400_000);
}

function daysOf(problem: string): number[] {
  const truth = truthByRecord(s);
  return s.workOrders.filter((w) => truth.get(`12345|${w['工单编号']}`)!.problem_key === problem).map((w) => dayOfYear(w['来电时间']));
}

describe('seasons and trends in the generated work orders', () => {
  it('has one problem emerging in the final weeks: several times its earlier weekly volume', () => {
    const emerging = s.problems.filter((p) => p.emerging);
    expect(emerging).toHaveLength(1);
    const days = daysOf(emerging[0].key);
    const cut = 365 - 35;
    const recent = days.filter((d) => d >= cut).length;
    const earlierWeekly = days.filter((d) => d < cut).length / (cut / 7);
    expect(recent).toBeGreaterThanOrEqual(20);
    expect(recent / 5).toBeGreaterThan(5 * Math.max(earlierWeekly, 0.2));
    // and still growing: the last two weeks outnumber the two before
    expect(days.filter((d) => d >= 351).length).toBeGreaterThan(days.filter((d) => d >= 337 && d < 351).length);
  });

  it('puts heating complaints in the heating season', () => {
    const days = daysOf('heating_insufficient');
    const inSeason = days.filter((d) => d <= dayIndex(3, 15) || d >= dayIndex(11, 15)).length;
    expect(days.length).toBeGreaterThan(50);
    expect(inSeason / days.length).toBeGreaterThan(0.9);
  });

  it('takes calls mostly in working hours', () => {
    const hours = s.workOrders.map((w) => Number(w['来电时间'].split(' ')[1].split(':')[0]));
    const daytime = hours.filter((h) => h >= 8 && h < 18).length;
    expect(daytime / hours.length).toBeGreaterThan(0.55);
    expect(hours.filter((h) => h < 6).length).toBeGreaterThan(0);
  });
});

describe('calendar weights', () => {
  it('keep an emerging problem near zero until its final weeks, then grow', () => {
    const start = 365 - EMERGING_DAYS;
    expect(emergingWeight(start - 1)).toBeLessThan(0.05);
    expect(emergingWeight(start)).toBeGreaterThan(20 * emergingWeight(start - 1));
    expect(emergingWeight(364)).toBeGreaterThan(5 * emergingWeight(start));
  });

  it('switch seasons on and off', () => {
    expect(seasonWeight('heating', dayIndex(1, 10))).toBeGreaterThan(20 * seasonWeight('heating', dayIndex(7, 10)));
    expect(seasonWeight('catkins', dayIndex(4, 28))).toBeGreaterThan(100 * seasonWeight('catkins', dayIndex(9, 1)));
    expect(seasonWeight(undefined, 100)).toBe(1);
  });

  it('weigh office-hour matters down at weekends', () => {
    const office = dayDistribution({ hours: 'office' });
    const weight = (d: number) => office[d] - (d ? office[d - 1] : 0);
    // 2025-03-08 is a Saturday, 2025-03-10 a Monday
    expect(weight(dayIndex(3, 10))).toBeGreaterThan(1.5 * weight(dayIndex(3, 8)));
  });
});
