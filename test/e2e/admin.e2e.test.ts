/** The seeded province administrator reveals an account's masked identity number, creates a role and grants it to an account. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { call, must } from './api.js';
import { browserSession, logIn, maskedIdPattern, newPerson, PROVINCE_ADMIN, settle, step } from './support.js';

/** Picks an option of an antd Select by typing into it and clicking the matching option. */
async function pick(page: Page, testId: string, search: string, optionText: string | RegExp) {
  const select = page.getByTestId(testId);
  await select.click();
  await select.locator('input').fill(search);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: optionText }).first();
  await option.click();
}

describe('admin: roles and grants', () => {
  const session = browserSession();

  it('logs in as the province admin and sees the admin menu', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('admin-login');
    await logIn(page, target.url, PROVINCE_ADMIN);
    for (const item of ['menu-orgs', 'menu-accounts', 'menu-roles', 'menu-grants']) {
      await page.getByTestId(item).waitFor();
    }
    await step(page, 'admin-1-profile');

    await page.getByTestId('menu-orgs').click();
    await page.getByTestId('org-tree').getByText('河南省医疗保障局').first().waitFor();
    await step(page, 'admin-2-orgs');

    await page.getByTestId('menu-accounts').click();
    await page.getByTestId('accounts-table').locator('tbody tr.ant-table-row').first().waitFor();
    await step(page, 'admin-3-accounts');
  });

  it('lists accounts masked and reveals one in full with the eye button (an audited reveal)', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('admin-reveal');
    const { accessToken } = await must<{ accessToken: string }>(target, 'POST', '/auth/login', 200, { body: { identifier: PROVINCE_ADMIN.loginName, password: PROVINCE_ADMIN.password } });
    const someone = newPerson();
    const loginName = `e2e_reveal_${Date.now().toString(36)}`;
    const account = await call<{ id: string }>(target, 'POST', '/user/accounts', {
      token: accessToken,
      body: { kind: 'agency_staff', loginName, name: someone.name, phone: someone.phone, idNumber: someone.idNumber, orgId: 'org_nanyang_wancheng', password: someone.password },
    });
    expect(account.status).toBe(201);
    const id = account.body.id;

    const search = page.getByTestId('account-search').locator('input').first();
    await search.fill(loginName);
    await search.press('Enter');
    const shown = page.getByTestId(`account-id-number-${id}`);
    await shown.waitFor();
    expect((await shown.textContent())?.trim()).toMatch(maskedIdPattern(someone.idNumber));
    expect(await page.getByTestId(`account-name-${id}`).textContent()).not.toBe(someone.name);
    const revealed = page.waitForResponse((r) => r.url().endsWith(`/api/v1/user/accounts/${id}/reveal`));
    await page.getByTestId('accounts-table').getByRole('button', { name: '显示完整信息' }).click();
    const answer = await revealed;
    expect(answer.status()).toBe(200);
    expect(answer.headers()['cache-control']).toBe('no-store');
    await expect.poll(() => shown.textContent()).toBe(someone.idNumber);
    expect(await page.getByTestId(`account-name-${id}`).textContent()).toBe(someone.name);
    expect(await page.getByTestId(`account-phone-${id}`).textContent()).toBe(someone.phone);
    await settle(page);
    await step(page, 'admin-3b-account-revealed');
  });

  it('creates a role with a permission picked from the resource tree', async () => {
    const { page } = session;
    session.screenshotOnFailure('admin-role');
    const code = `e2e_role_${Date.now().toString(36)}`;
    await page.getByTestId('menu-roles').click();
    await page.getByTestId('roles-table').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('role-create').click();
    await page.getByTestId('role-code').fill(code);
    await page.getByTestId('role-name').fill('端到端测试角色');
    const tree = page.getByTestId('role-permission-tree');
    const checkbox = tree.locator('.ant-tree-treenode', { hasText: '(user.accounts.read)' }).locator('.ant-tree-checkbox');
    await checkbox.click();
    await expect.poll(() => checkbox.getAttribute('class')).toContain('ant-tree-checkbox-checked');
    await step(page, 'admin-4-role-form');
    await page.getByTestId('role-create-submit').click();
    const row = page.getByTestId('roles-table').locator('tbody tr.ant-table-row', { hasText: code });
    await row.waitFor();
    expect(await row.textContent()).toContain('1 项权限');
    await step(page, 'admin-5-roles');
    (globalThis as { e2eRoleCode?: string }).e2eRoleCode = code;
  });

  it('grants the role to an account and the grant shows in the list', async () => {
    const { page } = session;
    session.screenshotOnFailure('admin-grant');
    const code = (globalThis as { e2eRoleCode?: string }).e2eRoleCode ?? 'agency_clerk';
    await page.getByTestId('menu-grants').click();
    await pick(page, 'grant-account', 'nanyang_clerk', 'nanyang_clerk');
    await page.getByTestId('grants-table').waitFor();
    await pick(page, 'grant-role', code, code);
    await page.getByTestId('grant-submit').click();
    await page.getByTestId('grants-table').getByText(code, { exact: true }).waitFor();
    await step(page, 'admin-6-granted');
    expect(await page.getByTestId('grants-table').textContent()).toContain(code);
  });
});
