/**
 * 电子票据中心 e-bill service: issuing (numbers from the finance bureau, 校验码, SM2 signature),
 * voiding with a red-letter bill, the person's and the channels' reads, marking a bill used for
 * reimbursement, and the public verification.
 */
import { and, count, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/index.js';
import { DomainError, badRequest, conflict, notFound } from '../../kernel/errors/index.js';
import { maskMiddle, maskName, sm2Sign, sm3Hex } from '../../kernel/crypto/index.js';
import { newId } from '../../kernel/ids/index.js';
import { isAdapterError, type FinanceClient } from '../../adapters/index.js';
import * as registry from '../registry/index.js';
import * as personal from '../personal/index.js';
import * as voucher from '../voucher/index.js';
import { bills, type BillRow } from './schema.js';
import {
  amountProblem,
  beijingDate,
  canonicalBillText,
  newCheckCode,
  redLetterSplit,
  verdictOf,
  type BillItem,
  type SignedFields,
  type Verdict,
  type VisitType,
} from './rules.js';

/** The platform's bill-signing key pair (SM2). */
export interface BillSigner {
  publicKey: string;
  privateKey: string;
}

export interface BillDeps {
  ctx: AppContext;
  finance: FinanceClient;
  signer: BillSigner;
}

/** 开票信息 what the institution submits after settlement. */
export interface IssueInput {
  payer: { personId: string; name: string };
  institution: { code: string; name: string };
  visitType: VisitType;
  insuranceId: string;
  settlementRef: string;
  items: BillItem[];
  totalFen: number;
  fundPayFen: number;
  accountPayFen: number;
  cashPayFen: number;
}

type BillRef = { id: string; billCode: string; billNumber: string };

/** The whole bill, for the person it is for and the channels allowed to read it. */
export interface BillView {
  id: string;
  kind: BillRow['kind'];
  billCode: string;
  billNumber: string;
  checkCode: string;
  issuedAt: string;
  issueDate: string;
  institution: { code: string; name: string };
  personId: string;
  payerName: string;
  insuranceId: string;
  visitType: VisitType;
  settlementRef: string;
  items: BillItem[];
  totalFen: number;
  fundPayFen: number;
  accountPayFen: number;
  cashPayFen: number;
  status: BillRow['status'];
  voidedAt: string | null;
  usedAt: string | null;
  redBill: BillRef | null;
  originalBill: BillRef | null;
  signature: string;
  /** the exact text the signature covers (canonicalBillText) */
  signedText: string;
}

/** What anyone holding the bill may learn by verifying it: its printed fields and its state, nothing about the person beyond the masked name. */
export interface PublicBill {
  kind: BillRow['kind'];
  billCode: string;
  billNumber: string;
  issueDate: string;
  institution: { code: string; name: string };
  payerName: string;
  visitType: VisitType;
  totalFen: number;
  fundPayFen: number;
  accountPayFen: number;
  cashPayFen: number;
  status: BillRow['status'];
  voidedAt: string | null;
  usedAt: string | null;
  redBill: { billCode: string; billNumber: string } | null;
  originalBill: { billCode: string; billNumber: string } | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function signedFieldsOf(row: Pick<BillRow, 'kind' | 'billCode' | 'billNumber' | 'checkCode' | 'issuedAt' | 'institutionCode' | 'institutionName' | 'payerName' | 'insuranceIdMasked' | 'visitType' | 'items' | 'totalFen' | 'fundPayFen' | 'accountPayFen' | 'cashPayFen'>, original: { billCode: string; billNumber: string } | null): SignedFields {
  return {
    kind: row.kind,
    billCode: row.billCode,
    billNumber: row.billNumber,
    checkCode: row.checkCode,
    issuedAt: row.issuedAt.toISOString(),
    institutionCode: row.institutionCode,
    institutionName: row.institutionName,
    payerName: row.payerName,
    insuranceId: row.insuranceIdMasked,
    visitType: row.visitType,
    items: row.items,
    totalFen: row.totalFen,
    fundPayFen: row.fundPayFen,
    accountPayFen: row.accountPayFen,
    cashPayFen: row.cashPayFen,
    original,
  };
}

/** Related bills (the red-letter bill of an original, the original of a red-letter bill) by id. */
async function relatedOf(db: Db, rows: BillRow[]): Promise<Map<string, BillRef>> {
  const ids = [...new Set(rows.flatMap((r) => [r.redBillId, r.originalBillId]).filter((id): id is string => id !== null))];
  if (!ids.length) return new Map();
  const related = await db.select({ id: bills.id, billCode: bills.billCode, billNumber: bills.billNumber }).from(bills).where(inArray(bills.id, ids));
  return new Map(related.map((r) => [r.id, r]));
}

function toView(row: BillRow, related: Map<string, BillRef>): BillView {
  const original = row.originalBillId ? (related.get(row.originalBillId) ?? null) : null;
  return {
    id: row.id,
    kind: row.kind,
    billCode: row.billCode,
    billNumber: row.billNumber,
    checkCode: row.checkCode,
    issuedAt: row.issuedAt.toISOString(),
    issueDate: row.issueDate,
    institution: { code: row.institutionCode, name: row.institutionName },
    personId: row.personId,
    payerName: row.payerName,
    insuranceId: row.insuranceIdMasked,
    visitType: row.visitType,
    settlementRef: row.settlementRef,
    items: row.items,
    totalFen: row.totalFen,
    fundPayFen: row.fundPayFen,
    accountPayFen: row.accountPayFen,
    cashPayFen: row.cashPayFen,
    status: row.status,
    voidedAt: iso(row.voidedAt),
    usedAt: iso(row.usedAt),
    redBill: row.redBillId ? (related.get(row.redBillId) ?? null) : null,
    originalBill: original,
    signature: row.signature,
    signedText: canonicalBillText(signedFieldsOf(row, original)),
  };
}

async function views(db: Db, rows: BillRow[]): Promise<BillView[]> {
  const related = await relatedOf(db, rows);
  return rows.map((r) => toView(r, related));
}

const viewOf = async (db: Db, row: BillRow) => (await views(db, [row]))[0];

function publicOf(row: BillRow, related: Map<string, BillRef>): PublicBill {
  const ref = (id: string | null) => {
    const r = id ? related.get(id) : undefined;
    return r ? { billCode: r.billCode, billNumber: r.billNumber } : null;
  };
  return {
    kind: row.kind,
    billCode: row.billCode,
    billNumber: row.billNumber,
    issueDate: row.issueDate,
    institution: { code: row.institutionCode, name: row.institutionName },
    payerName: row.payerName,
    visitType: row.visitType,
    totalFen: row.totalFen,
    fundPayFen: row.fundPayFen,
    accountPayFen: row.accountPayFen,
    cashPayFen: row.cashPayFen,
    status: row.status,
    voidedAt: iso(row.voidedAt),
    usedAt: iso(row.usedAt),
    redBill: ref(row.redBillId),
    originalBill: ref(row.originalBillId),
  };
}

/** Key-order independent JSON, so a replay with the same content but reordered keys is the same request. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

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

function uniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e.code === '23505') return true;
  }
  return false;
}

/**
 * The bill an earlier request of this issuer already produced for the same Idempotency-Key or the
 * same settlement: returned for the same request, refused (409) for a different one.
 */
async function priorIssue(db: Db, appId: string, input: IssueInput, hash: string, idempotencyKey: string | undefined): Promise<BillRow | null> {
  if (idempotencyKey) {
    const [byKey] = await db.select().from(bills).where(and(eq(bills.issuerAppId, appId), eq(bills.idempotencyKey, idempotencyKey)));
    if (byKey) {
      if (byKey.requestHash !== hash) throw new DomainError('request.idempotency_conflict', 'conflict');
      return byKey;
    }
  }
  const [bySettlement] = await db.select().from(bills).where(and(eq(bills.issuerAppId, appId), eq(bills.settlementRef, input.settlementRef), eq(bills.kind, 'normal')));
  if (bySettlement) {
    if (bySettlement.requestHash !== hash) throw conflict('bill.settlement_conflict', { settlementRef: input.settlementRef }, 'settlementRef');
    return bySettlement;
  }
  return null;
}

/**
 * 开票 issues the bill for a settlement. Idempotent on the settlement reference and on the
 * Idempotency-Key: the same request again returns the first bill (`created: false`); a different
 * one is 409. The bureau call carries a request id derived from the settlement, so a retry after a
 * failure gets the number the bureau already gave instead of a new one.
 */
export async function issueBill(deps: BillDeps, issuer: { appId: string }, input: IssueInput, idempotencyKey?: string): Promise<{ created: boolean; bill: BillView }> {
  const { ctx, finance, signer } = deps;
  const db = ctx.database.db;
  const hash = sm3Hex(stableJson(input));
  const prior = await priorIssue(db, issuer.appId, input, hash, idempotencyKey);
  if (prior) return { created: false, bill: await viewOf(db, prior) };

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
    id: newId('bil'),
    kind: 'normal' as const,
    billCode: allocation.billCode,
    billNumber: allocation.billNumber,
    checkCode: newCheckCode(),
    issuedAt,
    issueDate,
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
    idempotencyKey: idempotencyKey ?? null,
  };
  const signature = sm2Sign(canonicalBillText(signedFieldsOf(row, null)), signer.privateKey, { publicKey: signer.publicKey });
  try {
    const [inserted] = await db.insert(bills).values({ ...row, signature }).returning();
    return { created: true, bill: await viewOf(db, inserted) };
  } catch (error) {
    // A concurrent twin got there first: answer as its replay (or refuse it as a different request).
    if (!uniqueViolation(error)) throw error;
    const winner = await priorIssue(db, issuer.appId, input, hash, idempotencyKey);
    if (!winner) throw error;
    return { created: false, bill: await viewOf(db, winner) };
  }
}

/**
 * 冲红 voids a bill of this issuer: the bureau records it and numbers the red-letter bill, which
 * carries the original's amounts negated. The row lock makes a second, concurrent void wait and then
 * find the bill voided (409); the bureau request id is fixed per bill, so a retry after a crash
 * between the bureau call and the commit gets the same red-letter number.
 */
export async function voidBill(deps: BillDeps, issuer: { appId: string }, billId: string, reason: string): Promise<{ original: BillView; red: BillView }> {
  const { ctx, finance, signer } = deps;
  const { redId, originalId } = await ctx.database.db.transaction(async (tx) => {
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
      id: newId('bil'),
      kind: 'red' as const,
      billCode: allocation.billCode,
      billNumber: allocation.billNumber,
      checkCode: newCheckCode(),
      issuedAt,
      issueDate,
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
    const signature = sm2Sign(canonicalBillText(signedFieldsOf(red, { billCode: original.billCode, billNumber: original.billNumber })), signer.privateKey, { publicKey: signer.publicKey });
    await tx.insert(bills).values({ ...red, signature });
    await tx.update(bills).set({ status: 'voided', voidedAt: issuedAt, voidReason: reason, redBillId: red.id }).where(eq(bills.id, original.id));
    return { redId: red.id, originalId: original.id };
  });
  const rows = await ctx.database.db.select().from(bills).where(inArray(bills.id, [originalId, redId]));
  const [original, red] = await views(ctx.database.db, [rows.find((r) => r.id === originalId)!, rows.find((r) => r.id === redId)!]);
  return { original, red };
}

/**
 * 已报销 an institution or insurer marks a normal bill used for reimbursement, once; it must hold
 * the bill (code, number and check code). A voided or red-letter bill cannot be used.
 */
export async function markUsed(ctx: AppContext, channel: { appId: string }, input: { billCode: string; billNumber: string; checkCode: string }): Promise<PublicBill> {
  const db = ctx.database.db;
  const match = and(eq(bills.billCode, input.billCode), eq(bills.billNumber, input.billNumber), eq(bills.checkCode, input.checkCode.toUpperCase()));
  const [updated] = await db
    .update(bills)
    .set({ usedAt: new Date(), usedBy: channel.appId })
    .where(and(match, eq(bills.kind, 'normal'), eq(bills.status, 'issued'), isNull(bills.usedAt)))
    .returning();
  if (updated) return publicOf(updated, await relatedOf(db, [updated]));
  const [row] = await db.select().from(bills).where(match);
  if (!row) throw notFound('bill.not_found');
  if (row.kind === 'red') throw conflict('bill.red_not_usable');
  if (row.status === 'voided') throw conflict('bill.voided_not_usable');
  throw conflict('bill.already_used', { usedAt: iso(row.usedAt) });
}

export interface VerifyInput {
  billCode: string;
  billNumber: string;
  checkCode: string;
  issueDate: string;
  totalFen?: number;
}

/** 查验 anyone's verification: the verdict, and the bill's public fields unless it was not found. */
export async function verifyBill(ctx: AppContext, input: VerifyInput): Promise<{ result: Verdict; bill: PublicBill | null }> {
  const db = ctx.database.db;
  const [row] = await db.select().from(bills).where(and(eq(bills.billCode, input.billCode), eq(bills.billNumber, input.billNumber)));
  const result = verdictOf(row ?? null, input);
  if (result === 'not_found' || !row) return { result: 'not_found', bill: null };
  return { result, bill: publicOf(row, await relatedOf(db, [row])) };
}

export interface PageInput {
  page: number;
  pageSize: number;
}

async function page(db: Db, where: SQL | undefined, input: PageInput) {
  const [{ total }] = await db.select({ total: count() }).from(bills).where(where);
  const rows = await db.select().from(bills).where(where).orderBy(desc(bills.issuedAt), desc(bills.id)).limit(input.pageSize).offset((input.page - 1) * input.pageSize);
  return { items: await views(db, rows), total, page: input.page, pageSize: input.pageSize };
}

/** The registry person id behind a person account, or null. */
export const personOf = async (ctx: AppContext, accountId: string) => (await personal.personOfAccount(ctx, accountId))?.id ?? null;

/** 我的票据 the person's own bills, newest first; an account the registry does not know has none. */
export async function listMine(ctx: AppContext, accountId: string, input: PageInput) {
  const personId = await personOf(ctx, accountId);
  if (!personId) return { items: [], total: 0, page: input.page, pageSize: input.pageSize };
  return page(ctx.database.db, eq(bills.personId, personId), input);
}

/** One of the person's own bills; anyone else's reads as not found. */
export async function getMine(ctx: AppContext, accountId: string, billId: string): Promise<BillView> {
  const personId = await personOf(ctx, accountId);
  const [row] = personId ? await ctx.database.db.select().from(bills).where(and(eq(bills.id, billId), eq(bills.personId, personId))) : [];
  if (!row) throw notFound('bill.not_found');
  return viewOf(ctx.database.db, row);
}

/** Whether the person authorized the channel in the e-voucher center (渠道授权), not revoked. */
export const channelAuthorizedFor = (ctx: AppContext, appId: string, personId: string) => voucher.isChannelAuthorized(ctx, appId, personId);

/** A person's bills as a channel sees them: all of them when the person authorized the channel, else those it issued. */
export async function listForChannel(ctx: AppContext, channel: { appId: string }, personId: string, input: PageInput) {
  const all = await channelAuthorizedFor(ctx, channel.appId, personId);
  return page(ctx.database.db, all ? eq(bills.personId, personId) : and(eq(bills.personId, personId), eq(bills.issuerAppId, channel.appId)), input);
}

export async function getForChannel(ctx: AppContext, channel: { appId: string }, billId: string): Promise<BillView> {
  const [row] = await ctx.database.db.select().from(bills).where(eq(bills.id, billId));
  if (!row || (row.issuerAppId !== channel.appId && !(await channelAuthorizedFor(ctx, channel.appId, row.personId)))) throw notFound('bill.not_found');
  return viewOf(ctx.database.db, row);
}
