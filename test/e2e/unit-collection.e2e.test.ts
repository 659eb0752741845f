/**
 * A unit of Nanyang enrolled in long-term-care insurance from 2019-01 (registered and enrolled by
 * the agency beforehand): its agent checks and renames the unit, adds a registered person as an
 * employee and declares their 2019 wage in the unit hall; the clerk starts the receivable run of 2019-01 in the collection console and
 * follows it to the end (DOMAIN.md seed 000: base 5,000.00, unit 0.2 % = 10.00, a person aged 40 or
 * under 0.1 % = 5.00); the agent then finds the bill, downloads its PDF and removes the employee
 * from 2019-02. The clerk then collects
 * the month by bank withholding: sets the region's mode, exports the withholding file, imports the
 * bank's results (one row refused, shown with its row and field), sees the payment fall short and
 * resolves the mismatch the reconciliation finds.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { enrolledUnit, logInApi, NANYANG_CLERK, nanyangPerson, registerInRegistry } from './api.js';
import { browserSession, logIn, logOut, pick, settle, step, submitLogin, pickMonth, landOnProfile } from './support.js';

/** antd puts data-testid on the <input> of some inputs and on a wrapper of others. */
async function textbox(page: Page, testId: string) {
  const el = page.getByTestId(testId);
  return ['INPUT', 'TEXTAREA'].includes(await el.evaluate((e) => e.tagName)) ? el : el.locator('input, textarea').first();
}

describe('unit hall and collection console: employee, receivable run, bill', () => {
  const employee = nanyangPerson();
  let unit: Awaited<ReturnType<typeof enrolledUnit>>;
  let employmentId = '';
  const session = browserSession(async ({ target }) => {
    const clerk = await logInApi(target, NANYANG_CLERK.loginName, NANYANG_CLERK.password);
    unit = await enrolledUnit(target, clerk, '410', '2019-01');
    await registerInRegistry(target, clerk, employee, 'employee');
  });

  const logInAgent = async (page: Page, url: string) => {
    await page.goto(`${url}/#/login`);
    await submitLogin(page, unit.agent.phone, unit.agent.password);
    await landOnProfile(page);
  };

  it('the unit agent adds the employee from 2019-01 and declares the 2019 wage', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('unit-employee');
    await logInAgent(page, target.url);
    // the unit as the registry knows it, enrolled in long-term care by the agency; its name can be changed here
    await page.getByTestId('menu-unitInfo').click();
    await expect.poll(() => page.getByTestId('unit-info-name').textContent()).toBe(unit.name);
    expect(await page.getByTestId('unit-info-credit-code').textContent()).toBe(unit.creditCode);
    expect(await page.getByTestId('unit-enrollments-table').textContent()).toContain('410');
    await page.getByTestId('unit-info-edit').click();
    const renamed = `${unit.name}（南阳）`;
    await (await textbox(page, 'unit-info-name-input')).fill(renamed);
    await settle(page);
    const changed = page.waitForResponse((r) => r.url().endsWith('/api/v1/unit/info') && r.request().method() === 'PATCH');
    await page.getByTestId('unit-info-submit').click();
    expect((await changed).status()).toBe(200);
    await expect.poll(() => page.getByTestId('unit-info-name').textContent()).toBe(renamed);

    await page.getByTestId('menu-unitEmployees').click();
    await page.getByTestId('employees-table').waitFor();
    // the unit's insurance types come with its details; adding waits for them
    const add = page.getByTestId('employee-add');
    await expect.poll(() => add.isEnabled()).toBe(true);
    await add.click();
    await (await textbox(page, 'employee-id-number')).fill(employee.idNumber);
    await expect.poll(() => page.getByTestId('employee-insurance-type').textContent()).toContain('410');
    await pickMonth(page, 'employee-from-month', '2019-01');
    await settle(page);
    const added = page.waitForResponse((r) => r.url().endsWith('/api/v1/unit/employees') && r.request().method() === 'POST');
    await page.getByTestId('employee-add-submit').click();
    const answer = await added;
    expect(answer.status()).toBe(201);
    ({ id: employmentId } = (await answer.json()) as { id: string });
    const id = employmentId;
    const status = page.getByTestId(`employee-status-${id}`);
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('active');
    // masked as the API returns it
    const row = page.getByTestId('employees-table').locator('tbody tr.ant-table-row', { has: status });
    expect(await row.textContent()).toContain(`${employee.idNumber.slice(0, 6)}********${employee.idNumber.slice(-4)}`);
    expect(await page.content()).not.toContain(employee.idNumber);
    await step(page, 'unit-1-employee-added');

    await page.getByTestId(`employee-wage-${id}`).click();
    await (await textbox(page, 'employee-wage-year')).fill('2019');
    await (await textbox(page, 'employee-wage-amount')).fill('5000');
    await settle(page);
    const declared = page.waitForResponse((r) => r.url().endsWith(`/api/v1/unit/employees/${id}/wage-declarations`));
    await page.getByTestId('employee-wage-submit').click();
    const declaration = await declared;
    expect(declaration.status()).toBe(201);
    expect(((await declaration.json()) as { baseFen: number }).baseFen).toBe(500_000);
    await logOut(page);
  });

  it('the clerk starts the receivable run of 2019-01 and sees it complete', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('collection-run');
    await logIn(page, target.url, NANYANG_CLERK);
    await page.getByTestId('menu-collectionRuns').click();
    await page.getByTestId('runs-table').waitFor();
    await page.getByTestId('run-start').click();
    await pickMonth(page, 'run-month', '2019-01');
    await settle(page);
    const started = page.waitForResponse((r) => r.url().endsWith('/api/v1/collection/runs') && r.request().method() === 'POST');
    await page.getByTestId('run-start-submit').click();
    expect((await started).status()).toBe(202);

    // the page polls the run until it ends
    const status = page.getByTestId('run-status');
    await status.waitFor();
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 60_000, interval: 250 }).toBe('done');
    expect(await page.getByTestId('run-unit-total').textContent()).toBe('10.00');
    expect(await page.getByTestId('run-person-total').textContent()).toBe('5.00');
    expect(await page.getByTestId('run-card').getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await step(page, 'collection-1-run-done');

    // the unit's bill for the month, in the clerk's bills page
    await page.getByTestId('menu-collectionBills').click();
    const bill = page.getByTestId('bills-table').locator('tbody tr.ant-table-row', { hasText: '2019-01' }).first();
    await bill.waitFor();
    expect(await bill.textContent()).toContain('15.00');
    await logOut(page);
  });

  it('the unit agent finds the bill of 2019-01 and downloads its PDF', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('unit-bill');
    await logInAgent(page, target.url);
    await page.getByTestId('menu-unitBills').click();
    const row = page.getByTestId('unit-bills-table').locator('tbody tr.ant-table-row', { hasText: '2019-01' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('15.00');

    await row.locator('[data-testid^="bill-open-"]').click();
    await page.getByTestId('bill-detail').waitFor();
    expect(await page.getByTestId('bill-detail-total').textContent()).toBe('15.00');
    const number = (await page.getByTestId('bill-detail-number').textContent())?.trim();
    await step(page, 'unit-2-bill');

    const downloaded = page.waitForEvent('download');
    await page.getByTestId('bill-detail').locator('[data-testid^="bill-pdf-"]').click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe(`${number}.pdf`);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await settle(page).catch(() => undefined);
    await page.keyboard.press('Escape');

    // 减员 from 2019-02: January's bill stays as it is
    await page.getByTestId('menu-unitEmployees').click();
    await page.getByTestId(`employee-remove-${employmentId}`).click();
    await pickMonth(page, 'employee-remove-month', '2019-02');
    await settle(page);
    const removed = page.waitForResponse((r) => r.url().endsWith(`/api/v1/unit/employees/${employmentId}/remove`));
    await page.getByTestId('employee-remove-submit').click();
    expect((await removed).status()).toBe(200);
    await expect.poll(() => page.getByTestId(`employee-status-${employmentId}`).getAttribute('data-status')).toBe('removed');
    await logOut(page);
  });

  it('the clerk collects by bank withholding: mode, withholding file, results with a bad row, payments, reconciliation', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('collection-bank');
    await logIn(page, target.url, NANYANG_CLERK);
    await page.getByTestId('menu-collectionPayments').click();

    // 经办机构自收 for the pooling region of Nanyang
    await page.getByTestId('payments-tab-settings').click();
    await page.getByTestId('mode-set').click();
    await page.getByTestId('mode-mode').waitFor();
    await settle(page);
    // the pooling region is shown by name, picked in the cascader (its first guess: the clerk's city)
    expect(await page.getByTestId('mode-region').textContent()).toContain('南阳市');
    await pick(page, 'mode-mode', '经办机构自收');
    await expect.poll(() => page.getByTestId('mode-mode').textContent()).toContain('经办机构自收');
    await settle(page);
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/collection/settings/411300') && r.request().method() === 'PUT');
    await page.getByTestId('mode-submit').click();
    expect((await saved).status()).toBe(200);
    await page.getByTestId('mode-of-agency').waitFor();

    // the withholding file of 2019-01: one row, the unit's 15.00
    await page.getByTestId('payments-tab-files').click();
    await page.getByTestId('files-current-mode').filter({ hasText: '经办机构自收' }).waitFor();
    await pickMonth(page, 'files-month', '2019-01');
    const exported = page.waitForEvent('download');
    await page.getByTestId('file-export-bank').click();
    const withholding = readFileSync(await (await exported).path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(withholding).toHaveLength(2);
    const [reference] = withholding[1].split(',');
    expect(withholding[1]).toContain('1500');

    // the bank withheld 14.00 only; the second row's result is not a word the bank uses
    const results = ['参考号,扣款结果,金额（分）,银行流水号,扣款日期,失败原因', `${reference},成功,1400,B${Date.now()},2019-02-05,`, `${reference},maybe,1,B1,2019-02-05,`].join('\n');
    const imported = page.waitForResponse((r) => r.url().includes('/api/v1/collection/imports/bank-results'));
    await page.getByTestId('files-agency').locator('input[type=file]').setInputFiles({ name: 'bank-results.csv', mimeType: 'text/csv', buffer: Buffer.from(results) });
    expect((await imported).status()).toBe(201);
    const counts = page.getByTestId('file-import-counts');
    await counts.waitFor();
    expect(await counts.textContent()).toContain('入账 1');
    const errorRow = page.getByTestId('file-row-errors').locator('tbody tr.ant-table-row').first();
    await errorRow.waitFor();
    expect(await errorRow.textContent()).toMatch(/^3result/);
    await step(page, 'collection-2-bank-results');

    await page.getByTestId('payments-tab-payments').click();
    const payment = page.getByTestId('payments-table').locator('tbody tr.ant-table-row').first();
    await payment.waitFor();
    expect(await payment.textContent()).toContain('14.00');
    expect(await payment.locator('[data-status]').getAttribute('data-status')).toBe('short');

    // the reconciliation finds the unit 1.00 short; the clerk decides to chase it
    await page.getByTestId('menu-collectionReconciliation').click();
    // the pooling region is shown by name, picked in the cascader (its first guess: the clerk's city)
    expect(await page.getByTestId('recon-region').textContent()).toContain('南阳市');
    await pickMonth(page, 'recon-month', '2019-01');
    const reconciled = page.waitForResponse((r) => r.url().endsWith('/api/v1/collection/reconciliations') && r.request().method() === 'POST');
    await page.getByTestId('recon-run').click();
    expect((await reconciled).status()).toBe(201);
    await page.getByTestId('recon-summary').waitFor();
    expect(page.url()).toMatch(/reconciliation\?id=/);
    // and it is listed among the region's reconciliations, to come back to
    const reconciliationId = new URL(page.url().replace('#', '')).searchParams.get('id')!;
    await page.getByTestId(`recon-open-${reconciliationId}`).waitFor();
    expect(await page.getByTestId('recon-due').textContent()).toBe('15.00');
    expect(await page.getByTestId('recon-paid').textContent()).toBe('14.00');
    expect(await page.getByTestId('recon-difference').textContent()).toBe('-1.00');
    const item = page.getByTestId('recon-items-table').locator('tbody tr.ant-table-row', { hasText: '少缴' }).first();
    await item.waitFor();
    await item.locator('[data-testid^="recon-resolve-"]').click();
    await page.getByTestId('recon-resolution').waitFor();
    await settle(page);
    await pick(page, 'recon-resolution', '追缴');
    await expect.poll(() => page.getByTestId('recon-resolution').textContent()).toContain('追缴');
    await page.getByTestId('recon-note').fill('已通知单位补缴');
    await settle(page);
    const resolved = page.waitForResponse((r) => /\/reconciliation-items\/[^/]+\/resolve$/.test(r.url()));
    await page.getByTestId('recon-resolve-submit').click();
    expect((await resolved).status()).toBe(200);
    // resolved items leave the list of open ones
    await item.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('recon-open-count').textContent()).toContain('已处理 1');
    await step(page, 'collection-3-reconciled');
  });
});
