import { describe, expect, it } from 'vitest';
import { hashPassword, passwordMatches, passwordWeakness } from './password.js';

describe('password complexity', () => {
  it.each([
    ['Abcdef1!', null],
    ['abcdef12', 'user.password_classes'],
    ['ABCDEFGH', 'user.password_classes'],
    ['Ab1!', 'user.password_length'],
    ['A'.repeat(30) + 'a1!' + 'x'.repeat(40), 'user.password_length'],
    ['abcdefG1', null],
    ['pass word 1', null],
  ])('%s → %s', (password, reason) => {
    expect(passwordWeakness(password)).toBe(reason);
  });

  it('refuses a password containing the phone or login name', () => {
    expect(passwordWeakness('X13812345678a', ['13812345678'])).toBe('user.password_personal');
    expect(passwordWeakness('Zhangsan#2026', ['zhangsan'])).toBe('user.password_personal');
    expect(passwordWeakness('Zhangsan#2026', ['lisi'])).toBeNull();
  });
});

describe('password hashing', () => {
  it('uses argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('Abcdef1!');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(await passwordMatches(hash, 'Abcdef1!')).toBe(true);
    expect(await passwordMatches(hash, 'Abcdef1?')).toBe(false);
    expect(await passwordMatches('not-a-hash', 'Abcdef1!')).toBe(false);
  });
});
