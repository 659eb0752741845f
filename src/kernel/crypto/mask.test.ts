import { describe, expect, it } from 'vitest';
import { maskCreditCode, maskEmail, maskIdNumber, maskMiddle, maskName, maskPhone } from './mask.js';

type Case = [input: string | null | undefined, expected: string];

const table: Record<string, [(v: string | null | undefined) => string, Case[]]> = {
  maskIdNumber: [
    maskIdNumber,
    [
      ['11010519491231002X', '110105********002X'],
      ['110105491231002', '110105*****1002'], // 15-digit first-generation card
      [' 11010519491231002X ', '110105********002X'],
      ['1234567890', '**********'], // too short to keep both ends
      ['12345678901', '123456*8901'],
      ['', ''],
      [null, ''],
      [undefined, ''],
    ],
  ],
  maskPhone: [
    maskPhone,
    [
      ['13812345678', '138****5678'],
      ['+8613812345678', '+86*******5678'],
      ['1234567', '*******'],
      ['12', '**'],
      ['', ''],
    ],
  ],
  maskName: [
    maskName,
    [
      ['张三', '张*'],
      ['欧阳娜娜', '欧***'],
      ['王', '*'],
      ['𠀋小明', '𠀋**'], // a supplementary-plane character counts as one
      ['Alice', 'A****'],
      ['', ''],
    ],
  ],
  maskEmail: [
    maskEmail,
    [
      ['zhangsan@example.com', 'z*******@example.com'],
      ['a@example.com', '*@example.com'],
      ['not-an-email', '************'],
      ['@example.com', '************'],
      ['', ''],
    ],
  ],
  maskCreditCode: [
    maskCreditCode,
    [
      ['91350100M000100Y43', '9135**********0Y43'],
      ['12345678', '********'],
      ['', ''],
    ],
  ],
};

describe('masking', () => {
  for (const [name, [fn, cases]] of Object.entries(table)) {
    it.each(cases)(`${name}(%j) -> %j`, (input, expected) => {
      expect(fn(input)).toBe(expected);
    });
  }

  it('keeps the length and never reveals a value in full', () => {
    for (const v of ['1', '12', '123456789', '11010519491231002X']) {
      for (const [head, tail] of [[6, 4], [3, 4], [1, 0], [4, 4]]) {
        const out = maskMiddle(v, head, tail);
        expect(out).toHaveLength(v.length);
        expect(out).not.toBe(v);
      }
    }
  });
});
