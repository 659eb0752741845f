import { describe, expect, it } from 'vitest';
import { percentOfBp, percentOfPpm, yuan } from './format.js';

describe('explanation figures are exact', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [200, '2.00'],
    [200_000, '2,000.00'],
    [512_345, '5,123.45'],
    [123_456_789, '1,234,567.89'],
    [-660, '-6.60'],
  ])('%i fen → %s yuan', (fen, text) => {
    expect(yuan(fen)).toBe(text);
  });

  it.each([
    [1_000, '0.1%'],
    [2_000, '0.2%'],
    [2_500, '0.25%'],
    [1, '0.0001%'],
    [80_000, '8%'],
    [300_000, '30%'],
  ])('%i ppm → %s', (ppm, text) => {
    expect(percentOfPpm(ppm)).toBe(text);
  });

  it.each([
    [6_000, '60%'],
    [30_000, '300%'],
    [6_050, '60.5%'],
    [1, '0.01%'],
  ])('%i bp → %s', (bp, text) => {
    expect(percentOfBp(bp)).toBe(text);
  });
});
