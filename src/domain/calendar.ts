/** Calendar dates as the sidecar and GONGKAI_TODAY write them: YYYY-MM-DD. */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for YYYY-MM-DD that names a day on the calendar (2026-02-30 and 9999-99-99 do not). */
export function isCalendarDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
