/**
 * Person import files for tests and the 100,000-row measurement: valid rows with distinct identity
 * numbers (makeIdNumber), and every `invalidEvery`-th row broken in one of several ways. A
 * 备注 (note) column exercises the parser: quotes, commas and line breaks inside quoted fields.
 *
 *   npx tsx test/support/registry-csv.ts out.csv 100000 [invalidEvery=20]
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { makeIdNumber } from '../../src/kernel/validation/identifiers.js';

export const REGISTRY_HEADER = '身份证号,姓名,性别,出生日期,手机号,区划,人员类别,备注';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '建华', '晓东'];
const CATEGORIES = ['在职职工', 'retired', '城乡居民', 'flexible', '学生儿童'];
const START_DAY = Date.UTC(1950, 0, 1);
const DAYS = 20_000; // 1950 … 2004

/** The broken variants, with the field the error report must name. */
export const INVALID_KINDS = [
  { kind: 'checksum', field: 'idNumber' },
  { kind: 'birthDate', field: 'birthDate' },
  { kind: 'phone', field: 'phone' },
  { kind: 'category', field: 'category' },
  { kind: 'name', field: 'name' },
  { kind: 'region', field: 'regionCode' },
  { kind: 'sex', field: 'sex' },
] as const;

export interface CsvOptions {
  /** every n-th data row is invalid (0: none) */
  invalidEvery?: number;
  /** distinct identity numbers for distinct offsets */
  offset?: number;
  regions?: string[];
}

export interface GeneratedRow {
  line: string;
  idNumber: string;
  name: string;
  invalid?: (typeof INVALID_KINDS)[number];
}

/** Row i (0-based) of a generated file. */
export function generatedRow(i: number, options: CsvOptions = {}): GeneratedRow {
  const regions = options.regions ?? ['411302', '411303', '411321', '411323'];
  const n = i + (options.offset ?? 0);
  const region = regions[n % regions.length];
  const day = Math.floor(n / regions.length) % DAYS;
  const sequence = Math.floor(n / (regions.length * DAYS)) % 1000;
  const birthDate = new Date(START_DAY + day * 86400_000).toISOString().slice(0, 10);
  const idNumber = makeIdNumber(region, birthDate, sequence);
  const sex = Number(idNumber[16]) % 2 === 1 ? '男' : '女';
  const name = SURNAMES[n % SURNAMES.length] + GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length];
  const phone = `13${(n % 10) >= 5 ? 9 : 8}${String(n % 1e8).padStart(8, '0')}`;
  const category = CATEGORIES[n % CATEGORIES.length];
  const note = n % 7 === 0 ? `"第${n}行, 含逗号、""引号""\n和换行"` : '';
  const cells = { idNumber, name, sex, birthDate, phone, region, category, note };
  const every = options.invalidEvery ?? 20;
  let invalid: GeneratedRow['invalid'];
  if (every > 0 && (i + 1) % every === 0) {
    invalid = INVALID_KINDS[Math.floor(i / every) % INVALID_KINDS.length];
    switch (invalid.kind) {
      case 'checksum':
        cells.idNumber = idNumber.slice(0, 17) + (idNumber[17] === '0' ? '1' : '0');
        break;
      case 'birthDate':
        cells.birthDate = '2001-02-03' === birthDate ? '2001-02-04' : '2001-02-03';
        break;
      case 'phone':
        cells.phone = '12345';
        break;
      case 'category':
        cells.category = '外星人';
        break;
      case 'name':
        cells.name = '<script>';
        break;
      case 'region':
        cells.region = '4113';
        break;
      case 'sex':
        cells.sex = sex === '男' ? '女' : '男';
        break;
    }
  }
  const line = [cells.idNumber, cells.name, cells.sex, cells.birthDate, cells.phone, cells.region, cells.category, cells.note].join(',');
  return { line, idNumber: cells.idNumber, name: cells.name, invalid };
}

/** A whole file as one string (small files, tests). */
export function registryCsv(count: number, options: CsvOptions = {}): { text: string; rows: GeneratedRow[] } {
  const rows = Array.from({ length: count }, (_, i) => generatedRow(i, options));
  return { text: `\uFEFF${REGISTRY_HEADER}\r\n${rows.map((r) => r.line).join('\r\n')}\r\n`, rows };
}

/** Writes a file row by row (constant memory); returns how many rows are valid and invalid. */
export async function writeRegistryCsv(file: string, count: number, options: CsvOptions = {}) {
  const out = createWriteStream(file);
  out.write(`\uFEFF${REGISTRY_HEADER}\r\n`);
  let invalid = 0;
  for (let i = 0; i < count; i++) {
    const row = generatedRow(i, options);
    if (row.invalid) invalid++;
    if (!out.write(`${row.line}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { rows: count, valid: count - invalid, invalid };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [file, count = '100000', every = '20'] = process.argv.slice(2);
  if (!file) {
    console.error('usage: npx tsx test/support/registry-csv.ts out.csv [rows=100000] [invalidEvery=20]');
    process.exit(2);
  }
  const stats = await writeRegistryCsv(file, Number(count), { invalidEvery: Number(every) });
  console.log(JSON.stringify({ file, ...stats }));
}
