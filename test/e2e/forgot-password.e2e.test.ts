/**
 * 忘记密码 on a 390 px phone: from the login page to a new password with the code from the SMS
 * inbox, in Chinese, and the page read in English; the old password no longer opens the account.
 */
import { describe, expect, it } from 'vitest';
import { must, personAccount } from './api.js';
import { browserSession, logOut, newPerson, settle, smsCode, step, submitLogin, landOnProfile } from './support.js';

const NEW_PASSWORD = 'Forgot#Again7';

describe('forgot password, on a phone', () => {
  const person = newPerson();
  const session = browserSession(async ({ target, page }) => {
    await personAccount(target, person);
    await page.setViewportSize({ width: 390, height: 844 });
  });
  const overflow = () => session.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it('resets the password with the texted code, then logs in with the new one only', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('forgot-password');
    await page.goto(`${target.url}/#/login`);
    await page.getByTestId('to-forgot-password').click();
    await page.getByTestId('forgot-phone').waitFor();
    expect(page.url()).toContain('#/forgot-password');
    await settle(page);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await step(page, 'forgot-1-phone-zh');

    await page.getByTestId('forgot-phone').fill(person.phone);
    const since = Date.now() - 1000;
    await page.getByTestId('forgot-sms-send').click();
    await expect.poll(() => page.getByTestId('forgot-sms-send').textContent()).toMatch(/\d+/);
    const code = await smsCode(target.smsInboxUrl, person.phone, since);
    await page.getByTestId('forgot-sms-code').fill(code);
    // a password the rules refuse is refused on its field, and the code stays good
    await page.getByTestId('forgot-password').fill(`Ab#${person.phone}`);
    await page.getByTestId('forgot-password-confirm').fill(`Ab#${person.phone}`);
    await page.getByTestId('forgot-submit').click();
    const passwordItem = page.locator('.ant-form-item', { has: page.getByTestId('forgot-password') });
    await passwordItem.locator('.ant-form-item-explain-error', { hasText: '手机号' }).waitFor();
    await step(page, 'forgot-2-refused');

    await page.getByTestId('forgot-password').fill(NEW_PASSWORD);
    await page.getByTestId('forgot-password-confirm').fill(NEW_PASSWORD);
    await page.getByTestId('forgot-submit').click();
    await page.getByTestId('login-reset-done').waitFor();
    expect(page.url()).toContain('#/login');
    await step(page, 'forgot-3-done');

    const old = await fetch(`${target.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identifier: person.idNumber, password: person.password }) });
    expect(old.status).toBe(401);
    await submitLogin(page, person.idNumber, NEW_PASSWORD);
    await landOnProfile(page);
    await must(target, 'POST', '/auth/login', 200, { body: { identifier: person.phone, password: NEW_PASSWORD } });
    await logOut(page);
  });

  it('reads in English and fits the phone', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('forgot-password-en');
    await page.goto(`${target.url}/#/forgot-password`);
    await page.getByTestId('forgot-phone').waitFor();
    await page.getByTestId('lang-switch').getByText('English').click();
    await expect.poll(() => page.getByTestId('forgot-submit').textContent()).toBe('Reset the password');
    await settle(page);
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await page.locator('.ant-alert-info').textContent()).toContain('ask an administrator');
    await step(page, 'forgot-4-phone-en');
    await page.getByTestId('lang-switch').getByText('中文').click();
  });

  it('has the tab icon the browser asks for', async () => {
    const { page, target } = session;
    for (const [file, type] of [['/favicon.ico', /icon/], ['/favicon.svg', /svg/]] as const) {
      const icon = await fetch(`${target.url}${file}`);
      expect(icon.status, file).toBe(200);
      expect(icon.headers.get('content-type')).toMatch(type);
    }
    expect(await page.locator('link[rel="icon"]').count()).toBe(2);
  });
});
