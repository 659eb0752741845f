import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { AppContext, CenterModule } from '../../kernel/context.js';
import { requireChannel, requireUser, type AuthRequirement } from '../../kernel/http/auth.js';
import { Body, Id, PageQuery } from '../../kernel/http/schemas.js';
import { rateLimit } from '../../kernel/http/rate-limit.js';
import { SM2_DEFAULT_USER_ID, sm2PublicKeyFromPrivateKey, sm2PublicKeyToPem } from '../../kernel/crypto/index.js';
import { createFinanceClient } from '../../adapters/index.js';
import { VISIT_TYPES } from './rules.js';
import { billPdfBuffer } from './pdf.js';
import * as service from './service.js';
import './messages.js';

const literals = <T extends string>(values: readonly T[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});
const Fen = (description: string) => Type.Integer({ minimum: 0, maximum: 10_000_000_000, description: `${description}，分 fen` });
const InstitutionCode = Type.String({ pattern: '^H\\d{11}$', minLength: 12, maxLength: 12, description: '定点医药机构编码 H + 6-digit region + 5 digits' });
const BillCode = Type.String({ pattern: '^\\d{8}$', minLength: 8, maxLength: 8, description: '票据代码' });
const BillNumber = Type.String({ pattern: '^\\d{10}$', minLength: 10, maxLength: 10, description: '票据号码' });
const CheckCode = Type.String({ pattern: '^[0-9A-Za-z]{6}$', minLength: 6, maxLength: 6, description: '校验码' });
const DateString = Type.String({ format: 'date', minLength: 10, maxLength: 10, description: '开票日期 YYYY-MM-DD (Beijing time)' });
const IdParams = Type.Object({ id: Id });
const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$', description: '幂等键' })) });

/** Persons only, real-name verified (实名, L2): the person is found by the account's identity number. */
const PERSON: AuthRequirement = { user: true, kinds: ['person'], level: 2 };

/** 渠道能力 the capabilities the bill routes ask of channel apps (registered in the auth center). */
export const BILL_CAPABILITIES = { issue: 'bill.issue', read: 'bill.read', markUsed: 'bill.mark_used' } as const;

const IssueBody = Body({
  payer: Body({ personId: Id, name: Type.String({ minLength: 1, maxLength: 50, description: '交款人姓名（全名或脱敏） full or masked name' }) }),
  institution: Body({ code: InstitutionCode, name: Type.String({ minLength: 1, maxLength: 100, description: '开票单位名称' }) }),
  visitType: literals(VISIT_TYPES, '就诊类型'),
  insuranceId: Type.String({ minLength: 4, maxLength: 32, pattern: '^[0-9A-Za-z]+$', description: '医保编号' }),
  settlementRef: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: '结算流水号 / 订单号' }),
  items: Type.Array(Body({ name: Type.String({ minLength: 1, maxLength: 100 }), amountFen: Fen('金额') }), { minItems: 1, maxItems: 200 }),
  totalFen: Fen('合计'),
  fundPayFen: Fen('医保统筹基金支付'),
  accountPayFen: Fen('个人账户支付'),
  cashPayFen: Fen('个人现金支付'),
});

const pdf = (reply: FastifyReply, bill: service.BillView, buffer: Buffer) =>
  reply.type('application/pdf').header('content-disposition', `attachment; filename="${bill.billCode}-${bill.billNumber}.pdf"`).send(buffer);

export function billDeps(ctx: AppContext): service.BillDeps {
  const privateKey = ctx.config.keys.billSigning;
  const p = ctx.config.providers;
  return {
    ctx,
    finance: createFinanceClient({ baseUrl: ctx.providerUrls.finance, appId: p.financeAppId, secret: p.financeSecret }),
    signer: { privateKey, publicKey: sm2PublicKeyFromPrivateKey(privateKey) },
  };
}

export const billCenter: CenterModule = {
  name: 'bill',
  async routes(app, ctx) {
    const deps = billDeps(ctx);
    const me = (request: Parameters<typeof requireUser>[0]) => requireUser(request).accountId;
    const verifyUrl = ctx.config.bill.verifyUrl;

    // ------------------------------------------------------------------------------- public

    app.get('/public-key', {
      config: { auth: { public: true } },
      schema: { tags: ['bill'], summary: '票据签名公钥 the SM2 public key that verifies bill signatures' },
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
        querystring: Type.Object({ billCode: BillCode, billNumber: BillNumber, checkCode: CheckCode, issueDate: DateString, totalFen: Type.Optional(Type.Integer({ minimum: -10_000_000_000, maximum: 10_000_000_000, description: '合计，分 (negative on a red-letter bill)' })) }, { additionalProperties: false }),
      },
    }, async (request) => {
      await rateLimit(ctx.cache, `bill-verify:${request.ip}`, ctx.config.bill.verifyPerIpPerMinute, 60_000);
      return service.verifyBill(ctx, request.query);
    });

    // ------------------------------------------------------------------------------- person

    app.get('/mine', {
      config: { auth: PERSON },
      schema: { tags: ['bill'], summary: '我的电子票据 my e-bills, newest first', querystring: Type.Object(PageQuery, { additionalProperties: false }) },
    }, async (request) => service.listMine(ctx, me(request), request.query));

    app.get('/mine/:id', {
      config: { auth: PERSON },
      schema: { tags: ['bill'], summary: '我的电子票据详情 one of my e-bills', params: IdParams },
    }, async (request) => service.getMine(ctx, me(request), request.params.id));

    app.get('/mine/:id/pdf', {
      config: { auth: PERSON },
      schema: { tags: ['bill'], summary: '下载电子票据 PDF download one of my e-bills', params: IdParams },
    }, async (request, reply) => {
      const bill = await service.getMine(ctx, me(request), request.params.id);
      return pdf(reply, bill, await billPdfBuffer(bill, verifyUrl));
    });

    // ------------------------------------------------------------------------------ channels

    app.post('/channel/bills', {
      config: { auth: { channel: BILL_CAPABILITIES.issue } },
      schema: {
        tags: ['channel'],
        summary: '开具电子票据（医院，签名请求，幂等） an institution issues the e-bill of a settlement (signed request; idempotent on settlementRef and Idempotency-Key)',
        headers: IdempotencyHeaders,
        body: IssueBody,
      },
    }, async (request, reply) => {
      const channel = requireChannel(request);
      const result = await service.issueBill(deps, channel, request.body, request.headers['idempotency-key']);
      if (!result.created) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(result.bill);
    });

    app.post('/channel/bills/:id/void', {
      config: { auth: { channel: BILL_CAPABILITIES.issue } },
      schema: {
        tags: ['channel'],
        summary: '冲红（开票医院） the issuing institution voids a bill; a red-letter bill is issued',
        params: IdParams,
        body: Body({ reason: Type.String({ minLength: 1, maxLength: 200, description: '冲红原因' }) }),
      },
    }, async (request, reply) => reply.status(201).send(await service.voidBill(deps, requireChannel(request), request.params.id, request.body.reason)));

    app.post('/channel/used', {
      config: { auth: { channel: BILL_CAPABILITIES.markUsed } },
      schema: {
        tags: ['channel'],
        summary: '标记已报销 an institution or insurer marks a bill used for reimbursement',
        body: Body({ billCode: BillCode, billNumber: BillNumber, checkCode: CheckCode }),
      },
    }, async (request) => service.markUsed(ctx, requireChannel(request), request.body));

    app.get('/channel/persons/:personId/bills', {
      config: { auth: { channel: BILL_CAPABILITIES.read } },
      schema: {
        tags: ['channel'],
        summary: '渠道查询参保人票据 a channel lists a person’s bills (those it issued; all of them once the person authorized it)',
        params: Type.Object({ personId: Id }),
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
      },
    }, async (request) => service.listForChannel(ctx, requireChannel(request), request.params.personId, request.query));

    app.get('/channel/bills/:id', {
      config: { auth: { channel: BILL_CAPABILITIES.read } },
      schema: { tags: ['channel'], summary: '渠道查询票据 a channel reads one bill it may see', params: IdParams },
    }, async (request) => service.getForChannel(ctx, requireChannel(request), request.params.id));

    app.get('/channel/bills/:id/pdf', {
      config: { auth: { channel: BILL_CAPABILITIES.read } },
      schema: { tags: ['channel'], summary: '渠道下载票据 PDF a channel downloads one bill it may see', params: IdParams },
    }, async (request, reply) => {
      const bill = await service.getForChannel(ctx, requireChannel(request), request.params.id);
      return pdf(reply, bill, await billPdfBuffer(bill, verifyUrl));
    });
  },
};
