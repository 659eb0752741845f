import { Type, type TLiteral, type TSchema, type TUnion } from '@sinclair/typebox';

/**
 * Schema keyword (an OpenAPI extension, so the published document stays valid): the validator
 * (validation.ts) upper-cases the string in place before checking its format. People type the check
 * character of an identity number as `x` and credit codes in lower case; the standards' form, which
 * the handler sees and the platform stores, is upper case.
 */
export const UPPER_CASE = 'x-upper-case';

/** Shared request shapes; formats are checked by the validators in validation.ts. */
export const IdNumber = Type.String({ format: 'cn-id-number', minLength: 18, maxLength: 18, [UPPER_CASE]: true, description: '居民身份证号码 (GB 11643)' });
export const CreditCode = Type.String({ format: 'cn-credit-code', minLength: 18, maxLength: 18, [UPPER_CASE]: true, description: '统一社会信用代码 (GB 32100)' });
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

// ------------------------------------------------------------------------------ response shapes
// Every route declares its responses with these; fast-json-stringify writes only declared fields.

/**
 * One of these strings (an enum in the OpenAPI document and the generated client). Pass a tuple
 * (`as const`): the schema's type is then the union of those literals, both in the request the
 * handler reads and in the reply it must answer (a union built from a plain array would read as
 * `never` there, and `Type.Unsafe` as `unknown` in the request).
 */
export const Literals = <const T extends readonly string[]>(values: T, description?: string) =>
  Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {}) as unknown as TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }>;

/** A value or null. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** An instant, written as ISO 8601 (a Date is serialised with its time zone). */
export const DateTime = Type.String({ format: 'date-time' });

/** A calendar date YYYY-MM-DD. */
export const DateOnly = Type.String({ format: 'date', minLength: 10, maxLength: 10 });

/** Money in integer fen (分). */
export const Fen = (description?: string) => Type.Integer(description ? { description: `${description}，分 fen` } : { description: '分 fen' });

/** A file body (PDF, XLSX, CSV, SVG): documented as binary, sent as bytes without JSON serialisation. */
export const FileBody = (mediaType: string, description?: string) =>
  Type.Unsafe<Buffer | string>({ type: 'string', format: 'binary', description: description ?? mediaType, 'x-media-type': mediaType });

/** The answer of a route that answers nothing (204). */
export const NoContent = Type.Null({ description: 'no content' });
