import { Type } from '@sinclair/typebox';
import type { CenterModule } from '../../kernel/context.js';
import { requireChannel, requireUser } from '../../kernel/http/auth.js';
import { Body, Id, PageQuery } from '../../kernel/http/schemas.js';
import { IdempotencyHeaders } from '../../kernel/idempotency/index.js';
import * as service from './service.js';
import './messages.js';

/** 渠道能力 the capability an institution's system needs to pre-settle, settle and reverse. */
export const SETTLE_CAPABILITY = 'settlement.settle';
const CHANNEL = { channel: SETTLE_CAPABILITY } as const;

const MAX_FEN = 10_000_000_000; // 100,000,000.00 yuan: far above any one line, far below 2^53 when summed over 500

const Visit = Type.Object(
  {
    kind: Type.Union([Type.Literal('outpatient'), Type.Literal('inpatient')], { description: '就诊类型 outpatient 门诊 / inpatient 住院' }),
    institutionLevel: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)], { description: '医院等级 1–3' }),
    date: Type.String({ format: 'date', minLength: 10, maxLength: 10, description: '就诊（出院）日期 YYYY-MM-DD' }),
  },
  { additionalProperties: false },
);

const FeeLine = Type.Object(
  {
    code: Type.String({ minLength: 15, maxLength: 23, pattern: '^[A-Z0-9]+$', description: '医保目录编码 (X… 23, Z… 20, C… 20, 15-digit service item)' }),
    class: Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C')], { description: '甲类 A / 乙类 B / 丙类 C' }),
    quantity: Type.Integer({ minimum: 1, maximum: 100_000, description: '数量' }),
    amountFen: Type.Integer({ minimum: 0, maximum: MAX_FEN, description: '金额，分' }),
    selfPayRatioBp: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, description: '乙类先行自付比例，万分之几 (class B)' })),
    priceCapFen: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_FEN, description: '限价（每单位），分' })),
  },
  { additionalProperties: false },
);

const VisitFields = {
  personId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: '参保人 registry id (psn_…, as the e-voucher verification returns it)' }),
  insuranceType: Type.String({ minLength: 2, maxLength: 20, pattern: '^[0-9A-Za-z_]+$', description: '险种代码, e.g. 310' }),
  institutionCode: Type.String({ minLength: 12, maxLength: 12, pattern: '^H[0-9]{11}$', description: '定点医疗机构编码 H + 6-digit region + 5 digits' }),
  visit: Visit,
  lines: Type.Array(FeeLine, { minItems: 1, maxItems: 500, description: '费用明细' }),
};
const Reference = Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9A-Za-z_-]+$', description: '结算流水号 (unique per institution)' });

export const settlementCenter: CenterModule = {
  name: 'settlement',
  async routes(app, ctx) {
    app.post('/pre-settlements', {
      config: { auth: CHANNEL },
      schema: {
        tags: ['settlement'],
        summary: '预结算 pre-settlement: the figures a settlement would give now, each with its rule; writes nothing (institution, signed request)',
        body: Body({ ...VisitFields, settlementReference: Type.Optional(Reference) }),
      },
    }, async (request) => service.preSettle(ctx, request.body));

    app.post('/settlements', {
      config: { auth: CHANNEL },
      schema: {
        tags: ['settlement'],
        summary: '结算 settle a visit: funds, personal account and cash, year-to-date accumulations (institution, signed request; Idempotency-Key)',
        headers: IdempotencyHeaders,
        body: Body({ ...VisitFields, settlementReference: Reference }),
      },
    }, async (request, reply) => {
      const answer = await service.settleVisit(ctx, requireChannel(request), request.body, request.headers['idempotency-key']);
      return reply.status(answer.status).header('idempotent-replayed', String(answer.replayed)).send(answer.body);
    });

    app.post('/settlements/:id/reversal', {
      config: { auth: CHANNEL },
      schema: {
        tags: ['settlement'],
        summary: '冲正 reverse a settlement once: accumulations and the personal-account payment given back (the settling institution; Idempotency-Key)',
        headers: IdempotencyHeaders,
        params: Type.Object({ id: Id }),
        body: Type.Optional(Body({ reason: Type.Optional(Type.String({ maxLength: 200, description: '冲正原因' })) })),
      },
    }, async (request, reply) => {
      const answer = await service.reverseSettlement(ctx, requireChannel(request), request.params.id, request.headers['idempotency-key']);
      return reply.status(answer.status).header('idempotent-replayed', String(answer.replayed)).send(answer.body);
    });

    app.get('/mine', {
      config: { auth: { user: true, kinds: ['person'], level: 2 } },
      schema: {
        tags: ['settlement'],
        summary: '我的结算记录 the person’s own settlements, each figure with the rule that produced it',
        querystring: Type.Object({ ...PageQuery, year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })) }),
      },
    }, async (request) => service.mySettlements(ctx, requireUser(request).accountId, request.query));
  },
};
