import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { isValidCreditCode, isValidIdNumber, isValidMobile, isValidRegionCode, isValidYearMonth } from '../validation/identifiers.js';
import { UPPER_CASE } from './schemas.js';

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

/** The platform's string formats (identity numbers, credit codes, phones, region codes, months). */
export const PLATFORM_FORMATS = {
  'cn-id-number': isValidIdNumber,
  'cn-credit-code': isValidCreditCode,
  'cn-mobile': isValidMobile,
  'region-code': isValidRegionCode,
  'year-month': isValidYearMonth,
} as const;

function withFormats(options: Options): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: false, removeAdditional: false, useDefaults: true, ...options });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  for (const [name, validate] of Object.entries(PLATFORM_FORMATS)) ajv.addFormat(name, { type: 'string', validate });
  // `x-upper-case`: the value is rewritten in its parent object or array (a body, querystring or
  // params property, at any depth); a bare top-level string has no parent and is left as it is.
  // No `type`: keywords for every type run before the string keywords (format, pattern), and ajv
  // reads the value again from its parent after a modifying keyword.
  ajv.addKeyword({
    keyword: UPPER_CASE,
    schemaType: 'boolean',
    modifying: true,
    errors: false,
    validate: (enabled: boolean, data: unknown, _schema?: unknown, cxt?: { parentData?: Record<string | number, unknown>; parentDataProperty?: string | number }) => {
      if (enabled && typeof data === 'string' && cxt?.parentData && cxt.parentDataProperty !== undefined) {
        cxt.parentData[cxt.parentDataProperty] = data.toUpperCase();
      }
      return true;
    },
  });
  return ajv;
}

/** Bodies are validated strictly (a string is never silently turned into a number); URLs carry text, so they coerce. */
const bodyAjv = withFormats({ coerceTypes: false });
const urlAjv = withFormats({ coerceTypes: 'array' });

export function compileValidator({ schema, httpPart }: { schema: object; httpPart?: string }) {
  return (httpPart === 'body' ? bodyAjv : urlAjv).compile(schema);
}

/** Data the platform writes itself (event payloads) is checked as it is: no coercion, no defaults. */
const dataAjv = withFormats({ coerceTypes: false, useDefaults: false, allErrors: false });

/** A validator for data of the platform's own (event payloads), knowing the platform's formats. */
export const compileDataValidator = (schema: object) => dataAjv.compile(schema);
