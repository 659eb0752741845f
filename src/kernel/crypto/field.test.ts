import { describe, expect, it } from 'vitest';
import { createFieldCipher } from './field.js';
import { hmacSm3Hex } from './sm3.js';

const ENC_KEY = '11'.repeat(32);
const IDX_KEY = '22'.repeat(32);
const field = createFieldCipher({ encryptionKey: ENC_KEY, blindIndexKey: IDX_KEY });
const ID = '11010519491231002X';

describe('field cipher', () => {
  it('decrypts what it encrypts, and the stored form hides the value', () => {
    for (const value of [ID, '13812345678', '张三', '']) {
      const stored = field.encrypt(value);
      expect(field.decrypt(stored)).toBe(value);
      if (value) expect(stored).not.toContain(value);
    }
    expect(field.encrypt(ID)).not.toBe(field.encrypt(ID));
  });

  it('blind index: deterministic, keyed, per kind, and exactly HMAC-SM3(key, kind:value)', () => {
    const idx = field.blindIndex(ID, 'idNumber');
    expect(idx).toMatch(/^[0-9a-f]{64}$/);
    expect(field.blindIndex(ID, 'idNumber')).toBe(idx);
    expect(createFieldCipher({ encryptionKey: ENC_KEY, blindIndexKey: IDX_KEY }).blindIndex(ID, 'idNumber')).toBe(idx);
    expect(idx).toBe(hmacSm3Hex(Buffer.from(IDX_KEY, 'hex'), `idNumber:${ID}`));
    expect(field.blindIndex(ID, 'phone')).not.toBe(idx);
    expect(field.blindIndex('110105194912310021', 'idNumber')).not.toBe(idx);
    expect(createFieldCipher({ encryptionKey: ENC_KEY, blindIndexKey: '33'.repeat(32) }).blindIndex(ID, 'idNumber')).not.toBe(idx);
    expect(idx).not.toContain(ID);
  });

  it('normalizes before indexing: trim, full-width digits, upper-case X for identity numbers', () => {
    const idx = field.blindIndex(ID, 'idNumber');
    expect(field.blindIndex(`  ${ID.toLowerCase()}\n`, 'idNumber')).toBe(idx);
    expect(field.blindIndex('１１０１０５１９４９１２３１００２Ｘ', 'idNumber')).toBe(idx);
    expect(field.blindIndex(' 13812345678 ', 'phone')).toBe(field.blindIndex('13812345678', 'phone'));
    // other kinds keep case: "Zhang@x.cn" and "zhang@x.cn" are distinct
    expect(field.blindIndex('Ab', 'name')).not.toBe(field.blindIndex('AB', 'name'));
  });

  it('refuses ambiguous kinds and reused keys', () => {
    expect(() => field.blindIndex(ID, 'id:Number')).toThrow(/kind/);
    expect(() => field.blindIndex(ID, '')).toThrow(/kind/);
    expect(() => createFieldCipher({ encryptionKey: ENC_KEY, blindIndexKey: ENC_KEY })).toThrow(/different/);
    expect(() => createFieldCipher({ encryptionKey: 'short', blindIndexKey: IDX_KEY })).toThrow(/encryptionKey/);
  });

  it('rejects a stored value that was tampered with', () => {
    const stored = field.encrypt(ID);
    const [v, iv, ct, mac] = stored.split('.');
    const other = field.encrypt('110105194912310021').split('.')[2];
    expect(() => field.decrypt([v, iv, other, mac].join('.'))).toThrow(/authentication/);
    expect(() => field.decrypt(`${v}.${iv}.${ct}.${mac.slice(1)}A`)).toThrow();
  });
});
