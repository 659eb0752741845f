import { registerMessages } from '../../kernel/i18n/index.js';

registerMessages({
  'personal.not_registered': {
    zh: '基本信息库中没有与您身份证号码对应的人员登记，请携带身份证到参保地医保经办机构办理人员信息登记后再申请',
    en: 'The registry holds no person with your identity number: register at the insurance agency of your region first, with your identity card',
  },
  'personal.region_unknown': { zh: '请从列表中选择参保地', en: 'Choose the region from the list' },
});
