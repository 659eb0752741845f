/**
 * A flexible worker of Nanyang (in the registry, real-name verified) applies in the personal hall
 * to enrol in long-term-care insurance with a monthly base of their choosing (a base below the
 * region's bounds is refused on the field); the Nanyang clerk approves the application in the review
 * page; the person then sees the enrolment active and the application approved, and once the month's
 * receivables are computed, their contributions (each explained), the annual statement, the personal
 * account and the (still empty, explained) benefits.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { maskName } from '../../src/kernel/crypto/index.js';
import { logInApi, must, NANYANG_CLERK, nanyangPerson, personAccount, registerInRegistry } from './api.js';
import { browserSession, logIn, logOut, pick, settle, step, submitLogin, pickMonth, landOnProfile } from './support.js';

const isPost = (path: string) => (r: { url(): string; request(): { method(): string } }) => r.url().includes(`/api/v1${path}`) && r.request().method() === 'POST';

describe('personal hall: apply, review, enrolled', () => {
  const person = nanyangPerson();
  const session = browserSession(async ({ target }) => {
    const clerk = await logInApi(target, NANYANG_CLERK.loginName, NANYANG_CLERK.password);
    await registerInRegistry(target, clerk, person);
    await personAccount(target, person);
  });

  it('the person applies for flexible-worker enrollment with a base within the bounds', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('personal-apply');
    await page.goto(`${target.url}/#/login`);
    await submitLogin(page, person.idNumber, person.password);
    await landOnProfile(page);

    await page.getByTestId('menu-personalApply').click();
    await page.getByTestId('apply-table').waitFor();
    expect(await page.getByTestId('page-title').textContent()).toBe('参保申请');
    await page.getByTestId('apply-new').click();
    await page.getByTestId('apply-kind').waitFor();
    await settle(page);
    // flexible-worker enrollment is the first kind offered
    expect(await page.getByTestId('apply-kind').textContent()).toContain('灵活就业人员参保');
    // only the types that admit flexible workers are offered (policy data): not 390, residents', nor 510
    await page.getByTestId('apply-insurance-type').click();
    const offered = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await offered.first().waitFor();
    expect(await offered.allTextContents()).toEqual(['310 职工基本医疗保险', '410 长期照护保险（长期护理保险）']);
    await page.keyboard.press('Escape');
    await pick(page, 'apply-insurance-type', '410');
    await pick(page, 'apply-region', '411302');
    // the demo policy of Nanyang: the 2019 social average wage 3,000.00, base bounds 60 %–300 %
    await pickMonth(page, 'apply-from-month', '2019-03');
    await page.getByTestId('apply-base').fill('1000');
    const refused = page.waitForResponse(isPost('/personal/applications'));
    await page.getByTestId('apply-submit').click();
    expect((await refused).status()).toBe(400);
    const baseItem = page.locator('.ant-form-item', { has: page.getByTestId('apply-base') });
    await baseItem.locator('.ant-form-item-explain-error', { hasText: '1800.00' }).waitFor();
    await step(page, 'personal-1-base-refused');

    await page.getByTestId('apply-base').fill('3,000.50');
    const created = page.waitForResponse(isPost('/personal/applications'));
    await page.getByTestId('apply-submit').click();
    const answer = await created;
    expect(answer.status()).toBe(201);
    const application = (await answer.json()) as { id: string; monthlyBaseFen: number };
    expect(application.monthlyBaseFen).toBe(300_050);
    const status = page.getByTestId(`apply-status-${application.id}`);
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('submitted');
    expect(await page.getByTestId('apply-table').textContent()).toContain('3,000.50');
    await step(page, 'personal-2-submitted');
    await logOut(page);
  });

  it('the Nanyang clerk approves it in the review page', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('personal-review');
    await logIn(page, target.url, NANYANG_CLERK);
    await page.getByTestId('menu-reviewApplications').click();
    const table = page.getByTestId('review-table');
    const row = table.locator('tbody tr.ant-table-row', { hasText: '灵活就业人员参保' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('3,000.50');
    // 导出: the list as filtered, as CSV with names, not codes
    const download = page.waitForEvent('download');
    await page.getByTestId('review-table-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('applications.csv');
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFF提交时间,申请人,申请类型,险种,参保地,起始月份,月缴费基数（元）,办理状态');
    const line = csv.split('\r\n').find((l) => l.includes(maskName(person.name)))!;
    expect(line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z,/);
    expect(line).toContain(`,${maskName(person.name)},灵活就业人员参保,410 `);
    expect(line).toContain(',411302,2019-03,"3,000.50",待审核');
    await row.locator('[data-testid^="review-open-"]').click();
    await page.getByTestId('application-detail').waitFor();
    expect(await page.getByTestId('application-detail-base').textContent()).toBe('3,000.50');
    // who applied, masked (the registry page shows the whole record to those allowed)
    expect(await row.textContent()).toContain(maskName(person.name));
    expect(await page.getByTestId('application-detail-person').textContent()).toBe(maskName(person.name));
    await step(page, 'personal-3-review');

    await page.getByTestId('review-approve').click();
    await page.getByTestId('review-approve-note').fill('材料齐全');
    await settle(page);
    const approved = page.waitForResponse((r) => /\/api\/v1\/enrollment\/applications\/[^/]+\/approve$/.test(r.url()));
    await page.getByTestId('review-approve-submit').click();
    expect((await approved).status()).toBe(200);
    // decided: gone from the list of what waits for review
    await row.waitFor({ state: 'detached' });
    await logOut(page);
  });

  it('the person sees the enrolment active and the application approved', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('personal-enrolled');
    await page.goto(`${target.url}/#/login`);
    await submitLogin(page, person.idNumber, person.password);
    await landOnProfile(page);

    await page.getByTestId('menu-personalEnrollment').click();
    const status = page.getByTestId('my-enrollment-status-410');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('active');
    expect(await status.textContent()).toBe('参保缴费');
    // the registry record, masked as the API returns it
    expect(await page.getByTestId('my-person-id-number').textContent()).toBe(`${person.idNumber.slice(0, 6)}********${person.idNumber.slice(-4)}`);
    expect(await page.content()).not.toContain(person.idNumber);
    await step(page, 'personal-4-enrolled');

    await page.getByTestId('menu-personalApply').click();
    const approved = page.getByTestId('apply-table').locator('[data-status="approved"]');
    await approved.waitFor();
    expect(await page.getByTestId('apply-table').textContent()).toContain('材料齐全');
  });

  it('after the receivable run of 2019-03 the person reads their contributions, statement, account and benefits', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('personal-contributions');
    const clerk = await logInApi(target, NANYANG_CLERK.loginName, NANYANG_CLERK.password);
    const run = await must<{ id: string }>(target, 'POST', '/collection/runs', 202, { token: clerk, body: { month: '2019-03' } });
    await expect
      .poll(async () => (await must<{ status: string }>(target, 'GET', `/collection/runs/${run.id}`, 200, { token: clerk })).status, { timeout: 60_000, interval: 250 })
      .toBe('done');

    await page.getByTestId('menu-personalContributions').click();
    const lines = page.getByTestId('contributions-table').locator('tbody tr.ant-table-row');
    await lines.first().waitFor();
    expect(await lines.first().textContent()).toContain('2019-03');
    // each line explains itself: base × rate, in the page's language
    await lines.first().locator('.ant-table-row-expand-icon').click();
    await page.locator('[data-testid^="contribution-explanation-"]').first().waitFor();
    expect(await page.locator('[data-testid^="contribution-explanation-"]').first().textContent()).toContain('3,000.50');
    await step(page, 'personal-5-contributions');

    await page.getByTestId('menu-personalStatement').click();
    await pick(page, 'statement-year', '2019');
    await expect.poll(() => page.getByTestId('page-title').textContent()).toContain('2019');
    const total = page.getByTestId('statement-total');
    await total.waitFor();
    // 3,000.50 × 0.2 % (unit share) + × 0.1 % (personal share), each to the fen
    expect(await total.textContent()).toBe('合计 9.00 元');
    await step(page, 'personal-6-statement');

    await page.getByTestId('menu-personalAccount').click();
    await page.getByTestId('account-entries-table').waitFor();
    await expect.poll(() => page.getByTestId('account-balance').textContent()).toMatch(/\d+\.\d{2}/);

    await page.getByTestId('menu-personalBenefits').click();
    await page.getByTestId('benefits-empty').waitFor();
    await step(page, 'personal-7-benefits');
  });
});
