/** Calendar arithmetic on ISO dates (YYYY-MM-DD), independent of the process time zone. */

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

const LOCAL_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day (YYYY-MM-DD) an instant falls on in Asia/Shanghai, the zone the product's dates are in. */
export function localDay(instant: Date | string): string {
  return LOCAL_DAY.format(new Date(instant));
}

/** Today in Asia/Shanghai. */
export function todayLocal(): string {
  return localDay(new Date());
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
