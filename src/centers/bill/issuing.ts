/**
 * 开票 issuing a bill (numbers from the finance bureau, 校验码, SM2 signature) and 冲红 voiding it
 * with a red-letter bill.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { isAdapterError } from '../../adapters/index.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import type { AppContext } from '../../kernel/context.js';
import { DomainError, badRequest, conflict, forbidden, notFound, unprocessable } from '../../kernel/errors/index.js';
import { maskMiddle, maskName, sm2Sign, sm3Hex } from '../../kernel/crypto/index.js';
import { newId } from '../../kernel/ids/index.js';
import { idempotent, requestHash } from '../../kernel/idempotency/index.js';
import * as payment from '../payment/index.js';
import * as registry from '../registry/index.js';
import * as settlement from '../settlement/index.js';
import type { BillView, IssueInput, VoidView } from './contract.js';
import type { BillDeps, BillSigner } from './deps.js';
import { amountProblem, beijingDate, canonicalBillText, figureMismatch, newCheckCode, redLetterSplit, type BillKind, type Figures } from './rules.js';
import { bills, type BillRow } from './schema.js';
import { BILL_ISSUED } from './events.js';
import { signedFieldsOf, viewOf, views } from './views.js';


/** A new bill's identity: the bureau's code and number, a fresh check code, the moment of issue and its Beijing date. */
const numbered = <K extends BillKind>(kind: K, allocation: { billCode: string; billNumber: string }, issuedAt: Date) => ({
  id: newId('bil'),
  kind,
  billCode: allocation.billCode,
  billNumber: allocation.billNumber,
  checkCode: newCheckCode(),
  issuedAt,
  issueDate: beijingDate(issuedAt),
});

/** The platform's SM2 signature over the bill's printed fields (canonicalBillText). */
const sign = (signer: BillSigner, ...fields: Parameters<typeof signedFieldsOf>) =>
  sm2Sign(canonicalBillText(signedFieldsOf(...fields)), signer.privateKey, { publicKey: signer.publicKey });

/** 医保编号 printed with its first 4 and last 4 characters. */
const maskInsuranceId = (id: string) => maskMiddle(id, 4, 4);

/** A name as given by the institution: the full name on file, or its masked form. */
function payerNameMatches(given: string, onFile: string): boolean {
  return given === onFile || given === maskName(onFile);
}

function financeFailure(error: unknown): never {
  if (isAdapterError(error)) {
    throw new DomainError(error.code === 'timeout' ? 'bill.finance_timeout' : 'bill.finance_unavailable', error.code === 'timeout' ? 'upstream_timeout' : 'upstream_failed', { reason: error.code });
  }
  throw error;
}

/** The channel app issuing: the institution's system, bound to the institution (绑定机构) it acts for. */
export interface Issuer {
  appId: string;
  institutionCode: string | null;
}

/**
 * A bill of the settlement issued before, as this request's answer: the same request (issuer,
 * reference, body) again gets it; the same issuer and reference with other content is a conflict, and
 * so is any other request for it (another app, the settlement under another of its names).
 */
function asAnswerTo(row: BillRow, appId: string, input: IssueInput, hash: string): BillRow {
  if (row.issuerAppId === appId && row.settlementRef === input.settlementRef) {
    if (row.requestHash !== hash) throw conflict('bill.settlement_conflict', { settlementRef: input.settlementRef }, 'settlementRef');
    return row;
  }
  throw conflict('bill.settlement_billed', { settlementRef: input.settlementRef }, 'settlementRef');
}

/** The issuer's bill under this reference, if any: answered again before anything is looked up, even should its settlement since be reversed. */
async function earlierBill(db: Db, appId: string, input: IssueInput, hash: string): Promise<BillRow | null> {
  const [row] = await db.select().from(bills).where(and(eq(bills.issuerAppId, appId), eq(bills.settlementRef, input.settlementRef), eq(bills.kind, 'normal')));
  return row ? asAnswerTo(row, appId, input, hash) : null;
}

async function billOfSettlement(db: Db, settlementId: string): Promise<BillRow | null> {
  const [row] = await db.select().from(bills).where(and(eq(bills.settlementId, settlementId), eq(bills.kind, 'normal')));
  return row ?? null;
}

/** 开票依据 what a bill is checked against: whose it is, what was settled, and the platform id that allows one bill per settlement. */
interface Billable {
  /** the platform settlement (`stl_…`), or the cash order (`pay_…`) that has none */
  id: string;
  personId: string;
  figures: Figures;
}

/**
 * The settlement or paid order `settlementRef` names, among the institution's own (another
 * institution's reads as unknown): a platform settlement (`stl_…`) or the institution's settlement
 * reference, or a payment order (`pay_…`), which stands for its settlement (HI, ALL) or is itself
 * what was paid (CASH, all in cash). A settlement made for an order is billable once that order is paid.
 */
async function billableOf(ctx: AppContext, institutionCode: string, input: IssueInput): Promise<Billable> {
  const ref = input.settlementRef;
  let order = ref.startsWith('pay_') ? await payment.orderForBill(ctx, institutionCode, ref) : null;
  let settled: settlement.BillableSettlement | null = null;
  if (order) {
    if (order.settlementId) settled = await settlement.settlementForBill(ctx, institutionCode, order.settlementId);
  } else {
    settled = await settlement.settlementForBill(ctx, institutionCode, ref);
    if (settled?.orderId) order = await payment.orderForBill(ctx, institutionCode, settled.orderId);
  }
  if (!settled && !order) throw unprocessable('bill.settlement_not_found', {}, 'settlementRef');
  const reversed = () => conflict('bill.settlement_reversed', { settlementRef: ref }, 'settlementRef');
  if (settled?.status === 'reversed') throw reversed();
  if (order) {
    if (order.status === 'refunded' || order.refundedFen > 0) throw reversed();
    if (order.status !== 'paid') throw conflict('bill.order_not_paid', { settlementRef: ref, status: order.status }, 'settlementRef');
  }
  if (settled) {
    const r = settled.result;
    return { id: settled.id, personId: settled.personId, figures: { totalFen: r.medfee_sumamt, fundPayFen: r.fund_pay_sumamt, accountPayFen: r.acct_pay, cashPayFen: r.psn_cash_pay } };
  }
  // Paid without a settlement: a CASH order, whose all-cash split is the whole of what was paid.
  if (!order || order.settlementType !== 'CASH') throw new Error(`order ${order?.id} is paid without its settlement`);
  return { id: order.id, personId: order.personId, figures: { totalFen: order.totalFen, fundPayFen: order.fundFen, accountPayFen: order.accountFen, cashPayFen: order.cashFen } };
}

/**
 * 开票 issues the bill of a settlement, for the institution the channel app is bound to. The bill
 * is checked against the settlement or paid order it cites: the institution's own, not reversed nor
 * refunded, the same person, the same figures to the fen, and not billed before by any app (the
 * unique `bills_settlement_id` holds that under concurrency). The name printed is the registry's.
 *
 * Idempotent on the Idempotency-Key (the kernel's: a replay answers the first bill, another request
 * with the key is a conflict) and on the request: the same request again answers the first bill, a
 * different one for a billed settlement is a conflict. `replayed` when the answer is a bill issued
 * before. The bureau call carries a request id derived from the settlement, so a retry after a
 * failure, or a concurrent request for the same settlement, gets the number the bureau already gave.
 */
export async function issueBill(deps: BillDeps, issuer: Issuer, input: IssueInput, idempotencyKey?: string): Promise<{ bill: BillView; replayed: boolean }> {
  const { ctx, finance, signer } = deps;
  const institutionCode = issuer.institutionCode;
  if (!institutionCode) throw forbidden('bill.channel_not_bound');
  if (input.institution.code !== institutionCode) throw new DomainError('bill.institution_not_bound', 'forbidden', { code: input.institution.code }, 'institution.code');
  const hash = requestHash(input);
  const { result: body, replayed } = await idempotent(
    ctx.database,
    { scope: `channel:${issuer.appId}:bill.issue`, key: idempotencyKey, request: input },
    // Reads of other parties happen before the transaction (PGlite has a single connection).
    async () => {
      const earlier = await earlierBill(ctx.database.db, issuer.appId, input, hash);
      if (earlier) return { earlier };
      const billable = await billableOf(ctx, institutionCode, input);
      if (input.payer.personId !== billable.personId) throw unprocessable('bill.payer_not_settled', {}, 'payer.personId');
      const differing = figureMismatch(input, billable.figures);
      if (differing) throw unprocessable('bill.amount_mismatch', { field: differing, settledFen: billable.figures[differing] }, differing);
      const problem = amountProblem(input);
      if (problem) throw badRequest(problem.code, problem.field);
      const billed = await billOfSettlement(ctx.database.db, billable.id);
      if (billed) return { earlier: asAnswerTo(billed, issuer.appId, input, hash) };
      const person = await registry.getPerson(ctx, input.payer.personId);
      if (!person) throw badRequest('bill.payer_not_found', 'payer.personId');
      if (!payerNameMatches(input.payer.name, person.name)) throw badRequest('bill.payer_name_mismatch', 'payer.name');
      const institution = await registry.institutionOf(ctx, institutionCode);
      if (!institution) throw new DomainError('registry.institution_unknown', 'unprocessable', { code: institutionCode }, 'institution.code');
      const issuedAt = new Date();
      const issueDate = beijingDate(issuedAt);
      const allocation = await finance
        .allocate({ requestId: sm3Hex(`issue\n${billable.id}`), institutionCode, totalFen: input.totalFen, issueDate })
        .catch(financeFailure);
      const row = {
        ...numbered('normal', allocation, issuedAt),
        issuerAppId: issuer.appId,
        institutionCode,
        institutionName: institution.name,
        personId: person.id,
        payerName: maskName(person.name),
        insuranceIdEnc: ctx.fields.encrypt(input.insuranceId),
        insuranceIdMasked: maskInsuranceId(input.insuranceId),
        visitType: input.visitType,
        settlementRef: input.settlementRef,
        settlementId: billable.id,
        items: input.items.map((i) => ({ name: i.name, amountFen: i.amountFen })),
        totalFen: input.totalFen,
        fundPayFen: input.fundPayFen,
        accountPayFen: input.accountPayFen,
        cashPayFen: input.cashPayFen,
        requestHash: hash,
      };
      return { row: { ...row, signature: sign(signer, row, null) }, regionCode: person.regionCode };
    },
    async (tx, prepared) => {
      if (prepared.earlier) return { bill: await viewOf(tx, prepared.earlier), earlier: true };
      const [inserted] = await tx.insert(bills).values(prepared.row).onConflictDoNothing().returning();
      if (inserted) {
        // Only a bill this request inserted is news: the replays below answer one announced before.
        await ctx.outbox.publish(tx, BILL_ISSUED, {
          billId: inserted.id,
          personId: inserted.personId,
          institutionCode: inserted.institutionCode,
          billNumber: inserted.billNumber,
          totalFen: inserted.totalFen,
          regionCode: prepared.regionCode,
        });
        return { bill: await viewOf(tx, inserted), earlier: false };
      }
      // A concurrent request for the same settlement (so the same bureau number) committed first:
      // this very request again gets its bill, any other is refused.
      const first = await billOfSettlement(tx, prepared.row.settlementId);
      if (!first) throw new Error(`bill ${prepared.row.billCode}-${prepared.row.billNumber} of settlement ${prepared.row.settlementId}: the number is taken by another bill`);
      return { bill: await viewOf(tx, asAnswerTo(first, issuer.appId, input, hash)), earlier: true };
    },
  );
  return { bill: body.bill, replayed: replayed || body.earlier };
}

/**
 * 冲红 voids a bill of this issuer: the bureau records it and numbers the red-letter bill, which
 * carries the original's amounts negated. The row lock makes a second, concurrent void wait and then
 * find the bill voided (a conflict); the bureau request id is fixed per bill, so a retry after a
 * crash between the bureau call and the commit gets the same red-letter number.
 */
export async function voidBill(deps: BillDeps, issuer: Pick<Issuer, 'appId'>, billId: string, reason: string): Promise<VoidView> {
  const { ctx, finance, signer } = deps;
  const { redId, originalId } = await transaction(ctx.database.db, async (tx) => {
    const [original] = await tx.select().from(bills).where(and(eq(bills.id, billId), eq(bills.issuerAppId, issuer.appId))).for('update');
    if (!original) throw notFound('bill.not_found');
    if (original.kind === 'red') throw conflict('bill.red_not_voidable');
    if (original.status === 'voided') throw conflict('bill.already_voided');
    if (original.usedAt) throw conflict('bill.used_not_voidable');

    const issuedAt = new Date();
    const issueDate = beijingDate(issuedAt);
    const split = redLetterSplit(original);
    const allocation = await finance
      .voidBill({ requestId: sm3Hex(`void\n${original.id}`), billCode: original.billCode, billNumber: original.billNumber, totalFen: split.totalFen, issueDate })
      .catch(financeFailure);
    const red = {
      ...numbered('red', allocation, issuedAt),
      issuerAppId: original.issuerAppId,
      institutionCode: original.institutionCode,
      institutionName: original.institutionName,
      personId: original.personId,
      payerName: original.payerName,
      insuranceIdEnc: original.insuranceIdEnc,
      insuranceIdMasked: original.insuranceIdMasked,
      visitType: original.visitType,
      settlementRef: original.settlementRef,
      settlementId: original.settlementId,
      ...split,
      originalBillId: original.id,
      voidReason: reason,
    };
    await tx.insert(bills).values({ ...red, signature: sign(signer, red, { billCode: original.billCode, billNumber: original.billNumber }) });
    await tx.update(bills).set({ status: 'voided', voidedAt: issuedAt, voidReason: reason, redBillId: red.id }).where(eq(bills.id, original.id));
    return { redId: red.id, originalId: original.id };
  });
  const rows = await ctx.database.db.select().from(bills).where(inArray(bills.id, [originalId, redId]));
  const [original, red] = await views(ctx.database.db, [rows.find((r) => r.id === originalId)!, rows.find((r) => r.id === redId)!]);
  return { original, red };
}
