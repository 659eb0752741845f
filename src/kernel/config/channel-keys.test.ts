import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSm2KeyPair } from '../crypto/index.js';
import { ConfigError, loadConfig, randomKey } from './index.js';

const rsa = (bits = 2048) => {
  const pair = generateKeyPairSync('rsa', { modulusLength: bits });
  return { privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString() };
};
const sm2 = () => {
  const pair = generateSm2KeyPair();
  return { privateKey: pair.privateKey.padStart(64, '0'), publicKey: pair.publicKey };
};
const PRODUCTION = {
  NODE_ENV: 'production',
  FIELD_ENCRYPTION_KEY: randomKey(),
  BLIND_INDEX_KEY: randomKey(),
  TOKEN_SIGNING_KEY: randomKey(),
  BILL_SIGNING_KEY: randomKey(),
  VOUCHER_CODE_KEY: randomKey(),
  SETTLEMENT_TOKEN_KEY: randomKey(),
  VOUCHER_PIN_KEY: randomKey(),
  AUDIT_SIGNING_KEY: sm2().privateKey,
};

describe('the Alipay-style and UnionPay-style channel keys', () => {
  it('development: the platform’s keys default to development ones; a style without a URL is not configured', () => {
    const p = loadConfig({}).providers;
    expect(p.paychannelAlipayPrivateKey).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(p.paychannelUnionpayPrivateKey).toMatch(/^[0-9a-f]{64}$/);
    expect([p.paychannelAlipayUrl, p.paychannelAlipayPublicKey, p.paychannelUnionpayUrl, p.paychannelUnionpayPublicKey]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('a URL needs the channel’s public key, in any environment', () => {
    expect(() => loadConfig({ PAYCHANNEL_ALIPAY_URL: 'https://openapi.example.cn' })).toThrow(ConfigError);
    expect(() => loadConfig({ PAYCHANNEL_UNIONPAY_URL: 'https://gateway.example.cn' })).toThrow(/PAYCHANNEL_UNIONPAY_PUBLIC_KEY/);
  });

  it('production refuses the development keys: the platform’s own key is required with a URL, and absent without one', () => {
    const channel = { alipay: rsa(), unionpay: sm2() };
    expect(() => loadConfig({ ...PRODUCTION, PAYCHANNEL_ALIPAY_URL: 'https://openapi.example.cn', PAYCHANNEL_ALIPAY_PUBLIC_KEY: channel.alipay.publicKey })).toThrow(/PAYCHANNEL_ALIPAY_PRIVATE_KEY is required in production/);
    expect(() => loadConfig({ ...PRODUCTION, PAYCHANNEL_UNIONPAY_URL: 'https://gateway.example.cn', PAYCHANNEL_UNIONPAY_PUBLIC_KEY: channel.unionpay.publicKey })).toThrow(/PAYCHANNEL_UNIONPAY_PRIVATE_KEY is required in production/);
    const unconfigured = loadConfig(PRODUCTION).providers;
    expect([unconfigured.paychannelAlipayPrivateKey, unconfigured.paychannelUnionpayPrivateKey]).toEqual(['', '']);
    const own = { alipay: rsa(), unionpay: sm2() };
    const configured = loadConfig({
      ...PRODUCTION,
      PAYCHANNEL_ALIPAY_URL: 'https://openapi.example.cn',
      PAYCHANNEL_ALIPAY_PRIVATE_KEY: own.alipay.privateKey,
      PAYCHANNEL_ALIPAY_PUBLIC_KEY: channel.alipay.publicKey,
      PAYCHANNEL_UNIONPAY_URL: 'https://gateway.example.cn',
      PAYCHANNEL_UNIONPAY_PRIVATE_KEY: own.unionpay.privateKey,
      PAYCHANNEL_UNIONPAY_PUBLIC_KEY: channel.unionpay.publicKey,
    }).providers;
    expect(configured).toMatchObject({ paychannelAlipayPrivateKey: own.alipay.privateKey, paychannelUnionpayPrivateKey: own.unionpay.privateKey, paychannelUnionpayPublicKey: channel.unionpay.publicKey });
  });

  it('takes a PEM on one line (\\n escaped) or its bare base64 body, and refuses what is not a usable key', () => {
    const { publicKey } = rsa();
    const body = publicKey.replace(/-----[A-Z ]+-----|\s/g, '');
    const oneLine = publicKey.trim().replace(/\n/g, '\\n');
    const url = { PAYCHANNEL_ALIPAY_URL: 'https://openapi.example.cn' };
    expect(loadConfig({ ...url, PAYCHANNEL_ALIPAY_PUBLIC_KEY: body }).providers.paychannelAlipayPublicKey).toBe(publicKey);
    expect(loadConfig({ ...url, PAYCHANNEL_ALIPAY_PUBLIC_KEY: oneLine }).providers.paychannelAlipayPublicKey).toBe(publicKey);
    expect(() => loadConfig({ ...url, PAYCHANNEL_ALIPAY_PUBLIC_KEY: rsa(1024).publicKey })).toThrow(/at least 2048 bits/);
    expect(() => loadConfig({ ...url, PAYCHANNEL_ALIPAY_PUBLIC_KEY: 'not a key' })).toThrow(ConfigError);
    expect(() => loadConfig({ PAYCHANNEL_UNIONPAY_PRIVATE_KEY: 'ff'.repeat(32) })).toThrow(/SM2 private key/);
    expect(() => loadConfig({ PAYCHANNEL_UNIONPAY_URL: 'https://gateway.example.cn', PAYCHANNEL_UNIONPAY_PUBLIC_KEY: `04${'00'.repeat(64)}` })).toThrow(/SM2 public key/);
  });
});
