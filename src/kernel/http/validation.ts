import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { isValidCreditCode, isValidIdNumber, isValidMobile, isValidRegionCode, isValidYearMonth } from '../validation/identifiers.js';

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

function withFormats(options: Options): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: false, removeAdditional: false, useDefaults: true, ...options });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  ajv.addFormat('cn-id-number', { type: 'string', validate: isValidIdNumber });
  ajv.addFormat('cn-credit-code', { type: 'string', validate: isValidCreditCode });
  ajv.addFormat('cn-mobile', { type: 'string', validate: isValidMobile });
  ajv.addFormat('region-code', { type: 'string', validate: isValidRegionCode });
  ajv.addFormat('year-month', { type: 'string', validate: isValidYearMonth });
  return ajv;
}

/** Bodies are validated strictly (a string is never silently turned into a number); URLs carry text, so they coerce. */
const bodyAjv = withFormats({ coerceTypes: false });
const urlAjv = withFormats({ coerceTypes: 'array' });

export function compileValidator({ schema, httpPart }: { schema: object; httpPart?: string }) {
  return (httpPart === 'body' ? bodyAjv : urlAjv).compile(schema);
}
