import { describe, expect, it } from 'vitest';
import { percentOfBp, percentOfPpm, plainYuan, yuan } from './index.js';

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

describe('amount and rate text, as bills print them', () => {
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

  it.each([
    [0, '0.00'],
    [120_000, '1200.00'],
    [123_456_789, '1234567.89'],
    [-1_234, '-12.34'],
  ])('plain: %i fen → %s', (fen, text) => expect(plainYuan(fen)).toBe(text));
});
