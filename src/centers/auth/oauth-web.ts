/**
 * 网页授权登录 WeChat / Alipay login from a browser. The platform starts the authorization: a
 * `state` (in the URL, as OAuth has it) stored server-side for five minutes with the digest of a
 * `verifier` only the starting browser holds (never in a URL). The provider's page sends the browser
 * back to the platform's callback, which hands the code to the hall; the hall logs in with the code,
 * the state and the verifier, and the state is consumed whatever the outcome. A code that comes
 * back with someone else's state, a stale state or a replayed one is refused before the code is
 * exchanged (登录 CSRF).
 */
import { randomBytes } from 'node:crypto';
import type { Cache } from '../../kernel/cache/index.js';
import { sm3Hex, timingSafeEqualHex } from '../../kernel/crypto/index.js';
import { DomainError } from '../../kernel/errors/index.js';
import type { OAuthClient } from '../../adapters/index.js';
import type { ThirdParty } from './contract.js';

export const OAUTH_STATE_TTL_MS = 300_000;
const stateKey = (state: string) => `oauth:state:${state}`;

interface StoredState {
  provider: ThirdParty;
  verifierDigest: string;
}

/** Starts an authorization: the provider's page to send the browser to, the state and the browser's verifier. */
export async function startAuthorization(cache: Cache, client: OAuthClient, redirectUri: string) {
  const state = randomBytes(16).toString('hex');
  const verifier = randomBytes(32).toString('base64url');
  const stored: StoredState = { provider: client.provider, verifierDigest: sm3Hex(verifier) };
  await cache.set(stateKey(state), JSON.stringify(stored), OAUTH_STATE_TTL_MS);
  return { authorizeUrl: client.authorizeUrl(redirectUri, state), state, verifier, expiresIn: OAUTH_STATE_TTL_MS / 1000 };
}

/** Whether a state is live for this provider, without consuming it (the callback decides whether to pass the code on). */
export async function isPendingState(cache: Cache, provider: ThirdParty, state: string): Promise<boolean> {
  if (!/^[0-9a-f]{32}$/.test(state)) return false;
  const stored = await cache.get(stateKey(state));
  return stored !== null && (JSON.parse(stored) as StoredState).provider === provider;
}

/** Consumes the state once (two attempts at once: one wins); refused unless it is live, this provider's and the verifier matches. */
export async function consumeState(cache: Cache, provider: ThirdParty, state: string, verifier: string | undefined): Promise<void> {
  const key = stateKey(state);
  const stored = /^[0-9a-f]{32}$/.test(state) ? await cache.get(key) : null;
  if (!stored || !(await cache.delIfEquals(key, stored))) throw new DomainError('auth.oauth_state_invalid', 'invalid', {}, 'state');
  const { provider: startedWith, verifierDigest } = JSON.parse(stored) as StoredState;
  if (startedWith !== provider || !verifier || !timingSafeEqualHex(sm3Hex(verifier), verifierDigest)) {
    throw new DomainError('auth.oauth_state_invalid', 'invalid', {}, 'state');
  }
}

/**
 * Where the callback sends the browser: a path on the platform's own origin (the hall), never an
 * address from the request. The code goes on only with a live state of this provider.
 */
export function hallCallbackPath(provider: ThirdParty, outcome: { code?: string; state?: string; error?: string }, stateLive: boolean): string {
  const params = new URLSearchParams({ oauth: provider });
  if (outcome.error || !outcome.code) params.set('error', outcome.error && /^[a-z_]{1,40}$/.test(outcome.error) ? outcome.error : 'access_denied');
  else if (!stateLive) params.set('error', 'state_invalid');
  else params.set('code', outcome.code);
  if (outcome.state && /^[0-9a-f]{32}$/.test(outcome.state)) params.set('state', outcome.state);
  return `/#/login?${params.toString()}`;
}
