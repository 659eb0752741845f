/**
 * 财政票据赋码 finance-bureau bill numbering: the bureau hands out 票据代码 (8 digits) and 票据号码
 * (10 digits, sequential per code) for each medical e-bill and records it; voiding (冲红) is
 * recorded there too and answered with the red-letter bill's own code and number.
 *
 * Both calls carry a `requestId` the bureau is idempotent on: a retry after a timeout or a crash
 * gets the number it was already given instead of burning a new one (gaps in the sequence are
 * audit findings at the bureau).
 */
import { Type, type Static } from '@sinclair/typebox';
import { callSigned, type PartyConfig } from '../http.js';

export type FinanceClientConfig = PartyConfig;

const Allocation = Type.Object({
  billCode: Type.String({ pattern: '^\\d{8}$' }),
  billNumber: Type.String({ pattern: '^\\d{10}$' }),
});
export type BillAllocation = Static<typeof Allocation>;

export interface BillAllocationRequest {
  /** the same id on a retry gets the same number */
  requestId: string;
  /** 开票单位 institution code, `H` + region + 5 digits */
  institutionCode: string;
  totalFen: number;
  /** YYYY-MM-DD, Beijing time */
  issueDate: string;
}

export interface VoidRequest {
  requestId: string;
  billCode: string;
  billNumber: string;
  /** the red-letter bill's total (negative) */
  totalFen: number;
  issueDate: string;
}

export interface FinanceClient {
  allocate(input: BillAllocationRequest): Promise<BillAllocation>;
  /** Records the original as voided and returns the red-letter bill's code and number. */
  voidBill(input: VoidRequest): Promise<BillAllocation>;
}

export function createFinanceClient(config: FinanceClientConfig): FinanceClient {
  return {
    allocate: (input) =>
      callSigned({ party: 'finance', config, method: 'POST', path: '/v1/bills/allocate', body: input, responseSchema: Allocation }),
    voidBill: (input) =>
      callSigned({ party: 'finance', config, method: 'POST', path: '/v1/bills/void', body: input, responseSchema: Allocation }),
  };
}
