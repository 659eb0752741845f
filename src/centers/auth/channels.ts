import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Cache } from '../../kernel/cache/index.js';
import { memoPerCache } from '../../kernel/cache/memo.js';
import type { FieldCipher } from '../../kernel/crypto/index.js';
import type { Db } from '../../kernel/db/index.js';
import { DomainError } from '../../kernel/errors/index.js';
import type { ChannelPrincipal } from '../../kernel/http/auth.js';
import { verifySignedRequest } from '../../adapters/signing.js';
import { channelApps } from './schema.js';

/** 渠道能力 capabilities a channel app can be given. */
export const CHANNEL_CAPABILITIES = [
  'auth.introspect',
  'user.basic.read',
  // 电子票据中心: issue and void (开票、冲红), read, mark used for reimbursement (报销)
  'bill.issue',
  'bill.read',
  'bill.mark_used',
  // 电子凭证中心: verify a dynamic QR code, register devices; ask whether a person authorized the channel
  'voucher.verify',
  'voucher.authorization.read',
  // 结算中心: pre-settle, settle and reverse (预结算、结算、冲正)
  'settlement.settle',
  // 移动支付中心: create, read and refund hybrid payment orders (下单、查询、退款)
  'payment.order',
] as const;

const NONCE_TTL_MS = 600_000;

interface KnownApp {
  appId: string;
  capabilities: string[];
  secret: string;
}

/**
 * Every signed request needs its app's secret: each node keeps the active apps it has seen (the
 * secret decrypted once). Apps are created, never edited; a status change must call `forgetChannelApp`.
 */
const appMemo = memoPerCache<KnownApp>('channel-app-changed', { ttlMs: 30_000 });

export const forgetChannelApp = (cache: Cache, appId: string) => appMemo(cache).forget(appId);

export async function registerChannel(db: Db, fields: FieldCipher, input: { name: string; capabilities: string[]; orgId: string }) {
  const appId = `app${randomBytes(8).toString('hex')}`;
  const secret = randomBytes(32).toString('base64url');
  await db.insert(channelApps).values({ appId, name: input.name, secretEnc: fields.encrypt(secret), capabilities: input.capabilities, orgId: input.orgId });
  // The secret is shown once; afterwards only its ciphertext exists.
  return { appId, secret, name: input.name, capabilities: input.capabilities };
}

/**
 * Verifies a channel's signed request (timestamp + nonce + body digest, HMAC-SM3). A nonce is
 * accepted once within the skew window, across all nodes, via the shared cache.
 */
export async function authenticateChannel(deps: { db: Db; fields: FieldCipher; cache: Cache }, request: FastifyRequest): Promise<ChannelPrincipal> {
  let app: KnownApp | null | undefined;
  const result = await verifySignedRequest({
    headers: request.headers as Record<string, string>,
    method: request.method,
    path: request.url,
    body: request.rawBody ?? '',
    lookupSecret: async (appId) => {
      app = await appMemo(deps.cache).get(appId, async () => {
        const [row] = await deps.db.select().from(channelApps).where(eq(channelApps.appId, appId));
        return row && row.status === 'active' ? { appId: row.appId, capabilities: row.capabilities, secret: deps.fields.decrypt(row.secretEnc) } : null;
      });
      return app?.secret;
    },
    nonceSeen: async (appId, nonce) => !(await deps.cache.setIfAbsent(`nonce:${appId}:${nonce}`, '1', NONCE_TTL_MS)),
  });
  if (!result.ok || !app) throw new DomainError(`auth.channel_${result.ok ? 'unknown_app' : result.reason}`, 'unauthenticated');
  return { type: 'channel', appId: app.appId, capabilities: app.capabilities };
}
