/**
 * 扫码登录 scan-to-login: the web shows a login QR, the voucher holder confirms it from their
 * signed-in app, and the web's next poll receives tokens, once. The state is ephemeral and shared
 * by all nodes through the cache.
 */
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../kernel/actor/index.js';
import type { AppContext } from '../../kernel/context.js';
import { DomainError, conflict, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { sm3Hex, timingSafeEqualHex } from '../../kernel/crypto/index.js';
import * as auth from '../auth/index.js';
import { activeVoucherOf, recordUsage } from './service.js';
import type { LoginConfirmView, LoginPollView, LoginSessionView } from './contract.js';

const PREFIX = 'YBLOGIN';
const key = (id: string, part = '') => `vls:${id}${part}`;

interface Pending {
  pollHash: string;
  expiresAt: string;
}

/** A new login QR: `code` is what the QR shows, `pollToken` stays with the web page that polls. */
export async function createLoginSession(ctx: AppContext): Promise<LoginSessionView> {
  const id = newId('vls');
  const pollToken = randomBytes(24).toString('base64url');
  const ttlMs = ctx.config.voucher.loginTtlSec * 1000;
  const expiresAt = new Date(Date.now() + ttlMs).toISOString();
  await ctx.cache.set(key(id), JSON.stringify({ pollHash: sm3Hex(pollToken), expiresAt } satisfies Pending), ttlMs);
  return { id, code: `${PREFIX}.${id}`, pollToken, expiresAt };
}

async function pending(ctx: AppContext, id: string): Promise<Pending> {
  const stored = await ctx.cache.get(key(id));
  if (!stored) throw notFound('voucher.login_not_found');
  return JSON.parse(stored) as Pending;
}

/** The holder of an active voucher confirms; the first confirmation wins. */
export async function confirmLoginSession(ctx: AppContext, actor: Actor, id: string): Promise<LoginConfirmView> {
  const voucher = await activeVoucherOf(ctx, actor.accountId);
  const session = await pending(ctx, id);
  const ttlMs = Math.max(1, new Date(session.expiresAt).getTime() - Date.now());
  if (!(await ctx.cache.setIfAbsent(key(id, ':confirmed'), actor.accountId, ttlMs))) throw conflict('voucher.login_already_confirmed');
  await recordUsage(ctx, { voucherId: voucher.id, subjectVoucherId: voucher.id, action: 'login', result: 'ok' });
  return { confirmed: true };
}

/** The web polls: pending until confirmed, then tokens on the first poll only. */
export async function pollLoginSession(ctx: AppContext, id: string, pollToken: string, ip: string | null): Promise<LoginPollView> {
  const session = await pending(ctx, id);
  if (!timingSafeEqualHex(session.pollHash, sm3Hex(pollToken))) throw new DomainError('voucher.login_poll_token', 'forbidden', {}, 'x-poll-token');
  const accountId = await ctx.cache.get(key(id, ':confirmed'));
  if (!accountId) return { status: 'pending' };
  if (!(await ctx.cache.setIfAbsent(key(id, ':claimed'), '1', ctx.config.voucher.loginTtlSec * 1000))) throw notFound('voucher.login_not_found');
  await ctx.cache.del(key(id));
  const tokens = await auth.startSessionFor(ctx, accountId, { method: 'qr', channel: 'web', ip });
  if (!tokens) throw new DomainError('auth.account_disabled', 'forbidden');
  return { status: 'confirmed', tokens };
}
