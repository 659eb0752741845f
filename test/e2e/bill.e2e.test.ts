/**
 * E-bill verification (电子票据查验) in the browser: a hospital's channel app, bound to its designated
 * institution, settles a visit on the person's verified code and issues the bill of that settlement
 * through the signed API (its figures the settlement's, to the fen); anyone verifies it on the public
 * page reached from the login page (genuine), the hospital voids it (冲红), and the same check, and
 * the bill's QR link, then say voided. The person finds the bill in their own list.
 */
import { describe, expect, it } from 'vitest';
import { DOMAIN_LINES, FEE_CODES, INSTITUTION, VISIT_DATE } from '../../scripts/domain-visit.js';
import { plainYuan, yuan } from '../../src/kernel/money/index.js';
import { hospitalApp, insuredEmployee, must, NANYANG_CLERK, nanyangPerson, signedPost } from './api.js';
import { browserSession, logIn, logOut, passLivenessInBrowser, settle, step, submitLogin, type Target, landOnProfile } from './support.js';

const VOUCHER_PASSWORD = '258147';

/** The hospital's signed request that must answer `status`; its body. */
async function signedMust(target: Target, app: { appId: string; secret: string }, path: string, body: unknown, status = 201) {
  const answer = await signedPost(target, app, path, body, { 'idempotency-key': `e2e-${Date.now()}-${Math.random()}` });
  if (answer.status !== status) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

describe('bill verification (电子票据查验)', () => {
  const person = nanyangPerson();
  let personId: string;
  let hospital: { appId: string; secret: string };
  const session = browserSession(async ({ target }) => {
    // an employee of a unit insured in 310, with an account; the hospital's system, bound to its institution
    personId = await insuredEmployee(target, person);
    hospital = await hospitalApp(target, ['voucher.verify', 'settlement.settle', 'bill.issue']);
  });

  it('verifies an issued bill as genuine on the public page, then as voided after 冲红', async () => {
    const { page, target, browser } = session;
    session.screenshotOnFailure('bill-verify');

    // The person passes liveness (L3) on the provider's page, activates the voucher, authorizes the hospital and shows a code.
    await page.goto(`${target.url}/#/login`);
    await submitLogin(page, person.idNumber, person.password);
    await landOnProfile(page);
    const token = await passLivenessInBrowser(page, browser.context);
    await must(target, 'POST', '/voucher/activate', 200, { token, body: { password: VOUCHER_PASSWORD } });
    await must(target, 'POST', '/voucher/authorizations', 201, { token, body: { appId: hospital.appId } });
    const { code } = await must<{ code: string }>(target, 'POST', '/voucher/codes', 201, { token, body: { channelAppId: hospital.appId } });
    await logOut(page);

    // The hospital verifies the code (the settlement token is the person's consent), settles the visit, and bills that settlement.
    // Its HIS claims the class B drug as class A: the catalog's class is settled, the claim goes to the clerks.
    const verified = await signedMust(target, hospital, '/voucher/verify', { code }, 200);
    const settled = await signedMust(target, hospital, '/settlement/settlements', {
      settlementToken: verified.settlementToken,
      insuranceType: '310',
      visit: { kind: 'inpatient', date: VISIT_DATE },
      lines: DOMAIN_LINES.map((line) => (line.code === FEE_CODES.drug ? { code: line.code, class: 'A', quantity: line.quantity, amountFen: line.amountFen } : line)),
      settlementReference: `E2E${Date.now()}`,
    });
    const figures = { totalFen: settled.result.medfee_sumamt, fundPayFen: settled.result.fund_pay_sumamt, accountPayFen: settled.result.acct_pay, cashPayFen: settled.result.psn_cash_pay };
    const billBody = {
      payer: { personId, name: person.name },
      institution: { code: INSTITUTION },
      visitType: 'inpatient',
      insuranceId: person.idNumber,
      settlementRef: settled.settlementReference,
      items: DOMAIN_LINES.map((line, i) => ({ name: ['床位及诊疗费', '乙类药品', '丙类耗材'][i], amountFen: line.amountFen })),
      ...figures,
    };
    // a fen off the settlement is refused, naming the figure; then the bill as settled
    const off = await signedPost(target, hospital, '/bill/channel/bills', { ...billBody, fundPayFen: figures.fundPayFen + 1, cashPayFen: figures.cashPayFen - 1 });
    expect([off.status, off.body.code, off.body.field]).toEqual([422, 'bill.amount_mismatch', 'fundPayFen']);
    const bill = await signedMust(target, hospital, '/bill/channel/bills', billBody);
    expect(bill.institution).toEqual({ code: INSTITUTION, name: '南阳市第一人民医院' });

    // Anyone, from the login page, without logging in.
    await page.getByTestId('to-verify-bill').click();
    await page.getByTestId('verify-code').fill(bill.billCode);
    await page.getByTestId('verify-number').fill(bill.billNumber);
    await page.getByTestId('verify-check').fill(bill.checkCode.toLowerCase());
    await page.getByTestId('verify-date').fill(bill.issueDate);
    await page.getByTestId('verify-total').fill(plainYuan(figures.totalFen));
    await page.getByTestId('verify-submit').click();
    const result = page.getByTestId('verify-result');
    await expect.poll(() => result.getAttribute('data-result')).toBe('genuine');
    const shown = (await result.textContent()) ?? '';
    expect(shown).toContain('票据真实有效');
    expect(shown).toContain('南阳市第一人民医院');
    expect(shown).toContain(yuan(figures.fundPayFen));
    expect(shown).not.toContain(person.name);
    await step(page, 'bill-1-genuine');

    // A wrong check code finds nothing.
    await page.getByTestId('verify-check').fill('ZZZZZZ');
    await page.getByTestId('verify-submit').click();
    await expect.poll(() => result.getAttribute('data-result')).toBe('not_found');

    // The hospital voids the bill; the same check now says voided, naming the red-letter bill.
    const voided = await signedMust(target, hospital, `/bill/channel/bills/${bill.id}/void`, { reason: '患者退费' });
    await page.getByTestId('verify-check').fill(bill.checkCode);
    await page.getByTestId('verify-submit').click();
    await expect.poll(() => result.getAttribute('data-result')).toBe('voided');
    expect(await result.textContent()).toContain(voided.red.billNumber);
    await step(page, 'bill-2-voided');

    // The QR code on the bill opens the page filled in and checks at once.
    const query = new URLSearchParams({ code: bill.billCode, number: bill.billNumber, check: bill.checkCode, date: bill.issueDate, total: String(figures.totalFen) });
    await page.goto(`${target.url}/#/bill/verify?${query.toString()}`);
    await page.reload();
    await expect.poll(() => page.getByTestId('verify-result').getAttribute('data-result')).toBe('voided');

    // The person sees the bill and its red-letter bill in their own list.
    await page.goto(`${target.url}/#/login`);
    await submitLogin(page, person.idNumber, person.password);
    await landOnProfile(page);
    await page.goto(`${target.url}/#/personal/bills`);
    await page.getByTestId(`bill-number-${bill.id}`).waitFor();
    await page.getByTestId(`bill-number-${voided.red.id}`).waitFor();
    await step(page, 'bill-3-person-list');
  });

  it('the 南阳 clerk finds the contradicted claim among the settlement risk events, in both languages and on a phone', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('settlement-risk');
    await logOut(page);
    await logIn(page, target.url, NANYANG_CLERK);
    await page.getByTestId('menu-settlementRisk').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('结算风险事件');
    const row = page.getByTestId('settlement-risk-table').locator('tbody tr.ant-table-row', { hasText: FEE_CODES.drug });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('甲乙丙类别不符');
    expect(text).toContain('A → B');
    // the institution by the registry's name, its code in the tooltip
    expect(text).toContain('南阳市第一人民医院');
    expect(text).not.toContain(INSTITUTION);
    expect(await row.locator('[data-testid^="settlement-risk-institution-"]').getAttribute('title')).toBe(INSTITUTION);
    await settle(page);
    await step(page, 'settlement-risk-1-list');

    await page.getByTestId('lang-switch').getByText('English').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Settlement risk events');
    await expect.poll(() => row.textContent()).toContain('Class contradicted');
    await page.setViewportSize({ width: 390, height: 844 });
    await settle(page);
    // The page's card fits the phone (the table scrolls inside it); the header's fit is the halls' issue.
    const card = await page.locator('.ant-card').first().boundingBox();
    expect(card!.x + card!.width).toBeLessThanOrEqual(390);
    const filter = await page.getByTestId('settlement-risk-rule').boundingBox();
    expect(filter!.x + filter!.width).toBeLessThanOrEqual(card!.x + card!.width);
    await step(page, 'settlement-risk-2-phone-en');
    await page.getByTestId('lang-switch').getByText('中文').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('结算风险事件');
    await settle(page);
    await step(page, 'settlement-risk-3-phone-zh');
    await page.setViewportSize({ width: 1280, height: 860 });
  });
});
