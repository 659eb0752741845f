/**
 * 收银台 on a 390×844 phone: the hospital creates a hybrid-payment order (DOMAIN.md's inpatient
 * visit: fund 14,450.00, cash 5,550.00); the person confirms it with the voucher password, lands at
 * the cashier, picks 支付宝, pays on the channel's (the fake's) page, and is sent back to the order in
 * the hall, which turns paid; the hospital issues the e-bill of the order and the cashier shows it.
 * Then the same cashier in English.
 */
import { describe, expect, it } from 'vitest';
import { DOMAIN_LINES, INSTITUTION, VISIT_DATE } from '../../scripts/domain-visit.js';
import { hospitalApp, insuredEmployee, must, nanyangPerson, signedPost } from './api.js';
import { browserSession, passLivenessInBrowser, step, submitLogin, landOnProfile } from './support.js';

const VOUCHER_PASSWORD = '258147';
const PHONE = { width: 390, height: 844 };

describe('收银台: confirm, pick the channel, pay on its page, back to the paid order and its e-bill', () => {
  const person = nanyangPerson();
  let personId: string;
  let hospital: { appId: string; secret: string };
  const session = browserSession(async ({ target }) => {
    personId = await insuredEmployee(target, person);
    hospital = await hospitalApp(target, ['voucher.verify', 'payment.order', 'bill.issue']);
  });

  it('walks the cashier at phone width, in Chinese and then in English', { timeout: 120_000 }, async () => {
    const { page, target, browser } = session;
    session.screenshotOnFailure('cashier');
    await page.goto(`${target.url}/#/login`);
    await submitLogin(page, person.idNumber, person.password);
    await landOnProfile(page);
    const token = await passLivenessInBrowser(page, browser.context);
    await must(target, 'POST', '/voucher/activate', 200, { token, body: { password: VOUCHER_PASSWORD } });
    await must(target, 'POST', '/voucher/authorizations', 201, { token, body: { appId: hospital.appId } });
    const { code } = await must<{ code: string }>(target, 'POST', '/voucher/codes', 201, { token, body: { channelAppId: hospital.appId } });
    const created = await signedPost<{ id: string; fundFen: number; accountFen: number; cashFen: number; totalFen: number }>(
      target,
      hospital,
      '/payment/orders',
      { code, insuranceType: '310', institutionCode: INSTITUTION, visit: { kind: 'inpatient', date: VISIT_DATE }, lines: DOMAIN_LINES, settlementType: 'ALL', orderReference: `CSH${Date.now()}` },
      { 'idempotency-key': `e2e-cashier-${Date.now()}` },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const order = created.body;

    // On the phone from here on.
    await page.setViewportSize(PHONE);
    await page.evaluate(() => (window.location.hash = '#/personal/payments'));
    await page.getByTestId(`payment-confirm-${order.id}`).click();
    await page.getByTestId('payment-password').fill(VOUCHER_PASSWORD);
    await page.getByTestId('payment-confirm-submit').click();

    // Confirmed: the insurance part settled, the cashier opens on the cash part.
    const cashier = page.getByTestId('cashier');
    await expect.poll(() => cashier.getAttribute('data-status')).toBe('paying');
    expect(page.url()).toContain(`order=${order.id}`);
    expect(await page.getByTestId('cashier-cash').textContent()).toBe('5,550.00');
    expect(await page.getByTestId('cashier-fund').textContent()).toBe('14,450.00');
    expect(await page.getByTestId('cashier-account').textContent()).toBe('0.00');
    for (const [channel, name] of [['wechat', '微信支付'], ['alipay', '支付宝'], ['unionpay', '云闪付']]) {
      expect(await page.getByTestId(`cashier-channel-${channel}`).textContent()).toBe(name);
    }
    // one-handed: 去支付 is within the screen, full width, and nothing is wider than the phone
    const go = await page.getByTestId('cashier-go').boundingBox();
    expect(go!.y + go!.height).toBeLessThanOrEqual(PHONE.height);
    expect(go!.width).toBeGreaterThan(300);
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // the order's channel is picked to start with; 支付宝 instead
    expect(await page.getByTestId('cashier-channel-wechat').getAttribute('data-checked')).toBe('true');
    await page.getByTestId('cashier-channel-alipay').click();
    await expect.poll(() => page.getByTestId('cashier-channel-alipay').getAttribute('data-checked')).toBe('true');
    await step(page, 'cashier-1-pick-channel');

    // The channel's page (the fake Alipay's), then back to the order in the hall.
    await page.getByTestId('cashier-go').click();
    await page.getByTestId('cashier-pay').waitFor();
    expect(new URL(page.url()).origin).not.toBe(new URL(target.url).origin);
    expect(await page.getByTestId('cashier-amount').textContent()).toBe('¥ 5,550.00');
    await step(page, 'cashier-2-channel-page');
    await page.getByTestId('cashier-pay').click();
    await page.waitForURL(`${target.url}/#/personal/payments?order=${order.id}`);
    await expect.poll(() => cashier.getAttribute('data-status')).toBe('paid');
    await page.getByTestId('cashier-paid').waitFor();
    await page.getByTestId('cashier-bill-pending').waitFor();
    await step(page, 'cashier-3-paid');

    // The hospital, told the order is paid, issues its e-bill citing the order; the cashier shows it.
    const bill = await signedPost<{ id: string; billNumber: string }>(
      target,
      hospital,
      '/bill/channel/bills',
      {
        payer: { personId, name: person.name },
        institution: { code: INSTITUTION },
        visitType: 'inpatient',
        insuranceId: person.idNumber,
        settlementRef: order.id,
        items: DOMAIN_LINES.map((line, i) => ({ name: ['床位及诊疗费', '乙类药品', '丙类耗材'][i], amountFen: line.amountFen })),
        totalFen: order.totalFen,
        fundPayFen: order.fundFen,
        accountPayFen: order.accountFen,
        cashPayFen: order.cashFen,
      },
      { 'idempotency-key': `e2e-cashier-bill-${Date.now()}` },
    );
    expect(bill.status, JSON.stringify(bill.body)).toBe(201);
    await expect.poll(() => page.getByTestId('cashier-bill-number').textContent(), { timeout: 10_000 }).toBe(bill.body.billNumber);
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await step(page, 'cashier-4-bill');
    await page.getByTestId('cashier-bill-link').click();
    await page.getByTestId(`bill-number-${bill.body.id}`).waitFor();

    // In English: the paid order's cashier, from the list.
    await page.getByTestId('lang-switch').getByText('English').click();
    await page.evaluate(() => (window.location.hash = '#/personal/payments'));
    await page.getByTestId(`payment-cashier-${order.id}`).click();
    await expect.poll(() => page.getByTestId('cashier-paid').textContent()).toBe('Paid');
    expect(await page.getByTestId('cashier-title').textContent()).toBe('Cashier');
    await page.getByTestId('cashier-bill-number').waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await step(page, 'cashier-5-english');
    await page.setViewportSize({ width: 1280, height: 860 });
    await step(page, 'cashier-6-english-desktop');
  });
});
