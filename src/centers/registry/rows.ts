/** 导入行 mapping a person import file's header and rows to checked values. Pure; tested in rows.test.ts. */
import {
  checkIdentity,
  isProblem,
  normalizeName,
  normalizePhone,
  normalizeRegionCode,
  parseCategory,
  regionWithin,
  type FieldProblem,
  type PersonCategory,
  type Sex,
} from './rules.js';

export type ImportColumn = 'idNumber' | 'name' | 'phone' | 'regionCode' | 'category' | 'birthDate' | 'sex';

/** Header names a file may use for each column (compared after trimming, case-insensitively). */
export const COLUMN_ALIASES: Record<ImportColumn, string[]> = {
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '证件号码', 'idNumber', 'id_number'],
  name: ['姓名', 'name'],
  phone: ['手机号', '手机号码', '联系电话', 'phone', 'mobile'],
  regionCode: ['区划', '区划代码', '户籍区划', '行政区划', '行政区划代码', 'regionCode', 'region_code'],
  category: ['人员类别', '类别', 'category'],
  birthDate: ['出生日期', 'birthDate', 'birth_date'],
  sex: ['性别', 'sex', 'gender'],
};

export const REQUIRED_COLUMNS: ImportColumn[] = ['idNumber', 'name', 'regionCode', 'category'];

const ALIAS_TO_COLUMN = new Map<string, ImportColumn>(
  (Object.entries(COLUMN_ALIASES) as Array<[ImportColumn, string[]]>).flatMap(([column, aliases]) => aliases.map((a) => [a.toLowerCase(), column] as const)),
);

export interface HeaderMap {
  /** field position of each known column */
  positions: Partial<Record<ImportColumn, number>>;
  /** header cells that name no known column (ignored) */
  ignored: string[];
  width: number;
}

export type HeaderProblem = { code: 'registry.import_header_missing' | 'registry.import_header_duplicate'; column: ImportColumn };

/** Finds the known columns in a header row; a required column missing or any column named twice is a problem. */
export function readHeader(cells: string[]): HeaderMap | HeaderProblem {
  const positions: HeaderMap['positions'] = {};
  const ignored: string[] = [];
  for (const [i, cell] of cells.entries()) {
    const column = ALIAS_TO_COLUMN.get(cell.normalize('NFKC').trim().toLowerCase());
    if (!column) {
      if (cell.trim()) ignored.push(cell.trim());
      continue;
    }
    if (positions[column] !== undefined) return { code: 'registry.import_header_duplicate', column };
    positions[column] = i;
  }
  for (const column of REQUIRED_COLUMNS) if (positions[column] === undefined) return { code: 'registry.import_header_missing', column };
  return { positions, ignored, width: cells.length };
}

export const isHeaderProblem = (value: HeaderMap | HeaderProblem): value is HeaderProblem => 'code' in value;

/** A person as one import row gives it, checked. */
export interface PersonRow {
  idNumber: string;
  name: string;
  birthDate: string;
  sex: Sex;
  phone: string | null;
  regionCode: string;
  category: PersonCategory;
}

/**
 * Checks one data row: every problem found, each with its field (the column's name in code), or
 * the values. Rows outside the importer's region prefix are refused on regionCode.
 */
export function checkRow(fields: string[], header: HeaderMap, scopePrefix: string, today: Date = new Date()): PersonRow | FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (fields.length > header.width && fields.slice(header.width).some((f) => f.trim() !== '')) {
    problems.push({ field: 'row', code: 'registry.import_extra_columns' });
  }
  const cell = (column: ImportColumn) => {
    const at = header.positions[column];
    return at === undefined ? '' : (fields[at] ?? '').trim();
  };
  const required = (column: ImportColumn) => {
    const value = cell(column);
    if (!value) problems.push({ field: column, code: 'registry.required' });
    return value;
  };

  const idNumber = required('idNumber');
  let identity: ReturnType<typeof checkIdentity> | null = null;
  if (idNumber) {
    identity = checkIdentity({ idNumber, birthDate: cell('birthDate'), sex: cell('sex') }, today);
    if (isProblem(identity)) problems.push(identity);
  }
  const rawName = required('name');
  const name = rawName ? normalizeName(rawName) : null;
  if (rawName && !name) problems.push({ field: 'name', code: 'registry.name_invalid' });
  const rawPhone = cell('phone');
  const phone = rawPhone ? normalizePhone(rawPhone) : null;
  if (rawPhone && !phone) problems.push({ field: 'phone', code: 'registry.phone_invalid' });
  const rawRegion = required('regionCode');
  const regionCode = rawRegion ? normalizeRegionCode(rawRegion) : null;
  if (rawRegion && !regionCode) problems.push({ field: 'regionCode', code: 'registry.region_invalid' });
  else if (regionCode && !regionWithin(regionCode, scopePrefix)) problems.push({ field: 'regionCode', code: 'registry.region_out_of_scope' });
  const rawCategory = required('category');
  const category = rawCategory ? parseCategory(rawCategory) : null;
  if (rawCategory && !category) problems.push({ field: 'category', code: 'registry.category_invalid' });

  if (problems.length || !identity || isProblem(identity)) return problems;
  return { idNumber: identity.idNumber, name: name!, birthDate: identity.birthDate, sex: identity.sex, phone, regionCode: regionCode!, category: category! };
}

export const isRowProblems = (value: PersonRow | FieldProblem[]): value is FieldProblem[] => Array.isArray(value);
