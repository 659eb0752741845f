import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, randomKey } from '../../src/kernel/config/index.js';
import { createPlatform, type Platform } from '../../src/platform.js';
import {
  startFakeAlipayChannel,
  startFakeFinance,
  startFakeOAuth,
  startFakePayChannel,
  startFakePush,
  startFakeRealName,
  startFakeSms,
  startFakeSmtp,
  startFakeUnionPayChannel,
  startFakeWechatMp,
  type FakeAlipayChannel,
  type FakeFinance,
  type FakeOAuth,
  type FakePayChannel,
  type FakePush,
  type FakeRealName,
  type FakeSms,
  type FakeSmtp,
  type FakeUnionPayChannel,
  type FakeWechatMp,
} from '../../fakes/index.js';
import { generateSm2KeyPair } from '../../src/kernel/crypto/index.js';
import { createTestCache, createTestDatabase, newCachePrefix, REDIS_URL } from './db.js';

export interface TestServer {
  url: string;
  platform: Platform;
  fakes: {
    realName: FakeRealName;
    sms: FakeSms;
    /** the OAuth login providers */
    wechat: FakeOAuth;
    alipay: FakeOAuth;
    finance: FakeFinance;
    /** the WeChat-Pay-style payment channel (the same as `paychannels.wechat`) */
    paychannel: FakePayChannel;
    /** the payment channel of each style, by the order's `payChannel` */
    paychannels: { wechat: FakePayChannel; alipay: FakeAlipayChannel; unionpay: FakeUnionPayChannel };
    /** the message center's providers: 公众号 template messages, app push, and the mail server */
    wechatMp: FakeWechatMp;
    push: FakePush;
    smtp: FakeSmtp;
  };
  /** the fake SMS gateway's base URL; its test endpoint /v1/sms/inbox?phone= lists received texts */
  smsInboxUrl: string;
  realNameUrl: string;
  /** the database URL when on PostgreSQL, so a test can start a second server on the same data */
  databaseUrl?: string;
  /** the Redis key prefix, so a second node can share this one's cache through its own connection */
  cachePrefix: string;
  api: ApiClient;
  close(): Promise<void>;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export type ApiClient = <T = any>(
  method: string,
  path: string,
  options?: { body?: unknown; token?: string; headers?: Record<string, string>; raw?: string },
) => Promise<ApiResponse<T>>;

export function apiClient(baseUrl: string): ApiClient {
  return async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    } else if (options.raw !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: response.status, headers: response.headers, body: parsed as any };
  };
}

/**
 * The whole platform on a random loopback port with its own database, its own cache namespace and
 * its own fake providers, so test files run in parallel and leave nothing behind.
 */
export async function startTestServer(options: { env?: Record<string, string>; seed?: boolean; logStream?: { write(line: string): unknown } } = {}): Promise<TestServer> {
  const secret = () => randomBytes(16).toString('hex');
  const creds = { realName: secret(), sms: secret(), oauth: secret(), finance: secret(), paychannel: secret(), wechatMp: secret(), push: secret() };
  // The platform's own keys of the Alipay-style (RSA) and UnionPay-style (SM2) channels; each fake has its own pair.
  const alipayApp = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const unionpayApp = generateSm2KeyPair();
  const ids = { alipayAppId: '2021000000000001', unionpayMerId: '777290058110048' };
  const [realName, sms, wechat, alipay, finance, paychannel, alipayPay, unionpayPay, wechatMp, push, smtp] = await Promise.all([
    startFakeRealName({ appId: 'yibao', secret: creds.realName }),
    startFakeSms({ appId: 'yibao', secret: creds.sms }),
    startFakeOAuth({ provider: 'wechat', appId: 'yibao', secret: creds.oauth }),
    startFakeOAuth({ provider: 'alipay', appId: 'yibao', secret: creds.oauth }),
    startFakeFinance({ appId: 'yibao', secret: creds.finance }),
    startFakePayChannel({ appId: 'yibao', secret: creds.paychannel }),
    startFakeAlipayChannel({ appId: ids.alipayAppId, platformPublicKey: alipayApp.publicKey }),
    startFakeUnionPayChannel({ merId: ids.unionpayMerId, platformPublicKey: unionpayApp.publicKey }),
    startFakeWechatMp({ appId: 'yibao', secret: creds.wechatMp }),
    startFakePush({ appId: 'yibao', secret: creds.push }),
    startFakeSmtp(),
  ]);
  const testDb = await createTestDatabase();
  // Files the platform writes (audit checkpoints) stay with this server and go with it.
  const dataDir = await mkdtemp(path.join(tmpdir(), 'yibao-test-'));
  const cachePrefix = newCachePrefix();
  const cache = await createTestCache(cachePrefix);
  const config = loadConfig({
    NODE_ENV: 'test',
    FIELD_ENCRYPTION_KEY: randomKey(),
    BLIND_INDEX_KEY: randomKey(),
    TOKEN_SIGNING_KEY: randomKey(),
    REALNAME_SECRET: creds.realName,
    SMS_SECRET: creds.sms,
    OAUTH_SECRET: creds.oauth,
    FINANCE_SECRET: creds.finance,
    WECHAT_MP_SECRET: creds.wechatMp,
    PUSH_SECRET: creds.push,
    PAYCHANNEL_URL: paychannel.url,
    PAYCHANNEL_SECRET: creds.paychannel,
    PAYCHANNEL_ALIPAY_URL: alipayPay.url,
    PAYCHANNEL_ALIPAY_APP_ID: ids.alipayAppId,
    PAYCHANNEL_ALIPAY_PRIVATE_KEY: alipayApp.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    PAYCHANNEL_ALIPAY_PUBLIC_KEY: alipayPay.publicKey,
    PAYCHANNEL_UNIONPAY_URL: unionpayPay.url,
    PAYCHANNEL_UNIONPAY_MER_ID: ids.unionpayMerId,
    PAYCHANNEL_UNIONPAY_PRIVATE_KEY: unionpayApp.privateKey.padStart(64, '0'),
    PAYCHANNEL_UNIONPAY_PUBLIC_KEY: unionpayPay.publicKey,
    BILL_SIGNING_KEY: generateSm2KeyPair().privateKey.padStart(64, '0'),
    SETTLEMENT_TOKEN_KEY: randomKey(),
    VOUCHER_PIN_KEY: randomKey(),
    BILL_VERIFY_PER_IP_PER_MINUTE: '100000',
    SEED_DEMO: options.seed === false ? 'false' : 'true',
    // accounts, orgs and policy only: the demo's insured person and unit would sit in every test's 南阳
    SEED_DEMO_INSURED: 'false',
    START_FAKES: 'false',
    LOGIN_PER_IP_PER_MINUTE: '100000',
    SMS_PER_IP_PER_HOUR: '100000',
    OTP_RESEND_SEC: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    DATA_DIR: dataDir,
    ...options.env,
  });
  const platform = await createPlatform(config, {
    database: testDb.database,
    cache,
    providerUrls: {
      realName: realName.url,
      sms: sms.url,
      wechat: wechat.url,
      alipay: alipay.url,
      finance: finance.url,
      smtp: smtp.smtpUrl,
      wechatMp: wechatMp.url,
      push: push.url,
      mailInbox: smtp.inboxUrl,
    },
    logStream: options.logStream,
  });
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    platform,
    fakes: { realName, sms, wechat, alipay, finance, paychannel, paychannels: { wechat: paychannel, alipay: alipayPay, unionpay: unionpayPay }, wechatMp, push, smtp },
    smsInboxUrl: sms.url,
    realNameUrl: realName.url,
    databaseUrl: testDb.url,
    cachePrefix,
    api: apiClient(`${address}/api/v1`),
    close: async () => {
      await platform.close();
      await cache.close();
      await testDb.drop();
      await rm(dataDir, { recursive: true, force: true });
      await Promise.all([realName.close(), sms.close(), wechat.close(), alipay.close(), finance.close(), paychannel.close(), alipayPay.close(), unionpayPay.close(), wechatMp.close(), push.close(), smtp.close()]);
    },
  };
}

/**
 * A second platform process sharing the server's PostgreSQL database and Redis namespace (two nodes
 * of one platform), for tests and benches of what holds across nodes. PostgreSQL only.
 */
export async function startSecondNode(server: TestServer): Promise<{ url: string; stop: () => Promise<void> }> {
  if (!server.databaseUrl) throw new Error('a second node needs the server on PostgreSQL');
  const { ctx } = server.platform;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./second-node.ts', import.meta.url))], {
    env: { ...process.env, SECOND_NODE: JSON.stringify({ config: { ...ctx.config, databaseUrl: server.databaseUrl }, redisUrl: REDIS_URL, cachePrefix: server.cachePrefix, providerUrls: ctx.providerUrls }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /LISTENING (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (status) => reject(new Error(`second node exited with ${status}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    },
  };
}
