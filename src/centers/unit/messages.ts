import { registerMessages } from '../../kernel/i18n/index.js';

registerMessages({
  'unit.no_unit': { zh: '当前会话没有选择单位', en: 'This session acts for no unit' },
  'unit.not_agent': { zh: '您已不是该单位的经办人', en: 'You are no longer an agent of this unit' },
  'unit.not_registered': {
    zh: '基本信息库中没有统一社会信用代码为 {creditCode} 的单位，请先到医保经办机构办理单位信息登记',
    en: 'The registry holds no legal entity with credit code {creditCode}: register the unit at the insurance agency first',
  },
  'unit.manager_only': { zh: '单位参保登记须由注册单位的经办人（法定代表人）申请', en: 'Only the agent who registered the unit (its legal representative) applies for unit enrollment' },
  'unit.already_registered': { zh: '基本信息库中已有本单位的登记，请到医保经办机构办理单位参保', en: 'The registry already holds your unit: enrol it at the insurance agency' },
  'unit.region_unknown': { zh: '请从列表中选择单位所在地', en: 'Choose the region from the list' },
  'unit.binding_unverified': {
    zh: '单位绑定尚未核验：须由登记的法定代表人本人注册单位并完成实名认证，经办人再由其添加',
    en: "The unit's binding is not verified: the registered legal representative must register the unit and pass real-name verification, then add agents",
  },
  'unit.person_not_registered': {
    zh: '基本信息库中没有该身份证号码的人员，请先到医保经办机构办理人员信息登记',
    en: 'The registry holds no person with this identity number: register them at the insurance agency first',
  },
});
