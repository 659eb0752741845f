/** A person registers with an SMS code, logs in and sees only masked personal data. */
import { describe, expect, it } from 'vitest';
import { browserSession, logOut, maskedIdPattern, newPerson, settle, smsCode, step, submitLogin, landOnProfile } from './support.js';

describe('person: register, log in, profile', () => {
  const session = browserSession();
  const person = newPerson();

  it('registers with the code from the SMS inbox, logs in, and shows the masked identity number', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('person-register-login');

    await page.goto(`${target.url}/#/register`);
    await page.getByTestId('person-name').fill(person.name);
    await page.getByTestId('person-id-number').fill(person.idNumber);
    await page.getByTestId('person-phone').fill(person.phone);
    const since = Date.now() - 1000;
    await page.getByTestId('person-sms-send').click();
    // the button counts down once the platform accepted the request
    await expect.poll(() => page.getByTestId('person-sms-send').textContent()).toMatch(/\d+/);
    const code = await smsCode(target.smsInboxUrl, person.phone, since);
    await page.getByTestId('person-sms-code').fill(code);
    await page.getByTestId('person-password').fill(person.password);
    await page.getByTestId('person-password-confirm').fill(person.password);
    await step(page, 'person-1-register-filled');
    await page.getByTestId('person-register-submit').click();

    // back on the login page, told that the registration worked
    await page.getByTestId('login-submit').waitFor();
    expect(page.url()).toContain('#/login');
    await step(page, 'person-2-registered');

    await submitLogin(page, person.idNumber, person.password);
    await landOnProfile(page);

    const shownId = page.getByTestId('profile-id-number');
    await shownId.waitFor();
    await step(page, 'person-3-profile');
    expect((await shownId.textContent())?.trim()).toMatch(maskedIdPattern(person.idNumber));
    expect((await page.getByTestId('profile-phone').textContent())?.trim()).toMatch(new RegExp(`^${person.phone.slice(0, 3)}\\*{4}${person.phone.slice(-4)}$`));
    expect(await page.getByTestId('auth-level').textContent()).toContain('L1');
    // the full number appears nowhere on the page
    const html = await page.content();
    expect(html).not.toContain(person.idNumber);
    expect(html).not.toContain(person.phone);

    // an access token the server no longer accepts is renewed once with the refresh token
    const before = await page.evaluate(() => JSON.parse(sessionStorage.getItem('yibao.tokens') ?? '{}'));
    await page.evaluate(() => {
      const tokens = JSON.parse(sessionStorage.getItem('yibao.tokens') ?? '{}');
      sessionStorage.setItem('yibao.tokens', JSON.stringify({ ...tokens, accessToken: 'not-a-valid-token' }));
    });
    await page.reload();
    await page.getByTestId('profile-id-number').waitFor();
    const after = await page.evaluate(() => JSON.parse(sessionStorage.getItem('yibao.tokens') ?? '{}'));
    expect(after.accessToken).not.toBe('not-a-valid-token');
    expect(after.refreshToken).not.toBe(before.refreshToken); // rotated

    // the login is in the history
    await page.getByTestId('menu-history').click();
    const table = page.getByTestId('history-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await step(page, 'person-4-history');
    expect(await table.textContent()).toMatch(/成功/);
  });

  it('raises the assurance level with real-name (L2) and liveness (L3) verification', async () => {
    const { page, target, browser } = session;
    session.screenshotOnFailure('person-verify');
    target.addRealPerson({ name: person.name, idNumber: person.idNumber });
    await page.getByTestId('menu-profile').click();
    await page.getByTestId('realname-name').fill(person.name);
    await page.getByTestId('realname-id-number').fill(person.idNumber);
    await page.getByTestId('realname-submit').click();
    await expect.poll(() => page.getByTestId('auth-level').textContent()).toContain('L2');
    await step(page, 'person-5-realname-done');

    // the provider's page opens in a new tab; the person passes the face check there
    const opened = browser.context.waitForEvent('page');
    await page.getByTestId('liveness-start').click();
    const provider = await opened;
    await provider.getByTestId('liveness-pass').click();
    // the provider sends that tab back to the platform, which asks to return to the first tab
    await provider.waitForURL(/#\/liveness-done/);
    await provider.getByTestId('liveness-done-close').waitFor();
    await step(provider, 'person-6-liveness-returned');
    await provider.close();

    await page.getByTestId('liveness-confirm').click();
    await expect.poll(() => page.getByTestId('auth-level').textContent()).toContain('L3');
    await step(page, 'person-7-liveness-done');
  });

  it('lists a linked WeChat account on the profile and unlinks it', async (ctx) => {
    const { page, target } = session;
    if (!target.issueOAuthCode) ctx.skip(); // linking needs the test server's fake WeChat
    session.screenshotOnFailure('person-bindings');
    // Linking happens on WeChat's own page, which the web app cannot show: link through the API.
    const openId = `oE2e${Date.now().toString(36)}wx`;
    const { accessToken } = await page.evaluate(() => JSON.parse(sessionStorage.getItem('yibao.tokens') ?? '{}'));
    const bound = await fetch(`${target.url}/api/v1/auth/bindings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'wechat', code: target.issueOAuthCode!('wechat', openId) }),
    });
    expect(bound.status).toBe(201);

    await page.getByTestId('menu-profile').click();
    await page.getByTestId('tab-bindings').click();
    const table = page.getByTestId('bindings-table');
    const row = table.locator('tbody tr.ant-table-row', { hasText: '微信' });
    await row.waitFor();
    expect(await row.textContent()).toContain(`${openId.slice(0, 4)}****`);
    expect(await page.content()).not.toContain(openId);
    await step(page, 'person-7a-bindings');

    await page.getByTestId('binding-unbind-wechat').click();
    await settle(page);
    await page.getByTestId('binding-unbind-confirm-wechat').click();
    await row.waitFor({ state: 'detached' });
    await table.getByText('尚未绑定第三方账号').waitFor();
    await step(page, 'person-7b-unbound');
  });

  it('shows the server\'s message for a wrong password and, after repeated failures, the lockout', async () => {
    const { page } = session;
    session.screenshotOnFailure('person-lockout');
    await logOut(page);

    const alert = page.getByTestId('login-error');
    const attempt = async () => {
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
      await submitLogin(page, person.phone, 'Wrong@12345');
      return (await answered).status();
    };

    expect(await attempt()).toBe(401);
    expect(await alert.textContent()).toContain('账号或密码错误');
    await step(page, 'person-8-wrong-password');

    let status = 401;
    for (let i = 0; i < 8 && status !== 423; i++) status = await attempt();
    expect(status).toBe(423);
    await expect.poll(() => alert.textContent()).toContain('锁定');
    expect(await alert.getAttribute('class')).toContain('ant-alert-warning');
    await step(page, 'person-9-locked');

    // the right password does not help while locked
    await page.getByTestId('login-password').fill(person.password);
    await page.getByTestId('login-submit').click();
    await expect.poll(() => alert.textContent()).toContain('锁定');
    expect(page.url()).toContain('#/login');
  });
});
