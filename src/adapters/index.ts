/** Adapters to external parties (外部对接方). Each speaks signed JSON over HTTP; failures throw AdapterError. */
export { AdapterError, isAdapterError, isPermanentFailure } from './errors.js';
export type { AdapterErrorCode, Party } from './errors.js';
export { DEFAULT_TIMEOUT_MS } from './http.js';
export type { PartyConfig } from './http.js';
export * from './signing.js';
export { createRealNameClient } from './realname/client.js';
export type {
  CreateLivenessSessionInput,
  IdCardVerifyResult,
  LivenessResult,
  LivenessSession,
  RealNameClient,
  RealNameClientConfig,
} from './realname/client.js';
export { createSmsClient } from './sms/client.js';
export type { SmsClient, SmsClientConfig, SmsSendResult, SmsTextInput } from './sms/client.js';
export { createWechatMpClient } from './wechatmp/client.js';
export type { WechatMpClient, WechatMpClientConfig, WechatMpSendInput } from './wechatmp/client.js';
export { createPushClient } from './push/client.js';
export type { PushClient, PushClientConfig, PushSendInput } from './push/client.js';
export { createEmailClient, messageIdFor, REFERENCE_HEADER } from './email/client.js';
export type { EmailClient, EmailClientConfig, EmailSendInput } from './email/client.js';
export { parseSignedReceipt, ReceiptError, ReceiptSchema, RECEIPT_STATUSES } from './receipts.js';
export type { Receipt, ReceiptStatus } from './receipts.js';
export { createOAuthClient } from './oauth/client.js';
export type { OAuthClient, OAuthClientConfig, OAuthIdentity, OAuthProvider } from './oauth/client.js';
export { createFinanceClient } from './finance/client.js';
export type { BillAllocation, BillAllocationRequest, FinanceClient, FinanceClientConfig, VoidRequest } from './finance/client.js';
export { CHANNEL_CODES, createPayChannelClient, NotificationSchema, STATEMENT_HEADER, TRADE_STATES, verifyNotification } from './paychannel/client.js';
export type { ChannelTrade, Notification, PayChannel, PayChannelConfig, PrepayRequest, RefundRequest, TradeState } from './paychannel/client.js';
export { createAlipayClient, verifyAlipayNotification } from './paychannel/alipay.js';
export type { AlipayConfig, AlipayNotificationCheck } from './paychannel/alipay.js';
export { createUnionPayClient, unionPayOrderId, verifierOf as unionPayVerifier, verifyUnionPayNotification } from './paychannel/unionpay.js';
export type { Sm2Verifier, UnionPayConfig, UnionPayNotificationCheck } from './paychannel/unionpay.js';
export { parseForm } from './paychannel/form.js';
