import { index, integer, pgSchema, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const userSchema = pgSchema('user');

/**
 * 用户账号 account of any kind. Identity number and phone are stored SM4-encrypted with a keyed
 * blind index for exact lookup; the plain values never reach the table.
 */
export const accounts = userSchema.table(
  'accounts',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    /** login name for staff, admins and enterprises; persons log in by identity number or phone */
    loginName: text('login_name'),
    name: text('name').notNull(),
    idNumberEnc: text('id_number_enc'),
    idNumberIdx: text('id_number_idx'),
    phoneEnc: text('phone_enc'),
    phoneIdx: text('phone_idx'),
    email: text('email'),
    address: text('address'),
    status: text('status').$type<'active' | 'locked' | 'deactivated'>().notNull().default('active'),
    /** 认证等级 1 account, 2 real-name (实名), 3 real-person (实人) */
    authLevel: integer('auth_level').notNull().default(1),
    orgId: text('org_id'),
    /** materialized org path, copied from the auth center at creation, for region scoping */
    orgPath: text('org_path'),
    enterpriseType: text('enterprise_type'),
    creditCode: text('credit_code'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('accounts_login_name').on(t.loginName),
    // One live account per person and kind; a deactivated one frees the number for a new registration.
    index('accounts_id_number_idx').on(t.idNumberIdx),
    index('accounts_phone_idx').on(t.phoneIdx),
    index('accounts_org_path').on(t.orgPath),
  ],
);

/** Password and lockout state (等保: failure limit and lockout, periodic change). */
export const credentials = userSchema.table('credentials', {
  accountId: text('account_id').primaryKey(),
  passwordHash: text('password_hash').notNull(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** 参保单位 / 企业 unit registered on the platform, identified by its unified social credit code. */
export const units = userSchema.table(
  'units',
  {
    id: text('id').primaryKey(),
    creditCode: text('credit_code').notNull(),
    name: text('name').notNull(),
    status: text('status').$type<'active' | 'deactivated'>().notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('units_credit_code').on(t.creditCode)],
);

/** 单位经办人 binding of an agent account to a unit; a unit has several, each revocable. */
export const unitAgents = userSchema.table(
  'unit_agents',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id').notNull(),
    accountId: text('account_id').notNull(),
    /** the agent who registered the unit manages the others */
    role: text('role').$type<'manager' | 'agent'>().notNull().default('agent'),
    status: text('status').$type<'active' | 'revoked'>().notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('unit_agents_unit').on(t.unitId), index('unit_agents_account').on(t.accountId)],
);
