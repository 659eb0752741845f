import { describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../kernel/validation/identifiers.js';
import {
  agreementInForce,
  checkInstitution,
  institutionRowInput,
  parseAgreementStatus,
  parseInstitutionCode,
  parseKind,
  parseLevel,
  readInstitutionHeader,
  type InstitutionInput,
} from './institution-rules.js';

const CREDIT = makeCreditCode('12411300417540001');
const HOSPITAL: InstitutionInput = {
  code: 'H41130200746',
  name: '南阳市第一人民医院',
  kind: 'general_hospital',
  creditCode: CREDIT,
  level: 2,
  agreementFrom: '2020-01-01',
  agreementTo: '2030-12-31',
};
const PHARMACY: InstitutionInput = { ...HOSPITAL, code: 'P41130200001', name: '康民大药房', kind: 'retail_pharmacy', level: 0 };

describe('institution code (H / P + pooling region + 5 digits)', () => {
  it.each([
    ['H41130200746', { code: 'H41130200746', letter: 'H', regionCode: '411302' }],
    ['p41130200001', { code: 'P41130200001', letter: 'P', regionCode: '411302' }],
    [' Ｈ41130200746 ', { code: 'H41130200746', letter: 'H', regionCode: '411302' }],
    ['H11010500001', { code: 'H11010500001', letter: 'H', regionCode: '110105' }],
  ])('%j reads as %j', (input, expected) => {
    expect(parseInstitutionCode(input)).toEqual(expected);
  });

  it.each([
    ['X41130200746', 'registry.institution_code_invalid'],
    ['41130200746', 'registry.institution_code_invalid'],
    ['H4113020074', 'registry.institution_code_invalid'],
    ['H411302007460', 'registry.institution_code_invalid'],
    ['H41130200A46', 'registry.institution_code_invalid'],
    ['H00000000746', 'registry.institution_code_region'],
    ['H99130200746', 'registry.institution_code_region'],
    ['H41000000746', 'registry.institution_code_region'],
  ])('refuses %j', (input, code) => {
    expect(parseInstitutionCode(input)).toEqual({ field: 'code', code });
  });
});

describe('labels', () => {
  it.each([
    ['3', 3],
    [3, 3],
    ['三级', 3],
    ['三级甲等', 3],
    ['二级乙等', 2],
    ['一级', 1],
    ['未定级', 0],
    ['0', 0],
    ['4', null],
    [4, null],
    [1.5, null],
    ['四级', null],
    ['', null],
  ])('level %j → %j', (input, expected) => {
    expect(parseLevel(input)).toBe(expected);
  });

  it.each([
    ['clinic', 'clinic'],
    ['综合医院', 'general_hospital'],
    ['诊所', 'clinic'],
    ['连锁零售药店', 'chain_pharmacy'],
    ['hospital', null],
  ])('kind %j → %j', (input, expected) => {
    expect(parseKind(input)).toBe(expected);
  });

  it.each([
    ['有效', 'active'],
    ['暂停', 'suspended'],
    ['解除', 'terminated'],
    ['终止', 'terminated'],
    ['terminated', 'terminated'],
    ['无效', null],
  ])('agreement status %j → %j', (input, expected) => {
    expect(parseAgreementStatus(input)).toBe(expected);
  });
});

describe('checkInstitution', () => {
  it('takes a hospital, its region from the code, the agreement active by default', () => {
    expect(checkInstitution(HOSPITAL)).toEqual({
      code: 'H41130200746',
      name: '南阳市第一人民医院',
      kind: 'general_hospital',
      creditCode: CREDIT,
      regionCode: '411302',
      level: 2,
      agreementStatus: 'active',
      agreementFrom: '2020-01-01',
      agreementTo: '2030-12-31',
      address: '',
    });
  });

  it.each([
    ['a pharmacy, 未定级', PHARMACY, { kind: 'retail_pharmacy', level: 0 }],
    ['a one-day agreement', { ...HOSPITAL, agreementFrom: '2025-01-01', agreementTo: '2025-01-01' }, { agreementTo: '2025-01-01' }],
    ['labels of a file', { ...HOSPITAL, kind: '专科医院', level: '三级甲等', agreementStatus: '暂停', agreementFrom: '2020/1/1' }, { kind: 'specialty_hospital', level: 3, agreementStatus: 'suspended', agreementFrom: '2020-01-01' }],
    ['the region given and the same', { ...HOSPITAL, regionCode: '411302' }, { regionCode: '411302' }],
    ['a lower-case credit code', { ...HOSPITAL, creditCode: CREDIT.toLowerCase() }, { creditCode: CREDIT }],
  ])('takes %s', (_, input, expected) => {
    expect(checkInstitution(input)).toMatchObject(expected);
  });

  it.each([
    ['a bad code letter', { ...HOSPITAL, code: 'Y41130200746' }, 'code', 'registry.institution_code_invalid'],
    ['a region not that of the code', { ...HOSPITAL, regionCode: '411303' }, 'regionCode', 'registry.institution_region_mismatch'],
    ['level 4', { ...HOSPITAL, level: 4 }, 'level', 'registry.institution_level_invalid'],
    ['a pharmacy with a level', { ...PHARMACY, level: 1 }, 'level', 'registry.institution_level_pharmacy'],
    ['a pharmacy kind for an H code', { ...HOSPITAL, kind: 'retail_pharmacy' }, 'kind', 'registry.institution_kind_not_medical'],
    ['a hospital kind for a P code', { ...PHARMACY, kind: 'clinic' }, 'kind', 'registry.institution_kind_not_pharmacy'],
    ['an unknown kind', { ...HOSPITAL, kind: 'spa' }, 'kind', 'registry.institution_kind_invalid'],
    ['a bad credit code', { ...HOSPITAL, creditCode: CREDIT.slice(0, 17) + (CREDIT[17] === '0' ? '1' : '0') }, 'creditCode', 'registry.credit_code_invalid'],
    ['from after to', { ...HOSPITAL, agreementFrom: '2031-01-01' }, 'agreementTo', 'registry.agreement_period_invalid'],
    ['no such day', { ...HOSPITAL, agreementTo: '2030-02-30' }, 'agreementTo', 'registry.date_invalid'],
    ['an unknown agreement status', { ...HOSPITAL, agreementStatus: 'paused' }, 'agreementStatus', 'registry.agreement_status_invalid'],
    ['a one-character name', { ...HOSPITAL, name: '院' }, 'name', 'registry.institution_name_invalid'],
    ['markup in the name', { ...HOSPITAL, name: '<b>医院</b>' }, 'name', 'registry.institution_name_invalid'],
  ])('refuses %s, naming %s', (_, input, field, code) => {
    expect(checkInstitution(input)).toEqual([{ field, code }]);
  });

  it('reports every problem of a row, in field order', () => {
    expect(checkInstitution({ ...HOSPITAL, code: 'P41130200001', level: 3, agreementFrom: '2031-01-01' })).toEqual([
      { field: 'kind', code: 'registry.institution_kind_not_pharmacy' },
      { field: 'level', code: 'registry.institution_level_pharmacy' },
      { field: 'agreementTo', code: 'registry.agreement_period_invalid' },
    ]);
  });
});

describe('agreement in force on a day', () => {
  const agreement = { agreementStatus: 'active' as const, agreementFrom: '2020-01-01', agreementTo: '2030-12-31' };
  it.each([
    ['the first day', agreement, '2020-01-01', true],
    ['the last day', agreement, '2030-12-31', true],
    ['the day before', agreement, '2019-12-31', false],
    ['the day after', agreement, '2031-01-01', false],
    ['suspended', { ...agreement, agreementStatus: 'suspended' as const }, '2025-06-01', false],
    ['terminated', { ...agreement, agreementStatus: 'terminated' as const }, '2025-06-01', false],
  ])('%s', (_, row, date, expected) => {
    expect(agreementInForce(row, date)).toBe(expected);
  });
});

describe('import header and rows', () => {
  it('reads Chinese and English headers, ignoring unknown columns', () => {
    expect(readInstitutionHeader(['机构编码', '机构名称', '机构类型', '统一社会信用代码', '医院等级', '协议开始日期', '协议结束日期', '备注'])).toEqual({
      positions: { code: 0, name: 1, kind: 2, creditCode: 3, level: 4, agreementFrom: 5, agreementTo: 6 },
    });
    expect(readInstitutionHeader(['code', 'name', 'kind', 'creditCode', 'level', 'agreementFrom', 'agreementTo', 'address'])).toMatchObject({ positions: { address: 7 } });
  });

  it.each([
    [['机构编码', '机构名称', '机构类型', '统一社会信用代码', '医院等级', '协议开始日期'], { code: 'registry.import_header_missing', column: 'agreementTo' }],
    [['code', '机构编码', 'name', 'kind', 'creditCode', 'level', 'agreementFrom', 'agreementTo'], { code: 'registry.import_header_duplicate', column: 'code' }],
  ])('refuses header %j', (cells, expected) => {
    expect(readInstitutionHeader(cells)).toEqual(expected);
  });

  it('names each empty required cell', () => {
    const { positions } = readInstitutionHeader(['code', 'name', 'kind', 'creditCode', 'level', 'agreementFrom', 'agreementTo']) as { positions: Record<string, number> };
    expect(institutionRowInput(positions, ['H41130200746', '', 'clinic', CREDIT, '0', '2020-01-01'])).toEqual([
      { field: 'name', code: 'registry.required' },
      { field: 'agreementTo', code: 'registry.required' },
    ]);
  });
});
