/**
 * 单位首次申办 on a phone (390×844): a unit registered online that the registry does not hold finds,
 * in 单位信息, the online application for 单位参保登记 instead of a dead end; its agent chooses the
 * type, region (by name), address, insurance type and first month; the Nanyang clerk approves it; the
 * unit hall then shows the unit from the registry with its enrollment.
 */
import { describe, expect, it } from 'vitest';
import { logInApi, must, NANYANG_CLERK, registeredUnit } from './api.js';
import { browserSession, pick, pickMonth, pickRegion, settle, step, submitLogin } from './support.js';

const PHONE = { width: 390, height: 844 };

describe('unit first visit: apply online → the clerk approves → the unit hall opens', () => {
  let unit: Awaited<ReturnType<typeof registeredUnit>>;
  const session = browserSession(async ({ page, target }) => {
    await page.setViewportSize(PHONE);
    unit = await registeredUnit(target);
  });

  it('applies for 单位参保登记 from 单位信息, and after approval sees the unit and its enrollment', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('unit-first-visit');
    await page.goto(`${target.url}/#/login`);
    await submitLogin(page, unit.agent.phone, unit.agent.password);
    await page.getByTestId('header-user').waitFor();
    await page.goto(`${target.url}/#/unit/info`);
    await page.getByTestId('unit-first-visit').waitFor();
    // no notice sending the agent to a counter beside it
    expect(await page.getByTestId('unit-not-registered').count()).toBe(0);
    await step(page, 'unit-first-visit-1-form');

    await pick(page, 'unit-apply-type', '企业');
    expect(await pickRegion(page, 'unit-apply-region', '411302')).toContain('宛城区');
    await page.getByTestId('unit-apply-address').fill('南阳市宛城区工业路 18 号');
    await pick(page, 'unit-apply-insurance-type', '410');
    await pickMonth(page, 'unit-apply-from-month', '2020-01');
    await page.getByTestId('unit-apply-submit').click();
    const status = page.locator('[data-testid^="unit-application-status-"]');
    await expect.poll(() => status.first().textContent()).toBe('待审核');
    // one pending application: the form gives way to its status
    expect(await page.getByTestId('unit-apply-submit').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await settle(page);
    await step(page, 'unit-first-visit-2-submitted');

    // the clerk of Nanyang finds it among the unit enrollments to review and approves it
    const clerk = await logInApi(target, NANYANG_CLERK.loginName, NANYANG_CLERK.password);
    const queue = await must<{ items: Array<{ id: string; declaredEntity: { name: string } | null }> }>(target, 'GET', '/enrollment/applications?status=submitted&kind=unit_enrollment&page=1&pageSize=100', 200, { token: clerk });
    const mine = queue.items.find((a) => a.declaredEntity?.name === unit.name);
    expect(mine, 'the application carries the unit’s registered name').toBeDefined();
    await must(target, 'POST', `/enrollment/applications/${mine!.id}/approve`, 200, { token: clerk, body: {} });

    await page.reload();
    await page.getByTestId('unit-info').waitFor();
    expect(await page.getByTestId('unit-info-name').textContent()).toBe(unit.name);
    await expect.poll(() => page.getByTestId('unit-enrollments-table').textContent()).toContain('410');
    expect(await page.getByTestId('unit-first-visit').count()).toBe(0);
    await step(page, 'unit-first-visit-3-enrolled');
  });
});
