/** The halls' dictionaries and derived fields: region names and paths, fields read from an identity number. */
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../src/kernel/validation/identifiers.js';
import { NATIONAL_REGION, REGIONS, regionFullName, regionName, regionPath } from '../../web/src/regions.js';
import { identityOf } from '../../web/src/validators.js';

describe('region dictionary', () => {
  it('names the regions the demo and the tests use, in both languages', () => {
    expect(regionName('411302', 'zh-CN')).toBe('宛城区');
    expect(regionName('411303', 'en')).toBe('Wolong');
    expect(regionName('411300', 'zh-CN')).toBe('南阳市');
    expect(regionName('410100', 'en')).toBe('Zhengzhou');
    expect(regionName('410000', 'zh-CN')).toBe('河南省');
    expect(regionName('110105', 'zh-CN')).toBe('朝阳区');
    expect(regionName(NATIONAL_REGION, 'zh-CN')).toBe('全国');
    expect(regionName('999999', 'zh-CN')).toBeNull();
  });

  it('finds a code’s province and city, whatever its level', () => {
    expect(regionPath('411302')).toEqual(['410000', '411300', '411302']);
    expect(regionPath('411300')).toEqual(['410000', '411300']);
    expect(regionPath('410000')).toEqual(['410000']);
    expect(regionPath('110105')).toEqual(['110000', '110100', '110105']);
    // a county whose city the dictionary lacks hangs under its province
    expect(regionPath('650102')).toEqual(['650000', '650102']);
    expect(regionPath('4113')).toEqual([]);
    expect(regionPath(NATIONAL_REGION)).toEqual([]);
    expect(regionFullName('411302', 'zh-CN')).toBe('河南省 / 南阳市 / 宛城区');
    expect(regionFullName('411302', 'en')).toBe('Wancheng, Nanyang, Henan');
    expect(regionFullName('650102', 'zh-CN')).toBe('650102');
  });

  it('is a tree whose every code sits under its own province and city, once', () => {
    const seen = new Set<string>();
    const walk = (nodes: typeof REGIONS, parent: string | null) => {
      for (const r of nodes) {
        expect(r.code).toMatch(/^\d{6}$/);
        expect(seen.has(r.code)).toBe(false);
        seen.add(r.code);
        expect(r.zh).not.toBe('');
        expect(r.en).not.toBe('');
        if (parent) expect(regionPath(r.code)).toContain(parent);
        walk(r.children ?? [], r.code);
      }
    };
    walk(REGIONS, null);
    expect(seen.size).toBeGreaterThan(80);
  });
});

describe('fields read from the identity number', () => {
  it('gives the birth date and sex the number holds, as typed (spaces, lower-case x)', () => {
    expect(identityOf(makeIdNumber('411302', '1987-06-05', 13))).toEqual({ birthDate: '1987-06-05', sex: 'male' });
    expect(identityOf(' 11010519491231002x ')).toEqual({ birthDate: '1949-12-31', sex: 'female' });
  });

  it('gives nothing for a number that is not valid', () => {
    expect(identityOf('110105194912310021')).toBeNull();
    expect(identityOf('4113021987')).toBeNull();
    expect(identityOf('')).toBeNull();
  });
});
