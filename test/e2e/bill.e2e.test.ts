/**
 * E-bill verification (电子票据查验) in the browser: a hospital's channel app issues a bill through
 * the signed API; anyone verifies it on the public page reached from the login page (genuine), the
 * hospital voids it (冲红), and the same check, and the bill's QR link, then say voided. The person
 * finds the bill in their own list.
 */
import { describe, expect, it } from 'vitest';
import { logInApi, must, NANYANG_CLERK, nanyangPerson, personAccount, registerInRegistry, signedPost } from './api.js';
import { browserSession, step, submitLogin, SYSTEM_ADMIN, type Target } from './support.js';

/** The hospital's signed request that must create (201); what it created. */
async function signedCreate(target: Target, app: { appId: string; secret: string }, path: string, body: unknown) {
  const answer = await signedPost(target, app, path, body);
  if (answer.status !== 201) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

describe('bill verification (电子票据查验)', () => {
  const session = browserSession();

  it('verifies an issued bill as genuine on the public page, then as voided after 冲红', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('bill-verify');

    const clerk = await logInApi(target, NANYANG_CLERK.loginName, NANYANG_CLERK.password);
    const person = nanyangPerson();
    const registered = await registerInRegistry(target, clerk, person, 'employee');
    await personAccount(target, person);
    const admin = await logInApi(target, SYSTEM_ADMIN.loginName, SYSTEM_ADMIN.password);
    const hospital = await must(target, 'POST', '/auth/channels', 201, { token: admin, body: { name: '南阳市第一人民医院HIS', capabilities: ['bill.issue'] } });
    const bill = await signedCreate(target, hospital, '/bill/channel/bills', {
      payer: { personId: registered.id, name: person.name },
      institution: { code: 'H41130200746', name: '南阳市第一人民医院' },
      visitType: 'outpatient',
      insuranceId: person.idNumber,
      settlementRef: `E2E${Date.now()}`,
      items: [{ name: '西药费', amountFen: 8650 }, { name: '检查费', amountFen: 3350 }],
      totalFen: 12000,
      fundPayFen: 7200,
      accountPayFen: 2800,
      cashPayFen: 2000,
    });

    // Anyone, from the login page, without logging in.
    await page.goto(`${target.url}/#/login`);
    await page.getByTestId('to-verify-bill').click();
    await page.getByTestId('verify-code').fill(bill.billCode);
    await page.getByTestId('verify-number').fill(bill.billNumber);
    await page.getByTestId('verify-check').fill(bill.checkCode.toLowerCase());
    await page.getByTestId('verify-date').fill(bill.issueDate);
    await page.getByTestId('verify-total').fill('120.00');
    await page.getByTestId('verify-submit').click();
    const result = page.getByTestId('verify-result');
    await expect.poll(() => result.getAttribute('data-result')).toBe('genuine');
    const shown = (await result.textContent()) ?? '';
    expect(shown).toContain('票据真实有效');
    expect(shown).toContain('南阳市第一人民医院');
    expect(shown).toContain('72.00');
    expect(shown).not.toContain(person.name);
    await step(page, 'bill-1-genuine');

    // A wrong check code finds nothing.
    await page.getByTestId('verify-check').fill('ZZZZZZ');
    await page.getByTestId('verify-submit').click();
    await expect.poll(() => result.getAttribute('data-result')).toBe('not_found');

    // The hospital voids the bill; the same check now says voided, naming the red-letter bill.
    const voided = await signedCreate(target, hospital, `/bill/channel/bills/${bill.id}/void`, { reason: '患者退费' });
    await page.getByTestId('verify-check').fill(bill.checkCode);
    await page.getByTestId('verify-submit').click();
    await expect.poll(() => result.getAttribute('data-result')).toBe('voided');
    expect(await result.textContent()).toContain(voided.red.billNumber);
    await step(page, 'bill-2-voided');

    // The QR code on the bill opens the page filled in and checks at once.
    const query = new URLSearchParams({ code: bill.billCode, number: bill.billNumber, check: bill.checkCode, date: bill.issueDate, total: '12000' });
    await page.goto(`${target.url}/#/bill/verify?${query.toString()}`);
    await page.reload();
    await expect.poll(() => page.getByTestId('verify-result').getAttribute('data-result')).toBe('voided');

    // The person sees the bill and its red-letter bill in their own list.
    await page.goto(`${target.url}/#/login`);
    await submitLogin(page, person.idNumber, person.password);
    await page.getByTestId('profile-info').waitFor();
    await page.goto(`${target.url}/#/personal/bills`);
    await page.getByTestId(`bill-number-${bill.id}`).waitFor();
    await page.getByTestId(`bill-number-${voided.red.id}`).waitFor();
    await step(page, 'bill-3-person-list');
  });
});
