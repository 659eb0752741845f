/** 基本信息 pure rules: identity consistency, value normalisation, region scope. Table-tested in rules.test.ts. */
import { isValidCreditCode, isValidMobile, isValidRegionCode, parseIdNumber } from '../../kernel/validation/identifiers.js';

/** 人员类别 person categories (a tuple, so a schema's type is their union) … */
export const PERSON_CATEGORY_CODES = ['employee', 'retired', 'flexible', 'unemployed', 'resident', 'student'] as const;
export type PersonCategory = (typeof PERSON_CATEGORY_CODES)[number];
/** … with the labels an import file may use instead of the code. */
export const PERSON_CATEGORIES = {
  employee: '在职职工',
  retired: '退休人员',
  flexible: '灵活就业人员',
  unemployed: '失业人员',
  resident: '城乡居民',
  student: '学生儿童',
} as const satisfies Record<PersonCategory, string>;

/** 单位类型 legal entity types. */
export const ENTITY_TYPE_CODES = ['enterprise', 'public_institution', 'government', 'social_org', 'individual_business', 'other'] as const;
export type EntityType = (typeof ENTITY_TYPE_CODES)[number];
export const ENTITY_TYPES = {
  enterprise: '企业',
  public_institution: '事业单位',
  government: '机关',
  social_org: '社会组织',
  individual_business: '个体工商户',
  other: '其他',
} as const satisfies Record<EntityType, string>;

/** 注销原因 why a record is cancelled. */
export const CANCEL_REASON_CODES = ['death', 'emigration', 'duplicate', 'dissolved', 'other'] as const;
export type CancelReason = (typeof CANCEL_REASON_CODES)[number];
export const CANCEL_REASONS = {
  death: '死亡',
  emigration: '出国（境）定居',
  duplicate: '重复登记',
  dissolved: '单位注销 / 吊销',
  other: '其他',
} as const satisfies Record<CancelReason, string>;

export type Sex = 'male' | 'female';

/** 会商处理 how a conflict case is decided: keep the record, take the arrival into it, or reject the arrival. */
export const DECISIONS = ['keep_existing', 'take_incoming', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

/** A refused value: the input field it concerns and a stable message code. */
export interface FieldProblem {
  field: string;
  code: string;
}

/**
 * An identifier as it is stored, blind-indexed and compared: trim + NFKC (full-width characters) +
 * upper case, so "１１０１…x" is "1101…X" and a lower-case credit code finds its entity.
 */
export const canonicalIdentifier = (value: string) => value.normalize('NFKC').trim().toUpperCase();

/** An identity number's canonical form (its check character X upper-case). */
export const normalizeIdNumber = canonicalIdentifier;

const NAME = /^[^\s<>\p{Cc}]+( [^\s<>\p{Cc}]+)*$/u;

/** 姓名: 1–50 characters, no control characters or angle brackets, single inner spaces (foreign names). */
export function normalizeName(value: string): string | null {
  const name = value.normalize('NFC').trim();
  if (!name || Array.from(name).length > 50 || !NAME.test(name)) return null;
  return name;
}

/** Accepts 男/女, M/F, male/female and the GB/T 2261.1 codes 1/2. */
export function parseSex(value: string): Sex | null {
  const v = value.trim().toLowerCase();
  if (['男', 'm', 'male', '1'].includes(v)) return 'male';
  if (['女', 'f', 'female', '2'].includes(v)) return 'female';
  return null;
}

/** A real calendar date as YYYY-MM-DD, from YYYY-MM-DD, YYYYMMDD, YYYY/MM/DD or YYYY.MM.DD (also YYYY/M/D). */
export function parseDate(value: string): string | null {
  const v = value.normalize('NFKC').trim();
  const m = /^(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|(\d{2})(\d{2}))$/.exec(v);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[3] ?? m[5]), Number(m[4] ?? m[6])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const parseCategory = (value: string): PersonCategory | null => {
  const v = value.trim();
  if ((PERSON_CATEGORY_CODES as readonly string[]).includes(v)) return v as PersonCategory;
  const byLabel = PERSON_CATEGORY_CODES.find((code) => PERSON_CATEGORIES[code] === v);
  return byLabel ?? null;
};

export interface IdentityInput {
  idNumber: string;
  birthDate?: string | null;
  sex?: string | null;
}

export interface Identity {
  idNumber: string;
  birthDate: string;
  sex: Sex;
}

/**
 * The identity number must be valid (GB 11643); a birth date or sex given beside it must agree
 * with the one it encodes (positions 7–14, and 17: odd = male). Returns the derived identity, or
 * the field that disagrees.
 */
export function checkIdentity(input: IdentityInput, today: Date = new Date()): Identity | FieldProblem {
  const idNumber = normalizeIdNumber(input.idNumber);
  const parsed = parseIdNumber(idNumber, today);
  if (!parsed) return { field: 'idNumber', code: 'registry.id_number_invalid' };
  if (input.birthDate !== undefined && input.birthDate !== null && input.birthDate.trim() !== '') {
    const birthDate = parseDate(input.birthDate);
    if (!birthDate) return { field: 'birthDate', code: 'registry.date_invalid' };
    if (birthDate !== parsed.birthDate) return { field: 'birthDate', code: 'registry.birth_date_mismatch' };
  }
  if (input.sex !== undefined && input.sex !== null && input.sex.trim() !== '') {
    const sex = parseSex(input.sex);
    if (!sex) return { field: 'sex', code: 'registry.sex_invalid' };
    if (sex !== parsed.sex) return { field: 'sex', code: 'registry.sex_mismatch' };
  }
  return { idNumber, birthDate: parsed.birthDate, sex: parsed.sex };
}

export const isProblem = (value: object): value is FieldProblem => 'code' in value && 'field' in value;

export const normalizePhone = (value: string): string | null => {
  const v = value.normalize('NFKC').replace(/[\s-]/g, '');
  const national = v.startsWith('+86') ? v.slice(3) : v;
  return isValidMobile(national) ? national : null;
};

export const normalizeRegionCode = (value: string): string | null => {
  const v = value.normalize('NFKC').trim();
  return isValidRegionCode(v) ? v : null;
};

/** A valid unified social credit code in its canonical (upper-case) form, or null. */
export const normalizeCreditCode = (value: string): string | null => {
  const v = canonicalIdentifier(value);
  return isValidCreditCode(v) ? v : null;
};

/** Region scope of an organization: one rule for every center, kept by the auth center. */
export { regionPrefixOf } from '../auth/index.js';

export const regionWithin = (regionCode: string, prefix: string) => regionCode.startsWith(prefix);

/** The calendar date in China (UTC+8, no daylight saving) at an instant. */
export const chinaDate = (instant: Date) => new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** A cancellation date: real, not in the future, not before the person's birth. */
export function checkCancelDate(value: string, birthDate: string | null, today: Date = new Date()): FieldProblem | null {
  const date = parseDate(value);
  if (!date) return { field: 'date', code: 'registry.date_invalid' };
  if (date > chinaDate(today)) return { field: 'date', code: 'registry.cancel_date_future' };
  if (birthDate && date < birthDate) return { field: 'date', code: 'registry.cancel_date_before_birth' };
  return null;
}
