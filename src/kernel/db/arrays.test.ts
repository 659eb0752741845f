import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.js';
import { arrayLiteral } from '../../kernel/db/index.js';

/** Values a page's columns can hold that a careless literal would misread: quotes, backslashes, separators, the word NULL. */
const AWKWARD = ['plain', 'a "quoted" name', 'back\\slash', '\\"', 'comma, and {braces}', 'NULL', 'null', '', ' padded ', '压测单位 1', 'tab\tand\nnewline'];

describe('array parameters (a page of the receivable run, a batch of ids)', () => {
  it('quotes every string and escapes quotes and backslashes; null is NULL, numbers and booleans bare', () => {
    expect(arrayLiteral(['a', 'b"c', 'd\\e', null, 'NULL', ''])).toBe('{"a","b\\"c","d\\\\e",NULL,"NULL",""}');
    expect(arrayLiteral([0, 12_345_678_901, -3])).toBe('{0,12345678901,-3}');
    expect(arrayLiteral([true, false, null])).toBe('{true,false,NULL}');
    expect(arrayLiteral([])).toBe('{}');
  });

  describe('read back by the database', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase();
    });
    afterAll(() => db?.drop());

    it.each([
      ['text', [...AWKWARD, null]],
      ['bigint', [0, 1, 9_007_199_254_740_991, null]],
      ['integer', [2_000, 0, null]],
      ['boolean', [true, false, null]],
    ] as const)('%s[] as the values it was made of', async (type, values) => {
      const [row] = await db.database.rows<{ a: unknown[] }>(sql`select ${arrayLiteral(values)}::${sql.raw(type)}[] as a`);
      // node-postgres hands bigint[] back as strings
      expect(type === 'bigint' ? row.a.map((v) => (v === null ? null : Number(v))) : row.a).toEqual(values);
    });
  });
});
