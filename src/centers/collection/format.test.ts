import { describe, expect, it } from 'vitest';
import { percentOfPpm, yuan } from './format.js';

describe('amount and rate text', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [200, '2.00'],
    [660, '6.60'],
    [200_000, '2,000.00'],
    [123_456_789, '1,234,567.89'],
    [-220, '-2.20'],
  ])('%i fen → %s yuan', (fen, text) => expect(yuan(fen)).toBe(text));

  it.each([
    [1_000, '0.1%'],
    [2_500, '0.25%'],
    [3_000, '0.3%'],
    [80_000, '8%'],
    [1, '0.0001%'],
  ])('%i ppm → %s', (ppm, text) => expect(percentOfPpm(ppm)).toBe(text));
});
