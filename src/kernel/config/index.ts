import { isIP } from 'node:net';
import { createPrivateKey, createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { normalizeSm2PublicKey, sm2PublicKeyFromPrivateKey } from '../crypto/sm2.js';

/**
 * Typed configuration read once from the environment. Every variable has a safe development
 * default; production (NODE_ENV=production) refuses to start on the development keys.
 */
export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  dataDir: string;
  /** unset: embedded PGlite under dataDir */
  databaseUrl?: string;
  /** unset: in-process cache */
  redisUrl?: string;
  /** null: every center */
  centers: string[] | null;
  logLevel: string;
  keys: {
    /** SM4 master key for personal-data fields (hex, 32 bytes) */
    fieldEncryption: string;
    /** HMAC-SM3 key of the blind index used for exact lookups of encrypted fields */
    blindIndex: string;
    /** HMAC-SM3 key that signs access tokens */
    token: string;
    /** SM2 private key (hex, 32 bytes) that signs e-bills (电子票据签名); its public key is published */
    billSigning: string;
    /** HMAC-SM3 key of the dynamic e-voucher QR codes (电子凭证二维码); the platform is their only verifier */
    voucherCode: string;
    /** HMAC-SM3 key of the settlement tokens a code's verification gives (结算授权令牌) */
    settlementToken: string;
    /** HMAC-SM3 key of the voucher PINs (电子凭证密码), held outside the database; previous keys still verify (and are replaced on the next right PIN) */
    voucherPin: string;
    voucherPinPrevious: string[];
    /** SM2 private key (hex) that signs the audit chain's checkpoints (审计链锚点) */
    auditSigning: string;
  };
  http: {
    /** 可信代理 addresses or CIDRs whose X-Forwarded-For is believed; empty: the socket's address is the client's */
    trustedProxies: string[];
  };
  uploads: {
    /** the most an uploaded archive (.xlsx) may inflate to, bytes (XLSX_MAX_INFLATED_MB) */
    xlsxMaxInflatedBytes: number;
    /** the most entries an uploaded archive may hold */
    xlsxMaxEntries: number;
  };
  audit: {
    /** how often the chain's head is signed into the checkpoint file under dataDir */
    checkpointIntervalSec: number;
  };
  auth: {
    accessTokenTtlSec: number;
    refreshTokenTtlSec: number;
    /** 会话空闲超时 idle session timeout */
    idleTimeoutSec: number;
    maxFailedLogins: number;
    lockoutSec: number;
    passwordMaxAgeDays: number;
    otpTtlSec: number;
    /** minimum seconds between two codes to one phone */
    otpResendSec: number;
    /** 频率限制 per client IP: login attempts a minute, SMS sends an hour */
    loginPerIpPerMinute: number;
    smsPerIpPerHour: number;
  };
  providers: {
    realNameUrl?: string;
    realNameAppId: string;
    realNameSecret: string;
    smsUrl?: string;
    smsAppId: string;
    smsSecret: string;
    wechatUrl?: string;
    alipayUrl?: string;
    oauthAppId: string;
    oauthSecret: string;
    /** 财政票据赋码 the finance bureau's bill numbering service */
    financeUrl?: string;
    financeAppId: string;
    financeSecret: string;
    /** 支付渠道 the payment channel (WeChat-Pay style) of the cash part; its merchant id and key */
    paychannelUrl?: string;
    paychannelAppId: string;
    paychannelSecret: string;
    /**
     * 支付宝 the Alipay-style channel: gateway, app id, the platform's RSA application private key
     * (PEM) that signs requests, and the channel's public key (PEM) that verifies its answers and
     * notifications. Offered to orders only with a URL; '' keys in production when it has none.
     */
    paychannelAlipayUrl?: string;
    paychannelAlipayAppId: string;
    paychannelAlipayPrivateKey: string;
    paychannelAlipayPublicKey?: string;
    /** 银联 the UnionPay-style channel: gateway, merchant id (merId), the platform's SM2 private key (hex) and the channel's SM2 public key (hex 04…) */
    paychannelUnionpayUrl?: string;
    paychannelUnionpayMerId: string;
    paychannelUnionpayPrivateKey: string;
    paychannelUnionpayPublicKey?: string;
    /** 邮件 the SMTP server the message center sends mail through (smtp:// or smtps://, credentials in the URL) */
    smtpUrl?: string;
    /** the From of the platform's mail */
    mailFrom: string;
    /** 公众号 the WeChat official account's template-message API */
    wechatMpUrl?: string;
    wechatMpAppId: string;
    wechatMpSecret: string;
    /** 推送 the app push service */
    pushUrl?: string;
    pushAppId: string;
    pushSecret: string;
  };
  bill: {
    /** 票据查验 public verifications a minute per client IP */
    verifyPerIpPerMinute: number;
    /** the public verification page the QR code on a bill points to */
    verifyUrl: string;
  };
  /** 电子凭证 e-voucher */
  /** 消息中心 message sending */
  message: {
    /** 逐级补发 how long an unread in-site message waits before the next channel (WeChat, then SMS) */
    fallbackAfterSec: number;
    /** 免打扰 quiet hours in Beijing time: non-urgent SMS, WeChat and push wait until they end */
    quietHours: { startHour: number; endHour: number };
    /** non-urgent messages one account may get an hour over SMS, WeChat and push together; more wait */
    perRecipientPerHour: number;
    /** the first retry's delay; each next one doubles it */
    retryBaseMs: number;
    /** attempts before a message is given up */
    maxAttempts: number;
    /** how often each node looks for due messages */
    workerIntervalMs: number;
  };
  voucher: {
    /** lifetime of a dynamic QR code */
    codeTtlSec: number;
    /** codes one voucher may generate a minute before the risk rule refuses */
    codesPerMinute: number;
    /** wrong voucher passwords before the lockout */
    maxPasswordFailures: number;
    passwordLockoutSec: number;
    /** how recent the liveness check must be for a password reset */
    resetLivenessMaxAgeSec: number;
    /** lifetime of a scan-to-login QR */
    loginTtlSec: number;
    /** lifetime of the settlement token a verified code gives its channel (pre-settle, then settle once) */
    settlementTokenTtlSec: number;
  };
  /** 移动支付 mobile hybrid payment */
  payment: {
    /** an order not paid this long after its creation is closed (with compensation) */
    orderTimeoutSec: number;
    /** how often the background job closes timed-out orders and re-syncs paying ones with the channel */
    syncIntervalSec: number;
    /** whether institutions may register webhooks on loopback / private addresses (development and tests only) */
    webhookPrivateHosts: boolean;
    /** the platform's public base URL the channel sends its callbacks to; unset: the listening address */
    notifyBaseUrl?: string;
  };
  /** seed demo data on an empty database */
  seedDemo: boolean;
  /** with the demo data, the insured person and unit of the long-term-care example (enrolled, billed) */
  seedDemoInsured: boolean;
  /** start local fake providers when their URLs are unset (development only) */
  startFakes: boolean;
}

export class ConfigError extends Error {}

const DEV_KEYS = {
  fieldEncryption: '5f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
  blindIndex: '0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
  token: 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00',
  billSigning: '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8',
  voucherCode: '7a6b5c4d3e2f10ff7a6b5c4d3e2f10ff7a6b5c4d3e2f10ff7a6b5c4d3e2f10ff',
  settlementToken: '5e77e7e05e77e7e05e77e7e05e77e7e05e77e7e05e77e7e05e77e7e05e77e7e0',
  voucherPin: '9147c0de9147c0de9147c0de9147c0de9147c0de9147c0de9147c0de9147c0de',
  auditSigning: '2b7c1f0e9d8a4c3b6a5f4e3d2c1b0a99887766554433221100ffeeddccbbaa01',
  /** the Alipay-style channel's application private key (RSA 2048, PKCS#8 DER in base64) */
  alipayAppPrivateKey:
    'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCfx92M/QYtsBbfiqVIceCvPSyK6ZJ0IWffwY0e1sSDLp1I+wTHQMm8lRhZt7B6D8+bKCi/IBS32j+W9GwSot+HJYPFGbSugb3NugMeZMerEtb61F6hrGz2zxKYKFvA+fAL3ZQE5O+CPM+PLsprEvJKygf2p/DvMLgHYmeEhj2mbc00hr6t9xPE8PxouRzdZ79PVUS0Qo6LLY3AYCi5c/NR49BhW2NgqPNGz4avr715nC6RJpVm1rG4E8pCCMftMDcfsfnrnfck07XB5lR54Jjbox/pFFpyTnFHeisvApncPE/RhfgIEX99dShrQxFtGE79Xh3qu5zXSf2yxCNQN9q7AgMBAAECggEAC/lvDaNixKbHOA6Mb371Tzy+61Qw4RolzjuTp2WCCbDDIdaKF6Kv272yuvqMs8EelmqujxBI7TRigp4jwUvKg7bYhrtz8oYPouzXUf5MhnIdgWPMCcLB0cdYBeY0ZiR1DHaZIrrDhlenWHwxuE+Nr/QvH5mbcVmN2SPTTTfARAolN94bMSThVryCaQ9CbDY0YX7Qn9hbAIaWx7AvHb78ECNWjrIyj1VjijwTXjoSVGt3QSxrBIzXZ7sM6Zni12WpXT3S4IhKJb7vshoiSsXRxf31JeOHIQiVexQqqeYxBfhsARRdfkYbSOOBIHXqybhwPJADCZk8U8RioYFHJ+hjrQKBgQDTp0sqkNnvSkZajqchqBFvtWDFXytsYlMrQLhep7/116Ixcbe1Ox5Lt9pDVxm5UMo5Q53GLSWyZptjB9asQfmfNGH5gmAXamSvY068P8nU0M0yLkdE1xwg9WAp8cRJMFCF1hfsM4ffmVeA6vEYYDO9JJD9/PChcXGs9A+MrYJR/QKBgQDBQjYg75S9FoVbYOcIgEhjryijyKWrqkTG7KVFhm0js/y7De90AJbiRKAQOV4jTZpwR1/8zuZLhIbVbr7rkisPi6hlMpUeJKe2Eps5APubhuAV0eiGqCn5MHmPFl4Wfo0cEzsKXRFFQAuDzJK/jU+ht9jLgrgKEff8NTX5bJqBFwKBgGbqUt9ovb/gMuN3uAbijU/vNxXh1+CE0wIWH1BPa0TkTEaUkAp8q5eP136lDKoSgbJkkYQ6kbj0sZvuxNDP58wlEXrcjVL1de3ecPuSXNaxjQVYgWkU2+Weytq6Z4JbDtx1JP7Cc9Ai5OyX0RHUPXQ8IpCN/IfT/L1nk2QJPnQVAoGARouX3K/3+IonBfM6gqTpR9IhoJ/WsfJGhuLNdbKbVmQWRmXQ2eR5L4FjeGioj3R9gqzbQhp4gGqRGYoCkVVa+KK/RqmPO2CgA9uI4+cS8XPriquEGNt77uWeCfhdQhLSCcSPUbolWsUFLwhXLSs1PVAyCB/gdHSYtGzsFe9p+uMCgYEAu40vpxxrUJQWx37JZmM7wGWpPXRdZgCyW+MsDqKfQYg0jzCIvtVWStkEEEwcgzBtTTAGt5kGrOCGaR6kwdznpTHc1xDhvclnGwtORmTTY4A/z2mr/rj3nOBOYsJ+2+14H4IP7L71nMpBrr3wTIITUX4P+YAgoRGQVCicHIa1SWE=',
  /** the UnionPay-style channel's SM2 signing key */
  unionpayPrivateKey: 'f50c15a05be1c21117e0677149fe0fd0532fedd473553f59483ade06453e991b',
} as const;

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer in [${min}, ${max}], got "${raw}"`);
  }
  return value;
}

/** A comma-separated list; empty entries dropped. */
const list = (raw: string | undefined) => (raw ?? '').split(',').map((item) => item.trim()).filter(Boolean);

const PROXY_PRESETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Proxy addresses as Fastify's proxy-addr takes them: an IP, a CIDR, or a preset name. */
function proxies(entries: string[]): string[] {
  for (const entry of entries) {
    const [address, prefix, ...rest] = entry.split('/');
    const version = isIP(address);
    const prefixValid = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 6 ? 128 : 32));
    if (!PROXY_PRESETS.has(entry) && (!version || !prefixValid || rest.length)) {
      throw new ConfigError(`TRUSTED_PROXIES: "${entry}" is not an IP address, a CIDR or one of ${[...PROXY_PRESETS].join(', ')}`);
    }
  }
  return entries;
}

function key(env: NodeJS.ProcessEnv, name: string, fallback: string, production: boolean, warnings: string[]): string {
  const raw = env[name];
  if (raw) {
    if (!/^[0-9a-fA-F]{64}$/.test(raw)) throw new ConfigError(`${name} must be 64 hex characters (32 bytes)`);
    return raw.toLowerCase();
  }
  if (production) throw new ConfigError(`${name} is required in production`);
  warnings.push(`${name} is not set: using the development key (never do this in production)`);
  return fallback;
}

/** A PEM key from the environment: PEM as it is (literal `\\n` allowed, one line in a .env file) or the bare base64 body the channels' key tools print. */
function pem(raw: string, kind: 'PRIVATE KEY' | 'PUBLIC KEY'): string {
  const text = raw.replace(/\\n/g, '\n').trim();
  if (text.startsWith('-----BEGIN')) return `${text}\n`;
  const body = text.replace(/\s+/g, '');
  return `-----BEGIN ${kind}-----\n${(body.match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${kind}-----\n`;
}

function rsaKey(name: string, raw: string, kind: 'PRIVATE KEY' | 'PUBLIC KEY'): string {
  const text = pem(raw, kind);
  let key: KeyObject;
  try {
    key = kind === 'PRIVATE KEY' ? createPrivateKey(text) : createPublicKey(text);
  } catch {
    throw new ConfigError(`${name} must be an RSA ${kind.toLowerCase()} (PEM, or its base64 body)`);
  }
  // RSA2 (SHA256withRSA) keys are 2048 bits or more.
  if (key.asymmetricKeyType !== 'rsa' || (key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) throw new ConfigError(`${name} must be an RSA key of at least 2048 bits`);
  return text;
}

function sm2PrivateKey(name: string, raw: string): string {
  try {
    sm2PublicKeyFromPrivateKey(raw);
  } catch {
    throw new ConfigError(`${name} must be an SM2 private key: 64 hex characters`);
  }
  return raw.toLowerCase();
}

function sm2PublicKey(name: string, raw: string): string {
  try {
    return normalizeSm2PublicKey(raw);
  } catch {
    throw new ConfigError(`${name} must be an SM2 public key: hex 04||x||y`);
  }
}

/** SMTP_URL as nodemailer takes it: smtp:// (STARTTLS when offered) or smtps:// (TLS from the start). */
function smtpUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('SMTP_URL must be a URL like smtp://user:pass@mail.example.cn:587');
  }
  if ((url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL with a host');
  return raw;
}

/**
 * One cash channel style's keys. With a URL its channel key is required (nothing it says could be
 * verified otherwise), and in production so is the platform's own key; without a URL the style is
 * not offered, and production holds no key for it rather than a development one.
 */
function channelKeys(
  env: NodeJS.ProcessEnv,
  names: { url: string; privateKey: string; publicKey: string },
  parse: { privateKey: (raw: string) => string; publicKey: (raw: string) => string; devPrivateKey: string },
  production: boolean,
  warnings: string[],
) {
  const url = env[names.url] || undefined;
  const rawPrivate = env[names.privateKey];
  const rawPublic = env[names.publicKey];
  if (url && !rawPublic) throw new ConfigError(`${names.publicKey} is required with ${names.url}`);
  let privateKey = '';
  if (rawPrivate) privateKey = parse.privateKey(rawPrivate);
  else if (production && url) throw new ConfigError(`${names.privateKey} is required in production`);
  else if (!production) {
    privateKey = parse.privateKey(parse.devPrivateKey);
    if (url) warnings.push(`${names.privateKey} is not set: using the development key (never do this in production)`);
  }
  return { url, privateKey, publicKey: rawPublic ? parse.publicKey(rawPublic) : undefined };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config & { warnings: string[] } {
  const warnings: string[] = [];
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const production = nodeEnv === 'production';
  const centers = env.CENTERS && env.CENTERS !== 'all' ? env.CENTERS.split(',').map((c) => c.trim()).filter(Boolean) : null;
  const secret = (name: string) => env[name] || (production ? '' : `dev-${name.toLowerCase()}`);
  const alipay = channelKeys(
    env,
    { url: 'PAYCHANNEL_ALIPAY_URL', privateKey: 'PAYCHANNEL_ALIPAY_PRIVATE_KEY', publicKey: 'PAYCHANNEL_ALIPAY_PUBLIC_KEY' },
    {
      privateKey: (raw) => rsaKey('PAYCHANNEL_ALIPAY_PRIVATE_KEY', raw, 'PRIVATE KEY'),
      publicKey: (raw) => rsaKey('PAYCHANNEL_ALIPAY_PUBLIC_KEY', raw, 'PUBLIC KEY'),
      devPrivateKey: DEV_KEYS.alipayAppPrivateKey,
    },
    production,
    warnings,
  );
  const unionpay = channelKeys(
    env,
    { url: 'PAYCHANNEL_UNIONPAY_URL', privateKey: 'PAYCHANNEL_UNIONPAY_PRIVATE_KEY', publicKey: 'PAYCHANNEL_UNIONPAY_PUBLIC_KEY' },
    {
      privateKey: (raw) => sm2PrivateKey('PAYCHANNEL_UNIONPAY_PRIVATE_KEY', raw),
      publicKey: (raw) => sm2PublicKey('PAYCHANNEL_UNIONPAY_PUBLIC_KEY', raw),
      devPrivateKey: DEV_KEYS.unionpayPrivateKey,
    },
    production,
    warnings,
  );
  return {
    env: nodeEnv,
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir: env.DATA_DIR || './data',
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    centers,
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    keys: {
      fieldEncryption: key(env, 'FIELD_ENCRYPTION_KEY', DEV_KEYS.fieldEncryption, production, warnings),
      blindIndex: key(env, 'BLIND_INDEX_KEY', DEV_KEYS.blindIndex, production, warnings),
      token: key(env, 'TOKEN_SIGNING_KEY', DEV_KEYS.token, production, warnings),
      billSigning: key(env, 'BILL_SIGNING_KEY', DEV_KEYS.billSigning, production, warnings),
      voucherCode: key(env, 'VOUCHER_CODE_KEY', DEV_KEYS.voucherCode, production, warnings),
      settlementToken: key(env, 'SETTLEMENT_TOKEN_KEY', DEV_KEYS.settlementToken, production, warnings),
      voucherPin: key(env, 'VOUCHER_PIN_KEY', DEV_KEYS.voucherPin, production, warnings),
      voucherPinPrevious: list(env.VOUCHER_PIN_PREVIOUS_KEYS).map((previous) => {
        if (!/^[0-9a-fA-F]{64}$/.test(previous)) throw new ConfigError('VOUCHER_PIN_PREVIOUS_KEYS must be 64-hex keys, comma-separated');
        return previous.toLowerCase();
      }),
      auditSigning: sm2PrivateKey('AUDIT_SIGNING_KEY', key(env, 'AUDIT_SIGNING_KEY', DEV_KEYS.auditSigning, production, warnings)),
    },
    http: { trustedProxies: proxies(list(env.TRUSTED_PROXIES)) },
    uploads: {
      xlsxMaxInflatedBytes: int(env, 'XLSX_MAX_INFLATED_MB', 100, 1, 4096) * 1024 * 1024,
      xlsxMaxEntries: int(env, 'XLSX_MAX_ENTRIES', 2000, 10, 1_000_000),
    },
    audit: { checkpointIntervalSec: int(env, 'AUDIT_CHECKPOINT_INTERVAL_SEC', 60, 1, 86_400) },
    auth: {
      accessTokenTtlSec: int(env, 'ACCESS_TOKEN_TTL_SEC', 900, 30),
      refreshTokenTtlSec: int(env, 'REFRESH_TOKEN_TTL_SEC', 7 * 86400, 60),
      idleTimeoutSec: int(env, 'IDLE_TIMEOUT_SEC', 1800, 1),
      maxFailedLogins: int(env, 'MAX_FAILED_LOGINS', 5, 1, 100),
      lockoutSec: int(env, 'LOCKOUT_SEC', 900, 1),
      passwordMaxAgeDays: int(env, 'PASSWORD_MAX_AGE_DAYS', 90, 1),
      otpTtlSec: int(env, 'OTP_TTL_SEC', 300, 30),
      otpResendSec: int(env, 'OTP_RESEND_SEC', 60, 0),
      loginPerIpPerMinute: int(env, 'LOGIN_PER_IP_PER_MINUTE', 30, 1),
      smsPerIpPerHour: int(env, 'SMS_PER_IP_PER_HOUR', 20, 1),
    },
    providers: {
      realNameUrl: env.REALNAME_URL || undefined,
      realNameAppId: env.REALNAME_APP_ID || 'yibao',
      realNameSecret: secret('REALNAME_SECRET'),
      smsUrl: env.SMS_URL || undefined,
      smsAppId: env.SMS_APP_ID || 'yibao',
      smsSecret: secret('SMS_SECRET'),
      wechatUrl: env.WECHAT_OAUTH_URL || undefined,
      alipayUrl: env.ALIPAY_OAUTH_URL || undefined,
      oauthAppId: env.OAUTH_APP_ID || 'yibao',
      oauthSecret: secret('OAUTH_SECRET'),
      financeUrl: env.FINANCE_URL || undefined,
      financeAppId: env.FINANCE_APP_ID || 'yibao',
      financeSecret: secret('FINANCE_SECRET'),
      paychannelUrl: env.PAYCHANNEL_URL || undefined,
      paychannelAppId: env.PAYCHANNEL_APP_ID || 'yibao',
      paychannelSecret: secret('PAYCHANNEL_SECRET'),
      paychannelAlipayUrl: alipay.url,
      paychannelAlipayAppId: env.PAYCHANNEL_ALIPAY_APP_ID || '2021000000000001',
      paychannelAlipayPrivateKey: alipay.privateKey,
      paychannelAlipayPublicKey: alipay.publicKey,
      paychannelUnionpayUrl: unionpay.url,
      paychannelUnionpayMerId: env.PAYCHANNEL_UNIONPAY_MER_ID || '777290058110048',
      paychannelUnionpayPrivateKey: unionpay.privateKey,
      paychannelUnionpayPublicKey: unionpay.publicKey,
      smtpUrl: smtpUrl(env.SMTP_URL),
      mailFrom: env.MAIL_FROM || 'Yibao 医保 <noreply@yibao.local>',
      wechatMpUrl: env.WECHAT_MP_URL || undefined,
      wechatMpAppId: env.WECHAT_MP_APP_ID || 'yibao',
      wechatMpSecret: secret('WECHAT_MP_SECRET'),
      pushUrl: env.PUSH_URL || undefined,
      pushAppId: env.PUSH_APP_ID || 'yibao',
      pushSecret: secret('PUSH_SECRET'),
    },
    bill: {
      verifyPerIpPerMinute: int(env, 'BILL_VERIFY_PER_IP_PER_MINUTE', 60, 1),
      verifyUrl: env.BILL_VERIFY_URL || `http://${env.HOST || '127.0.0.1'}:${env.PORT || 3000}/#/bill/verify`,
    },
    message: {
      fallbackAfterSec: int(env, 'MESSAGE_FALLBACK_AFTER_SEC', 1800, 1, 7 * 86_400),
      quietHours: { startHour: int(env, 'MESSAGE_QUIET_START_HOUR', 22, 0, 23), endHour: int(env, 'MESSAGE_QUIET_END_HOUR', 8, 0, 23) },
      perRecipientPerHour: int(env, 'MESSAGE_PER_RECIPIENT_PER_HOUR', 10, 1),
      retryBaseMs: int(env, 'MESSAGE_RETRY_BASE_MS', 5000, 1),
      maxAttempts: int(env, 'MESSAGE_MAX_ATTEMPTS', 5, 1, 50),
      workerIntervalMs: int(env, 'MESSAGE_WORKER_INTERVAL_MS', 1000, 10, 60_000),
    },
    voucher: {
      codeTtlSec: int(env, 'VOUCHER_CODE_TTL_SEC', 60, 5, 3600),
      codesPerMinute: int(env, 'VOUCHER_CODES_PER_MINUTE', 10, 1),
      maxPasswordFailures: int(env, 'VOUCHER_MAX_PASSWORD_FAILURES', 5, 1, 100),
      passwordLockoutSec: int(env, 'VOUCHER_PASSWORD_LOCKOUT_SEC', 1800, 1),
      resetLivenessMaxAgeSec: int(env, 'VOUCHER_RESET_LIVENESS_MAX_AGE_SEC', 600, 1),
      loginTtlSec: int(env, 'VOUCHER_LOGIN_TTL_SEC', 120, 10, 3600),
      settlementTokenTtlSec: int(env, 'SETTLEMENT_TOKEN_TTL_SEC', 1800, 10, 86_400),
    },
    payment: {
      orderTimeoutSec: int(env, 'PAYMENT_ORDER_TIMEOUT_SEC', 900, 1, 86_400),
      syncIntervalSec: int(env, 'PAYMENT_SYNC_INTERVAL_SEC', 30, 1, 3600),
      notifyBaseUrl: env.PAYMENT_NOTIFY_BASE_URL || undefined,
      webhookPrivateHosts: env.PAYMENT_WEBHOOK_PRIVATE_HOSTS ? env.PAYMENT_WEBHOOK_PRIVATE_HOSTS === 'true' : !production,
    },
    seedDemo: env.SEED_DEMO ? env.SEED_DEMO !== 'false' : !production,
    seedDemoInsured: env.SEED_DEMO_INSURED !== 'false',
    startFakes: env.START_FAKES ? env.START_FAKES !== 'false' : nodeEnv === 'development',
    warnings,
  };
}

/** A random 32-byte hex key, for tests that must not share keys. */
export function randomKey(): string {
  return randomBytes(32).toString('hex');
}
