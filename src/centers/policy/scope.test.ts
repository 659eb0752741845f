import { describe, expect, it } from 'vitest';
import { ownsRegion, type OrgRegion } from './scope.js';

const national: OrgRegion = { level: 'national', regionCode: '000000' };
const henan: OrgRegion = { level: 'province', regionCode: '410000' };
const nanyang: OrgRegion = { level: 'city', regionCode: '411300' };
const wancheng: OrgRegion = { level: 'agency', regionCode: '411302' };

describe('which regions an organization maintains', () => {
  it.each([
    [national, '411300', true],
    [national, '110100', true],
    [henan, '411300', true],
    [henan, '410100', true],
    [henan, '420100', false],
    [nanyang, '411300', true],
    [nanyang, '410100', false],
    [nanyang, '411302', false],
    [wancheng, '411302', true],
    [wancheng, '411300', false],
    [null, '411300', false],
  ])('%j → %s: %s', (org, regionCode, expected) => {
    expect(ownsRegion(org, regionCode)).toBe(expected);
  });
});
