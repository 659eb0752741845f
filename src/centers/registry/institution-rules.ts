/**
 * 定点医药机构 pure rules: the national institution code, the kind its letter allows, the level, the
 * agreement (医保协议) and its period, and the import file's columns. Table-tested in
 * institution-rules.test.ts.
 */
import { canonicalIdentifier, normalizeCreditCode, parseDate, type FieldProblem } from './rules.js';
import type { AgreementStatus, InstitutionLevel } from './schema.js';

/** 机构类型 medical institutions (code letter H) … */
export const MEDICAL_KIND_CODES = ['general_hospital', 'specialty_hospital', 'tcm_hospital', 'primary_care', 'clinic'] as const;
/** … and pharmacies (code letter P). */
export const PHARMACY_KIND_CODES = ['retail_pharmacy', 'chain_pharmacy'] as const;
export const INSTITUTION_KIND_CODES = [...MEDICAL_KIND_CODES, ...PHARMACY_KIND_CODES] as const;
export type InstitutionKind = (typeof INSTITUTION_KIND_CODES)[number];
export const INSTITUTION_KINDS = {
  general_hospital: '综合医院',
  specialty_hospital: '专科医院',
  tcm_hospital: '中医医院',
  primary_care: '基层医疗卫生机构',
  clinic: '诊所 / 门诊部',
  retail_pharmacy: '单体零售药店',
  chain_pharmacy: '连锁零售药店',
} as const satisfies Record<InstitutionKind, string>;

/** 医院等级: 0 未定级 (clinics, pharmacies, unrated hospitals), 一级, 二级, 三级. */
export const INSTITUTION_LEVELS = { 0: '未定级', 1: '一级', 2: '二级', 3: '三级' } as const satisfies Record<InstitutionLevel, string>;

/** 协议状态 of the agreement: in force (有效), suspended (暂停), ended (解除). */
export const AGREEMENT_STATUS_CODES = ['active', 'suspended', 'terminated'] as const satisfies readonly AgreementStatus[];
export const AGREEMENT_STATUSES = { active: '有效', suspended: '暂停', terminated: '解除' } as const satisfies Record<AgreementStatus, string>;

/** H medical institution, P pharmacy. */
export type InstitutionLetter = 'H' | 'P';

/**
 * Province-level prefixes of GB/T 2260 (11 北京 … 65 新疆, 71 台湾, 81 香港, 82 澳门): the pooling region
 * in a code must be a region of one of them, and a county or city code (not 000000, not a province
 * written as a county).
 */
const PROVINCES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82']);

/** A GB/T 2260 region code of a city or county (统筹区 are cities and, in some provinces, counties). */
export const isPoolingRegionCode = (value: string) => /^\d{6}$/.test(value) && PROVINCES.has(value.slice(0, 2)) && value.slice(2) !== '0000';

const CODE = /^([HP])(\d{6})(\d{5})$/;

/**
 * 定点医药机构编码: H (medical) or P (pharmacy), the 6-digit pooling region, 5 digits, e.g.
 * H41130200746 (宛城区). Canonical: trimmed, full-width folded, upper case.
 */
export function parseInstitutionCode(value: string): { code: string; letter: InstitutionLetter; regionCode: string } | FieldProblem {
  const code = canonicalIdentifier(value);
  const m = CODE.exec(code);
  if (!m) return { field: 'code', code: 'registry.institution_code_invalid' };
  if (!isPoolingRegionCode(m[2])) return { field: 'code', code: 'registry.institution_code_region' };
  return { code, letter: m[1] as InstitutionLetter, regionCode: m[2] };
}

export const kindFitsLetter = (kind: InstitutionKind, letter: InstitutionLetter) =>
  (letter === 'H' ? (MEDICAL_KIND_CODES as readonly string[]) : (PHARMACY_KIND_CODES as readonly string[])).includes(kind);

/** A kind by its code or its Chinese name. */
export function parseKind(value: string): InstitutionKind | null {
  const v = value.normalize('NFKC').trim();
  if ((INSTITUTION_KIND_CODES as readonly string[]).includes(v)) return v as InstitutionKind;
  return INSTITUTION_KIND_CODES.find((k) => INSTITUTION_KINDS[k].split(' / ').includes(v) || INSTITUTION_KINDS[k] === v) ?? null;
}

/** A level by its number (0–3) or its Chinese name (三级, 三级甲等 → 3; 未定级 → 0). */
export function parseLevel(value: string | number): InstitutionLevel | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= 3 ? (value as InstitutionLevel) : null;
  const v = value.normalize('NFKC').trim();
  if (/^[0-3]$/.test(v)) return Number(v) as InstitutionLevel;
  if (v === '未定级' || v === '无') return 0;
  const m = /^([一二三])级([甲乙丙]等)?$/.exec(v);
  return m ? ((['一', '二', '三'].indexOf(m[1]) + 1) as InstitutionLevel) : null;
}

/** An agreement status by its code or its Chinese name (有效, 暂停, 解除 / 终止). */
export function parseAgreementStatus(value: string): AgreementStatus | null {
  const v = value.normalize('NFKC').trim();
  if ((AGREEMENT_STATUS_CODES as readonly string[]).includes(v)) return v as AgreementStatus;
  if (v === '终止') return 'terminated';
  return AGREEMENT_STATUS_CODES.find((s) => AGREEMENT_STATUSES[s] === v) ?? null;
}

/** An institution as a clerk or a file gives it: strings as typed (the API's are already shaped). */
export interface InstitutionInput {
  code: string;
  name: string;
  kind: string;
  creditCode: string;
  /** optional: the code carries it; when given it must be the code's */
  regionCode?: string | null;
  level: string | number;
  agreementStatus?: string | null;
  agreementFrom: string;
  agreementTo: string;
  address?: string | null;
}

/** An institution's record as stored, checked and canonical. */
export interface InstitutionRecord {
  code: string;
  name: string;
  kind: InstitutionKind;
  creditCode: string;
  regionCode: string;
  level: InstitutionLevel;
  agreementStatus: AgreementStatus;
  agreementFrom: string;
  agreementTo: string;
  address: string;
}

const NAME = /^[^<>\p{Cc}]+$/u;

/** 机构名称: 2–100 characters, no control characters or angle brackets. */
export function normalizeInstitutionName(value: string): string | null {
  const name = value.normalize('NFC').trim().replace(/\s+/g, ' ');
  const length = Array.from(name).length;
  return length >= 2 && length <= 100 && NAME.test(name) ? name : null;
}

/**
 * Checks an institution: the code's letter and region, the region given beside it, the kind the
 * letter allows, the level (pharmacies are 未定级), the legal entity's credit code, the agreement's
 * status and period (from ≤ to, both days included). Returns the record, or every problem found, in
 * field order, so an import row reports them all and the API the first.
 */
export function checkInstitution(input: InstitutionInput): InstitutionRecord | FieldProblem[] {
  const problems: FieldProblem[] = [];
  const parsed = parseInstitutionCode(input.code);
  const letter = 'letter' in parsed ? parsed.letter : null;
  if (!('letter' in parsed)) problems.push(parsed);
  const name = normalizeInstitutionName(input.name);
  if (!name) problems.push({ field: 'name', code: 'registry.institution_name_invalid' });
  const kind = parseKind(input.kind);
  if (!kind) problems.push({ field: 'kind', code: 'registry.institution_kind_invalid' });
  else if (letter && !kindFitsLetter(kind, letter)) problems.push({ field: 'kind', code: `registry.institution_kind_not_${letter === 'H' ? 'medical' : 'pharmacy'}` });
  const creditCode = normalizeCreditCode(input.creditCode);
  if (!creditCode) problems.push({ field: 'creditCode', code: 'registry.credit_code_invalid' });
  const givenRegion = input.regionCode?.normalize('NFKC').trim();
  if (givenRegion && 'regionCode' in parsed && givenRegion !== parsed.regionCode) problems.push({ field: 'regionCode', code: 'registry.institution_region_mismatch' });
  const level = parseLevel(input.level);
  if (level === null) problems.push({ field: 'level', code: 'registry.institution_level_invalid' });
  else if (letter === 'P' && level !== 0) problems.push({ field: 'level', code: 'registry.institution_level_pharmacy' });
  const statusText = input.agreementStatus?.trim();
  const agreementStatus = statusText ? parseAgreementStatus(statusText) : 'active';
  if (!agreementStatus) problems.push({ field: 'agreementStatus', code: 'registry.agreement_status_invalid' });
  const agreementFrom = parseDate(input.agreementFrom);
  if (!agreementFrom) problems.push({ field: 'agreementFrom', code: 'registry.date_invalid' });
  const agreementTo = parseDate(input.agreementTo);
  if (!agreementTo) problems.push({ field: 'agreementTo', code: 'registry.date_invalid' });
  if (agreementFrom && agreementTo && agreementFrom > agreementTo) problems.push({ field: 'agreementTo', code: 'registry.agreement_period_invalid' });
  const address = (input.address ?? '').normalize('NFC').trim();
  if (Array.from(address).length > 200 || /[<>\p{Cc}]/u.test(address)) problems.push({ field: 'address', code: 'registry.institution_address_invalid' });
  if (problems.length || !('letter' in parsed)) return problems;
  return {
    code: parsed.code,
    name: name!,
    kind: kind!,
    creditCode: creditCode!,
    regionCode: parsed.regionCode,
    level: level!,
    agreementStatus: agreementStatus!,
    agreementFrom: agreementFrom!,
    agreementTo: agreementTo!,
    address,
  };
}

/**
 * 协议在有效期内: the agreement is active and its period covers the day (YYYY-MM-DD, both ends
 * included). A suspended or terminated agreement is not in force on any day.
 */
export const agreementInForce = (row: Pick<InstitutionRecord, 'agreementStatus' | 'agreementFrom' | 'agreementTo'>, date: string) =>
  row.agreementStatus === 'active' && row.agreementFrom <= date && date <= row.agreementTo;

// ------------------------------------------------------------------------------------ import file

export type InstitutionColumn = keyof InstitutionInput;

/** Header names an import file may use for each column (compared after trimming, case-insensitively). */
export const INSTITUTION_COLUMN_ALIASES: Record<InstitutionColumn, string[]> = {
  code: ['机构编码', '定点医药机构编码', '医药机构编码', '定点机构编码', 'code', 'institutionCode'],
  name: ['机构名称', '名称', 'name'],
  kind: ['机构类型', '类型', 'kind', 'type'],
  creditCode: ['统一社会信用代码', '信用代码', 'creditCode', 'credit_code'],
  regionCode: ['统筹区', '统筹区划', '区划代码', '行政区划代码', 'regionCode', 'region_code'],
  level: ['医院等级', '等级', '机构等级', 'level'],
  agreementStatus: ['协议状态', 'agreementStatus', 'status'],
  agreementFrom: ['协议开始日期', '协议起始日期', '开始日期', 'agreementFrom', 'from'],
  agreementTo: ['协议结束日期', '协议终止日期', '结束日期', 'agreementTo', 'to'],
  address: ['地址', '机构地址', 'address'],
};

export const INSTITUTION_REQUIRED_COLUMNS: InstitutionColumn[] = ['code', 'name', 'kind', 'creditCode', 'level', 'agreementFrom', 'agreementTo'];

const ALIAS_TO_COLUMN = new Map<string, InstitutionColumn>(
  (Object.entries(INSTITUTION_COLUMN_ALIASES) as Array<[InstitutionColumn, string[]]>).flatMap(([column, aliases]) => aliases.map((a) => [a.toLowerCase(), column] as const)),
);

export type InstitutionHeader = Partial<Record<InstitutionColumn, number>>;

/** The known columns' positions in a header row; a required column missing or a column named twice is a problem. */
export function readInstitutionHeader(cells: string[]): { positions: InstitutionHeader } | { code: 'registry.import_header_missing' | 'registry.import_header_duplicate'; column: string } {
  const positions: InstitutionHeader = {};
  for (const [i, cell] of cells.entries()) {
    const column = ALIAS_TO_COLUMN.get(cell.normalize('NFKC').trim().toLowerCase());
    if (!column) continue;
    if (positions[column] !== undefined) return { code: 'registry.import_header_duplicate', column };
    positions[column] = i;
  }
  for (const column of INSTITUTION_REQUIRED_COLUMNS) if (positions[column] === undefined) return { code: 'registry.import_header_missing', column };
  return { positions };
}

/** One data row as an input; a missing required cell is a `registry.required` problem naming its column. */
export function institutionRowInput(positions: InstitutionHeader, fields: string[]): InstitutionInput | FieldProblem[] {
  const cell = (column: InstitutionColumn) => {
    const at = positions[column];
    return at === undefined ? '' : (fields[at] ?? '').trim();
  };
  const missing = INSTITUTION_REQUIRED_COLUMNS.filter((c) => !cell(c)).map((field) => ({ field, code: 'registry.required' }));
  if (missing.length) return missing;
  return {
    code: cell('code'),
    name: cell('name'),
    kind: cell('kind'),
    creditCode: cell('creditCode'),
    regionCode: cell('regionCode') || null,
    level: cell('level'),
    agreementStatus: cell('agreementStatus') || null,
    agreementFrom: cell('agreementFrom'),
    agreementTo: cell('agreementTo'),
    address: cell('address') || null,
  };
}
