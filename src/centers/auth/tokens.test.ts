import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issueAccessToken, newRefreshToken, parseRefreshToken, verifyAccessToken, type AccessClaims } from './tokens.js';

const key = randomBytes(32);
const claims: AccessClaims = { sub: 'acc_1', sid: 'ses_1', knd: 'person', lvl: 1, org: null, opa: null, uid: null, exp: 2_000_000_000 };

describe('access token', () => {
  it('round-trips its claims', () => {
    expect(verifyAccessToken(key, issueAccessToken(key, claims), 1_000)).toEqual(claims);
  });

  it('refuses an expired token', () => {
    expect(verifyAccessToken(key, issueAccessToken(key, claims), 2_000_000_000)).toBeNull();
  });

  it('refuses a token signed with another key or with edited claims', () => {
    const token = issueAccessToken(key, claims);
    expect(verifyAccessToken(randomBytes(32), token, 1_000)).toBeNull();
    const [v, , mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, knd: 'admin' })).toString('base64url');
    expect(verifyAccessToken(key, `${v}.${forged}.${mac}`, 1_000)).toBeNull();
    expect(verifyAccessToken(key, 'garbage', 1_000)).toBeNull();
  });
});

describe('refresh token', () => {
  it('parses back to the same id and secret hash', () => {
    const { token, secretHash } = newRefreshToken('rt_abc');
    expect(parseRefreshToken(token)).toEqual({ id: 'rt_abc', secretHash });
    expect(parseRefreshToken(token + 'x')).toBeNull();
  });
});
