import { bigint, bigserial, boolean, date, index, integer, jsonb, pgSchema, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Flow, Fund, Payer, Periodicity } from '../policy/index.js';
import type { AccountEntryKind, BillStatus, CollectionMode, FileKind, PaymentSource, PaymentStatus, ReceivableStatus, ReconciliationKind, Resolution, RowOutcome, RunStatus } from './rules.js';

export const collectionSchema = pgSchema('collection');

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const fen = (name: string) => bigint(name, { mode: 'number' });

/**
 * 应收核定批次 one receivable run: a month, optionally one region and insurance type, within the
 * scope of the clerk who asked. Worked by one node at a time: `claimedBy` + `heartbeatAt` is the
 * lease; `cursor` (the enrollment feed's keyset) is the checkpoint a resumed run continues after.
 */
export const runs = collectionSchema.table(
  'runs',
  {
    id: text('id').primaryKey(),
    /** yyyymm */
    month: integer('month').notNull(),
    regionCode: text('region_code'),
    insuranceType: text('insurance_type'),
    /** the region-code prefix of the clerk who asked ('' national): enrollments outside it are skipped */
    scopePrefix: text('scope_prefix').notNull(),
    status: text('status').$type<RunStatus>().notNull().default('queued'),
    /** active enrollments found so far (final when done) */
    total: integer('total').notNull().default(0),
    /** enrollments whose lines were computed */
    processed: integer('processed').notNull().default(0),
    /** enrollments whose facts were missing (listed in run_problems) */
    problems: integer('problems').notNull().default(0),
    linesWritten: integer('lines_written').notNull().default(0),
    linesCancelled: integer('lines_cancelled').notNull().default(0),
    /** live (not cancelled) lines of the run's scope by payer, computed when the run ends */
    unitFen: fen('unit_fen').notNull().default(0),
    personFen: fen('person_fen').notNull().default(0),
    fiscalFen: fen('fiscal_fen').notNull().default(0),
    cursor: text('cursor'),
    claimedBy: text('claimed_by'),
    errorCode: text('error_code'),
    errorDetail: text('error_detail'),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
    heartbeatAt: at('heartbeat_at').notNull().defaultNow(),
  },
  (t) => [index('runs_status').on(t.status, t.createdAt), index('runs_scope').on(t.scopePrefix, t.id)],
);

/** 核定问题 an enrollment a run could not compute (no declared base, no policy in effect …). */
export const runProblems = collectionSchema.table(
  'run_problems',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    runId: text('run_id').notNull(),
    employmentId: text('employment_id').notNull(),
    personId: text('person_id').notNull(),
    entityId: text('entity_id'),
    insuranceType: text('insurance_type').notNull(),
    regionCode: text('region_code').notNull(),
    code: text('code').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [uniqueIndex('run_problems_once').on(t.runId, t.employmentId)],
);

/**
 * 应收明细 one receivable line: an enrollment × month × payer share (rule code). Written by runs
 * (upsert on the key; a received line is never rewritten), cancelled (not deleted) when it no longer
 * applies, received when payments cover it. The person's facts are kept so the policy center can
 * explain the line again on read.
 */
export const receivables = collectionSchema.table(
  'receivables',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    employmentId: text('employment_id').notNull(),
    month: integer('month').notNull(),
    ruleCode: text('rule_code').notNull(),
    personId: text('person_id').notNull(),
    /** the unit that employs the person; null for flexible workers and residents */
    entityId: text('entity_id'),
    /** employee / flexible / resident */
    enrollmentKind: text('enrollment_kind').notNull(),
    /** the enrollment's region (scoping) */
    regionCode: text('region_code').notNull(),
    /** the pooling region whose policy applied (collection mode, files, reconciliation) */
    poolingRegion: text('pooling_region').notNull(),
    insuranceType: text('insurance_type').notNull(),
    payer: text('payer').$type<Payer>().notNull(),
    /** who is asked to pay: the unit (`ent_…`) for its employees, the person (`psn_…`) alone, `fiscal:<region>` */
    payerKey: text('payer_key').notNull(),
    fund: text('fund').$type<Fund>().notNull(),
    flow: text('flow').$type<Flow>().notNull(),
    periodicity: text('periodicity').$type<Periodicity>().notNull(),
    baseKind: text('base_kind').notNull(),
    declaredFen: fen('declared_fen').notNull(),
    baseFen: fen('base_fen').notNull(),
    baseApplied: text('base_applied').$type<'lower' | 'upper' | 'declared'>().notNull(),
    baseRuleCode: text('base_rule_code'),
    ratePpm: integer('rate_ppm').notNull(),
    amountFen: fen('amount_fen').notNull(),
    ruleVersionId: text('rule_version_id').notNull(),
    /** facts the line was computed from (for the explanation on read) */
    birthDate: text('birth_date').notNull(),
    retired: boolean('retired').notNull(),
    category: text('category'),
    status: text('status').$type<ReceivableStatus>().notNull().default('due'),
    runId: text('run_id').notNull(),
    paymentId: text('payment_id'),
    receivedAt: at('received_at'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // Month first: the key serves the run's page ranges (month, employment range) as well, so a line
    // carries one index fewer to write.
    uniqueIndex('receivables_key').on(t.month, t.employmentId, t.ruleCode),
    index('receivables_person').on(t.personId, t.month),
    index('receivables_entity').on(t.entityId, t.month),
    index('receivables_pool').on(t.poolingRegion, t.month, t.payerKey, t.insuranceType),
  ],
);

export const billNumbers = collectionSchema.sequence('bill_numbers');

/**
 * 单位缴费单 one bill per unit and month: the unit's and its employees' live lines (fiscal subsidies
 * are not the unit's to pay), summed by payer and insurance type, kept in step by every run and
 * payment that touches them.
 */
export const bills = collectionSchema.table(
  'bills',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull(),
    entityId: text('entity_id').notNull(),
    month: integer('month').notNull(),
    regionCode: text('region_code').notNull(),
    unitFen: fen('unit_fen').notNull(),
    personFen: fen('person_fen').notNull(),
    totalFen: fen('total_fen').notNull(),
    receivedFen: fen('received_fen').notNull(),
    persons: integer('persons').notNull(),
    lines: integer('lines').notNull(),
    byType: jsonb('by_type').$type<Array<{ insuranceType: string; unitFen: number; personFen: number; totalFen: number; receivedFen: number }>>().notNull(),
    status: text('status').$type<BillStatus>().notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('bills_entity_month').on(t.entityId, t.month), uniqueIndex('bills_number').on(t.number), index('bills_region_month').on(t.regionCode, t.month)],
);

/** 征收模式 how a pooling region collects: 税务全责 / 税务半责 / 经办机构自收. */
export const settings = collectionSchema.table('settings', {
  regionCode: text('region_code').primaryKey(),
  mode: text('mode').$type<CollectionMode>().notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** 导入文件 one file brought in (tax payment detail, tax results, bank results) and its counts. */
export const importFiles = collectionSchema.table(
  'import_files',
  {
    id: text('id').primaryKey(),
    kind: text('kind').$type<FileKind>().notNull(),
    regionCode: text('region_code').notNull(),
    format: text('format').$type<'csv' | 'xlsx'>().notNull(),
    fileName: text('file_name'),
    sha256: text('sha256'),
    status: text('status').$type<'processing' | 'done' | 'failed'>().notNull().default('processing'),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsCreated: integer('rows_created').notNull().default(0),
    rowsReplayed: integer('rows_replayed').notNull().default(0),
    rowsDuplicate: integer('rows_duplicate').notNull().default(0),
    rowsFailed: integer('rows_failed').notNull().default(0),
    rowsRejected: integer('rows_rejected').notNull().default(0),
    amountFen: fen('amount_fen').notNull().default(0),
    errorCode: text('error_code'),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    finishedAt: at('finished_at'),
  },
  (t) => [index('import_files_region').on(t.regionCode, t.id)],
);

/** 文件行 what became of each row of an imported file: a payment, a replay, a duplicate, a failure, an error. */
export const importRows = collectionSchema.table(
  'import_rows',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    fileId: text('file_id').notNull(),
    row: integer('row').notNull(),
    outcome: text('outcome').$type<RowOutcome>().notNull(),
    /** the row's external reference (tax voucher, bank serial, export reference) */
    reference: text('reference'),
    paymentId: text('payment_id'),
    payerKey: text('payer_key'),
    month: integer('month'),
    insuranceType: text('insurance_type'),
    amountFen: fen('amount_fen'),
    /** row errors: the field and the reason code */
    field: text('field'),
    code: text('code'),
    params: jsonb('params').$type<Record<string, unknown>>(),
  },
  (t) => [index('import_rows_file').on(t.fileId, t.row), index('import_rows_month').on(t.month, t.outcome)],
);

/**
 * 到账 a payment that arrived, one per file row, unique by its source reference (re-importing a
 * file adds nothing). Matching pools payments and receivables by (pooling region, payer, month,
 * insurance type).
 */
export const payments = collectionSchema.table(
  'payments',
  {
    id: text('id').primaryKey(),
    source: text('source').$type<PaymentSource>().notNull(),
    reference: text('reference').notNull(),
    fileId: text('file_id').notNull(),
    row: integer('row').notNull(),
    poolingRegion: text('pooling_region').notNull(),
    payerKey: text('payer_key').notNull(),
    month: integer('month').notNull(),
    insuranceType: text('insurance_type').notNull(),
    amountFen: fen('amount_fen').notNull(),
    paidDate: date('paid_date', { mode: 'string' }).notNull(),
    status: text('status').$type<PaymentStatus>().notNull().default('arrived'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('payments_reference').on(t.reference), index('payments_pool').on(t.poolingRegion, t.month, t.payerKey, t.insuranceType)],
);

/** 个人账户明细 personal-account entries: 划入 (+) and 扣减 (−), one per source (idempotent). */
export const accountEntries = collectionSchema.table(
  'account_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    personId: text('person_id').notNull(),
    kind: text('kind').$type<AccountEntryKind>().notNull(),
    /** signed: credits positive, debits negative */
    amountFen: fen('amount_fen').notNull(),
    month: integer('month').notNull(),
    insuranceType: text('insurance_type'),
    sourceRef: text('source_ref').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('account_entries_source').on(t.sourceRef), index('account_entries_person').on(t.personId, t.month)],
);

/** 对账 one comparison of receivables, payments and file rows for a pooling region and month. */
export const reconciliations = collectionSchema.table(
  'reconciliations',
  {
    id: text('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    month: integer('month').notNull(),
    pools: integer('pools').notNull(),
    matched: integer('matched').notNull(),
    dueFen: fen('due_fen').notNull(),
    paidFen: fen('paid_fen').notNull(),
    counts: jsonb('counts').$type<Record<ReconciliationKind, number>>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('reconciliations_region').on(t.regionCode, t.month)],
);

/** 对账差异 one mismatch found, and how a clerk resolved it. */
export const reconciliationItems = collectionSchema.table(
  'reconciliation_items',
  {
    id: text('id').primaryKey(),
    reconciliationId: text('reconciliation_id').notNull(),
    regionCode: text('region_code').notNull(),
    kind: text('kind').$type<ReconciliationKind>().notNull(),
    payerKey: text('payer_key').notNull(),
    month: integer('month').notNull(),
    insuranceType: text('insurance_type').notNull(),
    dueFen: fen('due_fen').notNull(),
    paidFen: fen('paid_fen').notNull(),
    /** paid − due */
    differenceFen: fen('difference_fen').notNull(),
    /** payment ids, or file row references for duplicates */
    references: jsonb('references').$type<string[]>().notNull(),
    status: text('status').$type<'open' | 'resolved'>().notNull().default('open'),
    resolution: text('resolution').$type<Resolution>(),
    note: text('note'),
    resolvedBy: text('resolved_by'),
    resolvedAt: at('resolved_at'),
  },
  (t) => [index('reconciliation_items_of').on(t.reconciliationId, t.status, t.kind, t.id)],
);
