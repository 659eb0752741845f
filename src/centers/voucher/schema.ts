import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const voucherSchema = pgSchema('voucher');

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One enrollment as the voucher knows it from the enrollment events; the latest event per employment wins. */
export interface InsuranceEntry {
  insuranceType: string;
  status: string;
  eventId: number;
}

/** The identity an institution receives when it verifies a code (snapshot taken when the code is generated). */
export interface CodeIdentity {
  personId: string;
  name: string;
  regionCode: string;
  insuranceTypes: string[];
}

/**
 * 医保电子凭证 e-voucher: one per registry person (`psn_…`), created inactive on enrollment.
 * `holderAccountId` is the account that activated it, so the hot path finds it by account in one read.
 * High-volume tables below are keyed by voucher id, the distribution key for sharding.
 */
export const vouchers = voucherSchema.table(
  'vouchers',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    regionCode: text('region_code').notNull(),
    status: text('status').$type<'inactive' | 'active'>().notNull().default('inactive'),
    holderAccountId: text('holder_account_id'),
    /** the 6-digit voucher password's keyed digest (电子凭证密码, rules.ts pinDigest); an argon2id hash until its next right entry */
    passwordHash: text('password_hash'),
    /** masked name for institutions; set when the registry is read (activation, family member) */
    nameMasked: text('name_masked'),
    /** employment id → insurance type and status, from the enrollment events */
    insurance: jsonb('insurance').$type<Record<string, InsuranceEntry>>().notNull().default({}),
    activatedAt: at('activated_at'),
    passwordChangedAt: at('password_changed_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('vouchers_person').on(t.personId), uniqueIndex('vouchers_holder').on(t.holderAccountId)],
);

/** 渠道授权 the holder allows a registered channel app to generate and verify their codes. */
export const authorizations = voucherSchema.table(
  'authorizations',
  {
    id: text('id').primaryKey(),
    voucherId: text('voucher_id').notNull(),
    appId: text('app_id').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    revokedAt: at('revoked_at'),
  },
  (t) => [uniqueIndex('authorizations_active').on(t.voucherId, t.appId).where(sql`${t.revokedAt} is null`)],
);

/**
 * 动态二维码 one dynamic QR code: bound to the voucher it identifies (a family member's, or the
 * holder's own), the holder who generated it, and the channel; usable once before `expiresAt`.
 */
export const codes = voucherSchema.table(
  'codes',
  {
    /** the random id carried in the code string */
    id: text('id').primaryKey(),
    voucherId: text('voucher_id').notNull(),
    holderVoucherId: text('holder_voucher_id').notNull(),
    appId: text('app_id').notNull(),
    status: text('status').$type<'issued' | 'used'>().notNull().default('issued'),
    identity: jsonb('identity').$type<CodeIdentity>().notNull(),
    expiresAt: at('expires_at').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    usedAt: at('used_at'),
    deviceId: text('device_id'),
  },
  (t) => [index('codes_holder').on(t.holderVoucherId, t.createdAt)],
);

/** 用码记录 every generation, verification (and refusal) and login confirmation, readable by the holder. */
export const usage = voucherSchema.table(
  'usage',
  {
    id: text('id').primaryKey(),
    /** the holder whose history this is */
    voucherId: text('voucher_id').notNull(),
    /** the voucher the code identified (a family member's, or the holder's own) */
    subjectVoucherId: text('subject_voucher_id').notNull(),
    codeId: text('code_id'),
    appId: text('app_id'),
    action: text('action').$type<'generate' | 'verify' | 'login'>().notNull(),
    result: text('result').$type<'ok' | 'refused'>().notNull(),
    reason: text('reason'),
    deviceId: text('device_id'),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [index('usage_voucher_at').on(t.voucherId, t.at)],
);

/** 风险事件 a flag raised by a risk rule; a clerk of the voucher's region reads it. */
export const riskEvents = voucherSchema.table(
  'risk_events',
  {
    id: text('id').primaryKey(),
    rule: text('rule').notNull(),
    voucherId: text('voucher_id'),
    regionCode: text('region_code'),
    appId: text('app_id'),
    codeId: text('code_id'),
    deviceId: text('device_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [index('risk_events_region_at').on(t.regionCode, t.at)],
);

/** 终端 a scanning device a channel registered; a verification naming another device is refused. */
export const devices = voucherSchema.table(
  'devices',
  {
    appId: text('app_id').notNull(),
    deviceId: text('device_id').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.appId, t.deviceId] })],
);

/** 家庭成员 a member whose codes the holder may show: a child under 16, or a consenting adult. */
export const familyLinks = voucherSchema.table(
  'family_links',
  {
    id: text('id').primaryKey(),
    holderVoucherId: text('holder_voucher_id').notNull(),
    memberVoucherId: text('member_voucher_id').notNull(),
    kind: text('kind').$type<'child' | 'adult'>().notNull(),
    /** 户口簿 household-register evidence (an attachment reference) for a child */
    evidenceRef: text('evidence_ref'),
    createdAt: at('created_at').notNull().defaultNow(),
    removedAt: at('removed_at'),
  },
  (t) => [uniqueIndex('family_links_active').on(t.holderVoucherId, t.memberVoucherId).where(sql`${t.removedAt} is null`)],
);

/** An invitation to an adult to become a family member; the adult accepts from their own L3 session. */
export const invitations = voucherSchema.table(
  'invitations',
  {
    id: text('id').primaryKey(),
    holderVoucherId: text('holder_voucher_id').notNull(),
    memberPersonId: text('member_person_id').notNull(),
    status: text('status').$type<'pending' | 'accepted' | 'declined'>().notNull().default('pending'),
    expiresAt: at('expires_at').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('invitations_member').on(t.memberPersonId)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * 证明材料 a file a person uploaded as evidence (the household-register page, 户口簿, for a child):
 * JPEG, PNG or PDF by its first bytes, at most EVIDENCE_MAX_BYTES. Readable by its owner and by the
 * clerks of the owner's region; a family link names it in `evidenceRef`.
 */
export const evidenceFiles = voucherSchema.table(
  'evidence_files',
  {
    id: text('id').primaryKey(),
    /** the uploader, a registry person (`psn_…`) */
    ownerPersonId: text('owner_person_id').notNull(),
    /** the owner's voucher region when uploaded: whose clerks may read it */
    regionCode: text('region_code').notNull(),
    contentType: text('content_type').$type<'image/jpeg' | 'image/png' | 'application/pdf'>().notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** hex SHA-256 of the content */
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('evidence_files_owner').on(t.ownerPersonId, t.createdAt)],
);
