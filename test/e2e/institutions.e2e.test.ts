/**
 * 定点医药机构 in the console: a 南阳 clerk finds the demo hospital, registers an institution, imports
 * a file with a bad row (shown with its row number), reads the page in English and on a 390 px
 * phone; the system administrator binds a channel app to an institution.
 */
import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../src/kernel/validation/identifiers.js';
import { browserSession, logIn, logOut, pick, settle, step, SYSTEM_ADMIN } from './support.js';

const CLERK = { loginName: 'nanyang_clerk', password: 'Admin@12345' } as const;
const code = `H411303${String(randomInt(1e5)).padStart(5, '0')}`;
const creditCode = () => makeCreditCode(`12411300${String(randomInt(1e9)).padStart(9, '0')}`);

describe('console: designated institutions', () => {
  const session = browserSession();

  it('lists the demo institutions and registers one through the form', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('institutions-create');
    await logIn(page, target.url, CLERK);
    await page.getByTestId('menu-institutions').click();
    const table = page.getByTestId('institutions-table');
    await table.locator('tbody tr.ant-table-row', { hasText: 'H41130200746' }).waitFor();
    expect(await page.getByTestId('page-title').textContent()).toBe('定点医药机构');
    expect(await table.locator('tbody tr.ant-table-row', { hasText: 'H41130200746' }).textContent()).toContain('二级');
    await step(page, 'institutions-1-list');

    await page.getByTestId('institutions-create').click();
    await page.getByTestId('institution-code').fill(code.toLowerCase());
    await page.getByTestId('institution-name').fill('南阳市卧龙区端到端医院');
    await pick(page, 'institution-kind', '专科医院');
    await pick(page, 'institution-level', '三级');
    await page.getByTestId('institution-credit-code').fill(creditCode());
    await page.getByTestId('institution-from').fill('2024-01-01');
    // the end before the start: the form says so before asking the server
    await page.getByTestId('institution-to').fill('2023-12-31');
    await page.getByTestId('institution-submit').click();
    await page.getByText('结束日期不能早于开始日期').waitFor();
    await page.getByTestId('institution-to').fill('2028-12-31');
    await settle(page);
    await step(page, 'institutions-2-form');
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/registry/institutions') && r.request().method() === 'POST');
    await page.getByTestId('institution-submit').click();
    expect((await answered).status()).toBe(201);
    const row = table.locator('tbody tr.ant-table-row', { hasText: code });
    const search = page.getByPlaceholder('机构名称或编码');
    await search.fill(code);
    await search.press('Enter');
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('专科医院');
    expect(text).toContain('三级');
    expect(text).toContain('协议有效');
  });

  it('imports a CSV file and shows the refused row with its number', async () => {
    const { page } = session;
    session.screenshotOnFailure('institutions-import');
    const good = `H411303${String(randomInt(1e5)).padStart(5, '0')}`;
    const csv = [
      '机构编码,机构名称,机构类型,统一社会信用代码,医院等级,协议开始日期,协议结束日期',
      `${good},南阳市卧龙区导入诊所,诊所,${creditCode()},未定级,2024-01-01,2026-12-31`,
      `P41130300077,南阳导入药房,单体零售药店,${creditCode()},二级,2024-01-01,2026-12-31`,
    ].join('\r\n');
    await page.locator('input[type=file]').setInputFiles({ name: '定点机构.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    const result = page.getByTestId('institutions-import-result');
    await result.waitFor();
    expect(await page.getByTestId('institutions-import-counts').textContent()).toContain('新增 1');
    const errors = page.getByTestId('institutions-import-errors').locator('tbody tr.ant-table-row');
    await errors.first().waitFor();
    expect(await errors.count()).toBe(1);
    const error = await errors.first().textContent();
    expect(error).toContain('3');
    expect(error).toContain('医院等级');
    expect(error).toContain('药店不评定医院等级');
    await settle(page);
    await step(page, 'institutions-3-import');
  });

  it('reads in English, and fits a 390 px phone in both languages', async () => {
    const { page } = session;
    session.screenshotOnFailure('institutions-phone');
    await page.getByTestId('institutions-import-close').click();
    await page.getByTestId('lang-switch').getByText('English').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Designated institutions');
    // the list keeps its filter (the new institution's code)
    const row = page.getByTestId('institutions-table').locator('tbody tr.ant-table-row', { hasText: code });
    await expect.poll(() => row.textContent()).toContain('Specialty hospital');
    expect(await row.textContent()).toContain('Level 3');
    await step(page, 'institutions-4-en');

    await page.setViewportSize({ width: 390, height: 844 });
    await settle(page);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await step(page, 'institutions-5-phone-en');
    await page.getByTestId('institutions-create').click();
    await page.getByTestId('institution-code').waitFor();
    await settle(page);
    const dialog = await page.locator('.ant-modal').boundingBox();
    expect(dialog!.x).toBeGreaterThanOrEqual(0);
    expect(dialog!.x + dialog!.width).toBeLessThanOrEqual(390);
    await step(page, 'institutions-6-phone-form');
    await page.locator('.ant-modal-footer button').first().click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await page.getByTestId('lang-switch').getByText('中文').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('定点医药机构');
    await settle(page);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await step(page, 'institutions-7-phone-zh');
    await page.setViewportSize({ width: 1280, height: 860 });
    await logOut(page);
  });

  it('the system administrator binds a channel app to an institution', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('institutions-channel');
    await logIn(page, target.url, SYSTEM_ADMIN);
    await page.getByTestId('menu-channels').click();
    await page.getByTestId('channel-create').click();
    const appName = `端到端医院${Date.now().toString(36)}`;
    await page.getByTestId('channel-name').fill(appName);
    await page.getByTestId('channel-capability-auth.introspect').click();
    // picked by name: the registry's institutions are offered as one types
    await page.getByTestId('channel-institution').fill('南阳市第一');
    await page.locator('.ant-select-item-option', { hasText: 'H41130200746' }).click();
    await expect.poll(() => page.getByTestId('channel-institution').inputValue()).toBe('H41130200746');
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/channels') && r.request().method() === 'POST');
    await page.getByTestId('channel-create-submit').click();
    expect((await answered).status()).toBe(201);
    await page.getByTestId('channel-secret-done').click();
    const row = page.getByTestId('channels-table').locator('tbody tr.ant-table-row', { hasText: appName });
    await row.waitFor();
    expect(await row.textContent()).toContain('H41130200746');

    await row.getByText('绑定机构').click();
    await page.getByTestId('channel-bind-code').fill('P41139999999');
    await page.getByTestId('channel-bind-submit').click();
    // not a registry institution: the server's message under the field
    await page.getByText('不存在').waitFor();
    await page.getByTestId('channel-bind-code').fill('P41130200001');
    await page.getByTestId('channel-bind-submit').click();
    await expect.poll(() => row.textContent()).toContain('P41130200001');
    await settle(page);
    await step(page, 'institutions-8-channel');
  });
});
