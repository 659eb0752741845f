/** A unit registers with its first agent, who then manages the unit's agents. */
import { describe, expect, it } from 'vitest';
import { browserSession, landOnProfile, newPerson, newUnit, smsCode, step, submitLogin } from './support.js';

describe('unit: register, agents', () => {
  const session = browserSession();
  const unit = newUnit();
  const manager = newPerson();
  const second = newPerson();

  it('checks the credit code as it is typed and registers the unit', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('unit-register');
    await page.goto(`${target.url}/#/register?tab=unit`);
    const credit = page.getByTestId('unit-credit-code');
    // a wrong check character is refused at once
    await credit.fill(unit.creditCode.slice(0, 17) + (unit.creditCode[17] === '0' ? '1' : '0'));
    await credit.blur();
    await page.getByText('统一社会信用代码格式或校验位不正确').waitFor();
    await credit.fill(unit.creditCode.toLowerCase());
    await expect.poll(() => credit.inputValue()).toBe(unit.creditCode);

    await page.getByTestId('unit-name').fill(unit.name);
    await page.getByTestId('unit-agent-name').fill(manager.name);
    await page.getByTestId('unit-agent-id-number').fill(manager.idNumber);
    await page.getByTestId('unit-agent-phone').fill(manager.phone);
    const since = Date.now() - 1000;
    await page.getByTestId('unit-sms-send').click();
    await page.getByTestId('unit-sms-code').fill(await smsCode(target.smsInboxUrl, manager.phone, since));
    await page.getByTestId('unit-agent-password').fill(manager.password);
    await page.getByTestId('unit-agent-password-confirm').fill(manager.password);
    await step(page, 'unit-1-register-filled');
    await page.getByTestId('unit-register-submit').click();
    await page.getByTestId('login-submit').waitFor();
    expect(page.url()).toContain('#/login');
  });

  it('logs the agent in, who adds a second agent and revokes them', async () => {
    const { page } = session;
    session.screenshotOnFailure('unit-agents');
    await submitLogin(page, manager.phone, manager.password);
    await landOnProfile(page);
    await page.getByTestId('profile-unit').waitFor();
    expect(await page.getByTestId('profile-unit').textContent()).toContain(unit.name);
    expect(await page.getByTestId('profile-kind').textContent()).toBe('单位经办人');

    await page.getByTestId('menu-agents').click();
    const table = page.getByTestId('agents-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await table.textContent()).toContain('管理人');

    await page.getByTestId('agent-add').click();
    await page.getByTestId('agent-name').fill(second.name);
    await page.getByTestId('agent-id-number').fill(second.idNumber);
    await page.getByTestId('agent-phone').fill(second.phone);
    await page.getByTestId('agent-password').fill(second.password);
    await page.getByTestId('agent-add-submit').click();
    const maskedPhone = `${second.phone.slice(0, 3)}****${second.phone.slice(-4)}`;
    const row = table.locator('tbody tr.ant-table-row', { hasText: maskedPhone });
    await row.waitFor();
    await step(page, 'unit-2-agents');
    expect(await page.content()).not.toContain(second.phone);

    await row.getByRole('button').click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await expect.poll(() => row.textContent()).toContain('已撤销');
    await step(page, 'unit-3-revoked');
  });
});
