/**
 * 结算中心 settlement center: public API. For now the pure calculator; pre-settlement, settlement and
 * reversal over HTTP come with the payment path (they need the policy center's settlement parameters).
 */
export { parametersFor, settle, SettlementInputError } from './calculator.js';
export type { Explanation, FeeLine, ItemClass, SettlementParameters, SettlementResult, SettlementRuleRow, Visit, VisitKind, YearToDate } from './calculator.js';
