/**
 * 区划范围 which pooling regions' policy an organization maintains: the national administration
 * all of them, a province the codes sharing its first two digits, a city (or an agency office) its
 * own 6-digit code only.
 */
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
 * 统筹区 the pooling regions whose policy may govern a region, nearest first: the region itself,
 * its city (`4113xx` → `411300`, 市级统筹), its province (`410000`).
 */
export function poolingCandidates(regionCode: string): string[] {
  return [...new Set([regionCode, `${regionCode.slice(0, 4)}00`, `${regionCode.slice(0, 2)}0000`])];
}
