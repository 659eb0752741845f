import path from 'node:path';
import { createPublicKey } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { Config } from './kernel/config/index.js';
import { openDatabase, type Database } from './kernel/db/index.js';
import { openCache, type Cache } from './kernel/cache/index.js';
import { createFieldCipher, sm2PublicKeyFromPrivateKey } from './kernel/crypto/index.js';
import { checkpointFile, createAuditLog } from './kernel/audit/index.js';
import { auditRoutes } from './kernel/audit/routes.js';
import { createOutbox } from './kernel/outbox/index.js';
import { createHttpApp, type App } from './kernel/http/app.js';
import { healthRoutes } from './kernel/http/health.js';
import { ProblemSchema } from './kernel/http/schemas.js';
import type { Authenticator } from './kernel/http/auth.js';
import type { AppContext, CenterModule } from './kernel/context.js';
import { authenticatorFor, PERMISSIONS } from './centers/auth/index.js';
import { authCenter } from './centers/auth/module.js';
import { userCenter } from './centers/user/module.js';
import { policyCenter } from './centers/policy/module.js';
import { registryCenter } from './centers/registry/module.js';
import { enrollmentCenter } from './centers/enrollment/module.js';
import { personOfAccount } from './centers/personal/index.js';
import { personalCenter } from './centers/personal/module.js';
import { unitCenter } from './centers/unit/module.js';
import { collectionCenter } from './centers/collection/module.js';
import { voucherCenter } from './centers/voucher/module.js';
import { billCenter } from './centers/bill/module.js';
import { settlementCenter } from './centers/settlement/module.js';
import { analysisCenter } from './centers/analysis/module.js';
import { paymentCenter } from './centers/payment/module.js';
import { messageCenter } from './centers/message/module.js';
import { seedDemo } from './demo-seed.js';
import { accountNames } from './centers/user/index.js';

/** Every center, in registration order. */
export const CENTERS: CenterModule[] = [authCenter, userCenter, policyCenter, registryCenter, enrollmentCenter, collectionCenter, personalCenter, unitCenter, billCenter, voucherCenter, settlementCenter, paymentCenter, analysisCenter, messageCenter];

export const WEB_DIR = fileURLToPath(new URL('../web/dist', import.meta.url));

export interface PlatformOverrides {
  database?: Database;
  cache?: Cache;
  providerUrls?: AppContext['providerUrls'];
  /** where the log goes instead of stdout (tests read what the server really logs) */
  logStream?: { write(line: string): unknown };
}

export interface Platform {
  app: App;
  ctx: AppContext;
  close(): Promise<void>;
}

export async function createPlatform(config: Config, overrides: PlatformOverrides = {}): Promise<Platform> {
  const closers: Array<() => Promise<void>> = [];
  const database = overrides.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pg') }));
  if (!overrides.database) closers.push(() => database.close());
  const cache = overrides.cache ?? (await openCache(config.redisUrl));
  if (!overrides.cache) closers.push(() => cache.close());
  const providerUrls = overrides.providerUrls ?? (await resolveProviders(config, closers));
  config = await resolvePayChannel(config, closers);

  // The HTTP kernel asks for the authenticator per request; it exists once the context does.
  const authRef: { current?: Authenticator } = {};
  // The chain's signed head goes to a file of the node's own (审计链锚点), outside the database it vouches for.
  const audit = createAuditLog(database, {
    checkpoints: { file: checkpointFile(config.dataDir), signingKey: config.keys.auditSigning, intervalSec: config.audit.checkpointIntervalSec },
  });
  const app = await createHttpApp({
    logLevel: config.logLevel,
    logStream: overrides.logStream,
    authenticator: () => authRef.current,
    actorSources: () =>
      authRef.current && {
        regionPrefixOf: (orgId) => authRef.current!.regionPrefixOf(orgId),
        personOfAccount: async (accountId) => (await personOfAccount(ctx, accountId))?.id ?? null,
      },
    cache,
    audit,
    webDir: existsSync(WEB_DIR) ? WEB_DIR : undefined,
    trustedProxies: config.http.trustedProxies,
  });
  const outbox = createOutbox(database, app.log);
  const ctx: AppContext = { config, database, cache, fields: createFieldCipher({ encryptionKey: config.keys.fieldEncryption, blindIndexKey: config.keys.blindIndex }), audit, outbox, log: app.log, providerUrls };
  authRef.current = authenticatorFor(ctx);

  app.addSchema(ProblemSchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Yibao 医保公共服务业务中台 API', version: '0.1.0', description: 'Errors are RFC 9457 problem+json with a stable `code`.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          channelSignature: { type: 'apiKey', in: 'header', name: 'X-Signature', description: 'HMAC-SM3 over METHOD\\nPATH\\nX-Timestamp\\nX-Nonce\\nSM3(body), with X-App-Id' },
        },
      },
    },
    // Shared schemas keep their $id as their name in components.schemas (the web's generated types name them so).
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    transform: ({ schema, url, route }) => {
      const auth = route.config?.auth;
      const security = !auth || 'public' in auth ? undefined : 'channel' in auth ? [{ channelSignature: [] }] : [{ bearer: [] }];
      // Documentation only: every operation may answer with a problem+json error, and a file
      // (FileBody) is documented under its own media type rather than as JSON.
      const response = {
        ...documentedFiles((schema?.response as Record<string, Record<string, unknown>>) ?? {}),
        '4XX': { description: 'problem+json (RFC 9457)', $ref: 'Problem#' },
        '5XX': { description: 'problem+json (RFC 9457)', $ref: 'Problem#' },
      };
      return { schema: { ...schema, response, ...(security ? { security } : {}) } as typeof schema, url };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  healthRoutes(app, database, cache);

  await app.register(async (scoped) => auditRoutes(scoped as App, database, audit, PERMISSIONS.auditRead, (ids) => accountNames({ database }, ids)), { prefix: '/api/v1/audit' });

  const centers = CENTERS.filter((c) => !config.centers || config.centers.includes(c.name));
  for (const center of centers) {
    await app.register(async (scoped) => center.routes(scoped as App, ctx), { prefix: `/api/v1/${center.name}` });
  }
  if (existsSync(WEB_DIR)) await app.register(fastifyStatic, { root: WEB_DIR, prefix: '/', wildcard: true });

  await app.ready();
  for (const center of centers) await center.start?.(ctx);
  await outbox.register();
  if (config.seedDemo) await seedDemo(ctx, { insured: config.seedDemoInsured });
  outbox.start();
  audit.start(app.log);

  return {
    app,
    ctx,
    close: async () => {
      await outbox.stop();
      await app.close();
      // audit records still being batched are written, and the chain's head checkpointed, before the database goes
      await audit.stop();
      for (const close of closers.reverse()) await close();
    },
  };
}

/** A FileBody response as OpenAPI writes a file: binary content under its media type. */
function documentedFiles(responses: Record<string, Record<string, unknown>>) {
  return Object.fromEntries(
    Object.entries(responses).map(([status, schema]) => {
      const mediaType = schema?.['x-media-type'];
      if (typeof mediaType !== 'string') return [status, schema];
      return [status, { description: schema.description ?? mediaType, content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } } }];
    }),
  );
}

/**
 * Provider base URLs: configured ones as they are; in development, local fake providers for the
 * rest, so a bare `npm start` can register, verify and log in end to end over real HTTP.
 */
async function resolveProviders(config: Config, closers: Array<() => Promise<void>>): Promise<AppContext['providerUrls']> {
  const p = config.providers;
  const missing = !p.realNameUrl || !p.smsUrl || !p.wechatUrl || !p.alipayUrl || !p.financeUrl || !p.smtpUrl || !p.wechatMpUrl || !p.pushUrl;
  if (!missing || !config.startFakes) {
    const none = 'http://127.0.0.1:9';
    return {
      realName: p.realNameUrl ?? none,
      sms: p.smsUrl ?? none,
      wechat: p.wechatUrl ?? none,
      alipay: p.alipayUrl ?? none,
      finance: p.financeUrl ?? none,
      smtp: p.smtpUrl ?? 'smtp://127.0.0.1:9',
      wechatMp: p.wechatMpUrl ?? none,
      push: p.pushUrl ?? none,
      mailInbox: null,
    };
  }
  const fakes = await import('../fakes/index.js');
  const start = async <T extends { url: string; close(): Promise<void> }>(configured: string | undefined, launch: () => Promise<T>) => {
    if (configured) return configured;
    const fake = await launch();
    closers.push(() => fake.close());
    return fake.url;
  };
  // Mail goes to a real SMTP server on loopback whose inbox is a web page (printed at start).
  let mail = { smtp: p.smtpUrl ?? '', inbox: null as string | null };
  if (!p.smtpUrl) {
    const fake = await fakes.startFakeSmtp();
    closers.push(() => fake.close());
    mail = { smtp: fake.smtpUrl, inbox: fake.inboxUrl };
  }
  return {
    realName: await start(p.realNameUrl, () => fakes.startFakeRealName({ appId: p.realNameAppId, secret: p.realNameSecret, acceptUnknown: true })),
    sms: await start(p.smsUrl, () => fakes.startFakeSms({ appId: p.smsAppId, secret: p.smsSecret })),
    wechat: await start(p.wechatUrl, () => fakes.startFakeOAuth({ provider: 'wechat', appId: p.oauthAppId, secret: p.oauthSecret })),
    alipay: await start(p.alipayUrl, () => fakes.startFakeOAuth({ provider: 'alipay', appId: p.oauthAppId, secret: p.oauthSecret })),
    finance: await start(p.financeUrl, () => fakes.startFakeFinance({ appId: p.financeAppId, secret: p.financeSecret })),
    smtp: mail.smtp,
    wechatMp: await start(p.wechatMpUrl, () => fakes.startFakeWechatMp({ appId: p.wechatMpAppId, secret: p.wechatMpSecret })),
    push: await start(p.pushUrl, () => fakes.startFakePush({ appId: p.pushAppId, secret: p.pushSecret })),
    mailInbox: mail.inbox,
  };
}

/**
 * The payment channels (WeChat-Pay, Alipay and UnionPay styles): configured, or in development a
 * local fake of each (the payer "pays" through its `/test/pay` endpoint; each fake signs with a key
 * of its own, whose public half the platform then trusts), so that hybrid payments work end to end
 * with a bare `npm start`.
 */
async function resolvePayChannel(config: Config, closers: Array<() => Promise<void>>): Promise<Config> {
  const p = config.providers;
  if ((p.paychannelUrl && p.paychannelAlipayUrl && p.paychannelUnionpayUrl) || !config.startFakes) return config;
  const fakes = await import('../fakes/index.js');
  const providers = { ...p };
  if (!p.paychannelUrl) {
    const fake = await fakes.startFakePayChannel({ appId: p.paychannelAppId, secret: p.paychannelSecret });
    closers.push(() => fake.close());
    providers.paychannelUrl = fake.url;
  }
  if (!p.paychannelAlipayUrl && p.paychannelAlipayPrivateKey) {
    const fake = await fakes.startFakeAlipayChannel({ appId: p.paychannelAlipayAppId, platformPublicKey: createPublicKey(p.paychannelAlipayPrivateKey) });
    closers.push(() => fake.close());
    Object.assign(providers, { paychannelAlipayUrl: fake.url, paychannelAlipayPublicKey: fake.publicKey });
  }
  if (!p.paychannelUnionpayUrl && p.paychannelUnionpayPrivateKey) {
    const fake = await fakes.startFakeUnionPayChannel({ merId: p.paychannelUnionpayMerId, platformPublicKey: sm2PublicKeyFromPrivateKey(p.paychannelUnionpayPrivateKey) });
    closers.push(() => fake.close());
    Object.assign(providers, { paychannelUnionpayUrl: fake.url, paychannelUnionpayPublicKey: fake.publicKey });
  }
  return { ...config, providers };
}
