/** Exact text for amounts (integer fen) and rates in explanations, bills and messages: integer arithmetic only, no floats. */

/** 200000 → `2,000.00` */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** -123456 → `-1234.56`: without thousands separators, for signed text and compact explanations */
export function plainYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function scaled(value: number, digits: number): string {
  const unit = 10 ** digits;
  const whole = Math.floor(value / unit);
  const fraction = String(value % unit).padStart(digits, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** parts per million as a percentage: 1000 → `0.1%`, 2500 → `0.25%`, 80000 → `8%` */
export const percentOfPpm = (ppm: number) => `${scaled(ppm, 4)}%`;

/** basis points as a percentage: 6000 → `60%`, 6050 → `60.5%` */
export const percentOfBp = (bp: number) => `${scaled(bp, 2)}%`;
