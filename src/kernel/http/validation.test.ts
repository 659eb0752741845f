import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { compileValidator } from './validation.js';
import { Body, CreditCode, IdNumber } from './schemas.js';

/** 居民身份证号码 from DOMAIN.md, check character X; a valid 统一社会信用代码 with letters. */
const ID = '11010519491231002X';
const CREDIT = '91350100M000100Y43';

const validate = (schema: object, httpPart: string, data: unknown) => {
  const check = compileValidator({ schema, httpPart });
  return { ok: check(data) as boolean, errors: check.errors ?? [], data };
};

describe('request validation: identifiers are normalised, not refused', () => {
  it('upper-cases an identity number and a credit code in a body, at any depth and in arrays', () => {
    const schema = Body({
      idNumber: IdNumber,
      unit: Body({ creditCode: CreditCode, legalRep: Body({ idNumber: Type.Optional(IdNumber) }) }),
      members: Type.Array(Body({ idNumber: IdNumber }), { maxItems: 5 }),
      codes: Type.Array(CreditCode, { maxItems: 5 }),
    });
    const { ok, data } = validate(schema, 'body', {
      idNumber: ID.toLowerCase(),
      unit: { creditCode: CREDIT.toLowerCase(), legalRep: { idNumber: ID.toLowerCase() } },
      members: [{ idNumber: ID.toLowerCase() }, { idNumber: ID }],
      codes: [CREDIT.toLowerCase(), CREDIT],
    });
    expect(ok).toBe(true);
    expect(data).toEqual({ idNumber: ID, unit: { creditCode: CREDIT, legalRep: { idNumber: ID } }, members: [{ idNumber: ID }, { idNumber: ID }], codes: [CREDIT, CREDIT] });
  });

  it('upper-cases them in a querystring and in path parameters (coerced URL parts)', () => {
    const query = { page: '2', creditCode: CREDIT.toLowerCase() };
    expect(validate(Type.Object({ page: Type.Integer(), creditCode: Type.Optional(CreditCode) }), 'querystring', query).ok).toBe(true);
    expect(query).toEqual({ page: 2, creditCode: CREDIT });
    const params = { idNumber: ID.toLowerCase() };
    expect(validate(Type.Object({ idNumber: IdNumber }), 'params', params).ok).toBe(true);
    expect(params).toEqual({ idNumber: ID });
  });

  it('still refuses a bad value, naming the field', () => {
    const schema = Body({ unit: Body({ creditCode: CreditCode }), members: Type.Array(Body({ idNumber: IdNumber }), { maxItems: 5 }) });
    const badCredit = validate(schema, 'body', { unit: { creditCode: '91350100m000100y44' }, members: [] });
    expect(badCredit.ok).toBe(false);
    expect(badCredit.errors[0]).toMatchObject({ instancePath: '/unit/creditCode', keyword: 'format' });
    const badId = validate(schema, 'body', { unit: { creditCode: CREDIT }, members: [{ idNumber: '110105194912310021' }] });
    expect(badId.errors[0]).toMatchObject({ instancePath: '/members/0/idNumber', keyword: 'format' });
    // the letter O is outside the credit code alphabet in either case
    expect(validate(schema, 'body', { unit: { creditCode: '91350100o000100y4i' }, members: [] }).ok).toBe(false);
    // a number is not turned into a string, and a wrong length is a wrong length
    expect(validate(schema, 'body', { unit: { creditCode: 913501 }, members: [] }).errors[0]).toMatchObject({ instancePath: '/unit/creditCode', keyword: 'type' });
    expect(validate(Body({ idNumber: IdNumber }), 'body', { idNumber: `${ID.toLowerCase()}x` }).errors[0]).toMatchObject({ instancePath: '/idNumber', keyword: 'maxLength' });
  });

  it('leaves other strings as they are', () => {
    const body = { name: 'abc', idNumber: ID.toLowerCase() };
    expect(validate(Body({ name: Type.String({ maxLength: 10 }), idNumber: IdNumber }), 'body', body).ok).toBe(true);
    expect(body).toEqual({ name: 'abc', idNumber: ID });
  });
});
