import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../kernel/context.js';
import { SM2_DEFAULT_USER_ID, sm2PublicKeyToPem } from '../../kernel/crypto/index.js';
import type { App } from '../../kernel/http/app.js';
import { requireActor, requireChannel, type AuthRequirement } from '../../kernel/http/auth.js';
import { rateLimit } from '../../kernel/http/rate-limit.js';
import { Body, Id, PageQuery } from '../../kernel/http/schemas.js';
import { IdempotencyHeaders } from '../../kernel/idempotency/index.js';
import { BILL_CAPABILITIES } from './capabilities.js';
import { BillCode, BillNumber, BillPage, BillPdf, BillView, CheckCode, IssueInput, PublicBillView, PublicKeyView, VerificationView, VerifyQuery, VoidView } from './contract.js';
import { billDeps } from './deps.js';
import { issueBill, voidBill } from './issuing.js';
import { billPdfBuffer } from './pdf.js';
import { getForChannel, getMine, listForChannel, listMine } from './reads.js';
import { markUsed, verifyBill } from './verification.js';

const IdParams = Type.Object({ id: Id });

/** Persons only, real-name verified (实名, L2): the person is the registry person behind the account. */
const PERSON: AuthRequirement = { user: true, kinds: ['person'], level: 2 };

const pdf = (reply: FastifyReply, bill: BillView, buffer: Buffer) =>
  reply.type('application/pdf').header('content-disposition', `attachment; filename="${bill.billCode}-${bill.billNumber}.pdf"`).send(buffer);

/** The e-bill routes: public verification, the person's bills, and the channels' issuing, voiding and reads. */
export function billRoutes(app: App, ctx: AppContext) {
  const deps = billDeps(ctx);
  const verifyUrl = ctx.config.bill.verifyUrl;

  // ------------------------------------------------------------------------------- public

  app.get('/public-key', {
    config: { auth: { public: true } },
    schema: { tags: ['bill'], summary: '票据签名公钥 the SM2 public key that verifies bill signatures', response: { 200: PublicKeyView } },
  }, async () => ({
    algorithm: 'SM2-with-SM3',
    userId: SM2_DEFAULT_USER_ID,
    publicKey: deps.signer.publicKey,
    publicKeyPem: sm2PublicKeyToPem(deps.signer.publicKey),
    signedText: 'JSON array: ["yibao-ebill-v1", kind, billCode, billNumber, checkCode, issuedAt, institutionCode, institutionName, payerName, insuranceId, visitType, [[itemName, amountFen]…], totalFen, fundPayFen, accountPayFen, cashPayFen, [originalCode, originalNumber] | null]',
    signatureEncoding: 'hex of DER SEQUENCE { r, s } (GM/T 0009)',
  }));

  app.get('/verify', {
    config: { auth: { public: true } },
    schema: {
      tags: ['bill'],
      summary: '票据查验（公开，限频） verify a bill: genuine, voided (冲红), used for reimbursement, or not found',
      querystring: VerifyQuery,
      response: { 200: VerificationView },
    },
  }, async (request) => {
    await rateLimit(ctx.cache, `bill-verify:${request.ip}`, ctx.config.bill.verifyPerIpPerMinute, 60_000);
    return verifyBill(ctx, request.query);
  });

  // ------------------------------------------------------------------------------- person

  app.get('/mine', {
    config: { auth: PERSON },
    schema: { tags: ['bill'], summary: '我的电子票据 my e-bills, newest first', querystring: Type.Object(PageQuery, { additionalProperties: false }), response: { 200: BillPage } },
  }, async (request) => listMine(ctx, await requireActor(request).personId(), request.query));

  app.get('/mine/:id', {
    config: { auth: PERSON },
    schema: { tags: ['bill'], summary: '我的电子票据详情 one of my e-bills', params: IdParams, response: { 200: BillView } },
  }, async (request) => getMine(ctx, await requireActor(request).personId(), request.params.id));

  app.get('/mine/:id/pdf', {
    config: { auth: PERSON },
    schema: { tags: ['bill'], summary: '下载电子票据 PDF download one of my e-bills', params: IdParams, response: { 200: BillPdf } },
  }, async (request, reply) => {
    const bill = await getMine(ctx, await requireActor(request).personId(), request.params.id);
    return pdf(reply, bill, await billPdfBuffer(bill, verifyUrl));
  });

  // ------------------------------------------------------------------------------ channels

  app.post('/channel/bills', {
    config: { auth: { channel: BILL_CAPABILITIES.issue }, audit: { sensitive: ['insuranceId'] } },
    schema: {
      tags: ['channel'],
      summary: '开具电子票据（绑定机构的渠道应用，签名请求，幂等） the bound institution issues the e-bill of its settlement or paid order, checked against it to the fen; one bill per settlement (signed request; idempotent on the request and Idempotency-Key)',
      headers: IdempotencyHeaders,
      body: IssueInput,
      response: { 201: BillView },
    },
  }, async (request, reply) => {
    const { bill, replayed } = await issueBill(deps, requireChannel(request), request.body, request.headers['idempotency-key']);
    return reply.status(201).header('idempotent-replayed', String(replayed)).send(bill);
  });

  app.post('/channel/bills/:id/void', {
    config: { auth: { channel: BILL_CAPABILITIES.issue } },
    schema: {
      tags: ['channel'],
      summary: '冲红（开票医院） the issuing institution voids a bill; a red-letter bill is issued',
      params: IdParams,
      body: Body({ reason: Type.String({ minLength: 1, maxLength: 200, description: '冲红原因' }) }),
      response: { 201: VoidView },
    },
  }, async (request, reply) => reply.status(201).send(await voidBill(deps, requireChannel(request), request.params.id, request.body.reason)));

  app.post('/channel/used', {
    config: { auth: { channel: BILL_CAPABILITIES.markUsed } },
    schema: {
      tags: ['channel'],
      summary: '标记已报销 an institution or insurer marks a bill used for reimbursement',
      body: Body({ billCode: BillCode, billNumber: BillNumber, checkCode: CheckCode }),
      response: { 200: PublicBillView },
    },
  }, async (request) => markUsed(ctx, requireChannel(request), request.body));

  app.get('/channel/persons/:personId/bills', {
    config: { auth: { channel: BILL_CAPABILITIES.read } },
    schema: {
      tags: ['channel'],
      summary: '渠道查询参保人票据 a channel lists a person’s bills (those it issued; all of them once the person authorized it)',
      params: Type.Object({ personId: Id }),
      querystring: Type.Object(PageQuery, { additionalProperties: false }),
      response: { 200: BillPage },
    },
  }, async (request) => listForChannel(ctx, requireChannel(request), request.params.personId, request.query));

  app.get('/channel/bills/:id', {
    config: { auth: { channel: BILL_CAPABILITIES.read } },
    schema: { tags: ['channel'], summary: '渠道查询票据 a channel reads one bill it may see', params: IdParams, response: { 200: BillView } },
  }, async (request) => getForChannel(ctx, requireChannel(request), request.params.id));

  app.get('/channel/bills/:id/pdf', {
    config: { auth: { channel: BILL_CAPABILITIES.read } },
    schema: { tags: ['channel'], summary: '渠道下载票据 PDF a channel downloads one bill it may see', params: IdParams, response: { 200: BillPdf } },
  }, async (request, reply) => {
    const bill = await getForChannel(ctx, requireChannel(request), request.params.id);
    return pdf(reply, bill, await billPdfBuffer(bill, verifyUrl));
  });
}
