/** What the user center's routes answer: one schema per shape, which the services' views return. */
import { Type, type Static } from '@sinclair/typebox';
import { ACCOUNT_KINDS } from '../../kernel/http/auth.js';
import { DateTime, Literals, Nullable, Page } from '../../kernel/http/schemas.js';


export const ACCOUNT_STATUSES = ['active', 'locked', 'deactivated'] as const;
export const AGENT_ROLES = ['manager', 'agent'] as const;

/** A unit an agent acts for, and the agent's role in it. */
export const AgentUnitView = Type.Object(
  { id: Type.String(), name: Type.String(), creditCode: Type.String(), role: Literals(AGENT_ROLES) },
  { description: '经办单位 a unit the agent acts for' },
);
export type AgentUnitView = Static<typeof AgentUnitView>;

const accountFields = {
  id: Type.String(),
  kind: Literals(ACCOUNT_KINDS),
  loginName: Nullable(Type.String()),
  name: Type.String({ description: '姓名，脱敏（完整信息经审计的 reveal 查看） masked; in full only through an audited reveal' }),
  idNumber: Nullable(Type.String({ description: '身份证号，脱敏 masked likewise' })),
  phone: Nullable(Type.String({ description: '手机号，脱敏 masked likewise' })),
  email: Nullable(Type.String()),
  address: Nullable(Type.String()),
  status: Literals(ACCOUNT_STATUSES),
  authLevel: Type.Integer({ minimum: 1, maximum: 3, description: '认证等级 1 account, 2 real-name (实名), 3 real-person (实人)' }),
  orgId: Nullable(Type.String()),
  enterpriseType: Nullable(Type.String()),
  creditCode: Nullable(Type.String()),
  units: Type.Array(AgentUnitView),
  createdAt: DateTime,
};

/** 账号 an account as its owner or an administrator sees it. */
export const AccountView = Type.Object(accountFields, { description: '账号 an account' });
export type AccountView = Static<typeof AccountView>;

/** The caller's own account with the organization it belongs to. */
export const ProfileView = Type.Object(
  { ...accountFields, org: Nullable(Type.Object({ id: Type.String(), name: Type.String(), regionCode: Type.String() })) },
  { description: '本人资料 own profile' },
);
export type ProfileView = Static<typeof ProfileView>;

/** 显示完整信息 an account's masked fields in full, and nothing else (user.pii.read; each reveal audited). */
export const AccountRevealView = Type.Object(
  { id: Type.String(), name: Type.String(), idNumber: Nullable(Type.String()), phone: Nullable(Type.String()), creditCode: Nullable(Type.String()) },
  { description: '账号完整信息 an account in full' },
);
export type AccountRevealView = Static<typeof AccountRevealView>;

/** A person or enterprise just registered. */
export const RegisteredView = Type.Object({ account: AccountView }, { description: '注册结果 a registration' });

/** A unit just registered, with its managing agent's account. */
export const RegisteredUnitView = Type.Object(
  { unit: Type.Object({ id: Type.String(), name: Type.String(), creditCode: Type.String() }), account: AccountView },
  { description: '单位注册结果 a unit registration' },
);

/** The new phone number, masked. */
export const PhoneChangedView = Type.Object({ phone: Type.String() }, { description: '新手机号（脱敏） the new phone, masked' });
export const PasswordChangedView = Type.Object({ changed: Type.Literal(true) }, { description: '密码已修改 the password changed' });
export const PasswordResetView = Type.Object({ reset: Type.Literal(true) }, { description: '密码已重置，所有会话已结束 the password is reset and every session ended' });
export const DeactivatedView = Type.Object({ deactivated: Type.Literal(true) }, { description: '账号已注销 the account is deactivated' });

/** An account's status after a lock or unlock. */
export const LockView = Type.Object({ id: Type.String(), status: Literals(['active', 'locked']) }, { description: '锁定状态 lock status' });

/** 经办人 an agent of a unit (name and phone masked). */
export const AgentView = Type.Object(
  {
    bindingId: Type.String(),
    accountId: Type.String(),
    name: Type.String(),
    phone: Nullable(Type.String()),
    role: Literals(AGENT_ROLES),
    status: Literals(['active', 'revoked']),
    createdAt: DateTime,
  },
  { description: '单位经办人 a unit agent' },
);
export type AgentView = Static<typeof AgentView>;

export const AccountPage = Page(AccountView);
export const AgentPage = Page(AgentView);
