/**
 * 医保目录 catalog kinds and the shape of their codes (医保信息业务编码, DOMAIN.md "Identifiers"),
 * and the row fields of a catalog file. Pure: no database, no Fastify; every rejection names its field.
 */

export const CATALOG_KINDS = ['drug-western', 'drug-chinese-patent', 'consumable', 'service-item', 'diagnosis'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

/** 甲类 / 乙类 / 丙类 */
export const CATALOG_CLASSES = ['A', 'B', 'C'] as const;
export type CatalogClass = (typeof CATALOG_CLASSES)[number];

/** Kinds whose entries carry a class, a self-pay ratio and a price cap (diagnoses carry none). */
export const hasClass = (kind: CatalogKind) => kind !== 'diagnosis';

/** Why a row of a catalog file was refused (each has its message `policy.catalog_row_<reason>`). */
export const REASONS = ['required', 'length', 'prefix', 'characters', 'format', 'range', 'not_allowed', 'duplicate', 'unknown_code'] as const;
export type Reason = (typeof REASONS)[number];

export interface FieldProblem {
  field: string;
  reason: Reason;
}

interface CodeShape {
  length: number;
  prefix?: string;
  /** the characters allowed (after the prefix) */
  chars: RegExp;
  /** the whole shape, when more than length + prefix + characters */
  format?: RegExp;
}

const SHAPES: Record<CatalogKind, CodeShape> = {
  // XA01ABD075A002010100483
  'drug-western': { length: 23, prefix: 'X', chars: /^[0-9A-Z]*$/ },
  'drug-chinese-patent': { length: 20, prefix: 'Z', chars: /^[0-9A-Z]*$/ },
  'consumable': { length: 20, prefix: 'C', chars: /^[0-9A-Z]*$/ },
  'service-item': { length: 15, chars: /^[0-9]*$/ },
  // ICD-10 医保版 2.0: A00.000, I10.x00
  'diagnosis': { length: 7, chars: /^[0-9A-Zx.]*$/, format: /^[A-Z][0-9]{2}\.[0-9x][0-9x][0-9]$/ },
};

/** Why a code does not have the shape of its kind, or null when it does. The field is always `code`. */
export function checkCode(kind: CatalogKind, code: string, field = 'code'): FieldProblem | null {
  const shape = SHAPES[kind];
  if (code === '') return { field, reason: 'required' };
  if (!shape.chars.test(shape.prefix ? code.slice(shape.prefix.length) : code)) {
    // a wrong prefix letter is reported as the prefix, not as a character
    if (shape.prefix && !code.startsWith(shape.prefix) && shape.chars.test(code.slice(1))) return { field, reason: 'prefix' };
    return { field, reason: 'characters' };
  }
  if (shape.prefix && !code.startsWith(shape.prefix)) return { field, reason: 'prefix' };
  if (code.length !== shape.length) return { field, reason: 'length' };
  if (shape.format && !shape.format.test(code)) return { field, reason: 'format' };
  return null;
}

export const isCatalogCode = (kind: CatalogKind, code: string) => checkCode(kind, code) === null;

/** The kind with a class (drug, consumable, service item) whose code shape `code` has, or null. */
export const itemKindOf = (code: string): CatalogKind | null => CATALOG_KINDS.find((kind) => hasClass(kind) && isCatalogCode(kind, code)) ?? null;

// ---------------------------------------------------------------------------------------------
// Field parsers: exact, no floating point

export const PPM = 1_000_000;

/** `10%`, `12.5%`, `0.1`, `0.125`, `1` → parts per million; null when not a ratio in [0, 1]. */
export function parseRatioPpm(text: string): number | null {
  let m = /^(\d{1,3})(?:\.(\d{1,4}))?%$/.exec(text);
  if (m) {
    const ppm = Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
    return ppm <= PPM ? ppm : null;
  }
  m = /^([01])(?:\.(\d{1,6}))?$/.exec(text);
  if (m) {
    const ppm = Number(m[1]) * PPM + Number((m[2] ?? '').padEnd(6, '0'));
    return ppm <= PPM ? ppm : null;
  }
  return null;
}

/** `12`, `12.5`, `12.50` yuan → fen; null when not a non-negative amount with at most 2 decimals. */
export function parseYuanToFen(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** A real calendar date as YYYY-MM-DD (also accepts YYYY/MM/DD and YYYYMMDD), or null. */
export function parseDate(text: string): string | null {
  const m = /^(\d{4})[-/]?(\d{2})[-/]?(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

const CLASS_WORDS: Record<string, CatalogClass> = { A: 'A', 甲: 'A', 甲类: 'A', B: 'B', 乙: 'B', 乙类: 'B', C: 'C', 丙: 'C', 丙类: 'C' };

export const parseClass = (text: string): CatalogClass | null => CLASS_WORDS[text.toUpperCase()] ?? null;

// ---------------------------------------------------------------------------------------------
// One row of a catalog file

export type CatalogAction = 'upsert' | 'remove';

/** The data of one catalog entry (what a version adds or changes). */
export interface CatalogEntryData {
  code: string;
  name: string;
  specification: string | null;
  class: CatalogClass | null;
  selfPayPpm: number | null;
  priceCapFen: number | null;
  validFrom: string;
  validTo: string | null;
}

export type CatalogRow = { action: 'upsert'; entry: CatalogEntryData } | { action: 'remove'; code: string };

/** The columns of a catalog file, with their Chinese and English headers. */
export const CATALOG_COLUMNS = {
  code: ['编码', '医保编码', '代码', 'code'],
  name: ['名称', '通用名', '注册名称', 'name'],
  specification: ['规格', 'specification'],
  class: ['类别', '甲乙类', '目录类别', 'class'],
  selfPayRatio: ['自付比例', 'selfpayratio'],
  priceCap: ['限价', '支付标准', '最高限价', 'pricecap'],
  validFrom: ['开始日期', '生效日期', 'validfrom'],
  validTo: ['结束日期', '失效日期', 'validto'],
  action: ['操作', 'action'],
} as const;
export type CatalogColumn = keyof typeof CATALOG_COLUMNS;

export type CatalogHeader = Partial<Record<CatalogColumn, number>>;

/** Maps the header row to column positions; unknown columns are ignored (national files carry many). */
export function readCatalogHeader(kind: CatalogKind, fields: string[]): { header: CatalogHeader } | { missing: CatalogColumn } | { duplicate: string } {
  const header: CatalogHeader = {};
  for (const [i, raw] of fields.entries()) {
    const name = raw.trim().toLowerCase();
    for (const [column, names] of Object.entries(CATALOG_COLUMNS) as Array<[CatalogColumn, readonly string[]]>) {
      if (!names.includes(name)) continue;
      if (header[column] !== undefined) return { duplicate: raw.trim() };
      header[column] = i;
    }
  }
  const required: CatalogColumn[] = ['code', 'name', 'validFrom', ...(hasClass(kind) ? (['class'] as const) : [])];
  for (const column of required) if (header[column] === undefined) return { missing: column };
  return { header };
}

const REMOVE_WORDS = new Set(['remove', 'delete', '删除', '移除']);
const UPSERT_WORDS = new Set(['', 'upsert', 'add', 'change', '新增', '修改', '变更']);
const CONTROL = /[\u0000-\u001f\u007f]/;
const HAN = /\p{Script=Han}/u;
export const NAME_MAX = 200;
export const SPEC_MAX = 200;

/** Checks one data row; every problem of the row, each naming its field. */
export function checkCatalogRow(kind: CatalogKind, header: CatalogHeader, fields: string[]): { row: CatalogRow } | { problems: FieldProblem[] } {
  const get = (column: CatalogColumn) => {
    const at = header[column];
    return at === undefined ? '' : (fields[at] ?? '').trim();
  };
  const problems: FieldProblem[] = [];
  const code = get('code');
  const codeProblem = checkCode(kind, code);
  if (codeProblem) problems.push(codeProblem);

  const action = get('action').toLowerCase();
  if (REMOVE_WORDS.has(action)) return problems.length ? { problems } : { row: { action: 'remove', code } };
  if (!UPSERT_WORDS.has(action)) problems.push({ field: 'action', reason: 'format' });

  const name = get('name');
  if (!name) problems.push({ field: 'name', reason: 'required' });
  else if (name.length > NAME_MAX) problems.push({ field: 'name', reason: 'length' });
  else if (CONTROL.test(name) || !HAN.test(name)) problems.push({ field: 'name', reason: 'characters' });

  const specification = get('specification') || null;
  if (specification && specification.length > SPEC_MAX) problems.push({ field: 'specification', reason: 'length' });
  else if (specification && CONTROL.test(specification)) problems.push({ field: 'specification', reason: 'characters' });

  let klass: CatalogClass | null = null;
  let selfPayPpm: number | null = null;
  let priceCapFen: number | null = null;
  const classText = get('class');
  const ratioText = get('selfPayRatio');
  const capText = get('priceCap');
  if (hasClass(kind)) {
    klass = classText ? parseClass(classText) : null;
    if (!classText) problems.push({ field: 'class', reason: 'required' });
    else if (!klass) problems.push({ field: 'class', reason: 'format' });
    const ratio = ratioText ? parseRatioPpm(ratioText) : null;
    if (ratioText && ratio === null) problems.push({ field: 'selfPayRatio', reason: 'format' });
    else if (klass === 'A') {
      if (ratio) problems.push({ field: 'selfPayRatio', reason: 'range' });
      selfPayPpm = 0;
    } else if (klass === 'B') {
      if (ratio === null) problems.push({ field: 'selfPayRatio', reason: 'required' });
      else if (ratio === 0 || ratio === PPM) problems.push({ field: 'selfPayRatio', reason: 'range' });
      selfPayPpm = ratio;
    } else if (klass === 'C') {
      if (ratio !== null && ratio !== PPM) problems.push({ field: 'selfPayRatio', reason: 'range' });
      selfPayPpm = PPM;
    }
    priceCapFen = capText ? parseYuanToFen(capText) : null;
    if (capText && priceCapFen === null) problems.push({ field: 'priceCap', reason: 'format' });
  } else {
    if (classText) problems.push({ field: 'class', reason: 'not_allowed' });
    if (ratioText) problems.push({ field: 'selfPayRatio', reason: 'not_allowed' });
    if (capText) problems.push({ field: 'priceCap', reason: 'not_allowed' });
  }

  const fromText = get('validFrom');
  const validFrom = fromText ? parseDate(fromText) : null;
  if (!fromText) problems.push({ field: 'validFrom', reason: 'required' });
  else if (!validFrom) problems.push({ field: 'validFrom', reason: 'format' });
  const toText = get('validTo');
  const validTo = toText ? parseDate(toText) : null;
  if (toText && !validTo) problems.push({ field: 'validTo', reason: 'format' });
  else if (validTo && validFrom && validTo < validFrom) problems.push({ field: 'validTo', reason: 'range' });

  if (problems.length) return { problems };
  return { row: { action: 'upsert', entry: { code, name, specification, class: klass, selfPayPpm, priceCapFen, validFrom: validFrom!, validTo } } };
}
