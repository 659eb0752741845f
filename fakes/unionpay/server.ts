/**
 * Fake 银联全渠道 UnionPay-style payment channel: form-encoded calls signed SM2 over SM3
 * (`signMethod` 03) to `appTransReq.do` (txnType 01 消费, answering a `tn`), `queryTrans.do` (00
 * 查询, `origRespCode`), `backTransReq.do` (04 退货 by the consume's `queryId`) and
 * `fileTransRequest.do` (76, the day's statement file deflated in `fileContent`), answers signed with
 * its own key, and back notifications (后台通知, signed form POSTs) that count as delivered on HTTP
 * 200. The trades, declines, hangs, lost notifications and statement differences are the shared
 * trade book's (`paychannel/book.ts`), keyed by the UnionPay `orderId`.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { beijingCompact, encodeForm, type Fields } from '../../src/adapters/paychannel/form.js';
import { fileLine, PATHS, signerOf, signFields, verifierOf, verifyFields, VERSION } from '../../src/adapters/paychannel/unionpay.js';
import { generateSm2KeyPair } from '../../src/kernel/crypto/index.js';
import { startFakeServer, type FakeHandle, type FakeServerOptions } from '../shared/fake-server.js';
import { beijingDate, createTradeBook, hooksOf, registerTestRoutes, type CallbackResult, type FakePayChannelHooks, type FakeTrade } from '../paychannel/book.js';

export interface FakeUnionPayChannelOptions extends Omit<FakeServerOptions, 'secret' | 'appId'> {
  /** 商户代码 the platform's merchant id */
  merId: string;
  /** the platform's SM2 public key (hex 04…): the one requests must verify with */
  platformPublicKey: string;
  /** the channel's own SM2 private key (hex); made up when absent (its public key is `publicKey`) */
  privateKey?: string;
}

export interface FakeUnionPayChannel extends FakeHandle, FakePayChannelHooks {
  /** the channel's SM2 public key (hex) the platform verifies answers and notifications with */
  readonly publicKey: string;
}

/** 21 digits, time first, as the channel numbers tn and queryId */
const serial = () => `${beijingCompact(new Date())}${String(randomInt(10_000_000)).padStart(7, '0')}`;

/** The state of a consume as a query's origRespCode tells it: 00 paid, 05 still open, 60 declined by the card's bank. */
function origRespCodeOf(trade: FakeTrade) {
  switch (trade.tradeState) {
    case 'SUCCESS':
    case 'REFUND':
      return '00';
    case 'NOTPAY':
      return '05';
    case 'PAYERROR':
      return '60';
    default:
      return '01';
  }
}

const MESSAGES: Record<string, string> = { '00': '成功[0000000]', '05': '交易已受理', '60': '交易失败，详情请咨询您的发卡行', '01': '交易失败' };
/** `yyyyMMddHHmmss` Beijing time → the moment, or null */
const fromCompact = (text: string | undefined) => {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text ?? '');
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`) : null;
};

export async function startFakeUnionPayChannel(opts: FakeUnionPayChannelOptions): Promise<FakeUnionPayChannel> {
  const signer = signerOf(opts.privateKey ?? generateSm2KeyPair().privateKey);
  const platform = verifierOf(opts.platformPublicKey);

  const book = createTradeBook({
    enforceExpiry: true,
    ids: { prepay: serial, transaction: serial, refund: serial },
    async sendCallback(trade): Promise<CallbackResult> {
      const respCode = origRespCodeOf(trade);
      const fields = signFields(
        {
          version: VERSION,
          encoding: 'UTF-8',
          bizType: '000201',
          txnType: '01',
          txnSubType: '01',
          accessType: '0',
          merId: opts.merId,
          orderId: trade.outTradeNo,
          txnTime: beijingCompact(trade.createdAt),
          txnAmt: String(trade.amountFen),
          currencyCode: '156',
          respCode,
          respMsg: MESSAGES[respCode],
          ...(trade.transactionId ? { queryId: trade.transactionId, settleAmt: String(trade.amountFen), settleCurrencyCode: '156', settleDate: beijingCompact(trade.paidAt!).slice(4, 8) } : {}),
          traceNo: String(randomInt(1_000_000)).padStart(6, '0'),
          traceTime: beijingCompact(new Date()).slice(4),
        },
        signer,
      );
      try {
        const response = await fetch(trade.notifyUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
          body: encodeForm(fields),
          signal: AbortSignal.timeout(10_000),
        });
        await response.text();
        // The channel resends until it gets HTTP 200.
        return { delivered: response.status === 200, status: response.status };
      } catch {
        return { delivered: false };
      }
    },
  });

  const handle = await startFakeServer({ ...opts, appId: opts.merId, secret: randomBytes(16).toString('hex') }, (r) => {
    /** One gateway endpoint: checks the envelope and the signature, then answers the handler's fields signed. */
    const endpoint = (path: string, txnType: string, work: (fields: Fields) => Fields | Promise<Fields>) =>
      r.native('POST', path, async (req, reply, body) => {
        const fields = (body && typeof body === 'object' ? body : {}) as Fields;
        const echo = { version: VERSION, encoding: 'UTF-8', txnType: fields.txnType ?? '', merId: fields.merId ?? '', ...(fields.orderId ? { orderId: fields.orderId } : {}), ...(fields.txnTime ? { txnTime: fields.txnTime } : {}) };
        const answer = (result: Fields) => {
          const signed = signFields({ ...echo, ...result }, signer);
          if (result.respCode === '00' && r.tamper()) signed.signature = (signed.signature[0] === 'A' ? 'B' : 'A') + signed.signature.slice(1);
          return reply.type('application/x-www-form-urlencoded; charset=UTF-8').send(encodeForm(signed));
        };
        const ok = verifyFields(fields, platform);
        r.verified(req, ok);
        if (!ok) return answer({ respCode: '11', respMsg: '验证签名失败' });
        if (fields.version !== VERSION || fields.encoding !== 'UTF-8' || fields.txnType !== txnType || !fromCompact(fields.txnTime)) return answer({ respCode: '10', respMsg: '报文格式错误' });
        if (fields.merId !== opts.merId) return answer({ respCode: '31', respMsg: '商户状态不正确' });
        await book.maybeHang();
        return answer(await work(fields));
      });

    endpoint(PATHS.app, '01', (f): Fields => {
      const amountFen = Number(f.txnAmt);
      if (!/^[0-9A-Za-z]{8,40}$/.test(f.orderId ?? '') || !/^[1-9]\d{0,15}$/.test(f.txnAmt ?? '') || !f.backUrl) return { respCode: '13', respMsg: '交易要素缺失' };
      const outcome = book.prepay({ outTradeNo: f.orderId, amountFen, description: f.orderDesc ?? '', notifyUrl: f.backUrl, expiresAt: fromCompact(f.payTimeout) ?? undefined });
      if (outcome.ok) return { respCode: '00', respMsg: MESSAGES['00'], tn: outcome.trade.prepayId };
      if (outcome.code === 'DECLINED') return { respCode: '30', respMsg: '交易未通过，请尝试使用其他银联卡支付或联系95516' };
      return { respCode: '12', respMsg: '重复交易' };
    });

    endpoint(PATHS.query, '00', (f): Fields => {
      const trade = book.trades.get(f.orderId ?? '');
      if (trade?.prepayId) {
        const orig = origRespCodeOf(trade);
        return { respCode: '00', respMsg: MESSAGES['00'], origRespCode: orig, origRespMsg: MESSAGES[orig], txnAmt: String(trade.amountFen), ...(trade.transactionId ? { queryId: trade.transactionId } : {}) };
      }
      // A refund (退货) is a transaction of its own, found by its orderId too.
      const refund = book.refunds.find((x) => x.outRefundNo === f.orderId);
      if (refund) return { respCode: '00', respMsg: MESSAGES['00'], origRespCode: '00', origRespMsg: MESSAGES['00'], txnAmt: String(refund.amountFen), queryId: refund.refundId };
      return { respCode: '34', respMsg: '查无此交易' };
    });

    endpoint(PATHS.back, '04', (f): Fields => {
      const amountFen = Number(f.txnAmt);
      if (!/^[0-9A-Za-z]{8,40}$/.test(f.orderId ?? '') || !/^[1-9]\d{0,15}$/.test(f.txnAmt ?? '') || !f.origQryId) return { respCode: '13', respMsg: '交易要素缺失' };
      const trade = [...book.trades.values()].find((t) => t.transactionId === f.origQryId);
      if (!trade) return { respCode: '35', respMsg: '原交易不存在或状态不正确' };
      const outcome = book.refund({ outTradeNo: trade.outTradeNo, outRefundNo: f.orderId, amountFen });
      if (outcome.ok && outcome.repeated) return { respCode: '12', respMsg: '重复交易' };
      if (outcome.ok) return { respCode: '00', respMsg: MESSAGES['00'], queryId: outcome.refund.refundId, origQryId: f.origQryId, txnAmt: f.txnAmt };
      return outcome.code === 'NOT_ENOUGH' ? { respCode: '33', respMsg: '交易金额超限' } : { respCode: '35', respMsg: '原交易不存在或状态不正确' };
    });

    // 对账文件: settleDate is MMDD, the most recent such day.
    endpoint(PATHS.file, '76', (f): Fields => {
      if (!/^\d{4}$/.test(f.settleDate ?? '') || f.fileType !== '00') return { respCode: '13', respMsg: '交易要素缺失' };
      const today = beijingDate(new Date());
      let day = `${today.slice(0, 4)}-${f.settleDate.slice(0, 2)}-${f.settleDate.slice(2)}`;
      if (day > today) day = `${Number(today.slice(0, 4)) - 1}${day.slice(4)}`;
      const lines = book.statement(day).map((e) =>
        e.type === 'PAY'
          ? fileLine({ txnType: '01', orderId: e.outTradeNo, queryId: e.ref, amountFen: e.amountFen, txnTime: beijingCompact(e.at) })
          : fileLine({ txnType: '04', orderId: e.outRefundNo ?? e.ref, queryId: e.ref, amountFen: e.amountFen, txnTime: beijingCompact(e.at), origQryId: e.tradeRef, origOrderId: e.outTradeNo }),
      );
      const fileContent = deflateSync(Buffer.from(lines.map((l) => `${l}\r\n`).join(''), 'utf8')).toString('base64');
      return { respCode: '00', respMsg: MESSAGES['00'], settleDate: f.settleDate, fileType: '00', fileName: `INN${day.slice(2, 4)}${f.settleDate}88ZM_${opts.merId}`, fileContent };
    });

    registerTestRoutes(r, book, '云闪付 UnionPay');
  });

  return { ...handle, ...hooksOf(book), publicKey: signer.publicKey };
}
