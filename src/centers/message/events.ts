/**
 * 消息事件 the business events a rule can send on: which outbox topic, who receives it, and the
 * parameters its templates may use. Other centers only publish their events; this file is where the
 * message center reads them (through their index.ts), so no center ever calls a channel.
 */
import type { AppContext } from '../../kernel/context.js';
import type { TObject, TString } from '@sinclair/typebox';
import type { PayloadOf, Topic } from '../../kernel/outbox/index.js';
import * as bill from '../bill/index.js';
import * as collection from '../collection/index.js';
import * as enrollment from '../enrollment/index.js';
import * as payment from '../payment/index.js';
import * as registry from '../registry/index.js';
import * as user from '../user/index.js';
import * as voucher from '../voucher/index.js';
import type { Category, Placeholder } from './rules.js';

/** who a message goes to and the region its rule is chosen by */
export interface Addressees {
  accountIds: string[];
  regionCode: string | null;
}

export interface MessageEvent<P = any> {
  /** the key rules refer to, e.g. `payment.paid` */
  key: string;
  topic: Topic;
  nameZh: string;
  nameEn: string;
  category: Category;
  /** sent through quiet hours (安全提醒) */
  urgent: boolean;
  placeholders: Placeholder[];
  /** several keys may read one topic (an order paid or refunded): the event this key takes */
  matches?(payload: P): boolean;
  recipients(ctx: AppContext, payload: P): Promise<Addressees>;
  params(ctx: AppContext, payload: P): Promise<Record<string, unknown>>;
}

/** a message event of a topic, its functions taking the topic's payload */
const define = <T extends Topic>(event: Omit<MessageEvent<PayloadOf<T>>, 'topic'> & { topic: T }): MessageEvent => event as MessageEvent;

/** the person's accounts (a person may have registered more than one way in) */
async function personAddressees(ctx: AppContext, personId: string | null, regionCode?: string | null): Promise<Addressees> {
  const person = personId ? await registry.getPerson(ctx, personId) : null;
  if (!person) return { accountIds: [], regionCode: regionCode ?? null };
  return { accountIds: await user.personAccountIds(ctx, person.idNumber), regionCode: regionCode ?? person.regionCode };
}

const institutionName = async (ctx: AppContext, code: string) => (await registry.institutionNames(ctx, [code])).get(code) ?? code;


/** 参保申请 a decision on a person's application, to the person */
const applicationDecided = (key: string, topic: typeof enrollment.events.APPLICATION_APPROVED, nameZh: string, nameEn: string) =>
  define({
    key,
    topic,
    nameZh,
    nameEn,
    category: 'application',
    urgent: false,
    placeholders: [{ name: 'applicationId', type: 'code' }],
    recipients: (ctx, p) => personAddressees(ctx, p.personId, p.regionCode),
    params: async (_ctx, p) => ({ applicationId: p.applicationId }),
  });

/** 安全提醒 a change to an account, to the account itself: mandatory, through quiet hours */
const securityAlert = (key: string, topic: Topic, nameZh: string, nameEn: string) =>
  define<Topic<TObject<{ accountId: TString }>>>({
    key,
    topic: topic as Topic<TObject<{ accountId: TString }>>,
    nameZh,
    nameEn,
    category: 'security',
    urgent: true,
    placeholders: [],
    recipients: async (_ctx, p) => ({ accountIds: [p.accountId], regionCode: null }),
    params: async () => ({}),
  });

export const MESSAGE_EVENTS: MessageEvent[] = [
  define({
    key: 'payment.paid',
    topic: payment.events.ORDER_EVENT,
    nameZh: '医保移动支付成功',
    nameEn: 'Payment confirmed',
    category: 'payment',
    urgent: false,
    placeholders: [
      { name: 'institution', type: 'text' },
      { name: 'total', type: 'money' },
      { name: 'fund', type: 'money' },
      { name: 'account', type: 'money' },
      { name: 'cash', type: 'money' },
      { name: 'paidAt', type: 'datetime' },
    ],
    matches: (p) => p.event === 'paid',
    recipients: (ctx, p) => personAddressees(ctx, p.order.personId),
    params: async (ctx, p) => ({
      institution: await institutionName(ctx, p.order.institutionCode),
      total: p.order.totalFen,
      fund: p.order.fundFen,
      account: p.order.accountFen,
      cash: p.order.cashFen,
      paidAt: p.order.paidAt ?? p.order.createdAt,
    }),
  }),
  define({
    key: 'payment.refunded',
    topic: payment.events.ORDER_EVENT,
    nameZh: '医保移动支付退款',
    nameEn: 'Payment refunded',
    category: 'payment',
    urgent: false,
    placeholders: [
      { name: 'institution', type: 'text' },
      { name: 'amount', type: 'money' },
      { name: 'reason', type: 'text' },
    ],
    matches: (p) => p.event === 'refunded' && !!p.refund,
    recipients: (ctx, p) => personAddressees(ctx, p.order.personId),
    params: async (ctx, p) => ({ institution: await institutionName(ctx, p.order.institutionCode), amount: p.refund!.amountFen, reason: p.refund!.reason }),
  }),
  applicationDecided('enrollment.application_approved', enrollment.events.APPLICATION_APPROVED, '参保申请审核通过', 'Enrollment application approved'),
  applicationDecided('enrollment.application_rejected', enrollment.events.APPLICATION_REJECTED, '参保申请未通过', 'Enrollment application rejected'),
  define({
    key: 'bill.issued',
    topic: bill.events.BILL_ISSUED,
    nameZh: '医疗收费电子票据开具',
    nameEn: 'E-bill issued',
    category: 'bill',
    urgent: false,
    placeholders: [
      { name: 'institution', type: 'text' },
      { name: 'billNumber', type: 'code' },
      { name: 'total', type: 'money' },
    ],
    recipients: (ctx, p) => personAddressees(ctx, p.personId, p.regionCode),
    params: async (ctx, p) => ({ institution: await institutionName(ctx, p.institutionCode), billNumber: p.billNumber, total: p.totalFen }),
  }),
  define({
    key: 'collection.bill_issued',
    topic: collection.events.BILL_ISSUED,
    nameZh: '单位缴费单生成',
    nameEn: 'Contribution bill issued',
    category: 'collection',
    urgent: false,
    placeholders: [
      { name: 'month', type: 'code' },
      { name: 'billNumber', type: 'code' },
      { name: 'total', type: 'money' },
    ],
    recipients: async (ctx, p) => {
      const entity = await registry.getEntity(ctx, p.entityId);
      return { accountIds: entity ? await user.unitAgentAccountIds(ctx, entity.creditCode) : [], regionCode: p.regionCode };
    },
    params: async (_ctx, p) => ({ month: String(p.month), billNumber: p.billNumber, total: p.totalFen }),
  }),
  define({
    key: 'voucher.password_locked',
    topic: voucher.events.PASSWORD_LOCKED,
    nameZh: '电子凭证密码锁定',
    nameEn: 'Voucher password locked',
    category: 'security',
    urgent: true,
    placeholders: [{ name: 'lockedUntil', type: 'datetime' }],
    recipients: (ctx, p) => personAddressees(ctx, p.personId, p.regionCode),
    params: async (_ctx, p) => ({ lockedUntil: p.lockedUntil }),
  }),
  securityAlert('user.password_changed', user.events.PASSWORD_CHANGED, '登录密码已修改', 'Password changed'),
  securityAlert('user.phone_changed', user.events.PHONE_CHANGED, '手机号已变更', 'Phone number changed'),
  securityAlert('user.account_locked', user.events.ACCOUNT_LOCKED, '账号已被锁定', 'Account locked'),
];

export const messageEvent = (key: string) => MESSAGE_EVENTS.find((e) => e.key === key);
