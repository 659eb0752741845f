import { describe, expect, it } from 'vitest';
import { generateSm2KeyPair } from '../crypto/index.js';
import { ConfigError, loadConfig, randomKey } from './index.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  FIELD_ENCRYPTION_KEY: randomKey(),
  BLIND_INDEX_KEY: randomKey(),
  TOKEN_SIGNING_KEY: randomKey(),
  BILL_SIGNING_KEY: randomKey(),
  VOUCHER_CODE_KEY: randomKey(),
  SETTLEMENT_TOKEN_KEY: randomKey(),
  VOUCHER_PIN_KEY: randomKey(),
  AUDIT_SIGNING_KEY: generateSm2KeyPair().privateKey.padStart(64, '0'),
};

describe('the message providers’ settings', () => {
  it('development: no URLs (the fakes stand in), development secrets, the default sender', () => {
    const p = loadConfig({}).providers;
    expect(p).toMatchObject({ smtpUrl: undefined, wechatMpUrl: undefined, pushUrl: undefined, wechatMpAppId: 'yibao', pushAppId: 'yibao' });
    expect(p.mailFrom).toBe('Yibao 医保 <noreply@yibao.local>');
    expect(p.wechatMpSecret).toMatch(/^dev-/);
    expect(p.pushSecret).toMatch(/^dev-/);
  });

  it('takes the configured servers, ids, secrets and sender', () => {
    const p = loadConfig({
      SMTP_URL: 'smtps://yibao:pw@mail.example.cn:465',
      MAIL_FROM: '医保服务 <service@ybj.example.cn>',
      WECHAT_MP_URL: 'https://mp.example.cn',
      WECHAT_MP_APP_ID: 'wx123',
      WECHAT_MP_SECRET: 'mp-secret',
      PUSH_URL: 'https://push.example.cn',
      PUSH_APP_ID: 'push-app',
      PUSH_SECRET: 'push-secret',
    }).providers;
    expect(p).toMatchObject({
      smtpUrl: 'smtps://yibao:pw@mail.example.cn:465',
      mailFrom: '医保服务 <service@ybj.example.cn>',
      wechatMpUrl: 'https://mp.example.cn',
      wechatMpAppId: 'wx123',
      wechatMpSecret: 'mp-secret',
      pushUrl: 'https://push.example.cn',
      pushAppId: 'push-app',
      pushSecret: 'push-secret',
    });
  });

  it.each(['http://mail.example.cn', 'mail.example.cn:25', 'smtp://'])('refuses SMTP_URL %s at start', (raw) => {
    expect(() => loadConfig({ SMTP_URL: raw })).toThrow(ConfigError);
    expect(() => loadConfig({ SMTP_URL: raw })).toThrow('SMTP_URL');
  });

  it('production never uses the development secrets', () => {
    const p = loadConfig(PRODUCTION).providers;
    expect(p.wechatMpSecret).toBe('');
    expect(p.pushSecret).toBe('');
  });
});
