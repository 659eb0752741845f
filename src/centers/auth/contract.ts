/** What the auth center's routes answer: one schema per shape, which the services' views return. */
import { Type, type Static } from '@sinclair/typebox';
import { ACCOUNT_KINDS } from '../../kernel/http/auth.js';
import { DateTime, Literals, Nullable, Page } from '../../kernel/http/schemas.js';


export const THIRD_PARTIES = ['wechat', 'alipay'] as const;
export type ThirdParty = (typeof THIRD_PARTIES)[number];
export const ORG_LEVELS = ['national', 'province', 'city', 'agency'] as const;
const AuthLevel = Type.Integer({ minimum: 1, maximum: 3, description: '认证等级 1 account, 2 real-name (实名), 3 real-person (实人)' });

/** The tokens of a new or renewed session. */
export const TokenPairView = Type.Object(
  { accessToken: Type.String(), refreshToken: Type.String(), tokenType: Type.Literal('Bearer'), expiresIn: Type.Integer({ description: 'seconds' }) },
  { description: '访问令牌与刷新令牌 the tokens of a session' },
);

/** A password login's tokens, saying whether the password is due for a change. */
export const PasswordLoginView = Type.Object(
  { ...TokenPairView.properties, passwordExpired: Type.Boolean({ description: '密码已超过有效期 the password is past its maximum age' }) },
  { description: '密码登录结果 a password login' },
);

/** A one-time code went out. */
export const OtpSentView = Type.Object({ sent: Type.Literal(true), ttlSec: Type.Integer() }, { description: '验证码已发送 a code was sent' });

/** An SM2 public key registered for a unit's certificate login. */
export const CertificateView = Type.Object({ id: Type.String(), unitId: Type.String() }, { description: '单位数字证书 a unit certificate' });

/** A started browser authorization: the provider's page, its state and the starting browser's verifier. */
export const OAuthStartView = Type.Object(
  {
    authorizeUrl: Type.String({ description: '服务商授权页 the provider’s page to send the browser to' }),
    state: Type.String({ description: 'the OAuth state in that URL' }),
    verifier: Type.String({ description: 'kept by this browser only, given back with the code; never put in a URL' }),
    expiresIn: Type.Integer({ description: 'seconds' }),
  },
  { description: '网页授权 a started WeChat / Alipay authorization' },
);

/** A nonce to sign for a certificate login, valid `expiresIn` seconds and once. */
export const ChallengeView = Type.Object(
  { challengeId: Type.String(), nonce: Type.String(), expiresIn: Type.Integer() },
  { description: '证书登录挑战 a certificate login challenge' },
);

/** A WeChat or Alipay account bound to the caller, its open id masked. */
export const BindingView = Type.Object(
  { provider: Literals(THIRD_PARTIES), openId: Type.String(), createdAt: DateTime },
  { description: '第三方账号绑定 a third-party binding' },
);
export type BindingView = Static<typeof BindingView>;

/** A binding just made. */
export const BoundView = Type.Object({ provider: Literals(THIRD_PARTIES), bound: Type.Literal(true) }, { description: '绑定成功 bound' });

/** How many sessions ended. */
export const RevokedView = Type.Object({ revoked: Type.Integer() }, { description: '已注销的会话数 sessions ended' });

/** One entry of the login and verification history. */
export const AuthEventView = Type.Object(
  {
    at: DateTime,
    method: Type.String(),
    channel: Type.String(),
    result: Literals(['success', 'failure']),
    reason: Nullable(Type.String()),
    ip: Nullable(Type.String()),
  },
  { description: '登录与认证记录 a login or verification' },
);
export type AuthEventView = Static<typeof AuthEventView>;

/** The level a verification reached, and an access token that carries it. */
export const LevelRaisedView = Type.Object({ authLevel: AuthLevel, accessToken: Type.String() }, { description: '认证等级提升 the raised level' });

/** A liveness session at the provider: send the person to `url`, then confirm with `bizToken`. */
export const LivenessSessionView = Type.Object({ bizToken: Type.String(), url: Type.String() }, { description: '实人认证会话 a liveness session' });

// Trees are recursive schemas; each $id is unique in the platform's OpenAPI document.

/** A menu the account may open, with the menus under it. */
export const MenuView = Type.Recursive(
  (This) => Type.Object({ code: Type.String(), name: Type.String(), path: Nullable(Type.String()), children: Type.Array(This) }, { description: '菜单 a menu' }),
  { $id: 'AuthMenu' },
);
export type MenuView = Static<typeof MenuView>;

/** The permission codes the caller holds and the menus they open. */
export const PermissionsView = Type.Object({ permissions: Type.Array(Type.String()), menus: Type.Array(MenuView) }, { description: '本人权限与菜单' });

const orgFields = {
  id: Type.String(),
  parentId: Nullable(Type.String()),
  name: Type.String(),
  level: Literals(ORG_LEVELS),
  regionCode: Type.String(),
};

/** 组织机构 an organization. */
export const OrgView = Type.Object(orgFields, { description: '组织机构 an organization' });

/** An organization with the organizations under it. */
export const OrgNodeView = Type.Recursive((This) => Type.Object({ ...orgFields, children: Type.Array(This) }, { description: '机构树节点 an org and its children' }), {
  $id: 'AuthOrgNode',
});
export type OrgNodeView = Static<typeof OrgNodeView>;

/** 资源 a subsystem, menu, button or API permission, with what lies under it. */
export const ResourceNodeView = Type.Recursive((This) =>
  Type.Object(
    {
      code: Type.String(),
      parentCode: Nullable(Type.String()),
      kind: Literals(['subsystem', 'menu', 'button', 'api']),
      name: Type.String(),
      nameEn: Type.String(),
      path: Nullable(Type.String()),
      sort: Type.Integer(),
      children: Type.Array(This),
    },
    { description: '资源树节点 a resource and its children' },
  ),
  { $id: 'AuthResourceNode' },
);
export type ResourceNodeView = Static<typeof ResourceNodeView>;

/** 角色 a role and the API permissions it holds. */
export const RoleView = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    kind: Literals(['business', 'admin']),
    orgId: Type.String(),
    builtIn: Type.Boolean(),
    permissions: Type.Array(Type.String()),
  },
  { description: '角色 a role' },
);
export type RoleView = Static<typeof RoleView>;

/** 授权 a role granted to an account. */
export const GrantView = Type.Object(
  { id: Type.String(), accountId: Type.String(), role: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }), createdAt: DateTime },
  { description: '授权 a granted role' },
);
export type GrantView = Static<typeof GrantView>;

const channelFields = {
  appId: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String({ description: 'English display name; null shows `name`' })),
  capabilities: Type.Array(Type.String({ description: '渠道能力 (CHANNEL_CAPABILITIES)' })),
  institutionCode: Nullable(Type.String({ description: '绑定的定点医药机构编码 the designated institution the app acts for; settlement, payment and bills take it from here' })),
};

/** 渠道应用 a registered channel application (never its secret). */
export const ChannelAppView = Type.Object(
  { ...channelFields, status: Literals(['active', 'disabled']), createdAt: DateTime },
  { description: '渠道应用 a channel app' },
);
export type ChannelAppView = Static<typeof ChannelAppView>;

/** A channel app just registered, with its secret: the only time the secret is shown. */
export const RegisteredChannelView = Type.Object({ ...channelFields, secret: Type.String() }, { description: '新注册的渠道应用（含密钥） a new channel app and its secret' });

/** Whether a user's access token is live, and whose it is (RFC 7662 style). */
export const IntrospectionView = Type.Object(
  {
    active: Type.Boolean(),
    accountId: Type.Optional(Type.String()),
    kind: Type.Optional(Literals(ACCOUNT_KINDS)),
    authLevel: Type.Optional(AuthLevel),
    expiresAt: Type.Optional(Type.Integer({ description: 'seconds since the epoch' })),
  },
  { description: '令牌校验结果 a token introspection' },
);
export type IntrospectionView = Static<typeof IntrospectionView>;

export const BindingPage = Page(BindingView);
export const AuthEventPage = Page(AuthEventView);
export const OrgTreePage = Page(OrgNodeView);
export const ResourceTreePage = Page(ResourceNodeView);
export const RolePage = Page(RoleView);
export const GrantPage = Page(GrantView);
export const ChannelAppPage = Page(ChannelAppView);
