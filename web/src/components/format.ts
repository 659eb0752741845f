/** Money, months and years as the pages show them. The API speaks integer fen and `YYYY-MM`. */

/**
 * 123456 → "1,234.56", -5 → "-0.05": fen as yuan with two decimals, computed in integers so no
 * floating-point rounding shows; empty for a missing amount.
 */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** "1,234.56" / "1234.5" / "1234" typed in yuan → 123456 fen; null when it is not an amount of at most two decimals. */
export function fenOf(input: string | number | null | undefined): number | null {
  const text = String(input ?? '').replace(/,/g, '').trim();
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** The month the browser is in, `YYYY-MM`. */
export function thisMonth(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** The month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The current year and the `count - 1` before it, newest first, as Select options. */
export function yearOptions(count = 6, now = new Date()): { value: number; label: string }[] {
  return Array.from({ length: count }, (_, i) => now.getFullYear() - i).map((y) => ({ value: y, label: String(y) }));
}
