/**
 * 电子票据中心 e-bill center: medical e-bills (医疗收费电子票据) issued by institutions after
 * settlement, numbered by the finance bureau, signed with the platform's SM2 key, downloadable by
 * the person, readable by channels, verifiable by anyone, voided with a red-letter bill (冲红).
 */
import type { AppContext } from '../../kernel/context.js';
import type { IssueInput, VerifyInput } from './contract.js';
import { billDeps } from './deps.js';
import * as issuing from './issuing.js';
import * as verification from './verification.js';
// The center's error messages, for the errors its functions throw to other centers' callers.
import './messages.js';

export { BILL_CAPABILITIES } from './capabilities.js';
export { VISIT_TYPES, VERDICTS, beijingDate, canonicalBillText, type VisitType, type Verdict, type SignedFields } from './rules.js';
export type { BillView, IssueInput, PublicBillView as PublicBill, VerificationView, VerifyInput } from './contract.js';
export { billPdfBuffer, verifyLink } from './pdf.js';

/** Issues a bill on behalf of a channel app (the payment center after a settlement, demo data): the bill, and whether it was issued before. */
export const issueBill = (ctx: AppContext, issuer: { appId: string }, input: IssueInput, idempotencyKey?: string) => issuing.issueBill(billDeps(ctx), issuer, input, idempotencyKey);

/** The verification verdict and public fields of a bill. */
export const verifyBill = (ctx: AppContext, input: VerifyInput) => verification.verifyBill(ctx, input);
