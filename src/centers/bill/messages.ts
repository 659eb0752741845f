import { registerMessages } from '../../kernel/i18n/index.js';

registerMessages({
  'bill.split_mismatch': {
    zh: '金额不平：统筹基金支付、个人账户支付与个人现金支付之和须等于合计金额（分）',
    en: 'The fund, personal-account and cash parts must add up to the total, to the fen',
  },
  'bill.items_mismatch': { zh: '收费项目金额之和须等于合计金额（分）', en: 'The items must add up to the total, to the fen' },
  'bill.payer_not_found': { zh: '交款人不在基本信息库中', en: 'The payer is not a person in the registry' },
  'bill.payer_name_mismatch': { zh: '交款人姓名与基本信息库不符', en: 'The payer’s name does not match the registry' },
  'bill.settlement_conflict': {
    zh: '结算 {settlementRef} 已开具内容不同的票据',
    en: 'A bill with different content was already issued for settlement {settlementRef}',
  },
  'bill.channel_not_bound': {
    zh: '该渠道应用未绑定定点医药机构，不能开具票据',
    en: 'The channel app is bound to no designated institution and cannot issue bills',
  },
  'bill.institution_not_bound': {
    zh: '开票单位 {code} 不是该渠道应用绑定的定点医药机构',
    en: 'The issuing institution {code} is not the institution the channel app is bound to',
  },
  'bill.settlement_not_found': {
    zh: '本机构没有该结算或支付订单',
    en: 'The institution has no settlement or payment order by that reference',
  },
  'bill.settlement_reversed': {
    zh: '结算 {settlementRef} 已冲正或已退款，不能开具票据',
    en: 'Settlement {settlementRef} was reversed or refunded and cannot be billed',
  },
  'bill.order_not_paid': {
    zh: '支付订单 {settlementRef} 尚未支付完成（{status}），不能开具票据',
    en: 'Payment order {settlementRef} is not paid ({status}) and cannot be billed yet',
  },
  'bill.settlement_billed': {
    zh: '结算 {settlementRef} 已开具票据，一笔结算只开一张票据',
    en: 'Settlement {settlementRef} has been billed already: one bill per settlement',
  },
  'bill.payer_not_settled': {
    zh: '交款人不是该笔结算的参保人',
    en: 'The payer is not the person the settlement is for',
  },
  'bill.amount_mismatch': {
    zh: '{field} 与结算金额不符：结算为 {settledFen} 分',
    en: '{field} differs from the settlement, which has {settledFen} fen',
  },
  'bill.not_found': { zh: '没有该票据', en: 'No such bill' },
  'bill.already_voided': { zh: '该票据已冲红，不能重复冲红', en: 'The bill is voided already' },
  'bill.red_not_voidable': { zh: '红字票据不能冲红', en: 'A red-letter bill cannot be voided' },
  'bill.used_not_voidable': { zh: '该票据已报销，不能冲红', en: 'The bill was used for reimbursement and cannot be voided' },
  'bill.already_used': { zh: '该票据已于 {usedAt} 报销', en: 'The bill was used for reimbursement at {usedAt}' },
  'bill.voided_not_usable': { zh: '该票据已冲红，不能报销', en: 'The bill is voided and cannot be used for reimbursement' },
  'bill.red_not_usable': { zh: '红字票据不能报销', en: 'A red-letter bill cannot be used for reimbursement' },
  'bill.finance_unavailable': { zh: '财政票据赋码服务暂不可用，请稍后重试', en: 'The finance bureau’s numbering service is unavailable: retry later' },
  'bill.finance_timeout': { zh: '财政票据赋码服务超时，请稍后重试', en: 'The finance bureau’s numbering service timed out: retry later' },
});
