/**
 * 支付订单 creating an order and reading orders. The institution creates an order from a verified
 * e-voucher code and the fee lines: pre-settled, nothing moves until the person confirms it
 * (confirmation.ts). The institution is the one the channel app is bound to and its level the
 * registry's on the visit date, never the request's. The institution reads its own orders, the
 * person theirs.
 */
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import { DomainError, conflict, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { idempotent, secretDigest } from '../../kernel/idempotency/index.js';
import * as registry from '../registry/index.js';
import * as settlement from '../settlement/index.js';
import * as voucher from '../voucher/index.js';
import type { OrderDetailView, OrderView } from './contract.js';
import { load, requireKey, splitOf, type PaymentDeps } from './order-state.js';
import { refundsOf } from './refunds.js';
import { orders, type OrderStatus, type PayChannelName, type SettlementType } from './schema.js';
import { orderView } from './views.js';

export interface CreateOrderInput {
  /** the e-voucher QR code the institution scanned; verified (and used up) here */
  code: string;
  deviceId?: string;
  insuranceType: string;
  /** optional: the institution is the channel app's binding; when given, it must be the same */
  institutionCode?: string;
  /** the visit; a level given here is ignored (the registry's applies) */
  visit: settlement.VisitInput;
  lines: settlement.FeeLine[];
  settlementType: SettlementType;
  /** 订单号 the institution's own reference */
  orderReference: string;
  /** 支付渠道 of the cash part; WeChat Pay when not given */
  payChannel?: PayChannelName;
}

/** The institution the channel app is bound to: none is a 403, a request naming another one a 403 naming `institutionCode`. */
function boundInstitution(caller: { institutionCode: string | null }, given: string | undefined): string {
  if (!caller.institutionCode) throw new DomainError('payment.channel_not_bound', 'forbidden');
  if (given !== undefined && given !== caller.institutionCode) {
    throw new DomainError('payment.institution_not_bound', 'forbidden', { institutionCode: given, bound: caller.institutionCode }, 'institutionCode');
  }
  return caller.institutionCode;
}

/**
 * 下单 creates an order for a channel app: the code's person, the app's institution at the
 * registry's level on the visit date (its agreement in force then), the pre-settled split (CASH: all
 * cash, nothing pre-settled; HI: refused when a cash part remains). The pre-settlement rests on the
 * settlement token the code's verification gave. Idempotent on the key; `replayed` when this is the
 * key's first answer again.
 */
export async function createOrder(deps: PaymentDeps, caller: { appId: string; institutionCode: string | null }, input: CreateOrderInput, idempotencyKey: string | undefined) {
  const { ctx } = deps;
  const { result: body, replayed } = await idempotent(
    ctx.database,
    // The voucher code is in the request hash as its keyed digest only (a secret never is, even hashed).
    { scope: `channel:${caller.appId}:payment.create`, key: requireKey(idempotencyKey), request: { ...input, code: secretDigest(ctx.config, input.code) } },
    async () => {
      const payChannel = input.payChannel ?? 'wechat';
      if (input.settlementType !== 'HI' && !deps.channels[payChannel]) throw new DomainError('payment.channel_not_offered', 'unprocessable', { channel: payChannel }, 'payChannel');
      const institutionCode = boundInstitution(caller, input.institutionCode);
      // Before the code is used up: an institution outside its agreement leaves the person's code alone.
      const institution = await registry.institutionInForce(ctx, institutionCode, input.visit.date, 'visit.date');
      const visit: settlement.VisitView = { kind: input.visit.kind, institutionLevel: institution.level, date: input.visit.date };
      const identity = await voucher.verifyCode(ctx, { appId: caller.appId, institutionCode }, { code: input.code, deviceId: input.deviceId });
      if (!identity.insuranceTypes.includes(input.insuranceType)) {
        throw new DomainError('payment.insurance_type_not_held', 'unprocessable', { insuranceType: input.insuranceType }, 'insuranceType');
      }
      const facts = { personId: identity.personId, institutionCode, visit };
      if (input.settlementType === 'CASH') {
        const total = input.lines.reduce((sum, line) => sum + line.amountFen, 0);
        return { ...facts, split: { totalFen: total, fundFen: 0, accountFen: 0, cashFen: total } };
      }
      // A bound app's verification always gives the token: the person's consent to this pre-settlement.
      const consent = { kind: 'token', token: identity.settlementToken ?? '' } as const;
      const { result } = await settlement.preSettle(ctx, caller, { ...facts, insuranceType: input.insuranceType, lines: input.lines }, consent);
      if (input.settlementType === 'HI' && result.psn_cash_pay > 0) {
        throw new DomainError('payment.cash_not_allowed', 'unprocessable', { cashFen: result.psn_cash_pay }, 'settlementType');
      }
      return { ...facts, split: splitOf(result) };
    },
    async (tx, prepared) => {
      const [row] = await tx
        .insert(orders)
        .values({
          id: newId('pay'),
          appId: caller.appId,
          reference: input.orderReference,
          personId: prepared.personId,
          insuranceType: input.insuranceType,
          institutionCode: prepared.institutionCode,
          settlementType: input.settlementType,
          payChannel: input.payChannel ?? 'wechat',
          visit: prepared.visit,
          lines: input.lines,
          status: 'created',
          ...prepared.split,
          expiresAt: new Date(Date.now() + ctx.config.payment.orderTimeoutSec * 1000),
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw conflict('payment.reference_taken', { reference: input.orderReference }, 'orderReference');
      return orderView(row);
    },
  );
  return { order: body, replayed };
}

/** One of the person's own orders; another person's (or an account the registry does not know) reads exactly like a missing one. */
export async function ownOrder(ctx: AppContext, personId: string | null, id: string) {
  const row = personId ? await load(ctx, id) : undefined;
  if (!row || row.personId !== personId) throw notFound('payment.not_found');
  return row;
}

/** 订单详情 an order of the channel app, with its refunds. */
export async function institutionOrder(ctx: AppContext, caller: { appId: string }, id: string): Promise<OrderDetailView> {
  const row = await load(ctx, id);
  if (!row || row.appId !== caller.appId) throw notFound('payment.not_found');
  return { ...orderView(row), refunds: await refundsOf(ctx, id) };
}

interface PageInput {
  page: number;
  pageSize: number;
  status?: OrderStatus;
}

async function page(ctx: AppContext, where: SQL | undefined, query: PageInput) {
  const db = ctx.database.db;
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(orders).where(where).orderBy(desc(orders.createdAt), desc(orders.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(orders).where(where),
  ]);
  return { items: rows.map(orderView), total: Number(total), page: query.page, pageSize: query.pageSize };
}

/** 机构订单 the channel app's orders, newest first. */
export const institutionOrders = (ctx: AppContext, caller: { appId: string }, query: PageInput) =>
  page(ctx, and(eq(orders.appId, caller.appId), query.status ? eq(orders.status, query.status) : undefined), query);

/** 我的支付订单 the person's own orders, newest first; an account the registry does not know (`personId` null) has none. */
export async function myOrders(ctx: AppContext, personId: string | null, query: PageInput) {
  if (!personId) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  return page(ctx, and(eq(orders.personId, personId), query.status ? eq(orders.status, query.status) : undefined), query);
}

/** The person's orders with their institutions' names (机构名称, from the registry). */
export async function myOrdersNamed(ctx: AppContext, personId: string | null, query: PageInput) {
  const result = await myOrders(ctx, personId, query);
  const names = await registry.institutionNames(ctx, result.items.map((o) => o.institutionCode));
  return { ...result, items: result.items.map((o) => ({ ...o, institutionName: names.get(o.institutionCode) ?? null })) };
}

/** One of the person's own orders (another person's is not found). */
export const myOrder = async (ctx: AppContext, personId: string | null, id: string): Promise<OrderView> => orderView(await ownOrder(ctx, personId, id));
