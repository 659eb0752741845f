/**
 * 消息中心 in the halls and the console. A person on a 390×844 phone watches the header's bell while
 * their hospital payment is confirmed and paid (over the API, as the hospital and the payment
 * channel do it): the count rises by one, the 医保移动支付成功 message in the inbox names the amount,
 * reading it brings the count down; the settings keep 安全提醒 on; then the same in English and in
 * 长辈版. The province administrator finds that payment's messages in 消息日志 with the phone masked,
 * today's delivered in-site messages in 发送统计, and makes a new version of a template in 消息模板
 * after the server refused a placeholder the texts use but do not declare.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DOMAIN_LINES, INSTITUTION, VISIT_DATE } from '../../scripts/domain-visit.js';
import { hospitalApp, insuredEmployee, must, nanyangPerson, signedPost } from './api.js';
import { browserSession, landOnProfile, logIn, logOut, passLivenessInBrowser, PROVINCE_ADMIN, screenshot, settle, submitLogin, type Target } from './support.js';

const VOUCHER_PASSWORD = '258147';
const PHONE = { width: 390, height: 844 };
/** the calendar day in Beijing time, as the figures count days */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** The hospital's order, confirmed by the person with the voucher password and its cash part paid on the channel's page: the order ends paid. */
async function payAnOrder(target: Target, hospital: { appId: string; secret: string }, token: string): Promise<{ id: string; totalFen: number }> {
  const { code } = await must<{ code: string }>(target, 'POST', '/voucher/codes', 201, { token, body: { channelAppId: hospital.appId } });
  const created = await signedPost<{ id: string }>(
    target,
    hospital,
    '/payment/orders',
    { code, insuranceType: '310', institutionCode: INSTITUTION, visit: { kind: 'inpatient', date: VISIT_DATE }, lines: DOMAIN_LINES, settlementType: 'ALL', orderReference: `MSG${Date.now()}` },
    { 'idempotency-key': `e2e-messages-${Date.now()}` },
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' };
  const confirmed = await fetch(`${target.url}/api/v1/payment/orders/${id}/confirm`, {
    method: 'POST',
    headers: { ...headers, 'idempotency-key': `e2e-messages-confirm-${Date.now()}` },
    body: JSON.stringify({ password: VOUCHER_PASSWORD }),
  });
  expect(confirmed.status, await confirmed.clone().text()).toBe(200);
  expect(((await confirmed.json()) as { status: string }).status).toBe('paying');
  // the cash part at the channel: its page's pay button, as the person's browser would post it
  const cashier = (await must(target, 'POST', `/payment/orders/${id}/cashier`, 200, { token, body: { channel: 'wechat' } })) as { cashierUrl: string; order: { prepayId: string } };
  const back = new URL(cashier.cashierUrl).searchParams.get('return')!;
  const paid = await fetch(new URL(`/cashier/${cashier.order.prepayId}`, cashier.cashierUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ outcome: 'pay', return: back }).toString(),
    redirect: 'manual',
  });
  expect(paid.status).toBe(303);
  const order = await must<{ status: string; totalFen: number }>(target, 'GET', `/payment/mine/${id}`, 200, { token });
  expect(order.status).toBe('paid');
  return { id, totalFen: order.totalFen };
}

const bellCount = async (page: Page) => Number(await page.getByTestId('message-bell-count').getAttribute('data-count'));
const overflow = (page: Page) => () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('消息中心: the bell, the inbox and the console', () => {
  const person = nanyangPerson();
  let hospital: { appId: string; secret: string };
  const session = browserSession(async ({ target }) => {
    await insuredEmployee(target, person);
    hospital = await hospitalApp(target, ['voucher.verify', 'payment.order']);
  });

  it('a person on a phone sees the bell rise when their payment is paid, reads the message, and the count goes down', { timeout: 150_000 }, async () => {
    const { page, target, browser } = session;
    session.screenshotOnFailure('messages-phone');
    await page.goto(`${target.url}/#/login`);
    await submitLogin(page, person.idNumber, person.password);
    await landOnProfile(page);
    const token = await passLivenessInBrowser(page, browser.context);
    await must(target, 'POST', '/voucher/activate', 200, { token, body: { password: VOUCHER_PASSWORD } });
    await must(target, 'POST', '/voucher/authorizations', 201, { token, body: { appId: hospital.appId } });

    // On the phone, at home, the bell showing what the server counts.
    await page.setViewportSize(PHONE);
    await page.evaluate(() => (window.location.hash = '#/home'));
    await page.getByTestId('home-page').waitFor();
    const { count: before } = await must<{ count: number }>(target, 'GET', '/message/inbox/unread-count', 200, { token });
    await expect.poll(() => bellCount(page)).toBe(before);

    const order = await payAnOrder(target, hospital, token);
    // the bell reads the count every 10 s: the message arrives within 30 s, the page untouched
    await expect.poll(() => bellCount(page), { timeout: 30_000, interval: 500 }).toBe(before + 1);
    expect(await page.getByTestId('message-bell').getAttribute('aria-label')).toBe(`消息，${before + 1} 条未读`);
    await expect.poll(overflow(page)).toBeLessThanOrEqual(0);

    // The inbox from the bell: the message unread, on a card.
    await page.getByTestId('message-bell').click();
    await page.waitForURL(/#\/messages$/);
    const item = page.locator('[data-testid^="message-open-"]', { hasText: '医保移动支付成功' }).first();
    await item.waitFor();
    expect(await page.getByTestId('messages-table').getAttribute('data-layout')).toBe('cards');
    expect(await item.getAttribute('data-unread')).toBe('true');
    expect(await item.textContent()).toContain('未读');
    await item.click();
    await expect.poll(() => page.getByTestId('message-subject').textContent()).toBe('医保移动支付成功');
    // it names the amount, as text
    const body = (await page.getByTestId('message-body').textContent()) ?? '';
    expect(body).toContain(`¥${(order.totalFen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
    expect(body).toContain('南阳市第一人民医院');
    await expect.poll(() => page.getByTestId('message-detail').getAttribute('data-read')).toBe('true');
    await expect.poll(() => bellCount(page)).toBe(before);
    expect(await page.getByTestId('message-bell').getAttribute('aria-label')).toBe(before ? `消息，${before} 条未读` : '消息，没有未读');
    await settle(page);
    await screenshot(page, 'messages-phone');
    await page.getByTestId('message-close').click();
    await page.getByTestId('message-detail').waitFor({ state: 'detached' });
    await expect.poll(() => item.getAttribute('data-unread')).toBe('false');
    await expect.poll(overflow(page)).toBeLessThanOrEqual(0);

    // 消息设置: security alerts stay on, the quiet hours said.
    await page.getByTestId('messages-tab-settings').click();
    const security = page.getByTestId('prefs-switch-security');
    await security.waitFor();
    expect(await security.isDisabled()).toBe(true);
    expect(await security.getAttribute('aria-checked')).toBe('true');
    expect(await page.getByTestId('prefs-mandatory-security').textContent()).toBe('安全提醒不可关闭');
    expect(await page.getByTestId('prefs-quiet-hours').textContent()).toContain('22:00–08:00 免打扰：短信等非紧急消息将在 08:00 后发送');
    // a category switched off stays off
    await page.getByTestId('prefs-switch-notice').click();
    await expect.poll(async () => (await must(target, 'GET', '/message/preferences', 200, { token })).categories.find((c: { category: string }) => c.category === 'notice').enabled).toBe(false);

    // In English, then in 长辈版: still within the phone's width.
    await page.getByTestId('lang-switch').getByText('English').click();
    await expect.poll(() => page.getByTestId('prefs-mandatory-security').textContent()).toBe('Security alerts cannot be switched off');
    await page.getByTestId('messages-tab-inbox').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Messages');
    expect(await page.getByTestId('message-bell').getAttribute('aria-label')).toBe(before ? `Messages, ${before} unread` : 'Messages, none unread');
    await page.getByTestId('messages-filter-unread').click();
    await expect.poll(() => page.locator('[data-testid^="message-open-"]').count()).toBe(before);
    await page.getByTestId('senior-mode').click();
    await expect.poll(overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'messages-phone-en-senior');
    await page.getByTestId('senior-mode').click();
    await page.getByTestId('lang-switch').getByText('中文').click();
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('the province administrator finds the messages masked in 消息日志, today in 发送统计, and makes a template version', { timeout: 120_000 }, async () => {
    const { page, target } = session;
    session.screenshotOnFailure('messages-console');
    await logOut(page);
    await logIn(page, target.url, PROVINCE_ADMIN);

    // 消息日志: the payment's messages, the phone masked and nowhere in full.
    await page.getByTestId('menu-messageLog').click();
    await page.getByTestId('message-log-template').locator('input').fill('payment.paid');
    await page.getByTestId('message-log-template').locator('input').press('Enter');
    const masked = `${person.phone.slice(0, 3)}****${person.phone.slice(-4)}`;
    const table = page.getByTestId('message-log');
    await table.locator('tr', { hasText: masked }).first().waitFor();
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('站内信');
    expect(text).toContain('短信');
    expect(text).toContain('payment.paid v1');
    expect(await page.content()).not.toContain(person.phone);
    await screenshot(page, 'messages-log');

    // 发送统计: today's delivered in-site messages, in the table beside the charts.
    await page.getByTestId('menu-messageStats').click();
    const delivered = page.getByTestId(`message-stats-${today()}-inbox-delivered`);
    await expect.poll(async () => Number((await delivered.textContent().catch(() => '0')) ?? 0)).toBeGreaterThanOrEqual(1);
    await page.getByTestId('message-stats-chart-inbox').locator('svg').first().waitFor();
    await screenshot(page, 'messages-stats');

    // 消息模板: a new version of the in-site payment message; a placeholder used but not declared is refused on its text.
    await page.getByTestId('menu-messageTemplates').click();
    const version = page.getByTestId('template-version-payment.paid-inbox');
    const was = Number(((await version.textContent()) ?? '').replace(/\D/g, ''));
    await page.getByTestId('template-version-new-payment.paid-inbox').click();
    const bodyZh = page.getByTestId('template-bodyZh');
    await expect.poll(() => bodyZh.inputValue()).toContain('{{total}}');
    expect(await page.getByTestId('template-code').isDisabled()).toBe(true);
    const original = await bodyZh.inputValue();
    await bodyZh.fill(`${original}（流水号{{serialNo}}）`);
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/message/templates') && r.request().method() === 'POST');
    await page.getByTestId('template-submit').click();
    expect((await refused).status()).toBe(400);
    const fieldError = page.locator('.ant-form-item-has-error', { has: bodyZh }).locator('.ant-form-item-explain-error');
    await expect.poll(() => fieldError.textContent()).toContain('serialNo');
    await screenshot(page, 'messages-template-error');
    await bodyZh.fill(`${original}如有疑问请咨询医保经办机构。`);
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/message/templates') && r.request().method() === 'POST');
    await page.getByTestId('template-submit').click();
    expect((await saved).status()).toBe(201);
    await expect.poll(() => version.textContent()).toBe(`v${was + 1}`);
    await screenshot(page, 'messages-templates');
  });
});
