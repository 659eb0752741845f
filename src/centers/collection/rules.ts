/**
 * 征缴规则 pure rules of the collection center: who pays a line, the facts a person is computed
 * with, bill and payment states, personal-account entries, and how a reconciliation
 * classifies a payer's month. Months are `yyyymm` integers inside, `YYYY-MM` at the edges.
 */
import type { CollectionRuleVersion, Flow, Fund, Payer } from '../policy/index.js';

export const RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** 应收 due, 实收 received, 作废 cancelled (no longer applies; kept, never deleted). */
export const RECEIVABLE_STATUSES = ['due', 'received', 'cancelled'] as const;
export type ReceivableStatus = (typeof RECEIVABLE_STATUSES)[number];

/** 待缴 due, 部分缴费 partly paid, 已缴清 paid, 已作废 cancelled (every line cancelled). */
export const BILL_STATUSES = ['due', 'partly_paid', 'paid', 'cancelled'] as const;
export type BillStatus = (typeof BILL_STATUSES)[number];

/** 税务全责 tax_full, 税务半责 tax_half, 经办机构自收 agency. */
export const COLLECTION_MODES = ['tax_full', 'tax_half', 'agency'] as const;
export type CollectionMode = (typeof COLLECTION_MODES)[number];

/** Files brought in: the tax bureau's payment detail, its results for our receivables, the bank's withholding results. */
export const FILE_KINDS = ['tax_payments', 'tax_results', 'bank_results'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** The mode a region must be in for a file of this kind. */
export const MODE_OF_FILE: Record<FileKind, CollectionMode> = { tax_payments: 'tax_full', tax_results: 'tax_half', bank_results: 'agency' };

export const PAYMENT_SOURCES = ['tax', 'bank'] as const;
export type PaymentSource = (typeof PAYMENT_SOURCES)[number];

/**
 * A payment after matching, the same for every payment of its pool: 已匹配 matched (exactly covers
 * the due), short (lines still due), over (money left after every line is received), unmatched
 * (no receivable for that payer, month and type).
 */
export const PAYMENT_STATUSES = ['arrived', 'matched', 'short', 'over', 'unmatched'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * 划入 allocation (+) into the personal account, 扣减 deduction (−) from it; 结算支付 settlement (−)
 * when a medical settlement pays from it, 冲正退回 settlement_reversal (+) when that settlement is reversed.
 */
export const ACCOUNT_ENTRY_KINDS = ['allocation', 'deduction', 'settlement', 'settlement_reversal'] as const;
export type AccountEntryKind = (typeof ACCOUNT_ENTRY_KINDS)[number];

/** created a payment; replayed (same reference and content seen in an earlier file); duplicate; failed (the bank or tax says unpaid); error (refused). */
export const ROW_OUTCOMES = ['created', 'replayed', 'duplicate', 'failed', 'error'] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

/** 未缴 unpaid, 少缴 short, 多缴 over, 无应收到账 payment without receivable, 重复 duplicate file row. */
export const RECONCILIATION_KINDS = ['unpaid', 'short', 'over', 'no_receivable', 'duplicate'] as const;
export type ReconciliationKind = (typeof RECONCILIATION_KINDS)[number];

/** 追缴 chase the payer, 退费 refund, 结转下期 carry forward, 核销 write off, 确认无误 confirmed as it is. */
export const RESOLUTIONS = ['chase_payment', 'refund', 'carry_forward', 'write_off', 'confirmed'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

// ------------------------------------------------------------------------------------- months

const MONTH_TEXT = /^(\d{4})-?(0[1-9]|1[0-2])$/;

/** `2019-01` or `201901` (as tax files write it) → 201901; null when it is neither. */
export function parseMonth(text: string): number | null {
  const match = MONTH_TEXT.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1900 || year > 2199) return null;
  return year * 100 + Number(match[2]);
}

export const monthText = (key: number) => `${String(Math.floor(key / 100)).padStart(4, '0')}-${String(key % 100).padStart(2, '0')}`;

// -------------------------------------------------------------------------------- computing

/**
 * 缴费主体 who is asked to pay a line: a unit pays its own share and withholds its employees'
 * (代扣代缴), a flexible worker or resident pays alone, a fiscal subsidy is the pooling region's
 * finance bureau's.
 */
export function payerKeyOf(payer: Payer, who: { entityId: string | null; personId: string; poolingRegion: string }): string {
  if (payer === 'fiscal') return `fiscal:${who.poolingRegion}`;
  return who.entityId ?? who.personId;
}

/**
 * 人员类别 the category a person is computed with. The policy matches one category per share, so
 * a special identity the rule names (低保 dibao …) wins over the enrollment kind; otherwise the kind
 * (employee / flexible / resident).
 */
export function categoryFor(kind: string, identities: readonly string[], rule: Pick<CollectionRuleVersion, 'shares'> | null): string {
  const named = new Set(rule?.shares.flatMap((s) => s.conditions.categories ?? []) ?? []);
  return [...identities].sort().find((code) => code !== 'retired' && named.has(code)) ?? kind;
}

/**
 * The declared bases a person's shares need: the enrollment carries one declared base, and every
 * base kind the rule names is read from it (the long-term-care shares use the medical base and the
 * account-allocation base, which is the same declared figure for a retiree).
 */
export function basesFor(rule: Pick<CollectionRuleVersion, 'shares'> | null, baseFen: number | null): Record<string, number> {
  if (baseFen === null) return {};
  return Object.fromEntries((rule?.shares ?? []).map((s) => [s.baseKind, baseFen]));
}

/** The personal-account entry a received line makes, if it moves through the personal account. */
export function accountEntryOf(line: { fund: Fund; flow: Flow; amountFen: number }): { kind: AccountEntryKind; amountFen: number } | null {
  if (line.fund !== 'personal_account' || line.amountFen === 0) return null;
  return line.flow === 'to' ? { kind: 'allocation', amountFen: line.amountFen } : { kind: 'deduction', amountFen: -line.amountFen };
}

// ------------------------------------------------------------------------------ bills, pools

/** A bill's status from its live total and what was received of it. */
export function billStatus(totalFen: number, receivedFen: number, liveLines: number): BillStatus {
  if (liveLines === 0) return 'cancelled';
  if (receivedFen >= totalFen) return 'paid';
  return receivedFen > 0 ? 'partly_paid' : 'due';
}

/**
 * A pool (pooling region × payer × month × insurance type) after matching: what its payments are.
 * `liveFen` all live lines, `outstandingFen` the part still due, `paidFen` every payment.
 */
export function poolPaymentStatus(pool: { liveFen: number; liveLines: number; outstandingFen: number; paidFen: number; receivedFen: number }): PaymentStatus {
  if (pool.liveLines === 0) return 'unmatched';
  if (pool.outstandingFen > 0) return 'short';
  return pool.paidFen > pool.receivedFen ? 'over' : 'matched';
}

/** 对账 how a payer's month compares: null when payments and receivables agree. */
export function classifyPool(pool: { dueFen: number; paidFen: number }): Exclude<ReconciliationKind, 'duplicate'> | null {
  if (pool.paidFen === pool.dueFen) return null;
  if (pool.paidFen === 0) return 'unpaid';
  if (pool.dueFen === 0) return 'no_receivable';
  return pool.paidFen < pool.dueFen ? 'short' : 'over';
}
