/**
 * 微信登录 / 支付宝登录 / 数字证书登录 on the login page, on a 390 px phone: WeChat's authorization
 * page (the fake provider's) and back into the hall as the person the open id is bound to; an open
 * id bound to nobody and a refused authorization explained plainly; a code arriving without this
 * browser's state refused; a unit agent logs in by signing the platform's nonce in the page with the
 * unit's SM2 key read from a PEM file.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSm2KeyPair } from '../../src/kernel/crypto/index.js';
import { logInApi, must, personAccount } from './api.js';
import { browserSession, logOut, newPerson, newUnit, settle, smsCode, step } from './support.js';

describe('other ways to log in, on a phone', () => {
  const person = newPerson();
  const openId = `o_e2e_${Date.now()}`;
  let personId = '';
  const session = browserSession(async ({ target, page }) => {
    await personAccount(target, person);
    const token = await logInApi(target, person.idNumber, person.password);
    await must(target, 'POST', '/auth/bindings', 201, { token, body: { provider: 'wechat', code: target.issueOAuthCode!('wechat', openId) } });
    personId = (await must<{ id: string }>(target, 'GET', '/user/me', 200, { token })).id;
    await page.setViewportSize({ width: 390, height: 844 });
  });
  const overflow = () => session.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it('微信登录: consent on WeChat’s page and back in the hall as the bound person', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('other-logins-wechat');
    await page.goto(`${target.url}/#/login`);
    await page.getByTestId('login-wechat').waitFor();
    await settle(page);
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await page.getByTestId('login-other').textContent()).toBe('微信登录支付宝登录数字证书登录');
    await step(page, 'other-logins-1-buttons-zh');

    let verifier = '';
    await page.route('**/api/v1/auth/oauth/wechat/authorize', async (route) => {
      const answer = await route.fetch();
      verifier = ((await answer.json()) as { verifier: string }).verifier;
      await route.fulfill({ response: answer });
    });
    await page.getByTestId('login-wechat').click();
    await page.getByTestId('oauth-openid').waitFor();
    await page.unrouteAll();
    expect(verifier).not.toBe('');
    const authorize = new URL(page.url());
    expect(authorize.origin).not.toBe(new URL(target.url).origin);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${target.url}/api/v1/auth/oauth/wechat/callback`);
    const state = authorize.searchParams.get('state');
    expect(state).toMatch(/^[0-9a-f]{32}$/);
    // the verifier stays in this browser: never in the provider's address
    expect(page.url()).not.toContain(verifier);
    await page.getByTestId('oauth-openid').fill(openId);
    await step(page, 'other-logins-2-wechat-consent');
    await page.getByTestId('oauth-allow').click();

    // logged in, on the account's home page
    await page.getByTestId('home-page').waitFor();
    expect(page.url().startsWith(`${target.url}/#/home`)).toBe(true);
    const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('yibao.tokens') ?? '{}').accessToken as string);
    const me = await must<{ id: string }>(target, 'GET', '/user/me', 200, { token });
    expect(me.id).toBe(personId);
    expect(await page.evaluate(() => sessionStorage.getItem('yibao.oauth'))).toBeNull();
    await step(page, 'other-logins-3-wechat-in');
    await logOut(page);
  });

  it('an open id bound to nobody, a refusal and a code without this browser’s state are explained, and nobody is logged in', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('other-logins-refused');
    await page.goto(`${target.url}/#/login`);
    await page.getByTestId('login-alipay').click();
    await page.getByTestId('oauth-openid').fill(`o_nobody_${Date.now()}`);
    await page.getByTestId('oauth-allow').click();
    const unbound = page.getByTestId('login-oauth-unbound');
    await unbound.waitFor();
    expect(await unbound.textContent()).toContain('该支付宝账号尚未绑定医保账号');
    expect(await unbound.textContent()).toContain('请先用密码或短信验证码登录');
    expect(page.url()).toBe(`${target.url}/#/login`); // the code is gone from the address
    await settle(page);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await step(page, 'other-logins-4-unbound');

    await page.getByTestId('login-wechat').click();
    await page.getByTestId('oauth-deny').click();
    await expect.poll(() => page.getByTestId('login-oauth-denied').textContent()).toContain('您已取消微信授权');

    // a code someone else's authorization produced, sent to this browser: refused before it is used
    const code = target.issueOAuthCode!('wechat', openId);
    await page.goto(`${target.url}/api/v1/auth/oauth/wechat/callback?code=${code}&state=${'0'.repeat(32)}`);
    await page.getByTestId('login-oauth-state').waitFor();
    expect(page.url()).toBe(`${target.url}/#/login`);
    await page.goto(`${target.url}/#/login?oauth=wechat&code=${code}&state=${'0'.repeat(32)}`);
    await page.getByTestId('login-oauth-state').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('yibao.tokens'))).toBeNull();
    await must(target, 'POST', '/auth/login/third-party', 200, { body: { provider: 'wechat', code } }); // never exchanged by the page

    await page.getByTestId('lang-switch').getByText('English').click();
    await expect.poll(() => page.getByTestId('login-other').textContent()).toBe('WeChatAlipayCertificate');
    expect(await page.getByTestId('login-oauth-state').textContent()).toContain('not started in this browser');
    await step(page, 'other-logins-5-en');
    await page.getByTestId('lang-switch').getByText('中文').click();
    await page.setViewportSize({ width: 1280, height: 800 });
    await settle(page);
    await step(page, 'other-logins-7-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
  });

  it('数字证书登录: the unit agent signs the nonce in the page with the key from a PEM file', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('other-logins-cert');
    const unit = newUnit();
    const agent = newPerson();
    const since = Date.now() - 1000;
    await must(target, 'POST', '/auth/sms/send', 202, { body: { phone: agent.phone, purpose: 'register' } });
    const code = await smsCode(target.smsInboxUrl, agent.phone, since);
    const registered = await must<{ account: { id: string } }>(target, 'POST', '/user/units/register', 201, {
      body: { unitName: unit.name, creditCode: unit.creditCode, agent: { name: agent.name, idNumber: agent.idNumber, phone: agent.phone, password: agent.password }, smsCode: code },
    });
    const keys = generateSm2KeyPair();
    const token = await logInApi(target, agent.phone, agent.password, 'unit_agent');
    await must(target, 'POST', '/auth/certificates', 201, { token, body: { publicKey: keys.publicKey } });
    const dir = mkdtempSync(path.join(tmpdir(), 'yibao-cert-'));
    const pemFile = path.join(dir, 'unit.pem');
    writeFileSync(pemFile, sec1Pem(keys.privateKey, keys.publicKey));

    await page.goto(`${target.url}/#/login`);
    await page.getByTestId('login-cert').click();
    await page.getByTestId('cert-credit-code').fill(unit.creditCode);
    // a key of another unit: the signature does not verify
    await page.getByTestId('cert-key').fill(generateSm2KeyPair().privateKey);
    await page.getByTestId('cert-submit').click();
    await expect.poll(() => page.getByTestId('cert-login-error').textContent()).toContain('证书签名验证失败');
    await page.getByTestId('cert-key').fill('not a key');
    await page.getByTestId('cert-submit').click();
    await page.getByText('无法识别的私钥').waitFor();

    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${r.url()} ${r.postData() ?? ''}`));
    await page.locator('input[type=file]').setInputFiles(pemFile);
    await expect.poll(() => page.getByTestId('cert-key').inputValue()).toContain('BEGIN EC PRIVATE KEY');
    await page.getByText('无法识别的私钥').waitFor({ state: 'detached' }); // the key read from the file is good
    await settle(page);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await step(page, 'other-logins-6-cert');
    await page.getByTestId('cert-submit').click();
    await page.getByTestId('home-page').waitFor();
    const agentToken = await page.evaluate(() => JSON.parse(sessionStorage.getItem('yibao.tokens') ?? '{}').accessToken as string);
    const me = await must<{ id: string; kind: string }>(target, 'GET', '/user/me', 200, { token: agentToken });
    expect(me.id).toBe(registered.account.id);
    expect(me.kind).toBe('unit_agent');
    // the private key never left the page
    expect(requests.some((r) => r.includes(keys.privateKey))).toBe(false);
    await logOut(page);
  });
});

/** The SEC1 "EC PRIVATE KEY" PEM of an SM2 key (curve OID 1.2.156.10197.1.301), as `openssl ec` writes it. */
function sec1Pem(privateKey: string, publicKey: string): string {
  const der = Buffer.from(`30770201010420${privateKey}a00a06082a811ccf5501822da144034200${publicKey}`, 'hex');
  const body = der.toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN EC PRIVATE KEY-----\n${body}\n-----END EC PRIVATE KEY-----\n`;
}
