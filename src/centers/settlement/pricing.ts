/**
 * 目录定价 a fee line's class, self-pay share and price cap are the platform's facts, not the
 * institution's word: the class and cap come from the catalog in force on the visit date, the class B
 * self-pay share (乙类先行自付比例) from the pooling region's settlement policy. A code the catalog in
 * force does not hold is wholly self-paid (目录外全自费). What the request claimed and the facts
 * contradict is listed, for the settlement to record as risk events (风险事件); the figures always
 * follow the facts. Pure: the caller looks the facts up.
 */
import type { CatalogNote, FeeLine, ItemClass, RatioSource } from './calculator.js';

/** A fee line as the institution sends it: code, quantity and amount; class, ratio and cap are claims. */
export interface ClaimedLine {
  code: string;
  class?: ItemClass;
  quantity: number;
  amountFen: number;
  selfPayRatioBp?: number;
  priceCapFen?: number | null;
}

/** What the catalog in force on the visit date says of a code (policy.catalogEntriesOn). */
export interface CatalogFact {
  kind: string;
  class: ItemClass;
  /** parts per million */
  selfPayPpm: number;
  priceCapFen: number | null;
  /** the kind's catalog version in force */
  version: number;
}

/** The catalog in force on the visit date: the versions per kind and the entries it holds for the visit's codes. */
export interface CatalogFacts {
  /** `YYYY-MM-DD` */
  date: string;
  versions: Partial<Record<string, number>>;
  entries: ReadonlyMap<string, CatalogFact>;
  /** the catalog kind a code belongs to (by its shape) */
  kindOf: (code: string) => string;
}

/** The pooling region's class B shares: per item, then the matched policy row's (null: none, the catalog's applies). */
export interface RegionRatios {
  items: ReadonlyMap<string, number>;
  rowBp: number | null;
}

/** 风险规则 what a request claimed against the facts. */
export const SETTLEMENT_RISK_RULES = ['class_mismatch', 'self_pay_ratio_mismatch', 'price_cap_mismatch', 'not_in_catalog'] as const;
export type SettlementRiskRule = (typeof SETTLEMENT_RISK_RULES)[number];

/** One claim the facts contradict: the line (index and code), what was claimed and what applies. */
export interface Contradiction {
  rule: SettlementRiskRule;
  line: number;
  code: string;
  claimed: string | number | null;
  applied: string | number | null;
  /** the catalog (kind) and its version in force that decided it (version null: none of the kind was published by the visit date) */
  catalogKind: string;
  catalogVersion: number | null;
}

export interface PricedLines {
  lines: FeeLine[];
  contradictions: Contradiction[];
  /** the catalog versions the lines were priced by, for the explanations */
  catalog: CatalogNote;
}

/** 目录类别 names, for the explanations. */
const KIND_NAMES: Record<string, { zh: string; en: string }> = {
  'drug-western': { zh: '西药', en: 'western drugs' },
  'drug-chinese-patent': { zh: '中成药', en: 'Chinese patent medicines' },
  'consumable': { zh: '医用耗材', en: 'consumables' },
  'service-item': { zh: '医疗服务项目', en: 'service items' },
};

/** parts per million → basis points, half up (12.345 % = 123,450 ppm → 1,235 bp) */
const ppmToBp = (ppm: number) => Math.floor((ppm + 50) / 100);

/** The class B share of a code and whose it is: the region's for the item, the row's, the catalog's, else none. */
function classBShare(code: string, fact: CatalogFact, ratios: RegionRatios): { bp: number; from: RatioSource } {
  const item = ratios.items.get(code);
  if (item !== undefined) return { bp: item, from: 'item' };
  if (ratios.rowBp !== null) return { bp: ratios.rowBp, from: 'region' };
  return { bp: ppmToBp(fact.selfPayPpm), from: 'catalog' };
}

/**
 * The lines the calculator uses, with the platform's class, share and cap, and the claims the
 * facts contradict (one per line and rule). Quantity and amount stay the institution's.
 */
export function priceLines(claimed: readonly ClaimedLine[], facts: CatalogFacts, ratios: RegionRatios): PricedLines {
  const contradictions: Contradiction[] = [];
  const lines = claimed.map((line, i): FeeLine => {
    const fact = facts.entries.get(line.code);
    const kind = fact?.kind ?? facts.kindOf(line.code);
    const contradict = (rule: SettlementRiskRule, claim: string | number | null, applied: string | number | null) =>
      contradictions.push({ rule, line: i, code: line.code, claimed: claim, applied, catalogKind: kind, catalogVersion: facts.versions[kind] ?? null });
    const base = { code: line.code, quantity: line.quantity, amountFen: line.amountFen };
    if (!fact) {
      // 目录外: a claim of cover (class A or B, or a share of its own) is what the catalog denies
      if (line.class === 'A' || line.class === 'B' || (line.selfPayRatioBp !== undefined && line.selfPayRatioBp < 10_000)) {
        contradict('not_in_catalog', line.class ?? null, null);
      }
      return { ...base, class: null, priceCapFen: null, catalogVersion: null };
    }
    const share = fact.class === 'B' ? classBShare(line.code, fact, ratios) : null;
    if (line.class !== undefined && line.class !== fact.class) contradict('class_mismatch', line.class, fact.class);
    if (line.selfPayRatioBp !== undefined && line.selfPayRatioBp !== (share?.bp ?? 0) && fact.class !== 'C') {
      contradict('self_pay_ratio_mismatch', line.selfPayRatioBp, share?.bp ?? 0);
    }
    if (line.priceCapFen !== undefined && (line.priceCapFen ?? null) !== fact.priceCapFen) contradict('price_cap_mismatch', line.priceCapFen, fact.priceCapFen);
    return {
      ...base,
      class: fact.class,
      ...(share ? { selfPayRatioBp: share.bp, ratioFrom: share.from } : {}),
      priceCapFen: fact.priceCapFen,
      catalogVersion: fact.version,
    };
  });
  return { lines, contradictions, catalog: catalogNote(facts) };
}

/** "西药第 1 版、医用耗材第 1 版" / "western drugs version 1, consumables version 1"; none published: said so. */
export function catalogNote(facts: Pick<CatalogFacts, 'date' | 'versions'>): CatalogNote {
  const kinds = Object.entries(facts.versions).filter((entry): entry is [string, number] => entry[1] !== undefined);
  if (!kinds.length) return { date: facts.date, zh: '尚无已发布的目录版本', en: 'no catalog version published yet' };
  const name = (kind: string) => KIND_NAMES[kind] ?? { zh: kind, en: kind };
  return {
    date: facts.date,
    zh: kinds.map(([kind, version]) => `${name(kind).zh}第 ${version} 版`).join('、'),
    en: kinds.map(([kind, version]) => `${name(kind).en} version ${version}`).join(', '),
  };
}
