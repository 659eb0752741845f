import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../kernel/validation/identifiers.js';
import { checkRow, isHeaderProblem, readHeader, type HeaderMap } from './rows.js';

const TODAY = new Date('2026-06-01T00:00:00Z');
const ID = makeIdNumber('411302', '1990-01-01', 123); // male

describe('import header', () => {
  it('maps Chinese and English names, ignores unknown columns', () => {
    const header = readHeader(['身份证号', 'Name', ' 手机号 ', '区划', '人员类别', '备注']) as HeaderMap;
    expect(header.positions).toEqual({ idNumber: 0, name: 1, phone: 2, regionCode: 3, category: 4 });
    expect(header.ignored).toEqual(['备注']);
  });

  it.each([
    [['姓名', '区划', '人员类别'], 'registry.import_header_missing', 'idNumber'],
    [['身份证号', '姓名', '人员类别'], 'registry.import_header_missing', 'regionCode'],
    [['身份证号', 'idNumber', '姓名', '区划', '人员类别'], 'registry.import_header_duplicate', 'idNumber'],
  ])('%j → %s %s', (cells, code, column) => {
    const header = readHeader(cells);
    expect(isHeaderProblem(header)).toBe(true);
    expect(header).toEqual({ code, column });
  });
});

describe('import row', () => {
  const header = readHeader(['身份证号', '姓名', '性别', '出生日期', '手机号', '区划', '人员类别']) as HeaderMap;
  const row = (cells: Partial<Record<'id' | 'name' | 'sex' | 'birth' | 'phone' | 'region' | 'category', string>>) => {
    const c = { id: ID, name: '张三', sex: '男', birth: '1990-01-01', phone: '13800000001', region: '411302', category: '在职职工', ...cells };
    return [c.id, c.name, c.sex, c.birth, c.phone, c.region, c.category];
  };

  it('gives the checked values of a good row', () => {
    expect(checkRow(row({}), header, '4113', TODAY)).toEqual({
      idNumber: ID,
      name: '张三',
      birthDate: '1990-01-01',
      sex: 'male',
      phone: '13800000001',
      regionCode: '411302',
      category: 'employee',
    });
    expect(checkRow(row({ phone: '', sex: '', birth: '' }), header, '', TODAY)).toMatchObject({ phone: null, sex: 'male' });
  });

  it.each([
    ['missing identity number', { id: '' }, [['idNumber', 'registry.required']]],
    ['bad identity number', { id: ID.slice(0, 17) + '0' }, [['idNumber', 'registry.id_number_invalid']]],
    ['birth date disagrees', { birth: '1990-01-02' }, [['birthDate', 'registry.birth_date_mismatch']]],
    ['sex disagrees', { sex: '女' }, [['sex', 'registry.sex_mismatch']]],
    ['missing name', { name: '' }, [['name', 'registry.required']]],
    ['bad name', { name: '<a>' }, [['name', 'registry.name_invalid']]],
    ['bad phone', { phone: '123' }, [['phone', 'registry.phone_invalid']]],
    ['bad region', { region: '41130' }, [['regionCode', 'registry.region_invalid']]],
    ['region outside the importer’s scope', { region: '410102' }, [['regionCode', 'registry.region_out_of_scope']]],
    ['unknown category', { category: 'x' }, [['category', 'registry.category_invalid']]],
    ['several problems at once', { name: '', phone: '1' }, [['name', 'registry.required'], ['phone', 'registry.phone_invalid']]],
  ])('%s', (_, cells, expected) => {
    const result = checkRow(row(cells), header, '4113', TODAY);
    expect(result).toEqual(expected.map(([field, code]) => ({ field, code })));
  });

  it('refuses extra non-empty columns but tolerates empty ones and short rows', () => {
    expect(checkRow([...row({}), 'extra'], header, '', TODAY)).toEqual([{ field: 'row', code: 'registry.import_extra_columns' }]);
    expect(Array.isArray(checkRow([...row({}), '', ' '], header, '', TODAY))).toBe(false);
    expect(checkRow([ID, '张三'], header, '', TODAY)).toEqual([
      { field: 'regionCode', code: 'registry.required' },
      { field: 'category', code: 'registry.required' },
    ]);
  });
});
