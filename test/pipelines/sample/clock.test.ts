import { describe, expect, it } from 'vitest';
import { DAY, HOUR, dashMinute, dashSecond, dayIndex, inOfficeHours, isWorkday, nextOfficeTime, slashMinute } from '../../../pipelines/sample/clock.js';

const at = (month: number, day: number, h: number, m = 0, s = 0) => dayIndex(month, day) * DAY + h * HOUR + m * 60 + s;

describe('sample clock', () => {
  it('formats times as the exports write them', () => {
    expect(slashMinute(at(5, 16, 8, 3, 59))).toBe('2025/5/16 8:03');
    expect(slashMinute(at(12, 31, 23, 59))).toBe('2025/12/31 23:59');
    expect(dashSecond(at(5, 16, 8, 5, 13))).toBe('2025-05-16 08:05:13');
    expect(dashMinute(at(5, 17, 10, 22, 41))).toBe('2025-05-17 10:22:00');
    expect(dashSecond(365 * DAY + 9 * HOUR)).toBe('2026-01-01 09:00:00');
  });

  it('knows 2025’s weekends, holidays and make-up workdays', () => {
    expect(isWorkday(dayIndex(3, 10))).toBe(true); // Monday
    expect(isWorkday(dayIndex(3, 8))).toBe(false); // Saturday
    expect(isWorkday(dayIndex(10, 3))).toBe(false); // National Day holiday
    expect(isWorkday(dayIndex(10, 11))).toBe(true); // Saturday worked in exchange
  });

  it('moves work to the next office hours', () => {
    expect(inOfficeHours(at(3, 10, 9))).toBe(true);
    expect(nextOfficeTime(at(3, 10, 9))).toBe(at(3, 10, 9));
    expect(nextOfficeTime(at(3, 10, 12, 30))).toBe(at(3, 10, 13, 30));
    expect(nextOfficeTime(at(3, 7, 18))).toBe(at(3, 10, 8, 30)); // Friday evening → Monday
    expect(nextOfficeTime(at(9, 30, 18))).toBe(at(10, 9, 8, 30)); // over the National Day week
  });
});
