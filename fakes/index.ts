/**
 * Fakes of the external parties, for tests and for `npm start` when no real
 * provider URL is configured. Each start function listens on 127.0.0.1 (port 0
 * unless given) and resolves to a handle with `url`, `close()` and helpers.
 */
export { startFakeRealName } from './realname/server.js';
export type { FakeRealName, FakeRealNameOptions, LivenessSessionRecord, Person } from './realname/server.js';
export { startFakeSms } from './sms/server.js';
export type { FakeSms, FakeSmsOptions, SmsMessage } from './sms/server.js';
export { startFakeWechatMp } from './wechatmp/server.js';
export type { FakeWechatMp, FakeWechatMpOptions, WechatMpMessage } from './wechatmp/server.js';
export { startFakePush } from './push/server.js';
export type { FakePush, FakePushOptions, PushMessage } from './push/server.js';
export { startFakeSmtp } from './smtp/server.js';
export type { FakeMail, FakeSmtp, FakeSmtpOptions } from './smtp/server.js';
export type { DeliveryControls, DeliveryStatus, ProviderMessage, ReceiptAttempt } from './shared/delivery.js';
export { startFakeOAuth } from './oauth/server.js';
export type { FakeOAuth, FakeOAuthOptions, FakeOAuthProvider, IssuedCode } from './oauth/server.js';
export { startFakeFinance } from './finance/server.js';
export type { FakeFinance, FakeFinanceOptions, FinanceBillRecord } from './finance/server.js';
export type { FakeCall, FakeHandle, FakeServerOptions } from './shared/fake-server.js';
export { startFakePayChannel } from './paychannel/server.js';
export type { CallbackResult, FakePayChannel, FakePayChannelOptions, FakeRefund, FakeTrade, FakeTradeState } from './paychannel/server.js';
export type { ExtraStatementLine, FakePayChannelHooks } from './paychannel/book.js';
export { startFakeAlipayChannel } from './alipay/server.js';
export type { FakeAlipayChannel, FakeAlipayChannelOptions } from './alipay/server.js';
export { startFakeUnionPayChannel } from './unionpay/server.js';
export type { FakeUnionPayChannel, FakeUnionPayChannelOptions } from './unionpay/server.js';
