/**
 * 征缴中心 collection center: public API for other centers (the personal and unit service centers
 * show a person's account and contributions and a unit's bills). Receivables are computed by runs
 * from the enrollment center's feed and the policy center's rules; payments arrive in files from
 * the tax bureau or banks, per the pooling region's collection mode; reconciliation compares them.
 *
 * Months are `YYYY-MM`; money is integer fen.
 */
import type { AppContext } from '../../kernel/context.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import * as account from './account.js';
import { billView } from './pools.js';
import { billContext, billPdfBuffer, billXlsxBuffer } from './documents.js';
import { claimRun, createRun, workRun, type WorkOptions } from './runs.js';
import { workerFor } from './runtime.js';
import type { Clerk } from './service.js';

export type { DebitInput, EntryResult as AccountEntryResult } from './account.js';
export type { Clerk } from './service.js';
/** Response schemas of what this API answers, for the routes of the centers that serve it (personal, unit). */
export { AccountEntryView, AnnualStatementView, BillView, PersonalAccountView, ReceivableView } from './contract.js';
export {
  ACCOUNT_ENTRY_KINDS,
  BILL_STATUSES,
  COLLECTION_MODES,
  RECEIVABLE_STATUSES,
  RECONCILIATION_KINDS,
  type AccountEntryKind,
  type BillStatus,
  type CollectionMode,
  type ReceivableStatus,
  type ReconciliationKind,
} from './rules.js';

export interface PageQuery {
  /** calendar year; all years when absent */
  year?: number;
  page: number;
  pageSize: number;
}

/** 个人账户 `{ balanceFen, items, total, page, pageSize }`: the balance over all entries, a year's entries newest first (划入 allocation +, 扣减 deduction −). */
export const personalAccount = (ctx: AppContext, personId: string, query: PageQuery) => account.personalAccount(ctx, personId, query);

/**
 * 个人账户余额 the balance in fen. Given the caller's transaction, takes the person's account lock for
 * the rest of it, so a `debitAccount` later in that transaction pays from the balance read here.
 */
export const accountBalance = (ctx: AppContext, personId: string, tx?: Db) => account.accountBalance(tx ?? ctx.database.db, personId, tx !== undefined);

/**
 * 个人账户支付 pays from the personal account (in `tx` when given, so it commits or fails with the
 * caller's work): idempotent on `reference`, never below zero (409 `collection.account_insufficient`).
 * Answers `{ entryId, amountFen, balanceFen, replayed }`.
 */
export const debitAccount = (ctx: AppContext, tx: Db | undefined, input: account.DebitInput) =>
  tx ? account.debitAccount(tx, input) : transaction(ctx.database.db, (t) => account.debitAccount(t, input));

/** The account locks and balances of a batch's persons, in the batch's transaction (two statements). */
export const lockedBalances = (tx: Db, personIds: readonly string[]) => account.lockedBalances(tx, personIds);

/** Books a batch's account payments in one statement, in the batch's transaction, after `lockedBalances`. */
export const debitAccounts = (tx: Db, inputs: readonly account.DebitInput[]) => account.debitAccounts(tx, inputs);

/** 冲正退回 gives the payment booked under `reference` back to the account once, booked under `reversalReference`. */
export const reverseAccountDebit = (ctx: AppContext, tx: Db | undefined, input: { reference: string; reversalReference: string }) =>
  tx ? account.reverseDebit(tx, input) : transaction(ctx.database.db, (t) => account.reverseDebit(t, input));

/** 缴费记录 the person's receivable lines, newest month first, with status and a bilingual explanation (`{ zh, en }`). */
export const contributionsOf = (ctx: AppContext, personId: string, query: PageQuery) => account.contributionsOf(ctx, personId, query);

/** 年度缴费对账单 `{ year, months: [{ month, unitFen, personFen, fiscalFen, status }], totals, account: { openingFen, creditsFen, debitsFen, closingFen } }`. */
export const annualStatement = (ctx: AppContext, personId: string, year: number) => account.annualStatement(ctx, personId, year);

/** 单位缴费单 a unit's bills, newest month first. */
export const billsOf = (ctx: AppContext, entityId: string, query: PageQuery) => account.billsOf(ctx, entityId, query);

/** One of the unit's bills; a 404 DomainError (not_found) when the bill is not that unit's. */
export async function billOf(ctx: AppContext, entityId: string, billId: string) {
  return billView(await account.entityBill(ctx.database.db, entityId, billId));
}

/** The unit's bill as a PDF (embedded Chinese font); a 404 DomainError (not_found) when the bill is not that unit's. */
export async function billPdf(ctx: AppContext, entityId: string, billId: string): Promise<Buffer> {
  const bill = await account.entityBill(ctx.database.db, entityId, billId);
  return billPdfBuffer(await billContext(ctx, bill, await account.billLines(ctx.database.db, bill)));
}

/** The unit's bill as an XLSX workbook (summary and lines); a 404 DomainError (not_found) when the bill is not that unit's. */
export async function billXlsx(ctx: AppContext, entityId: string, billId: string): Promise<Buffer> {
  const bill = await account.entityBill(ctx.database.db, entityId, billId);
  return billXlsxBuffer(await billContext(ctx, bill, await account.billLines(ctx.database.db, bill)));
}

/**
 * Queues a receivable run (应收核定) for a month within the clerk's scope (`NATIONAL_SCOPE` for the
 * system); the background worker computes it. The same run still queued or running is answered instead.
 */
export const startRun = (ctx: AppContext, clerk: Clerk, input: { month: string; regionCode?: string; insuranceType?: string }) => createRun(ctx, clerk, input);

/** Run operations for the platform's lifecycle, operators' tooling, tests and the bench. */
export const runOperations = {
  /** Claims a queued run (or one a dead process left running) for this worker id; null when none. */
  claim: (ctx: AppContext, workerId: string, staleAfterMs?: number) => claimRun(ctx, workerId, staleAfterMs),
  /** Works a claimed run to its end here and now. */
  work: (ctx: AppContext, run: NonNullable<Awaited<ReturnType<typeof claimRun>>>, workerId: string, options?: WorkOptions) => workRun(ctx, run, workerId, options),
  /** Settles when this process's background worker has nothing in hand. */
  idle: (ctx: AppContext) => workerFor(ctx).idle(),
  /** Looks for queued runs now. */
  kick: (ctx: AppContext) => workerFor(ctx).kick(),
};

/** The center's event topics: `collection.events.BILL_ISSUED` (a unit's 缴费单 of a month made). */
export * as events from './events.js';

/** 应收与实收 of a month in a scope, by insurance type (the analysis center's charts). */
export { dueAndReceived, type DueAndReceived } from './figures.js';
