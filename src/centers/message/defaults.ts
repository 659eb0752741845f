/**
 * The templates and push rules a new platform starts with, one per message event, so that a person is
 * told about their payments, bills, applications and security from the first day. Written at start
 * where missing (version 1, fixed rule ids): what the console changed later stays as it is.
 */
import type { AppContext } from '../../kernel/context.js';
import { messageEvent } from './events.js';
import type { Channel } from './rules.js';
import { rules, templates } from './schema.js';

interface Default {
  event: string;
  subjectZh: string;
  subjectEn: string;
  bodyZh: string;
  bodyEn: string;
  channels: Channel[];
  fallback: boolean;
}

const DEFAULTS: Default[] = [
  {
    event: 'payment.paid',
    subjectZh: '医保移动支付成功',
    subjectEn: 'Payment confirmed',
    bodyZh: '您在{{institution}}的医疗费用{{total}}已于{{paidAt}}支付成功：统筹基金支付{{fund}}，个人账户支付{{account}}，个人现金支付{{cash}}。',
    bodyEn: 'Your medical bill of {{total}} at {{institution}} was paid on {{paidAt}}: fund {{fund}}, personal account {{account}}, cash {{cash}}.',
    channels: ['inbox', 'wechat', 'sms'],
    fallback: true,
  },
  {
    event: 'payment.refunded',
    subjectZh: '医保移动支付退款',
    subjectEn: 'Payment refunded',
    bodyZh: '{{institution}}已为您办理退款{{amount}}（{{reason}}），统筹基金和个人账户部分同时退回。',
    bodyEn: '{{institution}} refunded {{amount}} to you ({{reason}}); the fund and personal-account parts are returned with it.',
    channels: ['inbox', 'wechat', 'sms'],
    fallback: true,
  },
  {
    event: 'enrollment.application_approved',
    subjectZh: '参保申请审核通过',
    subjectEn: 'Enrollment application approved',
    bodyZh: '您的参保申请（编号{{applicationId}}）已审核通过，可在“我的参保”查看。',
    bodyEn: 'Your enrollment application {{applicationId}} was approved; see My enrollment.',
    channels: ['inbox', 'wechat', 'sms'],
    fallback: true,
  },
  {
    event: 'enrollment.application_rejected',
    subjectZh: '参保申请未通过',
    subjectEn: 'Enrollment application not approved',
    bodyZh: '您的参保申请（编号{{applicationId}}）未通过审核，请在“我的申请”查看原因。',
    bodyEn: 'Your enrollment application {{applicationId}} was not approved; see My applications for the reason.',
    channels: ['inbox', 'wechat', 'sms'],
    fallback: true,
  },
  {
    event: 'bill.issued',
    subjectZh: '医疗收费电子票据已开具',
    subjectEn: 'E-bill issued',
    bodyZh: '{{institution}}已为您开具医疗收费电子票据（票据号码{{billNumber}}），金额{{total}}，可在“我的票据”查看和下载。',
    bodyEn: '{{institution}} issued e-bill {{billNumber}} for {{total}}; view and download it under My bills.',
    channels: ['inbox'],
    fallback: false,
  },
  {
    event: 'collection.bill_issued',
    subjectZh: '单位缴费单已生成',
    subjectEn: 'Contribution bill issued',
    bodyZh: '贵单位{{month}}期缴费单（编号{{billNumber}}）已生成，应缴金额{{total}}，请按期缴纳。',
    bodyEn: 'Your unit’s contribution bill {{billNumber}} for {{month}} is ready: {{total}} due.',
    channels: ['inbox', 'email'],
    fallback: false,
  },
  {
    event: 'voucher.password_locked',
    subjectZh: '电子凭证密码已锁定',
    subjectEn: 'Voucher password locked',
    bodyZh: '您的医保电子凭证因密码多次输错已锁定，将于{{lockedUntil}}解锁。如非本人操作，请立即重置密码。',
    bodyEn: 'Your e-voucher password was locked after too many wrong tries; it unlocks at {{lockedUntil}}. If this was not you, reset the password now.',
    channels: ['inbox', 'sms'],
    fallback: false,
  },
  {
    event: 'user.password_changed',
    subjectZh: '登录密码已修改',
    subjectEn: 'Password changed',
    bodyZh: '您的医保服务平台登录密码刚刚被修改。如非本人操作，请立即找回密码。',
    bodyEn: 'Your sign-in password was just changed. If this was not you, reset your password now.',
    channels: ['inbox', 'sms'],
    fallback: false,
  },
  {
    event: 'user.phone_changed',
    subjectZh: '手机号已变更',
    subjectEn: 'Phone number changed',
    bodyZh: '您账号绑定的手机号刚刚被变更。如非本人操作，请立即联系医保经办机构。',
    bodyEn: 'The phone number of your account was just changed. If this was not you, contact your insurance agency now.',
    channels: ['inbox', 'sms'],
    fallback: false,
  },
  {
    event: 'user.account_locked',
    subjectZh: '账号已被锁定',
    subjectEn: 'Account locked',
    bodyZh: '您的账号已被管理员锁定，如有疑问请联系医保经办机构。',
    bodyEn: 'Your account was locked by an administrator. Contact your insurance agency with any questions.',
    channels: ['inbox', 'sms'],
    fallback: false,
  },
];

const ALL_CHANNELS: Channel[] = ['inbox', 'sms', 'email', 'wechat'];

/** Writes the default templates (every channel but push) and rules where they are missing. */
export async function writeDefaults(ctx: AppContext) {
  const db = ctx.database.db;
  const templateRows = DEFAULTS.flatMap((d) => {
    const event = messageEvent(d.event)!;
    return ALL_CHANNELS.map((channel) => ({
      id: `mtp_${d.event.replace(/\W/g, '_')}_${channel}_1`,
      code: d.event,
      channel,
      version: 1,
      category: event.category,
      placeholders: event.placeholders,
      subjectZh: d.subjectZh,
      subjectEn: d.subjectEn,
      bodyZh: d.bodyZh,
      bodyEn: d.bodyEn,
    }));
  });
  await db.insert(templates).values(templateRows).onConflictDoNothing();
  await db
    .insert(rules)
    .values(DEFAULTS.map((d) => ({ id: `mrl_${d.event.replace(/\W/g, '_')}`, event: d.event, templateCode: d.event, channels: d.channels, fallback: d.fallback })))
    .onConflictDoNothing();
}
