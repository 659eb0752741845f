/**
 * 医保移动支付 in the personal hall: a hospital's channel app creates a hybrid-payment order from
 * the person's dynamic code (DOMAIN.md's inpatient visit: fund 14,450.00, the rest 5,550.00 in cash
 * as the account is empty); the person finds it under 我的支付 and confirms it with the voucher
 * password; the insurance part is settled and the cash part goes to the payment channel.
 */
import { describe, expect, it } from 'vitest';
import { DOMAIN_LINES, INSTITUTION, VISIT_DATE } from '../../scripts/domain-visit.js';
import { hospitalApp, insuredEmployee, must, NANYANG_CLERK, nanyangPerson, signedPost } from './api.js';
import { browserSession, logIn, logOut, pick, step, submitLogin, passLivenessInBrowser, landOnProfile } from './support.js';

const VOUCHER_PASSWORD = '258147';

describe('hybrid payment confirmed in the personal hall', () => {
  const person = nanyangPerson();
  let hospital: { appId: string; secret: string };
  const session = browserSession(async ({ target }) => {
    await insuredEmployee(target, person);
    // bound to the registry's 南阳市第一人民医院: orders take the institution and its level from the binding
    hospital = await hospitalApp(target, ['voucher.verify', 'payment.order']);
  });

  it('the person confirms an order with the voucher password; fund settled, cash with the channel', async () => {
    const { page, target, browser } = session;
    session.screenshotOnFailure('payment-confirm');
    await page.goto(`${target.url}/#/login`);
    await submitLogin(page, person.idNumber, person.password);
    await landOnProfile(page);
    // liveness (L3) on the provider's page, then the voucher activated and the hospital authorized
    const token = await passLivenessInBrowser(page, browser.context);
    await must(target, 'POST', '/voucher/activate', 200, { token, body: { password: VOUCHER_PASSWORD } });
    await must(target, 'POST', '/voucher/authorizations', 201, { token, body: { appId: hospital.appId } });
    const { code } = await must<{ code: string }>(target, 'POST', '/voucher/codes', 201, { token, body: { channelAppId: hospital.appId } });

    // the hospital scans the code and creates the order (signed, idempotent)
    const created = await signedPost<{ id: string; fundFen: number; cashFen: number }>(target, hospital, '/payment/orders', {
      code,
      insuranceType: '310',
      institutionCode: INSTITUTION,
      visit: { kind: 'inpatient', date: VISIT_DATE },
      lines: DOMAIN_LINES,
      settlementType: 'ALL',
      orderReference: `E2E${Date.now()}`,
    }, { 'idempotency-key': `e2e-${Date.now()}` });
    const order = created.body;
    expect(created.status, JSON.stringify(order)).toBe(201);
    expect([order.fundFen, order.cashFen]).toEqual([1_445_000, 555_000]);

    await page.getByTestId('menu-personalPayments').click();
    // the institution by name, not by its code
    await expect.poll(() => page.getByTestId(`payment-institution-${order.id}`).textContent()).toBe('南阳市第一人民医院');
    expect(await page.getByTestId(`payment-institution-${order.id}`).getAttribute('title')).toBe(INSTITUTION);
    await page.getByTestId(`payment-confirm-${order.id}`).click();
    expect(await page.getByTestId('payment-confirm-cash').textContent()).toBe('5,550.00');
    await page.getByTestId('payment-password').fill('111111');
    await page.getByTestId('payment-confirm-submit').click();
    // a wrong password is refused on the field, and nothing is paid
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await page.getByTestId('payment-password').fill(VOUCHER_PASSWORD);
    await step(page, 'payment-1-confirm');
    const confirmed = page.waitForResponse((r) => r.url().endsWith(`/api/v1/payment/orders/${order.id}/confirm`) && r.status() === 200);
    await page.getByTestId('payment-confirm-submit').click();
    await confirmed;
    await expect.poll(() => page.getByTestId(`payment-status-${order.id}`).getAttribute('data-status')).toBe('paying');
    // the cashier (收银台) opens on the cash part; paying it is cashier.e2e.test.ts's walk, here it is closed unpaid
    await expect.poll(() => page.getByTestId('cashier').getAttribute('data-status')).toBe('paying');
    expect(await page.getByTestId('cashier-cash').textContent()).toBe('5,550.00');
    await step(page, 'payment-2-cash-pending');
    await page.locator('.ant-drawer-close').click();
    await page.getByTestId('cashier').waitFor({ state: 'detached' });
  });

  it('the person reads the settlement under 待遇享受: the split, and every figure with its rule, on a phone too', async () => {
    const { page } = session;
    session.screenshotOnFailure('payment-benefits');
    await page.getByTestId('menu-personalBenefits').click();
    const row = page.getByTestId('benefits-table').locator('tbody tr.ant-table-row', { hasText: '14,450.00' });
    await row.waitFor();
    expect(await row.textContent()).toContain('20,000.00');
    expect(await row.textContent()).toContain('5,550.00');
    expect(await row.textContent()).toContain('南阳市第一人民医院');
    expect(await row.textContent()).not.toContain(INSTITUTION);
    await row.click();
    await expect.poll(() => page.getByTestId('benefit-figure-fund_pay_sumamt').textContent()).toBe('14,450.00');
    expect(await page.getByTestId('benefit-figure-psn_cash_pay').textContent()).toBe('5,550.00');
    // the deductible and the fund's share say which rule made them
    expect(await page.getByTestId('benefit-why-act_pay_dedc').textContent()).toMatch(/起付/);
    expect(await page.getByTestId('benefit-why-hifp_pay').textContent()).toMatch(/规则/);
    await step(page, 'payment-3-benefits');
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await step(page, 'payment-4-benefits-phone');
    // closed as on a phone, with its close button
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await page.getByTestId('benefit-figure-fund_pay_sumamt').waitFor({ state: 'detached' });
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('the clerk reconciles a day against the channel statement and finds the report listed', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('payment-reconciliation');
    await logOut(page);
    await logIn(page, target.url, NANYANG_CLERK);
    await page.getByTestId('menu-paymentReconciliation').click();
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await page.getByTestId('payrecon-date').fill(today);
    const ran = page.waitForResponse((r) => r.url().endsWith('/api/v1/payment/reconciliations') && r.request().method() === 'POST');
    await page.getByTestId('payrecon-run').click();
    expect((await ran).status()).toBe(201);
    await page.getByTestId('payrecon-summary').waitFor();
    // nothing was paid in cash today (the order above is still with the channel): no differences
    expect(await page.getByTestId('payrecon-count-amount_mismatch').textContent()).toBe('0');
    const id = new URL(page.url().replace('#', '')).searchParams.get('id')!;
    await page.getByTestId(`payrecon-open-${id}`).waitFor();
    await step(page, 'payment-3-reconciliation');

    // Another channel's statement is a report of its own.
    await pick(page, 'payrecon-channel', '银联');
    const ranUnionPay = page.waitForResponse((r) => r.url().endsWith('/api/v1/payment/reconciliations') && r.request().method() === 'POST');
    await page.getByTestId('payrecon-run').click();
    const unionPay = await ranUnionPay;
    expect(unionPay.status()).toBe(201);
    expect((await unionPay.json()).channel).toBe('unionpay');
    await page.getByTestId('payrecon-view').filter({ hasText: '银联' }).waitFor();
    await page.getByTestId(`payrecon-open-${id}`).waitFor();
  });
});
