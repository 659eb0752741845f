import { createHash, randomBytes } from 'node:crypto';
import { hmacSm3, timingSafeEqualHex } from '../../kernel/crypto/index.js';
import type { AccountKind, AuthLevel } from '../../kernel/http/auth.js';

/** What an access token asserts; kept small because it travels on every request. */
export interface AccessClaims {
  sub: string;
  sid: string;
  knd: AccountKind;
  lvl: AuthLevel;
  org: string | null;
  opa: string | null;
  uid: string | null;
  /** expiry, seconds since the epoch */
  exp: number;
}

/**
 * Access token: `v1.<base64url claims>.<base64url HMAC-SM3>`. The platform is the only verifier,
 * so a keyed MAC suffices and costs a fraction of an SM2 signature.
 */
export function issueAccessToken(key: Buffer, claims: AccessClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `v1.${body}.${hmacSm3(key, `v1.${body}`).toString('base64url')}`;
}

export function verifyAccessToken(key: Buffer, token: string, nowSec = Math.floor(Date.now() / 1000)): AccessClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== 'v1' || parts[1].length > 2048) return null;
  const expected = hmacSm3(key, `v1.${parts[1]}`).toString('hex');
  const given = Buffer.from(parts[2], 'base64url').toString('hex');
  if (!timingSafeEqualHex(expected, given)) return null;
  let claims: AccessClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as AccessClaims;
  } catch {
    return null;
  }
  if (typeof claims.exp !== 'number' || claims.exp <= nowSec || typeof claims.sid !== 'string') return null;
  return claims;
}

/** Refresh token `rt.<id>.<secret>`: the id finds the row, only the SM3 of the secret is stored. */
export function newRefreshToken(id: string): { token: string; secretHash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `rt.${id}.${secret}`, secretHash: sm3Of(secret) };
}

export function parseRefreshToken(token: string): { id: string; secretHash: string } | null {
  const match = /^rt\.([\w-]{1,64})\.([\w-]{43})$/.exec(token);
  return match ? { id: match[1], secretHash: sm3Of(match[2]) } : null;
}

const sm3Of = (value: string) => createHash('sm3').update(value).digest('hex');
