import { boolean, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const authSchema = pgSchema('auth');

/** A login session; its refresh tokens form one family that reuse detection revokes together. */
export const sessions = authSchema.table(
  'sessions',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    method: text('method').notNull(),
    channel: text('channel').notNull(),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    revokedReason: text('revoked_reason'),
  },
  (t) => [index('sessions_account').on(t.accountId)],
);

/** Rotating refresh tokens: only the SM3 hash of the secret is kept. */
export const refreshTokens = authSchema.table(
  'refresh_tokens',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id').notNull(),
    secretHash: text('secret_hash').notNull(),
    status: text('status').$type<'active' | 'used' | 'revoked'>().notNull().default('active'),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('refresh_tokens_session').on(t.sessionId)],
);

/** 登录与认证记录 login and verification history a user can read. */
export const authEvents = authSchema.table(
  'events',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** password, sms, certificate, third_party, refresh, realname, liveness, logout */
    method: text('method').notNull(),
    channel: text('channel').notNull(),
    result: text('result').$type<'success' | 'failure'>().notNull(),
    reason: text('reason'),
    ip: text('ip'),
  },
  (t) => [index('events_account_at').on(t.accountId, t.at)],
);

/** 组织机构 national → province → city (统筹区) → agency office; path is the ids from the root. */
export const orgs = authSchema.table(
  'orgs',
  {
    id: text('id').primaryKey(),
    parentId: text('parent_id'),
    name: text('name').notNull(),
    level: text('level').$type<'national' | 'province' | 'city' | 'agency'>().notNull(),
    regionCode: text('region_code').notNull(),
    path: text('path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('orgs_path').on(t.path), index('orgs_parent').on(t.parentId)],
);

/** 资源 subsystem → menu → button → API permission code. */
export const resources = authSchema.table('resources', {
  code: text('code').primaryKey(),
  parentCode: text('parent_code'),
  kind: text('kind').$type<'subsystem' | 'menu' | 'button' | 'api'>().notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  path: text('path'),
  sort: integer('sort').notNull().default(0),
});

/** 角色 a set of resources; owned by an org, whose admins manage it. */
export const roles = authSchema.table(
  'roles',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<'business' | 'admin'>().notNull(),
    orgId: text('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    builtIn: boolean('built_in').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('roles_org_code').on(t.orgId, t.code)],
);

export const roleResources = authSchema.table(
  'role_resources',
  {
    roleId: text('role_id').notNull(),
    resourceCode: text('resource_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.resourceCode] })],
);

/** 授权 a role granted to an account. */
export const grants = authSchema.table(
  'grants',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    roleId: text('role_id').notNull(),
    grantedBy: text('granted_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('grants_account_role').on(t.accountId, t.roleId)],
);

/** 渠道应用 third-party apps and hospital systems that call the platform with signed requests. */
export const channelApps = authSchema.table('channel_apps', {
  appId: text('app_id').primaryKey(),
  name: text('name').notNull(),
  /** the name shown in English (the halls fall back to `name` without one) */
  nameEn: text('name_en'),
  /** SM4-encrypted: the platform needs the secret itself to check HMAC signatures */
  secretEnc: text('secret_enc').notNull(),
  capabilities: jsonb('capabilities').$type<string[]>().notNull(),
  orgId: text('org_id').notNull(),
  /** 绑定机构 the designated institution (registry code) this app acts for; settlement, payment and bills take it from here */
  institutionCode: text('institution_code'),
  status: text('status').$type<'active' | 'disabled'>().notNull().default('active'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** 数字证书 an SM2 public key a unit agent registered for certificate login. */
export const certificates = authSchema.table(
  'certificates',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    unitId: text('unit_id').notNull(),
    publicKey: text('public_key').notNull(),
    status: text('status').$type<'active' | 'revoked'>().notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('certificates_unit').on(t.unitId)],
);

/** 第三方账号绑定 WeChat / Alipay open id bound to an account. */
export const thirdPartyBindings = authSchema.table(
  'third_party_bindings',
  {
    accountId: text('account_id').notNull(),
    provider: text('provider').$type<'wechat' | 'alipay'>().notNull(),
    openId: text('open_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.provider] }), uniqueIndex('third_party_open_id').on(t.provider, t.openId)],
);

/** 实名 / 实人 verification attempts with the provider's reference. */
export const verifications = authSchema.table(
  'verifications',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    kind: text('kind').$type<'realname' | 'liveness'>().notNull(),
    providerRef: text('provider_ref'),
    status: text('status').$type<'pending' | 'passed' | 'failed'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('verifications_account').on(t.accountId), uniqueIndex('verifications_provider_ref').on(t.providerRef)],
);
