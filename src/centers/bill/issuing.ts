/**
 * 开票 issuing a bill (numbers from the finance bureau, 校验码, SM2 signature) and 冲红 voiding it
 * with a red-letter bill.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { isAdapterError } from '../../adapters/index.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import { DomainError, badRequest, conflict, notFound } from '../../kernel/errors/index.js';
import { maskMiddle, maskName, sm2Sign, sm3Hex } from '../../kernel/crypto/index.js';
import { newId } from '../../kernel/ids/index.js';
import { idempotent, requestHash } from '../../kernel/idempotency/index.js';
import * as registry from '../registry/index.js';
import type { BillView, IssueInput, VoidView } from './contract.js';
import type { BillDeps, BillSigner } from './deps.js';
import { amountProblem, beijingDate, canonicalBillText, newCheckCode, redLetterSplit, type BillKind } from './rules.js';
import { bills, type BillRow } from './schema.js';
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

/**
 * The bill this issuer already issued for the settlement: the same request answers with it, a
 * different one (same settlement, other content) is a conflict naming `settlementRef`.
 */
async function billOfSettlement(db: Db, appId: string, input: IssueInput, hash: string): Promise<BillRow | null> {
  const [row] = await db.select().from(bills).where(and(eq(bills.issuerAppId, appId), eq(bills.settlementRef, input.settlementRef), eq(bills.kind, 'normal')));
  if (!row) return null;
  if (row.requestHash !== hash) throw conflict('bill.settlement_conflict', { settlementRef: input.settlementRef }, 'settlementRef');
  return row;
}

/**
 * 开票 issues the bill for a settlement. Idempotent on the Idempotency-Key (the kernel's: a replay
 * answers the first bill, another request with the key is a conflict) and on the settlement
 * reference: the same request again answers the first bill, a different one is a conflict.
 * `replayed` when the answer is a bill issued before. The bureau call carries a request id derived
 * from the settlement, so a retry after a failure gets the number the bureau already gave.
 */
export async function issueBill(deps: BillDeps, issuer: { appId: string }, input: IssueInput, idempotencyKey?: string): Promise<{ bill: BillView; replayed: boolean }> {
  const { ctx, finance, signer } = deps;
  const hash = requestHash(input);
  const { result: body, replayed } = await idempotent(
    ctx.database,
    { scope: `channel:${issuer.appId}:bill.issue`, key: idempotencyKey, request: input },
    // Reads of other parties happen before the transaction (PGlite has a single connection).
    async () => {
      const earlier = await billOfSettlement(ctx.database.db, issuer.appId, input, hash);
      if (earlier) return { earlier };
      const problem = amountProblem(input);
      if (problem) throw badRequest(problem.code, problem.field);
      const person = await registry.getPerson(ctx, input.payer.personId);
      if (!person) throw badRequest('bill.payer_not_found', 'payer.personId');
      if (!payerNameMatches(input.payer.name, person.name)) throw badRequest('bill.payer_name_mismatch', 'payer.name');
      const issuedAt = new Date();
      const issueDate = beijingDate(issuedAt);
      const allocation = await finance
        .allocate({ requestId: sm3Hex(`issue\n${issuer.appId}\n${input.settlementRef}`), institutionCode: input.institution.code, totalFen: input.totalFen, issueDate })
        .catch(financeFailure);
      const row = {
        ...numbered('normal', allocation, issuedAt),
        issuerAppId: issuer.appId,
        institutionCode: input.institution.code,
        institutionName: input.institution.name,
        personId: person.id,
        payerName: maskName(person.name),
        insuranceIdEnc: ctx.fields.encrypt(input.insuranceId),
        insuranceIdMasked: maskInsuranceId(input.insuranceId),
        visitType: input.visitType,
        settlementRef: input.settlementRef,
        items: input.items.map((i) => ({ name: i.name, amountFen: i.amountFen })),
        totalFen: input.totalFen,
        fundPayFen: input.fundPayFen,
        accountPayFen: input.accountPayFen,
        cashPayFen: input.cashPayFen,
        requestHash: hash,
      };
      return { row: { ...row, signature: sign(signer, row, null) } };
    },
    async (tx, prepared) => {
      if (prepared.earlier) return { bill: await viewOf(tx, prepared.earlier), earlier: true };
      const [inserted] = await tx.insert(bills).values(prepared.row).onConflictDoNothing().returning();
      if (inserted) return { bill: await viewOf(tx, inserted), earlier: false };
      // A concurrent twin (the same settlement, so the same bureau number) committed first: answer with its bill.
      const twin = await billOfSettlement(tx, issuer.appId, input, hash);
      if (!twin) throw new Error(`bill ${prepared.row.billCode}-${prepared.row.billNumber} of settlement ${input.settlementRef}: the number is taken by another bill`);
      return { bill: await viewOf(tx, twin), earlier: true };
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
export async function voidBill(deps: BillDeps, issuer: { appId: string }, billId: string, reason: string): Promise<VoidView> {
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
