/**
 * Figures by day, as people in China count days: Beijing time (UTC+8, no daylight saving), so a
 * settlement at 23:30 on the 31st counts in that month. Whatever the database's TimeZone setting.
 */
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

const BEIJING_MS = 8 * 3600 * 1000;

/** the Beijing day of a timestamptz column, 'YYYY-MM-DD' */
export const beijingDay = (column: AnyColumn): SQL<string> => sql<string>`to_char((${column} at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD')`;

export interface MonthWindow {
  /** the first instant of the month in Beijing, inclusive */
  from: Date;
  /** the first instant of the next month, exclusive */
  to: Date;
  /** every day of the month, 'YYYY-MM-DD' */
  days: string[];
}

/** A 'YYYY-MM' month as instants and days (the caller has checked the pattern). */
export function beijingMonth(month: string): MonthWindow {
  const [year, m] = month.split('-').map(Number);
  const from = new Date(Date.UTC(year, m - 1, 1) - BEIJING_MS);
  const to = new Date(Date.UTC(year, m, 1) - BEIJING_MS);
  const count = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const days = Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
  return { from, to, days };
}

/** counts (or sums) by day into one number per day of the window, 0 where there were none */
export function perDay(window: MonthWindow, rows: Array<{ day: string; value: number | string }>): number[] {
  const byDay = new Map(rows.map((r) => [r.day, Number(r.value)]));
  return window.days.map((d) => byDay.get(d) ?? 0);
}
