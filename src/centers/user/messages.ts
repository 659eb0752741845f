import { registerMessages } from '../../kernel/i18n/index.js';

registerMessages({
  'user.id_number_invalid': { zh: '身份证号码不正确', en: 'Invalid identity number' },
  'user.id_number_taken': { zh: '该身份证号码已注册', en: 'This identity number is already registered' },
  'user.phone_taken': { zh: '该手机号已被使用', en: 'This phone number is already in use' },
  'user.login_name_taken': { zh: '登录名已被使用', en: 'This login name is taken' },
  'user.unit_exists': { zh: '该统一社会信用代码的单位已注册', en: 'A unit with this credit code is already registered' },
  'user.password_length': { zh: '密码长度须为 8–64 位', en: 'The password must have 8–64 characters' },
  'user.password_classes': {
    zh: '密码须包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'The password needs at least three of: upper case, lower case, digits, symbols',
  },
  'user.password_personal': { zh: '密码不能包含手机号、证件号或登录名', en: 'The password must not contain your phone, ID number or login name' },
  'user.old_password_wrong': { zh: '原密码不正确', en: 'The current password is wrong' },
  'user.password_reused': { zh: '新密码不能与原密码相同', en: 'The new password must differ from the current one' },
  'user.phone_unknown': { zh: '该手机号没有可找回密码的账户', en: 'No account whose password can be reset has this phone number' },
  'user.reset_by_administrator': { zh: '工作人员和管理员的密码请联系管理员重置', en: 'Staff and administrator passwords are reset by an administrator' },
  'user.account_locked': { zh: '账户已被管理员锁定，请联系管理员', en: 'The account is locked by an administrator: please contact them' },
  'user.not_unit_agent': { zh: '您不是该单位的经办人', en: 'You are not an agent of this unit' },
  'user.agent_already_bound': { zh: '该经办人已绑定本单位', en: 'This agent is already bound to the unit' },
  'user.agent_not_found': { zh: '经办人不存在或不可解除', en: 'No such agent, or the agent cannot be revoked' },
  'user.account_not_found': { zh: '账号不存在', en: 'No such account' },
  'user.org_required': { zh: '该类账号须指定所属机构', en: 'This kind of account needs an organization' },
});
