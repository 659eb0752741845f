/**
 * What the e-voucher center answers: one schema per view. The routes declare them as their
 * responses (fast-json-stringify writes only these fields) and the services' `*View` functions
 * return their static types, so the compiler keeps the two in step.
 */
import { Type, type Static } from '@sinclair/typebox';
import { DateTime, Literals, Nullable } from '../../kernel/http/schemas.js';
import { RISK_RULES } from './rules.js';

/** A plain string in answers: the request shape's custom format is unknown to the serializer's validator. */
const RegionCode = Type.String({ description: '行政区划代码' });
const InsuranceTypes = Type.Array(Type.String(), { description: '在保险种 insurance types in force' });
/** A name as institutions and family see it (张*三). */
const MaskedName = Type.String({ description: '脱敏姓名 masked name' });

// ------------------------------------------------------------------------------ the voucher

/** 医保电子凭证 the signed-in person's voucher, name masked. */
export const VoucherView = Type.Object(
  {
    id: Type.String(),
    status: Literals(['inactive', 'active'] as const),
    personId: Type.String(),
    name: MaskedName,
    regionCode: RegionCode,
    insuranceTypes: InsuranceTypes,
    activatedAt: Nullable(DateTime),
    passwordLocked: Type.Boolean({ description: '密码错误次数过多，暂时锁定 locked after too many wrong passwords' }),
  },
  { description: '医保电子凭证 an e-voucher' },
);
export type VoucherView = Static<typeof VoucherView>;

// --------------------------------------------------------------------------- authorization

/** 渠道授权 a channel app the holder authorized. */
export const AuthorizationView = Type.Object(
  {
    appId: Type.String(),
    name: Nullable(Type.String({ description: '渠道名称 channel name' })),
    nameEn: Nullable(Type.String({ description: 'English channel name; null shows `name`' })),
    authorizedAt: DateTime,
  },
  { description: '渠道授权 a channel authorization' },
);
export type AuthorizationView = Static<typeof AuthorizationView>;

/** 渠道类型 what a channel app is to the person: a hospital's, a pharmacy's, or an app of its own (微信、支付宝…). */
export const CHANNEL_KINDS = ['hospital', 'pharmacy', 'app'] as const;

/** 可授权渠道 a channel app the person may authorize: serving their region, or national. */
export const AvailableChannelView = Type.Object(
  {
    appId: Type.String(),
    name: Type.String({ description: '渠道名称 channel name' }),
    nameEn: Nullable(Type.String({ description: 'English channel name; null shows `name`' })),
    kind: Literals(CHANNEL_KINDS),
    institution: Nullable(Type.Object({ code: Type.String(), name: Type.String() }, { description: '所属定点医药机构 the designated institution it acts for' })),
    authorized: Type.Boolean({ description: '已授权 the person authorized it already' }),
  },
  { description: '可授权渠道 a channel app you may authorize' },
);
export type AvailableChannelView = Static<typeof AvailableChannelView>;

/** 证明材料 an uploaded evidence file (its content at `GET /voucher/evidence/{id}`). */
export const EvidenceView = Type.Object(
  {
    id: Type.String({ description: 'the `evidenceRef` of a child’s binding' }),
    contentType: Literals(['image/jpeg', 'image/png', 'application/pdf'] as const),
    sizeBytes: Type.Integer(),
    sha256: Type.String({ description: 'hex SHA-256 of the content' }),
    createdAt: DateTime,
  },
  { description: '证明材料 an evidence file' },
);
export type EvidenceView = Static<typeof EvidenceView>;

/** A channel's question answered: whether the person authorized it, and since when. */
export const ChannelAuthorizationView = Type.Object(
  { authorized: Type.Boolean(), authorizedAt: Nullable(DateTime) },
  { description: '授权状态 whether the person authorized the calling channel' },
);
export type ChannelAuthorizationView = Static<typeof ChannelAuthorizationView>;

/** 终端 a scanning device a channel registered. */
export const DeviceView = Type.Object({ appId: Type.String(), deviceId: Type.String() }, { description: '扫码终端 a scanning device' });
export type DeviceView = Static<typeof DeviceView>;

// ----------------------------------------------------------------------------------- codes

/** 动态二维码 a code just generated: the string the QR shows, valid once until it expires. */
export const CodeView = Type.Object(
  { code: Type.String({ description: 'YBV1.<id>.<MAC>' }), codeId: Type.String(), expiresAt: DateTime, ttlSec: Type.Integer() },
  { description: '动态二维码 a dynamic code' },
);
export type CodeView = Static<typeof CodeView>;

/** 核验结果 the insurance identity an institution receives for a code, once (凭证类型 01). */
export const VerifiedIdentityView = Type.Object(
  {
    credentialType: Type.String({ description: '就诊凭证类型 credential type (01 e-voucher)' }),
    personId: Type.String(),
    name: MaskedName,
    regionCode: RegionCode,
    insuranceTypes: InsuranceTypes,
    codeId: Type.String(),
    verifiedAt: DateTime,
    settlementToken: Nullable(
      Type.String({
        description:
          '结算授权令牌 the person’s consent to settle one visit at the calling app’s institution: send it as `settlementToken` to pre-settle and settle (one settlement per token); null when the app is bound to no institution',
      }),
    ),
    settlementTokenExpiresAt: Nullable(DateTime),
  },
  { description: '核验结果 the insurance identity behind a verified code, and the consent to settle' },
);
export type VerifiedIdentityView = Static<typeof VerifiedIdentityView>;

// ---------------------------------------------------------------------------------- family

/** 家庭成员 a member whose codes the holder may show. */
export const FamilyMemberView = Type.Object(
  {
    id: Type.String({ description: 'the family link, `memberId` when generating a code' }),
    kind: Literals(['child', 'adult'] as const),
    name: Nullable(MaskedName),
    insuranceTypes: InsuranceTypes,
    evidenceId: Nullable(Type.String({ description: '户口簿 the household-register evidence of a child (GET /voucher/evidence/{id})' })),
    addedAt: DateTime,
  },
  { description: '家庭成员 a family member' },
);
export type FamilyMemberView = Static<typeof FamilyMemberView>;

/** An invitation sent to an adult, waiting for their consent. */
export const InvitationView = Type.Object({ id: Type.String(), status: Literals(['pending'] as const), expiresAt: DateTime }, { description: '家庭成员邀请 an invitation sent' });
export type InvitationView = Static<typeof InvitationView>;

/** An invitation the signed-in person may accept. */
export const IncomingInvitationView = Type.Object(
  { id: Type.String(), holderName: Nullable(MaskedName), expiresAt: DateTime },
  { description: '待同意的邀请 an invitation waiting for your consent' },
);
export type IncomingInvitationView = Static<typeof IncomingInvitationView>;

// --------------------------------------------------------------------------- scan to login

/** 扫码登录 a login QR for the web page: `code` is what the QR shows, `pollToken` stays with the page. */
export const LoginSessionView = Type.Object(
  { id: Type.String(), code: Type.String(), pollToken: Type.String(), expiresAt: DateTime },
  { description: '扫码登录二维码 a login QR' },
);
export type LoginSessionView = Static<typeof LoginSessionView>;

/** Pending until the holder confirms; then the session's tokens, on the first poll only. */
export const LoginPollView = Type.Object(
  {
    status: Literals(['pending', 'confirmed'] as const),
    tokens: Type.Optional(
      Type.Object({ accessToken: Type.String(), refreshToken: Type.String(), tokenType: Type.Literal('Bearer'), expiresIn: Type.Integer({ description: 'seconds' }) }),
    ),
  },
  { description: '扫码登录状态 the login QR’s state' },
);
export type LoginPollView = Static<typeof LoginPollView>;

/** The holder confirmed the login. */
export const LoginConfirmView = Type.Object({ confirmed: Type.Literal(true) }, { description: '已确认 confirmed' });
export type LoginConfirmView = Static<typeof LoginConfirmView>;

// --------------------------------------------------------------------------- usage and risk

/** 用码记录 one generation, verification or login of the holder's. */
export const UsageView = Type.Object(
  {
    id: Type.String(),
    action: Literals(['generate', 'verify', 'login'] as const),
    result: Literals(['ok', 'refused'] as const),
    reason: Nullable(Type.String()),
    appId: Nullable(Type.String()),
    channelName: Nullable(Type.String()),
    forMember: Type.Boolean({ description: '为家庭成员 for a family member’s voucher' }),
    deviceId: Nullable(Type.String()),
    at: DateTime,
  },
  { description: '用码记录 a use of the voucher' },
);
export type UsageView = Static<typeof UsageView>;

/** 风险事件 a flag a risk rule raised. */
export const RiskEventView = Type.Object(
  {
    id: Type.String(),
    rule: Type.String({ description: `风控规则 ${RISK_RULES.join(' / ')}` }),
    voucherId: Nullable(Type.String()),
    regionCode: Nullable(RegionCode),
    appId: Nullable(Type.String()),
    codeId: Nullable(Type.String()),
    deviceId: Nullable(Type.String()),
    detail: Type.Record(Type.String(), Type.Unknown()),
    at: DateTime,
  },
  { description: '风险事件 a risk flag' },
);
export type RiskEventView = Static<typeof RiskEventView>;
