import { sql } from 'drizzle-orm';
import { bigserial, date, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const registrySchema = pgSchema('registry');

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 自然人 the platform's one record of a natural person. The identity number and phone are stored
 * SM4-encrypted with a keyed blind index; the identity number's blind index is unique, so one
 * person has one record platform-wide and imports can `INSERT … ON CONFLICT DO NOTHING` on it.
 * Birth date and sex are derived from the identity number (GB 11643) and kept for other centers.
 */
export const persons = registrySchema.table(
  'persons',
  {
    id: text('id').primaryKey(),
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberIdx: text('id_number_idx').notNull(),
    name: text('name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: text('sex').$type<'male' | 'female'>().notNull(),
    phoneEnc: text('phone_enc'),
    phoneIdx: text('phone_idx'),
    /** 户籍区划 household region (6-digit GB/T 2260 code); decides which clerks own the record */
    regionCode: text('region_code').notNull(),
    /** 人员类别 person category (rules.ts PERSON_CATEGORIES) */
    category: text('category').notNull(),
    status: text('status').$type<'active' | 'cancelled'>().notNull().default('active'),
    /** 注销 cancellation: reason code, effective date and a free note */
    cancelReason: text('cancel_reason'),
    cancelledOn: date('cancelled_on', { mode: 'string' }),
    cancelNote: text('cancel_note'),
    /** optimistic concurrency: +1 on every change */
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('persons_id_number_idx').on(t.idNumberIdx),
    index('persons_phone_idx').on(t.phoneIdx),
    index('persons_region').on(t.regionCode, t.id),
  ],
);

/** 法人 / 单位 legal entity, identified by its unified social credit code (public, so stored plain). */
export const entities = registrySchema.table(
  'entities',
  {
    id: text('id').primaryKey(),
    creditCode: text('credit_code').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    regionCode: text('region_code').notNull(),
    /** 法定代表人 legal representative: name, and identity number SM4-encrypted when given */
    legalRepName: text('legal_rep_name').notNull(),
    legalRepIdNumberEnc: text('legal_rep_id_number_enc'),
    status: text('status').$type<'active' | 'cancelled'>().notNull().default('active'),
    cancelReason: text('cancel_reason'),
    cancelledOn: date('cancelled_on', { mode: 'string' }),
    cancelNote: text('cancel_note'),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('entities_credit_code').on(t.creditCode), index('entities_region').on(t.regionCode, t.id)],
);

/** 医院等级 0 未定级 unrated, 1 一级, 2 二级, 3 三级 */
export type InstitutionLevel = 0 | 1 | 2 | 3;
/** 协议状态 of the medical-insurance agreement (医保协议): in force, suspended (暂停), ended (解除). */
export type AgreementStatus = 'active' | 'suspended' | 'terminated';

/**
 * 定点医药机构 a designated medical institution (H…) or pharmacy (P…) by its national code, which
 * carries its pooling region. Settlement, payment and bills take an institution's level and
 * agreement from here, never from the institution's own request.
 */
export const institutions = registrySchema.table(
  'institutions',
  {
    /** 定点医药机构编码 H / P + 6-digit pooling region + 5 digits */
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    /** 机构类型 (rules.ts INSTITUTION_KINDS) */
    kind: text('kind').notNull(),
    /** 法人 the legal entity behind it, by unified social credit code */
    creditCode: text('credit_code').notNull(),
    /** 统筹区 the pooling region (the code's 6 digits) */
    regionCode: text('region_code').notNull(),
    level: integer('level').$type<InstitutionLevel>().notNull(),
    agreementStatus: text('agreement_status').$type<AgreementStatus>().notNull(),
    /** 协议期 the agreement's period, both days included */
    agreementFrom: date('agreement_from', { mode: 'string' }).notNull(),
    agreementTo: date('agreement_to', { mode: 'string' }).notNull(),
    address: text('address').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('institutions_region').on(t.regionCode, t.code), index('institutions_credit_code').on(t.creditCode)],
);

/** One changed field; personal values (`sensitive`) are SM4 tokens, shown masked. */
export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
  sensitive?: boolean;
}

/** 变更历史 who changed which fields of a person, entity or institution (by its code), from what to what, when and through what. */
export const history = registrySchema.table(
  'history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    subjectType: text('subject_type').$type<'person' | 'entity' | 'institution'>().notNull(),
    subjectId: text('subject_id').notNull(),
    action: text('action').$type<'created' | 'changed' | 'cancelled'>().notNull(),
    changes: jsonb('changes').$type<FieldChange[]>().notNull(),
    actorId: text('actor_id'),
    actorKind: text('actor_kind').notNull(),
    /** api, import, conflict (a resolution), cli */
    source: text('source').notNull(),
    /** the import job or conflict case behind the change */
    sourceRef: text('source_ref'),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [index('history_subject').on(t.subjectId, t.id)],
);

/** A version of a person's data as it arrived or stood; personal values are SM4 tokens. */
export interface PersonVersion {
  name?: string;
  birthDate?: string;
  sex?: 'male' | 'female';
  phoneEnc?: string | null;
  regionCode?: string;
  category?: string;
}

/**
 * 会商 conflict case: a record arrived for an identity number already registered, with a different
 * name or birth date. Both versions and the source are kept; the person changes only when a clerk
 * takes the incoming version. At most one open case per person and incoming version.
 */
export const conflicts = registrySchema.table(
  'conflicts',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    /** the existing person's region when opened: who may see and decide the case */
    regionCode: text('region_code').notNull(),
    /** keyed hash of the incoming version, to recognise the same arrival again */
    fingerprint: text('fingerprint').notNull(),
    existing: jsonb('existing').$type<PersonVersion>().notNull(),
    incoming: jsonb('incoming').$type<PersonVersion>().notNull(),
    /** create, change, import */
    source: text('source').notNull(),
    /** import job id and row number, when from an import */
    sourceRef: text('source_ref'),
    openedBy: text('opened_by'),
    openedAt: at('opened_at').notNull().defaultNow(),
    status: text('status').$type<'open' | 'kept_existing' | 'took_incoming' | 'rejected'>().notNull().default('open'),
    decidedBy: text('decided_by'),
    decidedAt: at('decided_at'),
    decisionNote: text('decision_note'),
  },
  (t) => [
    uniqueIndex('conflicts_open_once').on(t.personId, t.fingerprint).where(sql`status = 'open'`),
    index('conflicts_person').on(t.personId, t.fingerprint),
    index('conflicts_region_status').on(t.regionCode, t.status),
  ],
);

/** 批量导入 a batch import job: its progress is visible while it runs, in any node. */
export const importJobs = registrySchema.table(
  'import_jobs',
  {
    id: text('id').primaryKey(),
    status: text('status').$type<ImportStatus>().notNull(),
    /** upload (HTTP, file kept in import_chunks until done) or cli */
    source: text('source').$type<'upload' | 'cli'>().notNull(),
    fileName: text('file_name'),
    bytes: integer('bytes').notNull().default(0),
    /** region-code prefix the importer owns ('' = national): rows outside it are refused */
    scopePrefix: text('scope_prefix').notNull(),
    createdBy: text('created_by'),
    createdByKind: text('created_by_kind').notNull(),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsCreated: integer('rows_created').notNull().default(0),
    rowsUnchanged: integer('rows_unchanged').notNull().default(0),
    rowsFailed: integer('rows_failed').notNull().default(0),
    conflicts: integer('conflicts').notNull().default(0),
    /** last data row whose outcome is committed; a resumed job continues after it */
    checkpointRow: integer('checkpoint_row').notNull().default(0),
    errorCode: text('error_code'),
    errorDetail: text('error_detail'),
    heartbeatAt: at('heartbeat_at').notNull().defaultNow(),
    createdAt: at('created_at').notNull().defaultNow(),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
  },
  (t) => [index('import_jobs_status').on(t.status, t.heartbeatAt), index('import_jobs_scope').on(t.scopePrefix, t.createdAt)],
);

export type ImportStatus = 'receiving' | 'queued' | 'running' | 'completed' | 'failed' | 'interrupted';

/** Per-row errors of an import: row number (the header is row 1), field, stable code. No values. */
export const importErrors = registrySchema.table(
  'import_errors',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    jobId: text('job_id').notNull(),
    row: integer('row').notNull(),
    /** physical line where the row starts (differs from row when a quoted field holds newlines) */
    line: integer('line').notNull(),
    field: text('field').notNull(),
    code: text('code').notNull(),
  },
  (t) => [uniqueIndex('import_errors_row_field').on(t.jobId, t.row, t.field)],
);

/** The uploaded file, SM4-encrypted in text chunks, until its job completes (so any node can resume it). */
export const importChunks = registrySchema.table(
  'import_chunks',
  {
    jobId: text('job_id').notNull(),
    seq: integer('seq').notNull(),
    dataEnc: text('data_enc').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.seq] })],
);
