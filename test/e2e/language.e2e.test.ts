/** The language switch changes our labels, antd's own texts, and the language of server messages. */
import { describe, expect, it } from 'vitest';
import { browserSession, step, submitLogin } from './support.js';

describe('language switch', () => {
  const session = browserSession();

  it('switches the login page to English and gets the server\'s error in English', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('language');
    await page.goto(`${target.url}/#/login`);
    const submit = page.getByTestId('login-submit');
    await submit.waitFor();
    expect((await submit.textContent())?.replace(/\s/g, '')).toBe('登录');
    expect(await page.getByTestId('page-title').textContent()).toBe('登录');

    await page.getByTestId('lang-switch').getByText('English').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Log in');
    expect(await submit.textContent()).toBe('Log in');
    expect(await page.getByLabel('ID number / phone / login name').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await step(page, 'language-1-english');

    // Accept-Language: en reaches the server
    await submitLogin(page, 'nobody_here', 'Wrong@12345');
    const alert = page.getByTestId('login-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Wrong account or password');
    await step(page, 'language-2-english-error');

    // the choice survives a reload, and switching back restores Chinese
    await page.reload();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Log in');
    await page.getByTestId('lang-switch').getByText('中文').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('登录');
  });
});
