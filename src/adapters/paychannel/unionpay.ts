/**
 * 银联全渠道 the UnionPay-style payment channel behind the one `PayChannel`: form-encoded calls
 * (`version` 5.1.0, `encoding` UTF-8, `txnType` 01 消费 / 00 查询 / 04 退货 / 76 文件传输, amounts
 * `txnAmt` in fen) to the gateway's `appTransReq.do`, `queryTrans.do`, `backTransReq.do` and
 * `fileTransRequest.do`, signed by `signMethod` 03: SM2 over the hex SM3 digest of the sorted
 * `k=v&…` string (the 国密 counterpart of 01, RSA over SHA-256), base64 in `signature`, with the
 * signing key's `certId`. Answers and back notifications (后台通知, a form POST the platform answers
 * with HTTP 200) are signed the same way by the channel. `respCode` 00 is success; a query's
 * `origRespCode` is the state of the transaction asked about.
 *
 * UnionPay takes letters and digits only in `orderId`; the platform's ids are lower-case letters,
 * digits and `_`, so `_` travels as `Z` (`unionPayOrderId` / `platformOrderId`).
 */
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { prepareSm2PublicKey, sm2PublicKeyFromPrivateKey, sm2Sign, sm2Verify, type PreparedSm2PublicKey } from '../../kernel/crypto/index.js';
import { AdapterError, type AdapterErrorCode } from '../errors.js';
import { joinUrl } from '../http.js';
import { cashierUrlOf, CHANNEL_CODES, STATEMENT_HEADER, statementLine, UNREADABLE_LINE, type ChannelTrade, type PayChannel, type TradeState } from './client.js';
import { beijingCompact, parseForm, send, signingString, type Fields } from './form.js';

export interface UnionPayConfig {
  /** the gateway's base URL; calls go to `{baseUrl}/gateway/api/…` */
  baseUrl: string;
  /** 商户代码 */
  merId: string;
  /** the platform's SM2 private key (hex) */
  privateKey: string;
  /** 银联签名公钥 the channel's SM2 public key (hex 04…) */
  unionPayPublicKey: string;
  timeoutMs?: number;
}

const party = 'unionpay' as const;
export const VERSION = '5.1.0';
/** SM2 with SM3 */
export const SIGN_METHOD = '03';

export const PATHS = {
  app: '/gateway/api/appTransReq.do',
  query: '/gateway/api/queryTrans.do',
  back: '/gateway/api/backTransReq.do',
  file: '/gateway/api/fileTransRequest.do',
} as const;

// ------------------------------------------------------------------------------ order ids

/** The platform's order or refund id as a UnionPay `orderId` (8–40 letters and digits). */
export function unionPayOrderId(id: string): string {
  if (!/^[a-z0-9_]{8,40}$/.test(id)) throw new RangeError(`not an id UnionPay can carry: ${id}`);
  return id.replace(/_/g, 'Z');
}

/** The platform's id of a UnionPay `orderId` the platform made; another merchant system's stays as it is. */
export const platformOrderId = (orderId: string) => (/^[a-z0-9Z]+$/.test(orderId) ? orderId.replace(/Z/g, '_') : orderId);

// ------------------------------------------------------------------------------ signatures

/** 证书ID of a signing key: the decimal number of its SM3 fingerprint's first 5 bytes. */
export const certIdOf = (publicKey: string) => BigInt(`0x${createHash('sm3').update(publicKey.toLowerCase()).digest('hex').slice(0, 10)}`).toString();

const digestOf = (fields: Fields) => createHash('sm3').update(signingString(fields, ['signature']), 'utf8').digest('hex');

export interface Sm2Signer {
  privateKey: string;
  publicKey: string;
  certId: string;
}

export function signerOf(privateKeyHex: string): Sm2Signer {
  // A generated scalar may come without its leading zeros.
  const privateKey = privateKeyHex.padStart(64, '0');
  const publicKey = sm2PublicKeyFromPrivateKey(privateKey);
  return { privateKey, publicKey, certId: certIdOf(publicKey) };
}

/** The fields with `signMethod`, `certId` and `signature` added. */
export function signFields(fields: Fields, signer: Sm2Signer): Fields {
  const all: Fields = { ...fields, signMethod: SIGN_METHOD, certId: signer.certId };
  const der = sm2Sign(digestOf(all), signer.privateKey, { publicKey: signer.publicKey });
  return { ...all, signature: Buffer.from(der, 'hex').toString('base64') };
}

export interface Sm2Verifier {
  key: PreparedSm2PublicKey;
  certId: string;
}

export function verifierOf(publicKey: string): Sm2Verifier {
  const key = prepareSm2PublicKey(publicKey);
  return { key, certId: certIdOf(key.publicKey) };
}

/** Whether the fields carry a valid signature of the verifier's key; never throws. */
export function verifyFields(fields: Fields, verifier: Sm2Verifier): boolean {
  if (fields.signMethod !== SIGN_METHOD || fields.certId !== verifier.certId || !fields.signature || !/^[A-Za-z0-9+/]+={0,2}$/.test(fields.signature)) return false;
  return sm2Verify(digestOf(fields), Buffer.from(fields.signature, 'base64').toString('hex'), verifier.key);
}

// ------------------------------------------------------------------------------ codes and states

/** 应答码 of an answer: who is at fault when it is not 00. */
function errorCodeOf(respCode: string): AdapterErrorCode {
  if (respCode === '11') return 'unauthorized'; // 验证签名失败
  if (respCode === '03' || respCode === '04' || respCode === '05' || respCode === '99') return 'upstream_failure'; // 超时 / 状态未明 / 已受理 / 系统繁忙: unknown outcome
  return 'rejected';
}

/**
 * The platform's trade state of a consume as a query tells it (`origRespCode`): 00 (or A6, success
 * with a difference the channel settles) paid; 03/04/05 still under way or unknown, which for the
 * platform is not paid yet; anything else failed.
 */
export function tradeStateOf(origRespCode: string): TradeState {
  if (origRespCode === '00' || origRespCode === 'A6') return 'SUCCESS';
  if (origRespCode === '03' || origRespCode === '04' || origRespCode === '05') return 'NOTPAY';
  return 'PAYERROR';
}

const AMOUNT = /^(0|[1-9]\d{0,15})$/;

// ------------------------------------------------------------------------------ the client

export function createUnionPayClient(config: UnionPayConfig): PayChannel {
  const signer = signerOf(config.privateKey);
  const verifier = verifierOf(config.unionPayPublicKey);
  const common = () => ({ version: VERSION, encoding: 'UTF-8', accessType: '0', merId: config.merId, txnTime: beijingCompact(new Date()) });

  /** One call; the answer's fields once signed and `respCode` 00. */
  async function call(path: string, fields: Fields): Promise<Fields> {
    const text = await send({ party, url: joinUrl(config.baseUrl, path), fields: signFields({ ...common(), ...fields }, signer), timeoutMs: config.timeoutMs });
    const answer = parseForm(text);
    if (!answer || !answer.respCode) throw new AdapterError({ party, code: 'bad_response', status: 200, message: `${party}: ${path} answered no respCode` });
    if (!verifyFields(answer, verifier)) throw new AdapterError({ party, code: 'bad_signature', status: 200, message: `${party}: response signature invalid for ${path}` });
    if (answer.respCode !== '00') {
      throw new AdapterError({ party, code: errorCodeOf(answer.respCode), status: 200, upstreamCode: answer.respCode, message: `${party}: ${path} failed: ${answer.respCode} ${answer.respMsg ?? ''}`.trim() });
    }
    return answer;
  }

  const badResponse = (path: string, what: string) => new AdapterError({ party, code: 'bad_response', status: 200, message: `${party}: ${path} answered ${what}` });

  /** 交易状态查询 of a consume or a refund by its orderId. */
  async function queryTrans(orderId: string): Promise<Fields> {
    try {
      return await call(PATHS.query, { txnType: '00', txnSubType: '00', bizType: '000000', orderId });
    } catch (error) {
      // 34 查无此交易
      if (error instanceof AdapterError && error.upstreamCode === '34') {
        throw new AdapterError({ party, code: 'rejected', status: 200, upstreamCode: CHANNEL_CODES.orderNotExist, message: error.message });
      }
      throw error;
    }
  }

  async function query(outTradeNo: string): Promise<ChannelTrade> {
    const answer = await queryTrans(unionPayOrderId(outTradeNo));
    if (!answer.origRespCode || !AMOUNT.test(answer.txnAmt ?? '')) throw badResponse(PATHS.query, 'an unreadable transaction');
    const tradeState = tradeStateOf(answer.origRespCode);
    return { outTradeNo, tradeState, amountFen: Number(answer.txnAmt), ...(tradeState === 'SUCCESS' && answer.queryId ? { transactionId: answer.queryId } : {}) };
  }

  return {
    cashierUrl: (prepayId, returnUrl) => cashierUrlOf(config.baseUrl, prepayId, returnUrl),

    async prepay(input) {
      const answer = await call(PATHS.app, {
        txnType: '01',
        txnSubType: '01',
        bizType: '000201',
        channelType: '08',
        orderId: unionPayOrderId(input.outTradeNo),
        txnAmt: String(input.amountFen),
        currencyCode: '156',
        backUrl: input.notifyUrl,
        orderDesc: input.description.slice(0, 32),
        // 订单支付超时时间: the channel refuses the payment after the order's own deadline.
        payTimeout: beijingCompact(new Date(input.expiresAt)),
      });
      if (!answer.tn) throw badResponse(PATHS.app, 'no tn');
      return { prepayId: answer.tn };
    },

    query,

    /**
     * 全渠道 has no call that closes a consume: an unpaid one ends at its payTimeout, the order's
     * deadline, which is when the platform closes it; before that (a prepay that failed) its `tn`
     * never reached the payer. So a consume that is not paid counts as closed, a paid one is refused.
     */
    async close(outTradeNo) {
      let trade: ChannelTrade;
      try {
        trade = await query(outTradeNo);
      } catch (error) {
        if (error instanceof AdapterError && error.upstreamCode === CHANNEL_CODES.orderNotExist) return;
        throw error;
      }
      if (trade.tradeState === 'SUCCESS') throw new AdapterError({ party, code: 'rejected', status: 200, upstreamCode: CHANNEL_CODES.orderPaid, message: `${party}: ${outTradeNo} is paid` });
    },

    async refund(input) {
      const orderId = unionPayOrderId(input.outRefundNo);
      // 退货 refers to the consume by its queryId.
      const origQryId = input.transactionId || (await query(input.outTradeNo)).transactionId;
      if (!origQryId) throw new AdapterError({ party, code: 'rejected', status: 200, upstreamCode: '35', message: `${party}: ${input.outTradeNo} has no paid consume to refund` });
      try {
        const answer = await call(PATHS.back, {
          txnType: '04',
          txnSubType: '00',
          bizType: '000201',
          channelType: '07',
          orderId,
          origQryId,
          txnAmt: String(input.amountFen),
          currencyCode: '156',
          ...(input.notifyUrl ? { backUrl: input.notifyUrl } : {}),
        });
        if (!answer.queryId) throw badResponse(PATHS.back, 'no queryId');
        return { refundId: answer.queryId };
      } catch (error) {
        // 12 重复交易: this refund was sent before (a retry after a timeout); its own record answers.
        if (!(error instanceof AdapterError && error.upstreamCode === '12')) throw error;
        const earlier = await queryTrans(orderId);
        if (earlier.origRespCode !== '00' || !earlier.queryId) throw error;
        return { refundId: earlier.queryId };
      }
    },

    async statement(date) {
      const answer = await call(PATHS.file, { txnType: '76', txnSubType: '01', bizType: '000000', settleDate: date.slice(5, 7) + date.slice(8, 10), fileType: '00' });
      let text: string;
      try {
        text = inflateSync(Buffer.from(answer.fileContent ?? '', 'base64')).toString('utf8');
      } catch {
        throw badResponse(PATHS.file, 'a fileContent that does not inflate');
      }
      return statementOfFile(text);
    },
  };
}

// ------------------------------------------------------------------------------ the statement file 对账文件

/**
 * 对账文件 one line per transaction, fields separated by spaces: 交易类型 (01 消费, 04 退货),
 * 商户订单号, 查询流水号, 交易金额 (12 digits, fen), 交易传输时间 (yyyyMMddHHmmss, Beijing),
 * 原交易查询流水号 (21 zeros for a consume), 原交易商户订单号 (`-` for a consume).
 */
export const fileLine = (input: { txnType: '01' | '04'; orderId: string; queryId: string; amountFen: number; txnTime: string; origQryId?: string; origOrderId?: string }) =>
  [input.txnType, input.orderId, input.queryId, String(input.amountFen).padStart(12, '0'), input.txnTime, input.origQryId ?? '0'.repeat(21), input.origOrderId ?? '-'].join(' ');

/** The statement file as the platform's statement; a line it cannot read becomes `UNREADABLE_LINE`. */
export function statementOfFile(text: string): string {
  const out = [STATEMENT_HEADER];
  for (const line of text.split(/\r?\n/).filter((l) => l.trim() !== '')) {
    const [txnType, orderId, queryId, amount, txnTime, , origOrderId, ...rest] = line.trim().split(/ +/);
    const time = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(txnTime ?? '');
    const outTradeNo = txnType === '04' ? origOrderId : orderId;
    const ok = (txnType === '01' || txnType === '04') && /^\d{12}$/.test(amount ?? '') && time && queryId && outTradeNo && outTradeNo !== '-' && rest.length === 0 && !/,/.test(line);
    if (!ok) {
      out.push(UNREADABLE_LINE);
      continue;
    }
    const at = `${time[1]}-${time[2]}-${time[3]}T${time[4]}:${time[5]}:${time[6]}+08:00`;
    out.push(statementLine(at, platformOrderId(outTradeNo), queryId, txnType === '01' ? 'PAY' : 'REFUND', Number(amount)));
  }
  return `${out.join('\n')}\n`;
}

// ------------------------------------------------------------------------------ back notifications 后台通知

export type UnionPayNotificationCheck =
  | { ok: true; trade: ChannelTrade | null }
  | { ok: false; reason: 'missing' | 'unknown_app' | 'bad_signature' | 'bad_fields' };

/**
 * 后台通知验签 checks a back notification: the signature with the channel's key, then that it is
 * for this merchant. A consume's notification is its trade (respCode 00 or A6 paid, else failed);
 * others (a refund's result) are acknowledged with no trade. As with the other form style, a
 * signed notification repeated is applied again harmlessly rather than refused.
 */
export function verifyUnionPayNotification(config: { merId: string; verifier: Sm2Verifier }, fields: Fields): UnionPayNotificationCheck {
  if (!fields.signature || !fields.certId) return { ok: false, reason: 'missing' };
  if (!verifyFields(fields, config.verifier)) return { ok: false, reason: 'bad_signature' };
  if (fields.merId !== config.merId) return { ok: false, reason: 'unknown_app' };
  if (fields.txnType !== '01') return { ok: true, trade: null };
  if (!fields.orderId || !fields.respCode || !AMOUNT.test(fields.txnAmt ?? '')) return { ok: false, reason: 'bad_fields' };
  const tradeState = fields.respCode === '00' || fields.respCode === 'A6' ? 'SUCCESS' : 'PAYERROR';
  return {
    ok: true,
    trade: { outTradeNo: platformOrderId(fields.orderId), tradeState, amountFen: Number(fields.txnAmt), ...(tradeState === 'SUCCESS' && fields.queryId ? { transactionId: fields.queryId } : {}) },
  };
}
