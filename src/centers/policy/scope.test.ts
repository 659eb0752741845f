import { describe, expect, it } from 'vitest';
import { regionScope } from '../../kernel/actor/index.js';
import { maintains, orgRegionOf, ownsRegion, poolingCandidates, type OrgRegion } from './scope.js';

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

describe('which regions a region scope maintains (the actor’s organization)', () => {
  it.each([
    ['', { level: 'national', regionCode: '000000' }],
    ['41', { level: 'province', regionCode: '410000' }],
    ['4113', { level: 'city', regionCode: '411300' }],
  ])('prefix %j → %j', (prefix, expected) => {
    expect(orgRegionOf(regionScope('org', prefix))).toEqual(expected);
  });

  it.each([
    ['', '411300', true],
    ['', '110100', true],
    ['41', '411300', true],
    ['41', '410100', true],
    ['41', '420100', false],
    // a city, or an agency office of it: the city's pooling region only
    ['4113', '411300', true],
    ['4113', '410100', false],
    ['4113', '411302', false],
    ['4101', '411300', false],
  ])('prefix %j, %s: %s', (prefix, regionCode, expected) => {
    expect(maintains(regionScope('org', prefix), regionCode)).toBe(expected);
  });
});

describe('the pooling regions that may govern a region, nearest first', () => {
  it.each([
    ['411302', ['411302', '411300', '410000']],
    ['411300', ['411300', '410000']],
    ['410000', ['410000']],
    ['110105', ['110105', '110100', '110000']],
  ])('%s → %j', (regionCode, expected) => {
    expect(poolingCandidates(regionCode)).toEqual(expected);
  });
});
