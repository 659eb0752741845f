import { Type, type TSchema } from '@sinclair/typebox';

/** Shared request shapes; formats are checked by the validators in validation.ts. */
export const IdNumber = Type.String({ format: 'cn-id-number', minLength: 18, maxLength: 18, description: '居民身份证号码 (GB 11643)' });
export const CreditCode = Type.String({ format: 'cn-credit-code', minLength: 18, maxLength: 18, description: '统一社会信用代码 (GB 32100)' });
export const Mobile = Type.String({ format: 'cn-mobile', minLength: 11, maxLength: 11, description: '手机号' });
export const RegionCode = Type.String({ format: 'region-code', minLength: 6, maxLength: 6, description: '行政区划代码' });
export const YearMonth = Type.String({ format: 'year-month', minLength: 7, maxLength: 7, description: '月份 YYYY-MM' });
export const PersonName = Type.String({ minLength: 1, maxLength: 50, pattern: '^[^\\s<>]+( [^\\s<>]+)*$' });
export const Password = Type.String({ minLength: 1, maxLength: 64 });
export const SmsCode = Type.String({ pattern: '^\\d{6}$', minLength: 6, maxLength: 6 });
export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });

export const PageQuery = {
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    traceId: Type.String(),
    field: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

/** Strict object: unknown properties are refused rather than silently dropped. */
export const Body = <T extends Parameters<typeof Type.Object>[0]>(properties: T) => Type.Object(properties, { additionalProperties: false });
