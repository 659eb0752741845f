/**
 * 结算中心 settlement center: public API. The pure calculator (visit + fee lines + year-to-date +
 * policy → the national settlement fields, each with its rule) and, over HTTP for institutions
 * (signed channel requests with the `settlement.settle` capability), pre-settlement, settlement and
 * reversal; the person reads their own settlements. Events (`settlement.events`), published in the
 * writing transaction:
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
export type { Explanation, FeeLine, ItemClass, SettlementParameters, SettlementResult, SettlementRuleRow, Visit, VisitKind, YearToDate } from './calculator.js';
/** The visit and fee lines as an institution sends them: for request bodies that carry a visit to settle (payment orders). */
export { FeeLineInput, FeeLines, FeeLineView, InstitutionCode, InsuranceTypeCode, VisitInput } from './contract.js';
export type { PreSettlementView, SettlementView } from './contract.js';
export type { SettlementInput, SettlementOutcome } from './service.js';

/** 预结算 the figures a settlement of this visit would give now; writes nothing. */
export const preSettle = (ctx: AppContext, input: service.SettlementInput) => service.preSettle(ctx, input);

/** 结算 settles a visit for a channel app (the institution's system): the settlement, and whether it is a replay of the key's first answer. */
export const settleVisit = (ctx: AppContext, caller: { appId: string }, input: service.SettlementInput & { settlementReference: string }, idempotencyKey?: string) =>
  service.settleVisit(ctx, caller, input, idempotencyKey);

/** 冲正 reverses a settlement the channel app made, once: the settlement reversed, and whether it is a replay. */
export const reverseSettlement = (ctx: AppContext, caller: { appId: string }, id: string, idempotencyKey?: string) => service.reverseSettlement(ctx, caller, id, idempotencyKey);

/** The center's event topics: `settlement.events.SETTLED`, `settlement.events.REVERSED`. */
export * as events from './events.js';
