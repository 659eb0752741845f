/**
 * 首次申办 the online first visit, on a phone (390×844): a person the registry does not hold
 * registers, passes real-name verification (L2), and applies for resident enrollment (城乡居民参保)
 * choosing their household region and giving an address; the Nanyang clerk sees the registry record
 * the application carries and approves it; the person then finds themselves registered and enrolled,
 * and activates their e-voucher (which needs liveness, L3).
 */
import { describe, expect, it } from 'vitest';
import { maskName } from '../../src/kernel/crypto/index.js';
import { NANYANG_CLERK, nanyangPerson } from './api.js';
import { browserSession, logIn, passLivenessInBrowser, pick, settle, smsCode, step, submitLogin, pickMonth, landOnProfile } from './support.js';

const PHONE = { width: 390, height: 844 };
const ADDRESS = '南阳市宛城区新华东路 8 号';
const isPost = (path: RegExp) => (r: { url(): string; request(): { method(): string } }) => path.test(r.url()) && r.request().method() === 'POST';

describe('first visit: register → L2 → apply → the clerk confirms → enrolled → voucher', () => {
  const person = nanyangPerson();
  const session = browserSession(async ({ page }) => {
    await page.setViewportSize(PHONE);
  });
  /** the session ends with a fresh page load (the header at this width is the page frame's business, not this test's) */
  const signOut = async () => {
    const { page, target } = session;
    await page.evaluate(() => sessionStorage.clear());
    await page.goto('about:blank');
    await page.goto(`${target.url}/#/login`);
    await page.getByTestId('login-submit').waitFor();
  };
  let applicationId = '';

  it('registers, passes real-name verification and applies for resident enrollment carrying the registry record', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('first-visit-apply');
    await page.goto(`${target.url}/#/register`);
    await page.getByTestId('person-name').fill(person.name);
    await page.getByTestId('person-id-number').fill(person.idNumber);
    await page.getByTestId('person-phone').fill(person.phone);
    const since = Date.now() - 1000;
    await page.getByTestId('person-sms-send').click();
    await expect.poll(() => page.getByTestId('person-sms-send').textContent()).toMatch(/\d+/);
    await page.getByTestId('person-sms-code').fill(await smsCode(target.smsInboxUrl, person.phone, since));
    await page.getByTestId('person-password').fill(person.password);
    await page.getByTestId('person-password-confirm').fill(person.password);
    await page.getByTestId('person-register-submit').click();
    await page.getByTestId('login-submit').waitFor();
    await submitLogin(page, person.idNumber, person.password);
    await landOnProfile(page);

    target.addRealPerson({ name: person.name, idNumber: person.idNumber });
    await page.getByTestId('realname-name').fill(person.name);
    await page.getByTestId('realname-id-number').fill(person.idNumber);
    await page.getByTestId('realname-submit').click();
    await expect.poll(() => page.getByTestId('auth-level').textContent()).toContain('L2');

    // not in the registry: the enrollment page says so once, and leads to the online application
    await page.goto(`${target.url}/#/personal/enrollment`);
    await page.getByTestId('personal-not-registered').waitFor();
    expect(await page.getByTestId('personal-not-registered').count()).toBe(1);
    await step(page, 'first-visit-1-not-registered');
    await page.getByTestId('personal-first-visit-go').click();
    await page.getByTestId('apply-table').waitFor();
    await page.getByTestId('personal-not-registered').waitFor();
    expect(await page.getByTestId('personal-not-registered').count()).toBe(1);

    await page.getByTestId('apply-new').click();
    await page.getByTestId('apply-first-visit').waitFor();
    await settle(page);
    // a newcomer enrols (no suspension to offer), as a resident first
    expect(await page.getByTestId('apply-kind').textContent()).toContain('城乡居民参保');
    await page.getByTestId('apply-kind').click();
    const kinds = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await kinds.first().waitFor();
    expect(await kinds.allTextContents()).toEqual(['灵活就业人员参保', '城乡居民参保']);
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('apply-insurance-type').textContent()).toContain('390');
    // the household region is chosen from the agency offices' regions, not typed
    await pick(page, 'apply-region', '411302');
    await pickMonth(page, 'apply-from-month', '2020-01');
    // the address is required
    await page.getByTestId('apply-submit').click();
    await page.locator('.ant-form-item', { has: page.getByTestId('apply-address') }).locator('.ant-form-item-explain-error').waitFor();
    await page.getByTestId('apply-address').fill(ADDRESS);
    await step(page, 'first-visit-2-apply-form');
    const created = page.waitForResponse(isPost(/\/api\/v1\/personal\/applications$/));
    await page.getByTestId('apply-submit').click();
    const answer = await created;
    expect(answer.status()).toBe(201);
    const application = (await answer.json()) as { id: string; personId: string | null; regionCode: string };
    expect(application).toMatchObject({ personId: null, regionCode: '411302' });
    applicationId = application.id;
    const status = page.getByTestId(`apply-status-${applicationId}`);
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('submitted');
    await step(page, 'first-visit-3-submitted');
    // the page never shows the whole identity number
    expect(await page.content()).not.toContain(person.idNumber);
    await signOut();
  });

  it('the Nanyang clerk sees the carried record beside the application and approves it', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('first-visit-review');
    await logIn(page, target.url, NANYANG_CLERK);
    await page.goto(`${target.url}/#/admin/enrollment/applications`);
    await page.getByTestId(`first-visit-${applicationId}`).waitFor();
    // a table on a desktop, cards on a phone: found by test ids either way
    expect(await page.getByTestId('review-table').textContent()).toContain(maskName(person.name));
    const open = page.getByTestId(`review-open-${applicationId}`);
    await open.click();
    await page.getByTestId('application-declared').waitFor();
    expect(await page.getByTestId('application-declared-name').textContent()).toBe(maskName(person.name));
    expect(await page.getByTestId('application-declared-id-number').textContent()).toBe(`${person.idNumber.slice(0, 6)}********${person.idNumber.slice(-4)}`);
    const birth = person.idNumber.slice(6, 14);
    expect(await page.getByTestId('application-declared-birth-date').textContent()).toBe(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`);
    expect(await page.getByTestId('application-declared-address').textContent()).toBe(ADDRESS);
    await step(page, 'first-visit-4-review');

    await page.getByTestId('review-approve').click();
    await page.getByTestId('review-approve-note').fill('户籍信息核对无误');
    await settle(page);
    const approved = page.waitForResponse(isPost(/\/api\/v1\/enrollment\/applications\/[^/]+\/approve$/));
    await page.getByTestId('review-approve-submit').click();
    const answer = await approved;
    expect(answer.status()).toBe(200);
    expect(((await answer.json()) as { personId: string | null }).personId).toMatch(/^psn_/);
    // decided: gone from what waits for review
    await open.waitFor({ state: 'detached' });
    await signOut();
  });

  it('the person sees themselves registered and enrolled, and activates the e-voucher', async () => {
    const { page, target, browser } = session;
    session.screenshotOnFailure('first-visit-enrolled');
    await submitLogin(page, person.idNumber, person.password);
    await landOnProfile(page);

    await page.goto(`${target.url}/#/personal/enrollment`);
    const enrolled = page.getByTestId('my-enrollment-status-390');
    await enrolled.waitFor();
    expect(await enrolled.getAttribute('data-status')).toBe('active');
    expect(await page.getByTestId('personal-not-registered').count()).toBe(0);
    expect(await page.getByTestId('my-person-name').textContent()).toBe(maskName(person.name));
    await step(page, 'first-visit-5-enrolled');

    // the voucher asks for liveness (L3), passed on the profile
    await page.goto(`${target.url}/#/profile`);
    await passLivenessInBrowser(page, browser.context);
    await page.goto(`${target.url}/#/personal/voucher`);
    await expect.poll(() => page.getByTestId('voucher-status').textContent(), { timeout: 30_000 }).toMatch(/未激活|Not activated/);
    await page.getByTestId('voucher-password').fill('369258');
    await page.getByTestId('voucher-password2').fill('369258');
    await page.getByTestId('voucher-activate').click();
    await expect.poll(() => page.getByTestId('voucher-status').textContent()).toMatch(/已激活|Active/);
    await step(page, 'first-visit-6-voucher');
    // nothing is wider than the phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });
});
