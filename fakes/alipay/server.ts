/**
 * Fake 支付宝 Alipay-style payment channel: one gateway `POST /gateway.do` taking form-encoded,
 * RSA2-signed calls (alipay.trade.create / query / close / refund,
 * alipay.data.dataservice.bill.downloadurl.query), answering `{"<method>_response":{…},"sign":"…"}`
 * signed with its own key, a bill download link, and asynchronous notifications (form POSTs, signed)
 * that count as delivered when the platform answers `success`. The trades, declines, hangs, lost
 * notifications and statement differences are the shared trade book's (`paychannel/book.ts`).
 */
import { createPublicKey, generateKeyPairSync, randomBytes, randomInt, type KeyObject } from 'node:crypto';
import { fenToYuan, signedNotification, signedResponse, verifyRequest, yuanToFen } from '../../src/adapters/paychannel/alipay.js';
import { beijingDateTime, encodeForm, type Fields } from '../../src/adapters/paychannel/form.js';
import { startFakeServer, type FakeHandle, type FakeServerOptions } from '../shared/fake-server.js';
import { createTradeBook, hooksOf, registerTestRoutes, type CallbackResult, type FakePayChannelHooks, type FakeTrade } from '../paychannel/book.js';

export interface FakeAlipayChannelOptions extends Omit<FakeServerOptions, 'secret'> {
  /** the platform's application public key (PEM): the one requests must verify with */
  platformPublicKey: string | KeyObject;
  /** the channel's own private key (PEM); made up when absent (its public key is `publicKey`) */
  privateKey?: string;
}

export interface FakeAlipayChannel extends FakeHandle, FakePayChannelHooks {
  /** the channel's public key (PEM) the platform verifies answers and notifications with */
  readonly publicKey: string;
}

type Biz = Record<string, unknown>;

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
const beijingDay = (at: Date) => beijingDateTime(at).slice(0, 10).replace(/-/g, '');
/** `yyyy-MM-dd HH:mm:ss` Beijing time → the moment, or null */
const fromBeijing = (text: unknown) => (typeof text === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text) ? new Date(`${text.replace(' ', 'T')}+08:00`) : null);

/** How a trade of the book reads at Alipay: a declined payment closes the trade; a wholly refunded one is closed too. */
function statusOf(trade: FakeTrade) {
  switch (trade.tradeState) {
    case 'NOTPAY':
      return 'WAIT_BUYER_PAY';
    case 'SUCCESS':
      return 'TRADE_SUCCESS';
    case 'REFUND':
      return trade.refundedFen === trade.amountFen ? 'TRADE_CLOSED' : 'TRADE_SUCCESS';
    default:
      return 'TRADE_CLOSED';
  }
}

export async function startFakeAlipayChannel(opts: FakeAlipayChannelOptions): Promise<FakeAlipayChannel> {
  const own = { privateKey: opts.privateKey ?? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
  const publicKey = createPublicKey(own.privateKey).export({ type: 'spki', format: 'pem' }).toString();
  const maxSkewMs = opts.maxSkewMs ?? 300_000;
  /** bill download links handed out: token → day */
  const bills = new Map<string, string>();

  const book = createTradeBook({
    enforceExpiry: true,
    ids: {
      // 支付宝交易号: 28 digits, the day first; the same number from creation to payment
      prepay: () => `${beijingDay(new Date())}22001${digits(15)}`,
      transaction: (trade) => trade.prepayId,
      // The channel names a refund by the merchant's request number.
      refund: (outRefundNo) => outRefundNo,
    },
    async sendCallback(trade): Promise<CallbackResult> {
      const fields = signedNotification(
        {
          notify_time: beijingDateTime(new Date()),
          notify_type: 'trade_status_sync',
          notify_id: randomBytes(16).toString('hex'),
          app_id: opts.appId,
          charset: 'utf-8',
          version: '1.0',
          trade_no: trade.prepayId,
          out_trade_no: trade.outTradeNo,
          trade_status: statusOf(trade),
          total_amount: fenToYuan(trade.amountFen),
          subject: trade.description,
          buyer_id: '2088102177846875',
          gmt_create: beijingDateTime(trade.createdAt),
          ...(trade.paidAt ? { gmt_payment: beijingDateTime(trade.paidAt), receipt_amount: fenToYuan(trade.amountFen), buyer_pay_amount: fenToYuan(trade.amountFen) } : {}),
          ...(statusOf(trade) === 'TRADE_CLOSED' ? { gmt_close: beijingDateTime(new Date()) } : {}),
        },
        own.privateKey,
      );
      try {
        const response = await fetch(trade.notifyUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
          body: encodeForm(fields),
          signal: AbortSignal.timeout(10_000),
        });
        // Anything but the plain word is a failed delivery (the channel would retry it).
        const text = await response.text();
        return { delivered: response.ok && text.trim() === 'success', status: response.status };
      } catch {
        return { delivered: false };
      }
    },
  });

  const handle = await startFakeServer({ ...opts, secret: randomBytes(16).toString('hex') }, (r) => {
    r.native('POST', '/gateway.do', async (req, reply, body) => {
      const fields = (body && typeof body === 'object' ? body : {}) as Fields;
      const method = fields.method ?? '';
      const answer = (content: Record<string, unknown>) => {
        let text = signedResponse(method || 'alipay', content, own.privateKey);
        if (content.code === '10000' && r.tamper()) text = text.replace(/"sign":"(.)/, (_m, c: string) => `"sign":"${c === 'A' ? 'B' : 'A'}`);
        return reply.type('application/json; charset=utf-8').send(text);
      };
      const fail = (code: string, msg: string, subCode: string, subMsg: string) => answer({ code, msg, sub_code: subCode, sub_msg: subMsg });
      const business = (subCode: string, subMsg: string) => fail('40004', 'Business Failed', subCode, subMsg);
      const ok = (content: Record<string, unknown>) => answer({ code: '10000', msg: 'Success', ...content });

      if (!fields.app_id || !method || !fields.sign || !fields.timestamp || !fields.biz_content) return fail('40001', 'Missing Required Arguments', 'isv.missing-signature', '缺少必要参数');
      const signedOk = verifyRequest(fields, opts.platformPublicKey);
      r.verified(req, signedOk);
      if (!signedOk) return fail('40002', 'Invalid Arguments', 'isv.invalid-signature', '验签出错');
      if (fields.app_id !== opts.appId) return fail('40002', 'Invalid Arguments', 'isv.invalid-app-id', '无效的AppID参数');
      const sentAt = fromBeijing(fields.timestamp);
      if (!sentAt || Math.abs(Date.now() - sentAt.getTime()) > maxSkewMs) return fail('40002', 'Invalid Arguments', 'isv.invalid-timestamp', '非法的时间戳参数');
      let biz: Biz;
      try {
        biz = JSON.parse(fields.biz_content) as Biz;
      } catch {
        return fail('40002', 'Invalid Arguments', 'isv.invalid-biz-content', 'biz_content 不是 JSON');
      }
      await book.maybeHang();
      const text = (key: string) => (typeof biz[key] === 'string' ? (biz[key] as string) : '');
      const outTradeNo = text('out_trade_no');

      switch (method) {
        case 'alipay.trade.create': {
          const amountFen = yuanToFen(text('total_amount'));
          if (!outTradeNo || !amountFen || !fields.notify_url) return business('ACQ.INVALID_PARAMETER', '参数无效');
          const outcome = book.prepay({ outTradeNo, amountFen, description: text('subject'), notifyUrl: fields.notify_url, expiresAt: fromBeijing(biz.time_expire) ?? undefined });
          if (outcome.ok) return ok({ out_trade_no: outTradeNo, trade_no: outcome.trade.prepayId });
          if (outcome.code === 'ORDER_CLOSED') return business('ACQ.TRADE_HAS_CLOSE', '交易已经关闭');
          if (outcome.code === 'OUT_TRADE_NO_USED') return business('ACQ.TRADE_HAS_EXIST', '交易已存在，金额不一致');
          return business('ACQ.ACCESS_FORBIDDEN', '交易被拒绝');
        }
        case 'alipay.trade.query': {
          const trade = book.trades.get(outTradeNo);
          if (!trade?.prepayId) return business('ACQ.TRADE_NOT_EXIST', '交易不存在');
          return ok({
            trade_no: trade.prepayId,
            out_trade_no: trade.outTradeNo,
            trade_status: statusOf(trade),
            total_amount: fenToYuan(trade.amountFen),
            buyer_logon_id: '159******20',
            ...(trade.paidAt ? { send_pay_date: beijingDateTime(trade.paidAt), receipt_amount: fenToYuan(trade.amountFen) } : {}),
          });
        }
        case 'alipay.trade.close': {
          const trade = book.trades.get(outTradeNo);
          if (!trade?.prepayId) return business('ACQ.TRADE_NOT_EXIST', '交易不存在');
          if (trade.tradeState !== 'NOTPAY') return business('ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
          book.close(outTradeNo);
          return ok({ trade_no: trade.prepayId, out_trade_no: outTradeNo });
        }
        case 'alipay.trade.refund': {
          const amountFen = yuanToFen(text('refund_amount'));
          const outRequestNo = text('out_request_no');
          if (!outTradeNo || !amountFen || !outRequestNo) return business('ACQ.INVALID_PARAMETER', '参数无效');
          const outcome = book.refund({ outTradeNo, outRefundNo: outRequestNo, amountFen });
          const trade = book.trades.get(outTradeNo);
          if (outcome.ok) {
            return ok({ trade_no: trade!.prepayId, out_trade_no: outTradeNo, buyer_logon_id: '159******20', fund_change: outcome.repeated ? 'N' : 'Y', refund_fee: fenToYuan(trade!.refundedFen) });
          }
          if (outcome.code === 'NOT_ENOUGH') return business('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '退款金额超限');
          return trade?.prepayId ? business('ACQ.TRADE_STATUS_ERROR', '交易状态不合法') : business('ACQ.TRADE_NOT_EXIST', '交易不存在');
        }
        case 'alipay.data.dataservice.bill.downloadurl.query': {
          const day = text('bill_date');
          if (text('bill_type') !== 'trade' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return fail('40002', 'Invalid Arguments', 'isv.invalid-parameter', '参数无效');
          const token = randomBytes(16).toString('hex');
          bills.set(token, day);
          return ok({ bill_download_url: `${r.baseUrl()}/bill/download?token=${token}` });
        }
        default:
          return fail('40002', 'Invalid Arguments', 'isv.invalid-method', '不存在的方法名');
      }
    });

    // 账单下载: the link of a downloadurl answer; the file lists the day as the book has it when fetched.
    r.open('GET', '/bill/download', async (req, reply) => {
      const day = bills.get(String((req.query as { token?: string }).token ?? ''));
      if (!day) return reply.code(404).send('no such bill');
      const header = '支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注';
      const entries = book.statement(day);
      const rows = entries.map((e) => {
        const trade = book.trades.get(e.outTradeNo);
        const amount = `${e.type === 'REFUND' ? '-' : ''}${fenToYuan(e.amountFen)}`;
        const tradeNo = e.type === 'PAY' ? e.ref : (e.tradeRef ?? `${beijingDay(e.at)}22001${digits(15)}`);
        const created = beijingDateTime(trade?.createdAt ?? e.at);
        const name = (trade?.description ?? '').replace(/,/g, '，');
        // Values padded with a tab, as the channel writes them so spreadsheets keep the digits.
        return [`${tradeNo}\t`, `${e.outTradeNo}\t`, e.type === 'PAY' ? '交易' : '退款', name, created, beijingDateTime(e.at), '', '', '', '', '159******20', amount, amount, '0.00', '0.00', '0.00', '0.00', '0.00', '', '0.00', '0.00', e.type === 'REFUND' ? `${e.ref}\t` : '', '0.00', '0.00', ''].join(',');
      });
      const pays = entries.filter((e) => e.type === 'PAY').length;
      const bill = [
        '#支付宝业务明细查询',
        `#账号：[${opts.appId}]`,
        `#起始日期：[${day} 00:00:00]   终止日期：[${day} 23:59:59]`,
        '#-----------------------------------------业务明细列表----------------------------------------',
        header,
        ...rows,
        '#-----------------------------------------业务明细列表结束------------------------------------',
        `#交易合计：${pays}笔，退款合计：${entries.length - pays}笔`,
        `#导出时间：[${beijingDateTime(new Date())}]`,
      ].join('\r\n');
      return reply.type('text/csv; charset=utf-8').send(`${bill}\r\n`);
    });

    registerTestRoutes(r, book, '支付宝 Alipay');
  });

  return { ...handle, ...hooksOf(book), publicKey };
}
