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
});
