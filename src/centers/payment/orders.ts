/**
 * 支付订单 creating an order and reading orders. The institution creates an order from a verified
 * e-voucher code and the fee lines: pre-settled, nothing moves until the person confirms it
 * (confirmation.ts). The institution reads its own orders, the person theirs.
 */
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import { DomainError, conflict, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { idempotent } from '../../kernel/idempotency/index.js';
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
  institutionCode: string;
  visit: settlement.VisitInput;
  lines: settlement.FeeLine[];
  settlementType: SettlementType;
  /** 订单号 the institution's own reference */
  orderReference: string;
  /** 支付渠道 of the cash part; WeChat Pay when not given */
  payChannel?: PayChannelName;
}

/**
 * 下单 creates an order for a channel app: the code's person, the pre-settled split (CASH: all
 * cash, nothing pre-settled; HI: refused when a cash part remains). Idempotent on the key; `replayed`
 * when this is the key's first answer again.
 */
export async function createOrder(deps: PaymentDeps, caller: { appId: string }, input: CreateOrderInput, idempotencyKey: string | undefined) {
  const { ctx } = deps;
  const { result: body, replayed } = await idempotent(
    ctx.database,
    { scope: `channel:${caller.appId}:payment.create`, key: requireKey(idempotencyKey), request: input },
    async () => {
      const payChannel = input.payChannel ?? 'wechat';
      if (input.settlementType !== 'HI' && !deps.channels[payChannel]) throw new DomainError('payment.channel_not_offered', 'unprocessable', { channel: payChannel }, 'payChannel');
      const identity = await voucher.verifyCode(ctx, caller.appId, { code: input.code, deviceId: input.deviceId });
      if (!identity.insuranceTypes.includes(input.insuranceType)) {
        throw new DomainError('payment.insurance_type_not_held', 'unprocessable', { insuranceType: input.insuranceType }, 'insuranceType');
      }
      const visit = { personId: identity.personId, insuranceType: input.insuranceType, institutionCode: input.institutionCode, visit: input.visit, lines: input.lines };
      if (input.settlementType === 'CASH') {
        const total = input.lines.reduce((sum, line) => sum + line.amountFen, 0);
        return { personId: identity.personId, split: { totalFen: total, fundFen: 0, accountFen: 0, cashFen: total } };
      }
      const { result } = await settlement.preSettle(ctx, visit);
      if (input.settlementType === 'HI' && result.psn_cash_pay > 0) {
        throw new DomainError('payment.cash_not_allowed', 'unprocessable', { cashFen: result.psn_cash_pay }, 'settlementType');
      }
      return { personId: identity.personId, split: splitOf(result) };
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
          institutionCode: input.institutionCode,
          settlementType: input.settlementType,
          payChannel: input.payChannel ?? 'wechat',
          visit: input.visit,
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

/** One of the person's own orders (another person's is not found). */
export const myOrder = async (ctx: AppContext, personId: string | null, id: string): Promise<OrderView> => orderView(await ownOrder(ctx, personId, id));
