import { registerMessages } from '../../kernel/i18n/index.js';

registerMessages({
  'payment.not_found': { zh: '没有该支付订单', en: 'No such payment order' },
  'payment.idempotency_key_required': { zh: '此操作须带幂等键 Idempotency-Key', en: 'This operation requires an Idempotency-Key header' },
  'payment.reference_taken': { zh: '订单号 {reference} 已在本机构使用', en: 'The order reference {reference} was already used by this institution' },
  'payment.channel_not_bound': { zh: '本渠道应用未绑定定点医药机构，不能下单', en: 'This channel app is bound to no designated institution: it cannot create orders' },
  'payment.institution_not_bound': {
    zh: '本渠道应用绑定的机构是 {bound}，不能以 {institutionCode} 下单',
    en: 'This channel app is bound to {bound}: it cannot create orders as {institutionCode}',
  },
  'payment.insurance_type_not_held': { zh: '参保人的电子凭证不含险种 {insuranceType}', en: 'The person’s e-voucher does not carry insurance type {insuranceType}' },
  'payment.cash_not_allowed': {
    zh: '结算类型 HI 不允许现金部分，本次个人现金支付 {cashFen} 分',
    en: 'Settlement type HI allows no cash part; this visit leaves {cashFen} fen in cash',
  },
  'payment.order_not_confirmable': { zh: '订单状态为 {status}，不能确认支付', en: 'The order is {status}: it cannot be confirmed' },
  'payment.order_expired': { zh: '订单已超时，请重新下单', en: 'The order timed out: create a new one' },
  'payment.settlement_failed': { zh: '医保结算失败：{detail}', en: 'The insurance settlement failed: {detail}' },
  'payment.channel_declined': { zh: '支付渠道拒绝了现金部分的支付，医保结算已撤销', en: 'The payment channel declined the cash part; the insurance settlement was reversed' },
  'payment.channel_unavailable': { zh: '支付渠道暂不可用，请稍后重试', en: 'The payment channel is unavailable: retry later' },
  'payment.order_not_refundable': { zh: '订单状态为 {status}，不能退款', en: 'The order is {status}: it cannot be refunded' },
  'payment.refund_exceeds': {
    zh: '退款 {amountFen} 分超出可退金额 {refundableFen} 分',
    en: 'The refund of {amountFen} fen exceeds the {refundableFen} fen still refundable',
  },
  'payment.refund_partial_settlement': {
    zh: '部分退款只能退现金部分（尚可退现金 {cashRefundableFen} 分）；医保基金和个人账户部分只能随全额退款一并退回',
    en: 'A partial refund can only return cash ({cashRefundableFen} fen left); the fund and account parts go back only with a full refund',
  },
  'payment.notify_signature': { zh: '支付通知签名无效', en: 'The payment notification’s signature is invalid' },
  'payment.notify_form': { zh: '支付通知的表单无法识别（字段重复）', en: 'The payment notification’s form cannot be read (a field repeats)' },
  'payment.channel_not_offered': { zh: '支付渠道 {channel} 未开通', en: 'The payment channel {channel} is not offered' },
  'payment.order_not_payable': { zh: '订单状态为 {status}，没有待支付的现金部分', en: 'The order is {status}: it has no cash part to pay' },
  'payment.paid_at_channel': { zh: '订单已在 {channel} 支付，不能更换支付渠道', en: 'The order was paid with {channel}: the channel cannot be changed' },
  'payment.cashier_declined': { zh: '支付渠道 {channel} 拒绝了本次支付，请选择其他渠道', en: 'The payment channel {channel} declined this payment: pick another channel' },
  'payment.notify_amount': { zh: '支付通知金额与订单现金部分不符', en: 'The notified amount differs from the order’s cash part' },
  'payment.webhook_url': { zh: '回调地址须为 http(s) 网址，且不含用户名、密码或 # 片段', en: 'The webhook URL must be an http(s) address without user, password or # fragment' },
  'payment.webhook_private_host': { zh: '回调地址不能指向本机或内网地址', en: 'The webhook URL may not point at this machine or a private network' },
  'payment.statement_unreadable': { zh: '支付渠道对账单第 {line} 行无法识别', en: 'Line {line} of the payment channel’s statement cannot be read' },
  'payment.reconciliation_not_found': { zh: '没有该对账记录', en: 'No such reconciliation' },
  'payment.reconciliation_item_not_found': { zh: '没有该对账明细', en: 'No such reconciliation item' },
  'payment.reconciliation_item_decided': { zh: '该对账明细状态为 {status}，已处理或无须处理', en: 'The reconciliation item is {status}: it was decided already or needs no decision' },
});
