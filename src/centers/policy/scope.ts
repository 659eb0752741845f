/**
 * 区划范围 which pooling regions' policy an organization maintains: the national administration
 * all of them, a province the codes sharing its first two digits, a city (or an agency office) its
 * own 6-digit code only.
 */
import type { RegionScope } from '../../kernel/actor/index.js';
import { DomainError, notFound } from '../../kernel/errors/index.js';

export interface OrgRegion {
  level: 'national' | 'province' | 'city' | 'agency';
  regionCode: string;
}

export function ownsRegion(org: OrgRegion | null | undefined, regionCode: string): boolean {
  if (!org) return false;
  switch (org.level) {
    case 'national':
      return true;
    case 'province':
      return regionCode.slice(0, 2) === org.regionCode.slice(0, 2);
    default:
      return regionCode === org.regionCode;
  }
}

/**
 * The organization behind a region scope, as `ownsRegion` reads it. The prefix's length says the
 * level: '' national, 2 digits a province, 4 a city, whose own pooling region is `prefix + '00'`
 * (an agency office's scope is its city's, so it maintains its city's pooling region).
 */
export function orgRegionOf(scope: Pick<RegionScope, 'prefix'>): OrgRegion {
  const { prefix } = scope;
  if (!prefix) return { level: 'national', regionCode: '000000' };
  return { level: prefix.length <= 2 ? 'province' : 'city', regionCode: prefix.padEnd(6, '0') };
}

/** Whether the scope's organization maintains a pooling region's policy. */
export const maintains = (scope: Pick<RegionScope, 'prefix'>, regionCode: string) => ownsRegion(orgRegionOf(scope), regionCode);

/** Who maintains policy: the account (recorded as author, reviewer, publisher or voider) and its organization's regions. */
export interface Maintainer {
  accountId: string;
  scope: RegionScope;
}

/** A region the maintainer may draft for; any other is not found (404 naming regionCode), as in every center. */
export function requireMaintainedRegion(maintainer: Maintainer, regionCode: string) {
  if (!maintains(maintainer.scope, regionCode)) throw new DomainError('policy.out_of_region', 'not_found', { regionCode }, 'regionCode');
}

/** A version the maintainer may review, publish or void; another region's is not found. */
export function requireMaintainedVersion(maintainer: Maintainer, version: { regionCode: string }) {
  if (!maintains(maintainer.scope, version.regionCode)) throw notFound('policy.not_found');
}

/**
 * 统筹区 the pooling regions whose policy may govern a region, nearest first: the region itself,
 * its city (`4113xx` → `411300`, 市级统筹), its province (`410000`).
 */
export function poolingCandidates(regionCode: string): string[] {
  return [...new Set([regionCode, `${regionCode.slice(0, 4)}00`, `${regionCode.slice(0, 2)}0000`])];
}
