/**
 * The system administrator registers a channel app (its secret shown once), finds the registration
 * in the audit log and verifies the hash chain; a province administrator may not read the log.
 */
import { describe, expect, it } from 'vitest';
import { browserSession, logIn, logOut, PROVINCE_ADMIN, settle, step, SYSTEM_ADMIN } from './support.js';

describe('admin: channel apps and the audit log', () => {
  const session = browserSession(({ browser, target }) => browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: target.url }));
  const appName = `端到端渠道${Date.now().toString(36)}`;
  let appId = '';

  it('registers a channel app, shows its secret once with a copy button, then lists the app', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('channels-register');
    await logIn(page, target.url, SYSTEM_ADMIN);
    await page.getByTestId('menu-audit').waitFor();
    await page.getByTestId('menu-channels').click();
    await page.getByTestId('channels-table').waitFor();
    expect(await page.getByTestId('page-title').textContent()).toBe('渠道应用');

    await page.getByTestId('channel-create').click();
    // nothing picked: the form says what is missing
    await page.getByTestId('channel-create-submit').click();
    await page.getByText('请至少选择一项接口能力').waitFor();
    await page.getByTestId('channel-name').fill(appName);
    await page.getByTestId('channel-capability-auth.introspect').click();
    await settle(page);
    await step(page, 'channels-1-form');
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/channels') && r.request().method() === 'POST');
    await page.getByTestId('channel-create-submit').click();
    expect((await answered).status()).toBe(201);

    const modal = page.getByTestId('channel-secret-modal');
    await modal.waitFor();
    expect(await page.getByTestId('channel-secret-warning').textContent()).toContain('只显示这一次');
    appId = (await page.getByTestId('channel-secret-app-id').textContent())?.trim() ?? '';
    expect(appId).toMatch(/^app[0-9a-f]{16}$/);
    const secret = (await page.getByTestId('channel-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await settle(page);
    await step(page, 'channels-2-secret');

    await page.getByTestId('channel-secret-copy').click();
    await page.getByText('已复制到剪贴板').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    await page.getByTestId('channel-secret-done').click();
    await modal.waitFor({ state: 'detached' });
    const row = page.getByTestId('channels-table').locator('tbody tr.ant-table-row', { hasText: appId });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain(appName);
    expect(text).toContain('校验用户令牌');
    expect(text).toContain('正常');
    await step(page, 'channels-3-listed');
    // once closed, the secret is gone from the page (and the list never carries it)
    expect(await page.content()).not.toContain(secret);
  });

  it('shows the registration in the audit log and verifies the chain in both languages', async () => {
    const { page } = session;
    session.screenshotOnFailure('audit-log');
    await page.getByTestId('menu-audit').click();
    const table = page.getByTestId('audit-table');
    // the action by name (the request in the tooltip), the actor by login name, not by id
    const row = table.locator('tbody tr.ant-table-row', { has: page.locator('[data-action="POST /api/v1/auth/channels"]') }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('201');
    expect(await row.locator('[data-testid^="audit-action-"]').textContent()).toBe('注册渠道应用');
    const actor = row.locator('[data-testid^="audit-actor-"]');
    expect(await actor.textContent()).toMatch(/^\S\*+ \(sysadmin\)$/);
    expect(await actor.textContent()).not.toContain((await actor.getAttribute('data-actor-id'))!);
    await step(page, 'audit-1-records');

    // the expanded row shows the request body the platform recorded (with the app's name) and the hashes
    await row.locator('.ant-table-row-expand-icon').click();
    const detail = page.locator('[data-testid^="audit-detail-"]').first();
    await detail.waitFor();
    expect(await detail.textContent()).toContain(appName);
    expect(await detail.textContent()).toMatch(/[0-9a-f]{64}/);
    await settle(page);
    await step(page, 'audit-2-detail');

    await page.getByTestId('audit-verify').click();
    const verdict = page.getByTestId('audit-verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-ok')).toBe('true');
    expect(await verdict.textContent()).toContain('审计链完整');
    expect(await verdict.getAttribute('class')).toContain('ant-alert-success');
    await step(page, 'audit-3-verified');

    await page.getByTestId('lang-switch').getByText('English').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Audit log');
    await page.getByTestId('audit-verify').click();
    await expect.poll(() => verdict.textContent()).toContain('intact');
    await expect.poll(() => row.locator('[data-testid^="audit-action-"]').textContent()).toBe('Register a channel app');
    await step(page, 'audit-4-verified-en');

    await page.getByTestId('menu-channels').click();
    await page.getByTestId('channels-table').locator('tbody tr.ant-table-row', { hasText: appId }).waitFor();
    expect(await page.getByTestId('channels-table').textContent()).toContain('Check user tokens');
    await step(page, 'channels-4-en');
    await page.getByTestId('lang-switch').getByText('中文').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('渠道应用');
  });

  it('tells a province administrator that the audit log is outside their scope', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('audit-out-of-scope');
    await logOut(page);
    await logIn(page, target.url, PROVINCE_ADMIN);

    // the national organization's channel app is not the province's to see
    const listed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/auth/channels');
    await page.getByTestId('menu-channels').click();
    expect((await listed).status()).toBe(200);
    await page.getByTestId('channels-table').waitFor();
    expect(await page.getByTestId('channels-table').textContent()).not.toContain(appId);

    // the menu offers the page (the role holds audit.read), the server refuses: its message shows
    const refused = page.waitForResponse((r) => r.url().includes('/api/v1/audit/records'));
    await page.getByTestId('menu-audit').click();
    expect((await refused).status()).toBe(403);
    const error = page.getByTestId('audit-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('超出本机构的管理范围');
    expect(await page.getByTestId('audit-verify').count()).toBe(0);
    await step(page, 'audit-5-out-of-scope');
  });
});
