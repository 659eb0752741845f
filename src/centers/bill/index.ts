/**
 * 电子票据中心 e-bill center: medical e-bills (医疗收费电子票据) issued by institutions after
 * settlement, numbered by the finance bureau, signed with the platform's SM2 key, downloadable by
 * the person, readable by channels, verifiable by anyone, voided with a red-letter bill (冲红).
 */
import type { AppContext } from '../../kernel/context.js';
import * as service from './service.js';
import { billDeps } from './routes.js';

export { BILL_CAPABILITIES } from './routes.js';
export { VISIT_TYPES, VERDICTS, beijingDate, canonicalBillText, type VisitType, type Verdict, type SignedFields } from './rules.js';
export type { BillView, IssueInput, PublicBill, VerifyInput } from './service.js';
export { billPdfBuffer, verifyLink } from './pdf.js';

/** Issues a bill on behalf of a channel app (the payment center after a settlement, demo data). */
export const issueBill = (ctx: AppContext, issuer: { appId: string }, input: service.IssueInput, idempotencyKey?: string) =>
  service.issueBill(billDeps(ctx), issuer, input, idempotencyKey);

/** The verification verdict and public fields of a bill. */
export const verifyBill = (ctx: AppContext, input: service.VerifyInput) => service.verifyBill(ctx, input);
