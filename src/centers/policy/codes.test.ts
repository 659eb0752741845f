import { describe, expect, it } from 'vitest';
import { checkCatalogRow, checkCode, parseClass, parseDate, parseRatioPpm, parseYuanToFen, readCatalogHeader, type CatalogKind } from './codes.js';

describe('catalog code shapes (DOMAIN.md Identifiers)', () => {
  it.each<[CatalogKind, string, string | null]>([
    ['drug-western', 'XA01ABD075A002010100483', null],
    ['drug-western', 'XA01ABD075A00201010048', 'length'],
    ['drug-western', 'XA01ABD075A0020101004831', 'length'],
    ['drug-western', 'ZA01ABD075A002010100483', 'prefix'],
    ['drug-western', 'A01ABD075A002010100483X', 'prefix'],
    ['drug-western', 'XA01ABD075A00201010048-', 'characters'],
    ['drug-western', 'Xa01ABD075A002010100483', 'characters'],
    ['drug-western', 'xA01ABD075A002010100483', 'prefix'],
    ['drug-western', '', 'required'],
    ['drug-chinese-patent', 'ZA01AAA0001010100001', null],
    ['drug-chinese-patent', 'ZA01AAA000101010000', 'length'],
    ['drug-chinese-patent', 'XA01AAA0001010100001', 'prefix'],
    ['drug-chinese-patent', 'ZA01AAA00010101000 1', 'characters'],
    ['consumable', 'C0101010100100000000', null],
    ['consumable', 'C010101010010000000', 'length'],
    ['consumable', 'Z0101010100100000000', 'prefix'],
    ['consumable', 'C01010101001000000é0', 'characters'],
    ['service-item', '001102000010000', null],
    ['service-item', '00110200001000', 'length'],
    ['service-item', '0011020000100000', 'length'],
    ['service-item', '00110200001000A', 'characters'],
    ['service-item', ' 01102000010000', 'characters'],
    ['diagnosis', 'A00.000', null],
    ['diagnosis', 'I10.x00', null],
    ['diagnosis', 'A00.00', 'length'],
    ['diagnosis', 'A00.0000', 'length'],
    ['diagnosis', 'a00.000', 'characters'],
    ['diagnosis', 'A00-000', 'characters'],
    ['diagnosis', 'A0.0000', 'format'],
    ['diagnosis', '100.000', 'format'],
    ['diagnosis', 'I10.00x', 'format'],
  ])('%s %j → %s', (kind, code, reason) => {
    const problem = checkCode(kind, code);
    expect(problem).toEqual(reason === null ? null : { field: 'code', reason });
  });
});

describe('field parsers (exact, no floating point)', () => {
  it.each<[string, number | null]>([
    ['10%', 100_000],
    ['12.5%', 125_000],
    ['0.0001%', 1],
    ['100%', 1_000_000],
    ['101%', null],
    ['0.1', 100_000],
    ['0.125', 125_000],
    ['0.000001', 1],
    ['1', 1_000_000],
    ['1.000', 1_000_000],
    ['1.5', null],
    ['0.1234567', null],
    ['-0.1', null],
    ['ten', null],
  ])('ratio %j → %s ppm', (text, ppm) => expect(parseRatioPpm(text)).toBe(ppm));

  it.each<[string, number | null]>([
    ['12', 1200],
    ['12.5', 1250],
    ['12.05', 1205],
    ['0.01', 1],
    ['12.345', null],
    ['-1', null],
    ['1,000', null],
  ])('yuan %j → %s fen', (text, fen) => expect(parseYuanToFen(text)).toBe(fen));

  it.each<[string, string | null]>([
    ['2024-01-01', '2024-01-01'],
    ['2024/02/29', '2024-02-29'],
    ['20240301', '2024-03-01'],
    ['2023-02-29', null],
    ['2024-13-01', null],
    ['2024-1-1', null],
  ])('date %j → %s', (text, date) => expect(parseDate(text)).toBe(date));

  it.each([['A', 'A'], ['甲类', 'A'], ['乙', 'B'], ['b', 'B'], ['丙类', 'C'], ['D', null], ['', null]])('class %j → %s', (text, klass) =>
    expect(parseClass(text)).toBe(klass));
});

describe('catalog rows', () => {
  const headerOf = (kind: CatalogKind, fields: string[]) => {
    const read = readCatalogHeader(kind, fields);
    if (!('header' in read)) throw new Error(JSON.stringify(read));
    return read.header;
  };
  const drugHeader = headerOf('drug-western', ['编码', '名称', '规格', '类别', '自付比例', '限价', '开始日期', '结束日期', '操作', '备注']);
  const CODE = 'XA01ABD075A002010100483';
  const row = (over: Partial<Record<'code' | 'name' | 'spec' | 'class' | 'ratio' | 'cap' | 'from' | 'to' | 'action', string>> = {}) => {
    const r = { code: CODE, name: '阿莫西林胶囊', spec: '0.25g*24粒', class: '乙类', ratio: '10%', cap: '12.50', from: '2024-01-01', to: '', action: '', ...over };
    return [r.code, r.name, r.spec, r.class, r.ratio, r.cap, r.from, r.to, r.action, 'ignored'];
  };

  it('reads a good row to exact integers', () => {
    expect(checkCatalogRow('drug-western', drugHeader, row())).toEqual({
      row: {
        action: 'upsert',
        entry: { code: CODE, name: '阿莫西林胶囊', specification: '0.25g*24粒', class: 'B', selfPayPpm: 100_000, priceCapFen: 1250, validFrom: '2024-01-01', validTo: null },
      },
    });
    expect(checkCatalogRow('drug-western', drugHeader, row({ class: 'A', ratio: '', cap: '' }))).toMatchObject({ row: { entry: { class: 'A', selfPayPpm: 0, priceCapFen: null } } });
    expect(checkCatalogRow('drug-western', drugHeader, row({ class: '丙', ratio: '' }))).toMatchObject({ row: { entry: { class: 'C', selfPayPpm: 1_000_000 } } });
  });

  it('reads a removal with only its code', () => {
    expect(checkCatalogRow('drug-western', drugHeader, [CODE, '', '', '', '', '', '', '', '删除'])).toEqual({ row: { action: 'remove', code: CODE } });
  });

  it.each<[string, Parameters<typeof row>[0], Array<[string, string]>]>([
    ['bad code', { code: 'XA01' }, [['code', 'length']]],
    ['no name', { name: '' }, [['name', 'required']]],
    ['a name without Chinese', { name: 'Amoxicillin' }, [['name', 'characters']]],
    ['unknown class', { class: '丁类' }, [['class', 'format']]],
    ['A class with a self-pay ratio', { class: 'A', ratio: '5%' }, [['selfPayRatio', 'range']]],
    ['B class without a ratio', { ratio: '' }, [['selfPayRatio', 'required']]],
    ['B class at 0 %', { ratio: '0%' }, [['selfPayRatio', 'range']]],
    ['a bad ratio', { ratio: '10 percent' }, [['selfPayRatio', 'format']]],
    ['a bad cap', { cap: '12.345' }, [['priceCap', 'format']]],
    ['no start date', { from: '' }, [['validFrom', 'required']]],
    ['ends before it starts', { to: '2023-12-31' }, [['validTo', 'range']]],
    ['an unknown action', { action: 'frobnicate' }, [['action', 'format']]],
    ['several problems at once', { code: '', name: '', from: 'x' }, [['code', 'required'], ['name', 'required'], ['validFrom', 'format']]],
  ])('%s', (_, over, expected) => {
    const result = checkCatalogRow('drug-western', drugHeader, row(over));
    expect('problems' in result ? result.problems.map((p) => [p.field, p.reason]) : result).toEqual(expected);
  });

  it('diagnoses carry no class, ratio or cap', () => {
    const header = headerOf('diagnosis', ['code', 'name', 'class', 'validFrom']);
    expect(checkCatalogRow('diagnosis', header, ['I10.x00', '高血压', '', '2024-01-01'])).toMatchObject({ row: { entry: { class: null, selfPayPpm: null } } });
    expect(checkCatalogRow('diagnosis', header, ['I10.x00', '高血压', 'A', '2024-01-01'])).toEqual({ problems: [{ field: 'class', reason: 'not_allowed' }] });
  });

  it('needs the code, name, start date and (but for diagnoses) class columns', () => {
    expect(readCatalogHeader('drug-western', ['编码', '名称', '开始日期'])).toEqual({ missing: 'class' });
    expect(readCatalogHeader('diagnosis', ['编码', '名称', '开始日期'])).toMatchObject({ header: { code: 0, name: 1, validFrom: 2 } });
    expect(readCatalogHeader('diagnosis', ['编码', 'code', '名称', '开始日期'])).toEqual({ duplicate: 'code' });
  });
});
