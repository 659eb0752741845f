import { registerMessages } from '../../kernel/i18n/index.js';

registerMessages({
  'settlement.not_found': { zh: '没有该结算记录', en: 'No such settlement' },
  'settlement.not_enrolled': {
    zh: '参保人 {personId} 在 {month} 未参加险种 {insuranceType}（或已暂停、减员）',
    en: 'Person {personId} is not insured in {insuranceType} in {month} (or is suspended or removed)',
  },
  'settlement.no_policy': {
    zh: '{regionCode} 及其上级统筹区在 {month} 没有已发布的 {insuranceType} 结算政策',
    en: 'No published settlement policy of {insuranceType} applies to {regionCode} or its pooling regions in {month}',
  },
  'settlement.no_parameters': {
    zh: '结算政策（版本 {versionId}）没有适用于 {visitKind}、{institutionLevel} 级医院、{personCategory} 的规则',
    en: 'The settlement policy (version {versionId}) has no row for {visitKind}, level {institutionLevel}, {personCategory}',
  },
  'settlement.line_code_invalid': {
    zh: '{field} 不是医保目录编码（西药 X…23 位、中成药 Z…20 位、耗材 C…20 位、医疗服务项目 15 位数字）',
    en: '{field} is not an insurance catalog code (western drug X…, 23; Chinese patent Z…, 20; consumable C…, 20; service item 15 digits)',
  },
  'settlement.input_invalid': { zh: '{field} 不正确：{detail}', en: '{field} is invalid: {detail}' },
  'settlement.reference_taken': { zh: '结算流水号 {reference} 已在本机构使用', en: 'The settlement reference {reference} was already used by this institution' },
  'settlement.already_reversed': { zh: '该结算已冲正', en: 'The settlement has been reversed already' },
  // 授权 the person's consent and the institution (settlement.consent_invalid / _not_yours / _expired: voucher/messages.ts, where the token is checked).
  'settlement.consent_used': { zh: '该结算授权已用于一笔结算，请重新扫码核验', en: 'This consent has already settled a visit: verify a new code' },
  'settlement.consent_other_person': { zh: '结算授权令牌属于另一参保人', en: 'The settlement token is another person’s' },
  'settlement.channel_not_bound': { zh: '本渠道应用未绑定定点医药机构，不能结算', en: 'This channel app is bound to no designated institution: it cannot settle' },
  'settlement.institution_not_bound': {
    zh: '本渠道应用绑定的机构是 {bound}，不能以 {institutionCode} 结算',
    en: 'This channel app is bound to {bound}: it cannot settle as {institutionCode}',
  },
});
