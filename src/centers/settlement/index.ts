/**
 * 结算中心 settlement center: public API. The pure calculator (visit + fee lines + year-to-date +
 * policy → the national settlement fields, each with its rule) and, over HTTP for institutions
 * (signed channel requests with the `settlement.settle` capability), pre-settlement, settlement and
 * reversal; the person reads their own settlements. A fee line's class, class B share and price cap
 * are the catalog's in force on the visit date and the pooling region's (pricing.ts), whatever the
 * institution claims; contradicted claims are risk events the region's clerks list
 * (`GET /settlement/risk-events`). Whose money and which institution are never the caller's word
 * either: every pre-settlement and settlement rests on the person's consent (授权: the settlement
 * token of their code verified by this app, or an order they confirmed; one settlement per consent),
 * the institution is the one the app is bound to and its level the registry's on the visit date.
 * Events (`settlement.events`), published in the writing transaction:
 *
 *   settlement.settled / settlement.reversed
 *     { settlementId, personId, insuranceType, institutionCode, settlementReference, totalFen, fundFen, accountFen, cashFen, status }
 */
import type { AppContext } from '../../kernel/context.js';
import * as service from './service.js';
// The center's error messages, for the errors its functions throw to other centers' callers.
import './messages.js';

export { SETTLE_CAPABILITY } from './capabilities.js';
export { parametersFor, settle, SettlementInputError } from './calculator.js';
export type { Explanation, FeeLine as SettledLine, ItemClass, SettlementParameters, SettlementResult, SettlementRuleRow, Visit, VisitKind, YearToDate } from './calculator.js';
/** 费用明细 a fee line as an institution sends it: code, quantity, amount; its class, self-pay share and price cap are claims the catalog decides. */
export type { ClaimedLine as FeeLine } from './pricing.js';
/**
 * The visit and fee lines as an institution sends them: for request bodies that carry a visit to
 * settle (payment orders); the visit as settled (`VisitView`: the registry's level).
 */
export { BoundInstitutionCode, FeeLineInput, FeeLines, FeeLineView, InstitutionCode, InsuranceTypeCode, VisitInput, VisitView } from './contract.js';
export type { PreSettlementView, SettlementView } from './contract.js';
export type { Consent, InstitutionLevel, SettlementInput, SettlementOutcome } from './service.js';

/**
 * 预结算 the figures a settlement of this visit would give now; writes nothing. `consent` is the
 * person's (授权): the settlement token of their verified code for this app and institution, or an
 * order they confirmed. The institution and its level in `input` are the caller's to have taken
 * from the app's binding and the registry.
 */
export const preSettle = (ctx: AppContext, caller: { appId: string }, input: service.SettlementInput, consent: service.Consent) => service.preSettle(ctx, caller, input, consent);

/**
 * 结算 settles a visit for a channel app (the institution's system) on the person's consent, once
 * per consent (`settlement.consent_used` otherwise): the settlement, and whether it is a replay of
 * the key's first answer.
 */
export const settleVisit = (
  ctx: AppContext,
  caller: { appId: string },
  input: service.SettlementInput & { settlementReference: string },
  consent: service.Consent,
  idempotencyKey?: string,
) => service.settleVisit(ctx, caller, input, consent, idempotencyKey);

/**
 * 批量结算 for a group commit of confirmations: `prepareConsented` checks the consent and does the
 * reads of one visit (a refusal is thrown there); `settleMany` settles prepared visits in the
 * caller's transaction with a fixed number of statements, each visit as if settled alone in order.
 */
export { prepareConsented, settleMany, type ManySettled } from './settle-many.js';
export type { ConsentedVisit } from './service.js';

/** 冲正 reverses a settlement the channel app made, once: the settlement reversed, and whether it is a replay. */
export const reverseSettlement = (ctx: AppContext, caller: { appId: string }, id: string, idempotencyKey?: string) => service.reverseSettlement(ctx, caller, id, idempotencyKey);

/** 开票依据 the institution's settlement an e-bill cites, by platform id (`stl_…`) or the institution's reference; null when it has none by that name. */
export { settlementForBill, type BillableSettlement } from './billing.js';

/** 订单结算 the settlement made on a payment order's consent, or null (one per order, whichever path made it). */
export { settlementOfOrder } from './billing.js';

/** The center's event topics: `settlement.events.SETTLED`, `settlement.events.REVERSED`. */
export * as events from './events.js';

/** Settlements and the fund's part by Beijing day of a month, in a scope (the analysis center's charts). */
export { settlementsByDay } from './figures.js';
