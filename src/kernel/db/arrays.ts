/** A value an array parameter carries. */
export type ArrayValue = string | number | boolean | null;

const QUOTED = /["\\]/g;
/**
 * A PostgreSQL array literal: every string quoted (so no value is read as NULL or split), quotes and
 * backslashes escaped. Written here because the driver's own conversion of a JS array (and a parameter per
 * value) cost more than the database's work on a page of thousands.
 */
export function arrayLiteral(values: readonly ArrayValue[]): string {
  let text = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i) text += ',';
    if (value === null) text += 'NULL';
    else if (typeof value === 'string') text += `"${value.replace(QUOTED, '\\$&')}"`;
    else text += String(value);
  }
  return `${text}}`;
}
