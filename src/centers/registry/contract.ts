/**
 * What the registry answers: one schema per view. The routes declare them as their responses
 * (fast-json-stringify writes only these fields) and the `*View` functions return their static
 * types, so the compiler keeps the two in step. Personal values (names, identity numbers, phones)
 * arrive masked for every viewer, so they are plain strings here, not formats; in full only from a
 * reveal (`*RevealView`, audited).
 */
import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, DateTime, Literals, Nullable, Page } from '../../kernel/http/schemas.js';
import { CANCEL_REASON_CODES, ENTITY_TYPE_CODES, PERSON_CATEGORY_CODES } from './rules.js';
import { AGREEMENT_STATUS_CODES, INSTITUTION_KIND_CODES } from './institution-rules.js';

export const RECORD_STATUSES = ['active', 'cancelled'] as const;
export const CONFLICT_STATUSES = ['open', 'kept_existing', 'took_incoming', 'rejected'] as const;
export const IMPORT_STATUSES = ['receiving', 'queued', 'running', 'completed', 'failed', 'interrupted'] as const;

const Count = Type.Integer({ minimum: 0 });
const RegionCode = Type.String({ description: '行政区划代码' });
const Sex = Literals(['male', 'female'] as const);
const Category = Literals(PERSON_CATEGORY_CODES, '人员类别');
const Status = Literals(RECORD_STATUSES);
/** 注销 why and from when, while the record is cancelled */
const CancellationView = Nullable(Type.Object({ reason: Literals(CANCEL_REASON_CODES), date: DateOnly, note: Nullable(Type.String()) }));

// ------------------------------------------------------------------------------------ persons

/** 自然人 a person as a clerk sees them: personal data masked (in full only through a reveal). */
export const PersonView = Type.Object(
  {
    id: Type.String(),
    idNumber: Type.String({ description: '身份证号码 (masked: 4113**********1234)' }),
    name: Type.String(),
    birthDate: Type.String({ description: 'YYYY-MM-DD (masked: YYYY-**-**)' }),
    sex: Sex,
    phone: Nullable(Type.String()),
    regionCode: RegionCode,
    category: Category,
    status: Status,
    cancellation: CancellationView,
    version: Type.Integer({ minimum: 1 }),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { description: '自然人 a person (masked)' },
);
export type PersonView = Static<typeof PersonView>;

/** A person after a change request: `changed` false when nothing differed. */
export const PersonChangedView = Type.Object({ ...PersonView.properties, changed: Type.Boolean() }, { description: '变更后的自然人 a person after a change' });

export const PersonPage = Page(PersonView);

/** 显示完整信息 a person's masked fields in full, and nothing else (user.pii.read; each reveal audited). */
export const PersonRevealView = Type.Object(
  { id: Type.String(), name: Type.String(), idNumber: Type.String(), birthDate: DateOnly, phone: Nullable(Type.String()) },
  { description: '自然人完整信息 a person in full' },
);
export type PersonRevealView = Static<typeof PersonRevealView>;

// ------------------------------------------------------------------------------------ entities

/** 法人 / 单位 a legal entity; its legal representative masked (in full only through a reveal). */
export const EntityView = Type.Object(
  {
    id: Type.String(),
    creditCode: Type.String({ description: '统一社会信用代码' }),
    name: Type.String(),
    type: Literals(ENTITY_TYPE_CODES, '单位类型'),
    regionCode: RegionCode,
    legalRepresentative: Type.Object({ name: Type.String(), idNumber: Nullable(Type.String()) }, { description: '法定代表人' }),
    status: Status,
    cancellation: CancellationView,
    version: Type.Integer({ minimum: 1 }),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { description: '法人 a legal entity' },
);
export type EntityView = Static<typeof EntityView>;

export const EntityChangedView = Type.Object({ ...EntityView.properties, changed: Type.Boolean() }, { description: '变更后的法人 a legal entity after a change' });

export const EntityPage = Page(EntityView);

/** 显示完整信息 a legal entity's legal representative in full (user.pii.read; each reveal audited). */
export const EntityRevealView = Type.Object(
  { id: Type.String(), legalRepresentative: Type.Object({ name: Type.String(), idNumber: Nullable(Type.String()) }, { description: '法定代表人' }) },
  { description: '法定代表人完整信息 a legal representative in full' },
);
export type EntityRevealView = Static<typeof EntityRevealView>;

// ------------------------------------------------------------------------------------ history

/** 变更历史 one change of a person or entity: which fields from what to what (personal values masked), by whom, through what. */
export const HistoryEntryView = Type.Object(
  {
    id: Type.Integer(),
    action: Literals(['created', 'changed', 'cancelled'] as const),
    at: DateTime,
    actor: Type.Object({ id: Nullable(Type.String()), kind: Type.String() }),
    source: Type.String({ description: 'api, import or conflict' }),
    sourceRef: Nullable(Type.String({ description: 'the import job or conflict case behind the change' })),
    changes: Type.Array(Type.Object({ field: Type.String(), from: Nullable(Type.String()), to: Nullable(Type.String()) })),
  },
  { description: '变更历史 one change' },
);
export type HistoryEntryView = Static<typeof HistoryEntryView>;

export const HistoryPage = Page(HistoryEntryView);

// ------------------------------------------------------------------------------------ conflicts (会商)

/** One side of a case: the fields the version carries. */
const PersonVersionView = Type.Object({
  name: Type.Optional(Type.String()),
  birthDate: Type.Optional(Type.String()),
  sex: Type.Optional(Sex),
  phone: Type.Optional(Nullable(Type.String())),
  regionCode: Type.Optional(RegionCode),
  category: Type.Optional(Type.String()),
});

/** 会商 a conflict case: the record as it stood, the arrival, where it came from and the decision. */
export const ConflictView = Type.Object(
  {
    id: Type.String(),
    personId: Type.String(),
    status: Literals(CONFLICT_STATUSES),
    source: Type.String({ description: 'create, change or import' }),
    sourceRef: Nullable(Type.String({ description: 'import job and row: imp_…#row' })),
    existing: PersonVersionView,
    incoming: PersonVersionView,
    differences: Type.Array(Literals(['name', 'birthDate', 'sex', 'regionCode', 'category'] as const)),
    openedBy: Nullable(Type.String()),
    openedAt: DateTime,
    decision: Nullable(Type.Object({ status: Literals(CONFLICT_STATUSES), by: Nullable(Type.String()), at: DateTime, note: Nullable(Type.String()) })),
  },
  { description: '会商 a conflict case' },
);
export type ConflictView = Static<typeof ConflictView>;

export const ConflictPage = Page(ConflictView);

/**
 * The 202 of a registration or name change that opened a case. The case in full when the record is
 * in the caller's regions; otherwise its id and status only (the record belongs to another region).
 */
export const ConflictOpenedView = Type.Object(
  {
    status: Type.Literal('conflict'),
    conflict: Type.Union([ConflictView, Type.Object({ id: Type.String(), status: Literals(CONFLICT_STATUSES) })]),
  },
  { description: '已转会商 a conflict case opened instead' },
);
export type ConflictOpenedView = Static<typeof ConflictOpenedView>;

/** 会商处理 the decided case and, when the incoming version was taken, the person as it now stands. */
export const ResolutionView = Type.Object({ conflict: ConflictView, person: Nullable(PersonView) }, { description: '会商处理结果 a decided case' });

// ------------------------------------------------------------------------------------ imports

/** 批量导入 an import job and its progress: rows read, committed, unchanged, failed, sent to cases. */
export const ImportJobView = Type.Object(
  {
    id: Type.String(),
    status: Literals(IMPORT_STATUSES),
    source: Literals(['upload', 'cli'] as const),
    fileName: Nullable(Type.String()),
    bytes: Count,
    rows: Type.Object({ read: Count, committed: Count, unchanged: Count, failed: Count, conflicts: Count }),
    checkpointRow: Count,
    error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
    createdBy: Nullable(Type.String()),
    createdAt: DateTime,
    startedAt: Nullable(DateTime),
    finishedAt: Nullable(DateTime),
    heartbeatAt: DateTime,
  },
  { description: '导入任务 an import job' },
);
export type ImportJobView = Static<typeof ImportJobView>;

export const ImportJobPage = Page(ImportJobView);

// ------------------------------------------------------------------------------------ institutions (定点医药机构)

/** 定点医药机构 a designated medical institution (H…) or pharmacy (P…), its level and its agreement (医保协议). */
export const InstitutionView = Type.Object(
  {
    code: Type.String({ description: '定点医药机构编码 H / P + 6-digit pooling region + 5 digits' }),
    name: Type.String(),
    kind: Literals(INSTITUTION_KIND_CODES, '机构类型 general_hospital 综合医院 / specialty_hospital 专科医院 / tcm_hospital 中医医院 / primary_care 基层医疗卫生机构 / clinic 诊所 / retail_pharmacy 单体零售药店 / chain_pharmacy 连锁零售药店'),
    creditCode: Type.String({ description: '法人统一社会信用代码' }),
    regionCode: Type.String({ description: '统筹区 the pooling region (the code’s 6 digits)' }),
    level: Type.Integer({ minimum: 0, maximum: 3, description: '医院等级 0 未定级 / 1 一级 / 2 二级 / 3 三级' }),
    agreementStatus: Literals(AGREEMENT_STATUS_CODES, '协议状态 active 有效 / suspended 暂停 / terminated 解除'),
    agreementFrom: DateOnly,
    agreementTo: DateOnly,
    address: Type.String(),
    version: Type.Integer({ minimum: 1 }),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { description: '定点医药机构 a designated institution' },
);
export type InstitutionView = Static<typeof InstitutionView>;

export const InstitutionChangedView = Type.Object({ ...InstitutionView.properties, changed: Type.Boolean() }, { description: '变更后的定点医药机构 an institution after a change' });

export const InstitutionPage = Page(InstitutionView);

/** 定点医药机构导入结果: rows read, created, changed, unchanged, and each refused row with its spreadsheet row number. */
export const InstitutionImportView = Type.Object(
  {
    rows: Count,
    created: Count,
    changed: Count,
    unchanged: Count,
    errorCount: Count,
    errors: Type.Array(
      Type.Object({ row: Type.Integer({ description: 'spreadsheet row number (the header is row 1)' }), field: Type.String(), code: Type.String(), message: Type.String() }),
      { description: 'the first 1,000 row errors, by row' },
    ),
  },
  { description: '定点医药机构导入结果 what an import wrote, and the rows it refused' },
);
export type InstitutionImportView = Static<typeof InstitutionImportView>;
