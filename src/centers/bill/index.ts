/**
 * 电子票据中心 e-bill center: medical e-bills (医疗收费电子票据) issued by institutions after
 * settlement, numbered by the finance bureau, signed with the platform's SM2 key, downloadable by
 * the person, readable by channels, verifiable by anyone, voided with a red-letter bill (冲红).
 * Bills are issued only over HTTP, by the channel app bound to the institution (POST
 * /bill/channel/bills), each checked against the settlement or paid order it cites: one bill per
 * settlement, its figures to the fen.
 */
import type { AppContext } from '../../kernel/context.js';
import type { VerifyInput } from './contract.js';
import * as verification from './verification.js';
// The center's error messages, for the errors its functions throw to other centers' callers.
import './messages.js';

export { BILL_CAPABILITIES } from './capabilities.js';
export { VISIT_TYPES, VERDICTS, beijingDate, canonicalBillText, type VisitType, type Verdict, type SignedFields } from './rules.js';
export type { BillView, IssueInput, PublicBillView as PublicBill, VerificationView, VerifyInput } from './contract.js';
export { billPdfBuffer, verifyLink } from './pdf.js';

/** The center's event topics: `bill.events.BILL_ISSUED` (开票, a normal bill issued once). */
export * as events from './events.js';

/** The verification verdict and public fields of a bill. */
export const verifyBill = (ctx: AppContext, input: VerifyInput) => verification.verifyBill(ctx, input);
