/** Exact text for amounts and rates on bills and explanations: integer arithmetic only. */

/** 200000 → `2,000.00` */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** parts per million as a percentage: 1000 → `0.1%`, 2500 → `0.25%`, 80000 → `8%` */
export function percentOfPpm(ppm: number): string {
  const whole = Math.floor(ppm / 10_000);
  const fraction = String(ppm % 10_000).padStart(4, '0').replace(/0+$/, '');
  return `${fraction ? `${whole}.${fraction}` : whole}%`;
}
