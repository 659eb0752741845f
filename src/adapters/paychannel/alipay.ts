/**
 * 支付宝 the Alipay-style payment channel behind the one `PayChannel`: form-encoded calls to
 * `POST {baseUrl}/gateway.do` naming the API in `method` (alipay.trade.create / query / close /
 * refund, alipay.data.dataservice.bill.downloadurl.query) with the business fields as JSON in
 * `biz_content`, signed RSA2 (SHA256withRSA over the sorted `k=v&…` string, base64 in `sign`) with
 * the platform's application private key. Answers are JSON `{"<method>_response":{…},"sign":"…"}`
 * whose sign covers the exact text of the response object, checked with the channel's public key;
 * so are the asynchronous notifications (form POSTs the platform answers with plain `success`).
 *
 * Amounts travel as yuan strings ("12.34"); they are converted to and from integer fen exactly,
 * with string arithmetic only.
 */
import { createPrivateKey, createPublicKey, createSign, createVerify, type KeyObject } from 'node:crypto';
import { AdapterError, type AdapterErrorCode } from '../errors.js';
import { joinUrl } from '../http.js';
import { cashierUrlOf, CHANNEL_CODES, STATEMENT_HEADER, statementLine, UNREADABLE_LINE, type ChannelTrade, type PayChannel, type TradeState } from './client.js';
import { beijingDateTime, send, signingString, type Fields } from './form.js';

export interface AlipayConfig {
  /** the gateway's base URL; calls go to `{baseUrl}/gateway.do` */
  baseUrl: string;
  appId: string;
  /** 应用私钥 the platform's RSA application private key (PEM) */
  privateKey: string | KeyObject;
  /** 支付宝公钥 the channel's RSA public key (PEM) */
  alipayPublicKey: string | KeyObject;
  timeoutMs?: number;
}

const party = 'alipay' as const;

// ------------------------------------------------------------------------------ amounts 元 ↔ 分

/** 1234 → "12.34": fen as the yuan string the channel takes. */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount in fen: ${fen}`);
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** "12.34" / "12.3" / "12" → fen; null for anything else (signs, exponents, a third decimal, thousands separators). */
export function yuanToFen(yuan: string): number | null {
  const m = /^(0|[1-9]\d{0,13})(?:\.(\d{1,2}))?$/.exec(yuan);
  if (!m) return null;
  // Whole yuan and fen apart, as integers: "0.29" is 29, where 0.29 * 100 would be 28.999…
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

// ------------------------------------------------------------------------------ trade states

/** WAIT_BUYER_PAY 等待付款, TRADE_SUCCESS 支付成功（可退款）, TRADE_FINISHED 交易结束（不可退款）, TRADE_CLOSED 未付款关闭或全额退款 */
export const ALIPAY_TRADE_STATUSES = ['WAIT_BUYER_PAY', 'TRADE_SUCCESS', 'TRADE_FINISHED', 'TRADE_CLOSED'] as const;
export type AlipayTradeStatus = (typeof ALIPAY_TRADE_STATUSES)[number];

/**
 * The platform's trade state of an Alipay trade status. A paid trade stays TRADE_SUCCESS through
 * partial refunds, so it reads as paid; TRADE_CLOSED is either never paid or wholly refunded, which
 * for an order still waiting for its payment both mean it will not be paid.
 */
export function tradeStateOf(status: string): TradeState | null {
  switch (status) {
    case 'WAIT_BUYER_PAY':
      return 'NOTPAY';
    case 'TRADE_SUCCESS':
    case 'TRADE_FINISHED':
      return 'SUCCESS';
    case 'TRADE_CLOSED':
      return 'CLOSED';
    default:
      return null;
  }
}

// ------------------------------------------------------------------------------ RSA2 signatures

const privateKeyOf = (key: string | KeyObject) => (typeof key === 'string' ? createPrivateKey(key) : key);
const publicKeyOf = (key: string | KeyObject) => (typeof key === 'string' ? createPublicKey(key) : key);

/** SHA256withRSA of the text, base64. */
export function rsa2Sign(text: string, privateKey: string | KeyObject): string {
  return createSign('RSA-SHA256').update(text, 'utf8').sign(privateKeyOf(privateKey), 'base64');
}

/** True only for a valid signature; never throws. */
export function rsa2Verify(text: string, signature: string | undefined, publicKey: string | KeyObject): boolean {
  if (!signature || !/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false;
  try {
    return createVerify('RSA-SHA256').update(text, 'utf8').verify(publicKeyOf(publicKey), signature, 'base64');
  } catch {
    return false;
  }
}

/** The gateway request fields of one call, signed (`sign_type` is part of what a request signs). */
export function signedRequest(input: { appId: string; method: string; biz: object; notifyUrl?: string; privateKey: string | KeyObject; now?: Date }): Fields {
  const fields: Fields = {
    app_id: input.appId,
    method: input.method,
    format: 'JSON',
    charset: 'utf-8',
    sign_type: 'RSA2',
    timestamp: beijingDateTime(input.now ?? new Date()),
    version: '1.0',
    ...(input.notifyUrl ? { notify_url: input.notifyUrl } : {}),
    biz_content: JSON.stringify(input.biz),
  };
  return { ...fields, sign: rsa2Sign(signingString(fields, ['sign']), input.privateKey) };
}

/** Checks a request's `sign` (the fake gateway's side). */
export const verifyRequest = (fields: Fields, publicKey: string | KeyObject) => fields.sign_type === 'RSA2' && rsa2Verify(signingString(fields, ['sign']), fields.sign, publicKey);

/** `alipay.trade.query` → `alipay_trade_query_response`: the member an answer of the method is under. */
export const responseNode = (method: string) => `${method.replace(/\./g, '_')}_response`;

/** A signed gateway answer: the response object's exact JSON text, then its sign (how the gateway writes it). */
export function signedResponse(method: string, content: object, privateKey: string | KeyObject): string {
  const json = JSON.stringify(content);
  return `{"${responseNode(method)}":${json},"sign":${JSON.stringify(rsa2Sign(json, privateKey))}}`;
}

/**
 * The response object of an answer and whether its sign verifies. The sign covers the object's
 * text exactly as sent, so it is cut from the answer rather than serialised again.
 */
export function readResponse(text: string, method: string, publicKey: string | KeyObject): { node: Record<string, unknown>; signed: boolean } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object') return null;
  const root = parsed as Record<string, unknown>;
  const name = Object.hasOwn(root, responseNode(method)) ? responseNode(method) : 'error_response';
  const node = root[name];
  if (!node || typeof node !== 'object' || Array.isArray(node)) return null;
  const key = `"${name}":`;
  const start = text.indexOf(key);
  const end = text.lastIndexOf(',"sign":');
  const sign = typeof root.sign === 'string' ? root.sign : undefined;
  const signed = start >= 0 && end > start && rsa2Verify(text.slice(start + key.length, end), sign, publicKey);
  return { node: node as Record<string, unknown>, signed };
}

// ------------------------------------------------------------------------------ the client

/** 网关返回码 the gateway's codes: 10000 success; the rest say who is at fault. */
function errorCodeOf(code: string, subCode: string): AdapterErrorCode {
  if (code === '40004' || code === '40001') return 'rejected';
  if (code === '40002') return /signature|app-id|app_id|sign/i.test(subCode) ? 'unauthorized' : 'rejected';
  if (code === '40006' || code === '20001') return 'unauthorized';
  return 'upstream_failure';
}

const str = (node: Record<string, unknown>, key: string) => (typeof node[key] === 'string' ? (node[key] as string) : '');

export function createAlipayClient(config: AlipayConfig): PayChannel {
  const privateKey = privateKeyOf(config.privateKey);
  const publicKey = publicKeyOf(config.alipayPublicKey);
  const gateway = joinUrl(config.baseUrl, '/gateway.do');

  /** One gateway call; the response object of a signed success (code 10000). */
  async function call(method: string, biz: object, notifyUrl?: string): Promise<Record<string, unknown>> {
    const text = await send({ party, url: gateway, fields: signedRequest({ appId: config.appId, method, biz, notifyUrl, privateKey }), timeoutMs: config.timeoutMs });
    const answer = readResponse(text, method, publicKey);
    if (!answer) throw new AdapterError({ party, code: 'bad_response', status: 200, message: `${party}: ${method} answered no ${responseNode(method)}` });
    const { node, signed } = answer;
    const code = str(node, 'code');
    const subCode = str(node, 'sub_code');
    // A success or a business refusal (40004) drives what the platform does: only a signed one is believed.
    if ((code === '10000' || code === '40004') && !signed) {
      throw new AdapterError({ party, code: 'bad_signature', status: 200, message: `${party}: response signature invalid for ${method}` });
    }
    if (code !== '10000') {
      throw new AdapterError({ party, code: errorCodeOf(code, subCode), status: 200, upstreamCode: subCode || code, message: `${party}: ${method} failed: ${code} ${subCode} ${str(node, 'sub_msg')}`.trim() });
    }
    return node;
  }

  const badResponse = (method: string, what: string) => new AdapterError({ party, code: 'bad_response', status: 200, message: `${party}: ${method} answered ${what}` });

  async function query(outTradeNo: string): Promise<ChannelTrade> {
    let node: Record<string, unknown>;
    try {
      node = await call('alipay.trade.query', { out_trade_no: outTradeNo });
    } catch (error) {
      if (error instanceof AdapterError && error.upstreamCode === 'ACQ.TRADE_NOT_EXIST') {
        throw new AdapterError({ party, code: 'rejected', status: 200, upstreamCode: CHANNEL_CODES.orderNotExist, message: error.message });
      }
      throw error;
    }
    const tradeState = tradeStateOf(str(node, 'trade_status'));
    const amountFen = yuanToFen(str(node, 'total_amount'));
    if (!tradeState || amountFen === null || str(node, 'out_trade_no') !== outTradeNo) throw badResponse('alipay.trade.query', 'an unreadable trade');
    const tradeNo = str(node, 'trade_no');
    return { outTradeNo, tradeState, amountFen, ...(tradeNo ? { transactionId: tradeNo } : {}) };
  }

  return {
    cashierUrl: (prepayId, returnUrl) => cashierUrlOf(config.baseUrl, prepayId, returnUrl),

    async prepay(input) {
      const node = await call(
        'alipay.trade.create',
        {
          out_trade_no: input.outTradeNo,
          total_amount: fenToYuan(input.amountFen),
          subject: input.description.slice(0, 256),
          // 绝对超时时间: the trade cannot be paid after the order's own deadline.
          time_expire: beijingDateTime(new Date(input.expiresAt)),
        },
        input.notifyUrl,
      );
      const tradeNo = str(node, 'trade_no');
      if (!tradeNo) throw badResponse('alipay.trade.create', 'no trade_no');
      return { prepayId: tradeNo };
    },

    query,

    async close(outTradeNo) {
      try {
        await call('alipay.trade.close', { out_trade_no: outTradeNo });
      } catch (error) {
        if (!(error instanceof AdapterError)) throw error;
        // Never created: nothing can be paid on it (a create still under way expires at its time_expire).
        if (error.upstreamCode === 'ACQ.TRADE_NOT_EXIST') return;
        // Not closable: paid, or closed already; the trade's status tells which.
        if (error.upstreamCode === 'ACQ.TRADE_STATUS_ERROR') {
          const trade = await query(outTradeNo);
          if (trade.tradeState === 'CLOSED') return;
          if (trade.tradeState === 'SUCCESS') throw new AdapterError({ party, code: 'rejected', status: 200, upstreamCode: CHANNEL_CODES.orderPaid, message: `${party}: ${outTradeNo} is paid` });
        }
        throw error;
      }
    },

    async refund(input) {
      await call('alipay.trade.refund', {
        out_trade_no: input.outTradeNo,
        refund_amount: fenToYuan(input.amountFen),
        // 退款请求号: the refund's idempotency key; a repeat answers the first refund (fund_change N).
        out_request_no: input.outRefundNo,
        refund_reason: input.reason.slice(0, 256),
      });
      // The channel names a refund by its request number: the bill lists it under 退款批次号/请求号.
      return { refundId: input.outRefundNo };
    },

    async statement(date) {
      const node = await call('alipay.data.dataservice.bill.downloadurl.query', { bill_type: 'trade', bill_date: date });
      const link = str(node, 'bill_download_url');
      let url: URL;
      try {
        url = new URL(link);
      } catch {
        throw badResponse('alipay.data.dataservice.bill.downloadurl.query', 'no bill_download_url');
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badResponse('alipay.data.dataservice.bill.downloadurl.query', 'a bill_download_url that is not a web address');
      // The link came in a signed answer and is good for a short while; the file itself is not signed.
      return statementOfBill(await send({ party, url, timeoutMs: config.timeoutMs }));
    },
  };
}

// ------------------------------------------------------------------------------ the bill 账单

/** 业务明细 the columns of the trade bill the statement is read from. */
export const BILL_COLUMNS = {
  tradeNo: '支付宝交易号',
  outTradeNo: '商户订单号',
  kind: '业务类型',
  finishedAt: '完成时间',
  amount: '订单金额（元）',
  refundRequestNo: '退款批次号/请求号',
} as const;

/**
 * 业务明细账单 the trade bill (comment lines start with `#`, then a header and one line per trade
 * 交易 or refund 退款, values often padded with tabs) as the platform's statement. A line it cannot
 * read becomes `UNREADABLE_LINE`, so the reconciliation refuses the statement there.
 */
export function statementOfBill(bill: string): string {
  const lines = bill.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const out = [STATEMENT_HEADER];
  const header = (lines.shift() ?? '').split(',').map((c) => c.trim());
  const at = Object.fromEntries(Object.entries(BILL_COLUMNS).map(([key, name]) => [key, header.indexOf(name)])) as Record<keyof typeof BILL_COLUMNS, number>;
  if (Object.values(at).some((i) => i < 0)) return `${UNREADABLE_LINE}\n`;
  for (const line of lines) {
    const cells = line.split(',').map((c) => c.trim());
    const kind = cells[at.kind];
    const refund = kind === '退款';
    const amount = yuanToFen(refund ? (cells[at.amount] ?? '').replace(/^-/, '') : (cells[at.amount] ?? ''));
    const ref = refund ? cells[at.refundRequestNo] : cells[at.tradeNo];
    const finished = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(cells[at.finishedAt] ?? '') ? `${cells[at.finishedAt].replace(' ', 'T')}+08:00` : '';
    if (cells.length !== header.length || (kind !== '交易' && !refund) || amount === null || !ref || !cells[at.outTradeNo] || !finished) out.push(UNREADABLE_LINE);
    else out.push(statementLine(finished, cells[at.outTradeNo], ref, refund ? 'REFUND' : 'PAY', amount));
  }
  return `${out.join('\n')}\n`;
}

// ------------------------------------------------------------------------------ notifications 异步通知

export type AlipayNotificationCheck = { ok: true; trade: ChannelTrade } | { ok: false; reason: 'missing' | 'unknown_app' | 'bad_signature' | 'bad_fields' };

/**
 * 异步通知验签 checks a notification's fields: the sign (over every field but `sign` and
 * `sign_type`) with the channel's public key, then that it is for this app and names a readable
 * trade. A signed notification states a fact about a trade, and the channel repeats the same one
 * until it reads `success`, so a repeat is applied again (harmlessly) rather than refused.
 */
export function verifyAlipayNotification(config: Pick<AlipayConfig, 'appId' | 'alipayPublicKey'>, fields: Fields): AlipayNotificationCheck {
  if (!fields.sign || fields.sign_type !== 'RSA2') return { ok: false, reason: 'missing' };
  if (!rsa2Verify(signingString(fields, ['sign', 'sign_type']), fields.sign, config.alipayPublicKey)) return { ok: false, reason: 'bad_signature' };
  if (fields.app_id !== config.appId) return { ok: false, reason: 'unknown_app' };
  const tradeState = tradeStateOf(fields.trade_status ?? '');
  const amountFen = yuanToFen(fields.total_amount ?? '');
  if (!tradeState || amountFen === null || !fields.out_trade_no) return { ok: false, reason: 'bad_fields' };
  return { ok: true, trade: { outTradeNo: fields.out_trade_no, tradeState, amountFen, ...(fields.trade_no ? { transactionId: fields.trade_no } : {}) } };
}

/** The notification fields the channel sends, signed (the fake channel's side). */
export function signedNotification(fields: Fields, privateKey: string | KeyObject): Fields {
  const all: Fields = { ...fields, sign_type: 'RSA2' };
  return { ...all, sign: rsa2Sign(signingString(all, ['sign', 'sign_type']), privateKey) };
}
