/** The settlement center's events: a settlement made and a settlement reversed (冲正). */
import { Type } from '@sinclair/typebox';
import { Literals } from '../../kernel/http/schemas.js';
import { defineTopic } from '../../kernel/outbox/index.js';
import { SETTLEMENT_STATUSES } from './contract.js';

/** The facts of a settlement every event carries (fen); no personal data beyond the registry id. */
const settlement = Type.Object({
  settlementId: Type.String(),
  personId: Type.String(),
  insuranceType: Type.String(),
  institutionCode: Type.String(),
  /** 结算流水号 the institution's reference */
  settlementReference: Type.String(),
  totalFen: Type.Integer(),
  fundFen: Type.Integer(),
  accountFen: Type.Integer(),
  cashFen: Type.Integer(),
  status: Literals(SETTLEMENT_STATUSES),
});

/** 结算 a visit settled: funds, account and cash as recorded */
export const SETTLED = defineTopic('settlement.settled', settlement);
/** 冲正 a settlement reversed: its accumulations and account payment given back */
export const REVERSED = defineTopic('settlement.reversed', settlement);
