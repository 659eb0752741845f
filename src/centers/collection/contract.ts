/**
 * What the collection center answers: one schema per view. The routes declare them as their
 * responses (fast-json-stringify writes only these fields) and the services' `*View` functions
 * return their static types, so the compiler keeps the two in step.
 */
import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, DateTime, Fen, Literals, Nullable, Page } from '../../kernel/http/schemas.js';
import { FLOWS, FUNDS, PAYERS, PERIODICITIES } from '../policy/index.js';
import {
  ACCOUNT_ENTRY_KINDS,
  BILL_STATUSES,
  COLLECTION_MODES,
  FILE_KINDS,
  PAYMENT_SOURCES,
  PAYMENT_STATUSES,
  RECEIVABLE_STATUSES,
  RECONCILIATION_KINDS,
  RESOLUTIONS,
  ROW_OUTCOMES,
  RUN_STATUSES,
} from './rules.js';

// Plain strings in answers: the request shapes' custom formats (year-month, region-code) are unknown
// to the serializer's validator, which warns about them on every union it compiles.
const YearMonth = Type.String({ description: '月份 YYYY-MM' });
const RegionCode = Type.String({ description: '行政区划代码' });
const Count = Type.Integer({ minimum: 0 });
/** A failure recorded on a run or a file: its stable code and the message in the caller's language. */
const Failure = Type.Object({ code: Type.String(), message: Type.String() });
const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
const ByPayer = { unitFen: Fen('单位 unit'), personFen: Fen('个人 person') };
const ByAllPayers = { ...ByPayer, fiscalFen: Fen('财政 fiscal') };

// ------------------------------------------------------------------------------------ runs

/** 核定批次 a receivable run: its scope, progress, totals by payer and, when it failed, why. */
export const RunView = Type.Object(
  {
    id: Type.String(),
    month: YearMonth,
    regionCode: Nullable(RegionCode),
    insuranceType: Nullable(Type.String()),
    status: Literals(RUN_STATUSES),
    total: Count,
    processed: Count,
    problems: Count,
    linesWritten: Count,
    linesCancelled: Count,
    totals: Type.Object(ByAllPayers),
    error: Nullable(Failure),
    createdBy: Type.String(),
    createdAt: DateTime,
    startedAt: Nullable(DateTime),
    finishedAt: Nullable(DateTime),
  },
  { description: '核定批次 a receivable run' },
);
export type RunView = Static<typeof RunView>;

/** An enrollment a run could not compute, and why. */
export const RunProblemView = Type.Object(
  {
    employmentId: Type.String(),
    personId: Type.String(),
    entityId: Nullable(Type.String()),
    insuranceType: Type.String(),
    regionCode: RegionCode,
    code: Type.String(),
    message: Type.String(),
    params: Type.Record(Type.String(), Type.Unknown()),
  },
  { description: 'an enrollment the run could not compute' },
);
export type RunProblemView = Static<typeof RunProblemView>;

/** 应收明细 one receivable line, with its explanation when asked for. */
export const ReceivableView = Type.Object(
  {
    id: Type.Integer(),
    month: YearMonth,
    employmentId: Type.String(),
    personId: Type.String(),
    entityId: Nullable(Type.String()),
    enrollmentKind: Type.String(),
    insuranceType: Type.String(),
    regionCode: RegionCode,
    poolingRegion: RegionCode,
    ruleCode: Type.String(),
    payer: Literals(PAYERS),
    payerKey: Type.String(),
    fund: Literals(FUNDS),
    flow: Literals(FLOWS),
    periodicity: Literals(PERIODICITIES),
    baseKind: Type.String(),
    baseFen: Fen('缴费基数 base'),
    baseApplied: Literals(['lower', 'upper', 'declared'] as const),
    baseRuleCode: Nullable(Type.String()),
    ratePpm: Type.Integer({ description: '费率，百万分之一 rate in parts per million' }),
    amountFen: Fen(),
    ruleVersionId: Type.String(),
    status: Literals(RECEIVABLE_STATUSES),
    receivedAt: Nullable(DateTime),
    explanation: Type.Optional(Bilingual),
  },
  { description: '应收明细 a receivable line' },
);
export type ReceivableView = Static<typeof ReceivableView>;

// ----------------------------------------------------------------------------------- bills

/** 单位缴费单 a unit's bill for a month. */
export const BillView = Type.Object(
  {
    id: Type.String(),
    number: Type.String(),
    entityId: Type.String(),
    month: YearMonth,
    regionCode: RegionCode,
    status: Literals(BILL_STATUSES),
    byPayer: Type.Object(ByPayer),
    totalFen: Fen(),
    receivedFen: Fen(),
    outstandingFen: Fen(),
    byType: Type.Array(Type.Object({ insuranceType: Type.String(), ...ByPayer, totalFen: Fen(), receivedFen: Fen() })),
    persons: Count,
    lines: Count,
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { description: '单位缴费单 a unit bill' },
);
export type BillView = Static<typeof BillView>;

/** A bill as a clerk reads it: with the unit's name from the registry. */
export const RegionBillView = Type.Object({ ...BillView.properties, unitName: Nullable(Type.String()) }, { description: '单位缴费单 a unit bill, with the unit’s name' });
export type RegionBillView = Static<typeof RegionBillView>;

// ------------------------------------------------------------------------- files, payments

/** 征收模式 a pooling region's collection mode. */
export const SettingView = Type.Object(
  { regionCode: RegionCode, mode: Literals(COLLECTION_MODES), updatedBy: Type.String(), updatedAt: DateTime },
  { description: '征收模式 a pooling region’s collection mode' },
);
export type SettingView = Static<typeof SettingView>;

/** An imported file: what it was, and what became of its rows. */
export const ImportFileView = Type.Object(
  {
    id: Type.String(),
    kind: Literals(FILE_KINDS),
    regionCode: RegionCode,
    format: Literals(['csv', 'xlsx'] as const),
    fileName: Nullable(Type.String()),
    sha256: Nullable(Type.String()),
    status: Literals(['processing', 'done', 'failed'] as const),
    rows: Type.Object({ read: Count, created: Count, replayed: Count, duplicate: Count, failed: Count, rejected: Count }),
    amountFen: Fen('到账合计 created payments'),
    error: Nullable(Failure),
    createdBy: Type.String(),
    createdAt: DateTime,
    finishedAt: Nullable(DateTime),
  },
  { description: '导入文件 an imported file' },
);
export type ImportFileView = Static<typeof ImportFileView>;

/** What became of one row of a file; an error names its field and reason. */
export const FileRowView = Type.Object(
  {
    row: Type.Integer({ description: '表格行号 spreadsheet row number' }),
    outcome: Literals(ROW_OUTCOMES),
    reference: Nullable(Type.String()),
    paymentId: Nullable(Type.String()),
    payerKey: Nullable(Type.String()),
    month: Nullable(YearMonth),
    insuranceType: Nullable(Type.String()),
    amountFen: Nullable(Fen()),
    field: Nullable(Type.String()),
    code: Nullable(Type.String()),
    reason: Nullable(Type.String()),
  },
  { description: 'one row of an imported file' },
);
export type FileRowView = Static<typeof FileRowView>;

/** The answer to an import: the file and its first row errors (all of them at GET /imports/{id}/rows). */
export const ImportResultView = Type.Object({ ...ImportFileView.properties, errors: Type.Array(FileRowView) }, { description: '导入结果 an imported file with its first row errors' });
export type ImportResultView = Static<typeof ImportResultView>;

/** 到账 a payment that arrived in a file. */
export const PaymentView = Type.Object(
  {
    id: Type.String(),
    source: Literals(PAYMENT_SOURCES),
    reference: Type.String(),
    fileId: Type.String(),
    row: Type.Integer(),
    poolingRegion: RegionCode,
    payerKey: Type.String(),
    month: YearMonth,
    insuranceType: Type.String(),
    amountFen: Fen(),
    paidDate: DateOnly,
    status: Literals(PAYMENT_STATUSES),
    createdAt: DateTime,
  },
  { description: '到账记录 a payment' },
);
export type PaymentView = Static<typeof PaymentView>;

// -------------------------------------------------------------------------- reconciliation

/** 对账 a reconciliation's summary: pools compared, amounts, mismatches by kind and how many are decided. */
export const ReconciliationView = Type.Object(
  {
    id: Type.String(),
    regionCode: RegionCode,
    month: YearMonth,
    pools: Count,
    matched: Count,
    dueFen: Fen(),
    paidFen: Fen(),
    differenceFen: Fen('到账 − 应收 paid − due'),
    /** mismatches found, by kind (RECONCILIATION_KINDS) */
    counts: Type.Object({ unpaid: Count, short: Count, over: Count, no_receivable: Count, duplicate: Count }),
    items: Type.Object({ open: Count, resolved: Count }),
    createdBy: Type.String(),
    createdAt: DateTime,
  },
  { description: '对账 a reconciliation' },
);
export type ReconciliationView = Static<typeof ReconciliationView>;

/** 对账差异 one mismatch and the decision taken on it. */
export const ReconciliationItemView = Type.Object(
  {
    id: Type.String(),
    reconciliationId: Type.String(),
    kind: Literals(RECONCILIATION_KINDS),
    payerKey: Type.String(),
    month: YearMonth,
    insuranceType: Type.String(),
    dueFen: Fen(),
    paidFen: Fen(),
    differenceFen: Fen(),
    references: Type.Array(Type.String()),
    status: Literals(['open', 'resolved'] as const),
    resolution: Nullable(Literals(RESOLUTIONS)),
    note: Nullable(Type.String()),
    resolvedBy: Nullable(Type.String()),
    resolvedAt: Nullable(DateTime),
  },
  { description: '对账差异 a reconciliation item' },
);
export type ReconciliationItemView = Static<typeof ReconciliationItemView>;

// ------------------------------------------------------- a person's account (other centers)

/** 个人账户流水 one personal-account entry: 划入 +, 扣减 / 结算支付 −. */
export const AccountEntryView = Type.Object(
  {
    id: Type.Integer(),
    kind: Literals(ACCOUNT_ENTRY_KINDS),
    amountFen: Fen('signed 正为划入'),
    month: YearMonth,
    insuranceType: Nullable(Type.String()),
    sourceRef: Type.String(),
    createdAt: DateTime,
  },
  { description: '个人账户流水 a personal-account entry' },
);
export type AccountEntryView = Static<typeof AccountEntryView>;

/** 个人账户 the balance over all entries and a page of entries. */
export const PersonalAccountView = Type.Object({ balanceFen: Fen('余额 balance'), ...Page(AccountEntryView).properties }, { description: '个人账户 the personal account' });
export type PersonalAccountView = Static<typeof PersonalAccountView>;

/** 年度缴费对账单 a person's year, month by month, with the account's movement. */
export const AnnualStatementView = Type.Object(
  {
    year: Type.Integer(),
    months: Type.Array(Type.Object({ month: YearMonth, ...ByAllPayers, status: Literals(['none', 'due', 'partly_received', 'received'] as const) })),
    totals: Type.Object({ ...ByAllPayers, totalFen: Fen() }),
    account: Type.Object({ openingFen: Fen(), creditsFen: Fen(), debitsFen: Fen(), closingFen: Fen() }),
  },
  { description: '年度缴费对账单 the annual statement' },
);
export type AnnualStatementView = Static<typeof AnnualStatementView>;
