/** 医保电子凭证: an enrolled person passes liveness, activates the voucher (password twice) and shows a QR code. */
import { expect, it, describe } from 'vitest';
import { browserSession, logIn, logOut, pick, screenshotOnFailure, step, submitLogin, passLivenessInBrowser, landOnProfile } from './support.js';
import { makeIdNumber } from '../../src/kernel/validation/identifiers.js';
import { maskName } from '../../src/kernel/crypto/index.js';
import { call, enrolledUnit, logInApi, must, nanyangPerson, NANYANG_CLERK, personAccount, registerInRegistry, signedPost } from './api.js';
import { SYSTEM_ADMIN } from './support.js';

describe('e-voucher: activation → code', () => {
  const person = nanyangPerson();
  let appId = '';
  let secret = '';
  let personId = '';
  // unique: every test file's national channel apps are offered to a person of 南阳
  const hospitalName = `南阳市中心医院${Math.floor(Math.random() * 1e6)}`;
  const child = { idNumber: makeIdNumber('411302', `2016${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}15`, Math.floor(Math.random() * 1000)), name: `张小${'一二三四五六七八九'[Math.floor(Math.random() * 9)]}${'明亮华强'[Math.floor(Math.random() * 4)]}` };
  const session = browserSession(async ({ target }) => {
    const clerk = await logInApi(target, NANYANG_CLERK.loginName, NANYANG_CLERK.password);
    const registered = await registerInRegistry(target, clerk, person, 'employee');
    const unit = await enrolledUnit(target, clerk, '410', '2019-01');
    const [employing] = (await must<{ items: Array<{ id: string; entityId: string }> }>(target, 'GET', `/enrollment/units?entityId=${unit.entityId}`, 200, { token: clerk })).items;
    await must(target, 'POST', `/enrollment/units/${employing.id}/employees`, 201, { token: clerk, body: { personId: registered.id, fromMonth: '2019-01' } });
    await personAccount(target, person);
    const admin = await logInApi(target, SYSTEM_ADMIN.loginName, SYSTEM_ADMIN.password);
    personId = registered.id;
    ({ appId, secret } = await must<{ appId: string; secret: string }>(target, 'POST', '/auth/channels', 201, { token: admin, body: { name: hospitalName, nameEn: 'Nanyang Central Hospital', capabilities: ['voucher.verify'] } }));
    // a child of theirs in the registry, to bind on the household-register page
    await registerInRegistry(target, clerk, child, 'resident');
  });

  it('activates at L3 with the password entered twice, authorizes a channel and shows a refreshing QR code', async () => {
    const { page, target, browser } = session;
    session.screenshotOnFailure('voucher-activate');
    await page.goto(`${target.url}/#/login`);
    await submitLogin(page, person.idNumber, person.password);
    await landOnProfile(page);

    // liveness (L3) on the provider's page, as on the profile
    await passLivenessInBrowser(page, browser.context);

    await page.goto(`${target.url}/#/personal/voucher`);
    await expect.poll(() => page.getByTestId('voucher-status').textContent()).toMatch(/未激活|Not activated/);
    await page.getByTestId('voucher-password').fill('258147');
    await page.getByTestId('voucher-password2').fill('258146');
    await page.getByTestId('voucher-activate').click();
    await page.getByText(/两次输入的密码不一致|The passwords differ/).waitFor();
    await page.getByTestId('voucher-password2').fill('258147');
    await step(page, 'voucher-1-activate');
    await page.getByTestId('voucher-activate').click();
    await expect.poll(() => page.getByTestId('voucher-status').textContent()).toMatch(/已激活|Active/);

    // the code tab opens first, with no channel yet
    await page.getByTestId('voucher-no-channel').waitFor();
    await page.getByRole('tab', { name: /渠道授权|Channels/ }).click();
    // the channel is chosen by its name among those of the person's region: no app id to type
    await pick(page, 'voucher-channel-select', hospitalName);
    await step(page, 'voucher-2-channel-picked');
    await page.getByTestId('voucher-authorize').click();
    await expect.poll(() => page.getByTestId('voucher-channels-table').textContent()).toContain(hospitalName);

    // the code tab shows it at once, without a reload
    await page.getByRole('tab', { name: /动态二维码|Dynamic QR code/ }).click();
    await page.getByTestId('voucher-no-channel').waitFor({ state: 'detached' });
    expect(await page.getByTestId('voucher-code-channel').textContent()).toContain(hospitalName);
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await page.getByTestId('voucher-show-code').click();
    const qr = page.getByTestId('voucher-qr');
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^blob:/);
    await step(page, 'voucher-2-code');
    const code = (await page.getByTestId('voucher-code-text').textContent())!.trim();
    // The image is asked for by the code's id: the code itself is in no URL (URLs are logged).
    expect(urls.some((url) => /\/api\/v1\/voucher\/codes\/[A-Za-z0-9_-]+\/qr$/.test(url))).toBe(true);
    expect(urls.filter((url) => url.includes(code.split('.')[2]))).toEqual([]);
    // What the cashier types when the scan fails is the code itself: the hospital verifies it once.
    const verified = await signedPost<{ personId?: string }>(target, { appId, secret }, '/voucher/verify', { code });
    expect([verified.status, verified.body.personId]).toEqual([200, personId]);
    const usage = await must<{ items: Array<{ action: string }> }>(target, 'GET', '/voucher/usage', 200, {
      token: await page.evaluate(() => JSON.parse(sessionStorage.getItem('yibao.tokens') ?? '{}').accessToken),
    });
    expect(usage.items.map((i) => i.action)).toContain('generate');
    // 用码记录 names what happened, in words
    await page.getByRole('tab', { name: /用码记录|Usage/ }).click();
    await expect.poll(() => page.getByTestId('voucher-usage-table').textContent()).toContain('生成医保码');
    expect(await page.getByTestId('voucher-usage-table').textContent()).toContain('机构核验');
    expect(await page.getByTestId('voucher-usage-table').textContent()).not.toMatch(/generate|verify/);
  });

  it('binds a child on an uploaded household-register page, whom the code tab then offers without a reload', async () => {
    const { page } = session;
    session.screenshotOnFailure('voucher-family');
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.getByRole('tab', { name: /家庭成员|Family/ }).click();
      await page.getByTestId('voucher-child-id-number').fill(child.idNumber);
      await page.getByTestId('voucher-child-name').fill(child.name);
      // without the page the form does not go
      await page.getByTestId('voucher-add-child').click();
      await page.getByText(/请上传户口簿页|Upload the household-register page/).waitFor();
      // a 1×1 PNG, as a phone's photo of the page would be
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
      await page.getByTestId('voucher-child-form').locator('input[type=file]').setInputFiles({ name: 'hukou.png', mimeType: 'image/png', buffer: png });
      await expect.poll(() => page.getByTestId('voucher-evidence-file').textContent()).toBe('hukou.png');
      // the field is filled now: its 'upload the page' message goes
      await page.getByText(/请上传户口簿页|Upload the household-register page/).waitFor({ state: 'detached' });
      await step(page, 'voucher-5-child-390');
      // no sideways scrolling at 390 px
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.getByTestId('voucher-add-child').click();
      const masked = maskName(child.name);
      await expect.poll(() => page.getByTestId('voucher-family-table').textContent()).toContain(masked);
      // the page uploaded is the one kept, readable by the guardian
      const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('yibao.tokens') ?? '{}').accessToken as string);
      const [member] = (await must<{ items: Array<{ id: string; name: string; evidenceId: string | null }> }>(session.target, 'GET', '/voucher/family', 200, { token })).items;
      expect(member.name).toBe(masked);
      const file = await fetch(`${session.target.url}/api/v1/voucher/evidence/${member.evidenceId}`, { headers: { authorization: `Bearer ${token}` } });
      expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true);
      await page.getByTestId(`voucher-evidence-view-${member.id}`).waitFor();

      // in English: the channel's English name, the kinds and the upload field's texts
      await page.getByTestId('lang-switch').getByText('English').click();
      await page.getByRole('tab', { name: 'Channels' }).click();
      await expect.poll(() => page.getByTestId('voucher-channels-table').textContent()).toContain('Nanyang Central Hospital');
      await page.getByRole('tab', { name: 'Family' }).click();
      await page.getByText('Household-register page', { exact: true }).waitFor();
      await step(page, 'voucher-5b-family-en-390');
      await page.getByTestId('lang-switch').getByText('中文').click();

      await page.getByRole('tab', { name: /动态二维码|Dynamic QR code/ }).click();
      await pick(page, 'voucher-code-member', masked);
      await page.getByTestId('voucher-show-code').click();
      await expect.poll(async () => (await page.getByTestId('voucher-qr').getAttribute('src')) ?? '').toMatch(/^blob:/);
      await step(page, 'voucher-6-child-code-390');
    } finally {
      await page.setViewportSize({ width: 1280, height: 860 });
    }
  });

  it('signs a browser in when the voucher holder confirms its login QR', async () => {
    const { page, target, browser } = session;
    session.screenshotOnFailure('voucher-scan-login');
    // the holder, still signed in from the test above with an active voucher
    const holder = await page.evaluate(() => JSON.parse(sessionStorage.getItem('yibao.tokens') ?? '{}').accessToken as string);
    const desk = await browser.context.newPage();
    screenshotOnFailure(() => desk, 'voucher-scan-login-desk');
    try {
      const polls: Array<{ url: string; pollToken?: string }> = [];
      desk.on('request', (request) => {
        if (request.url().includes('/voucher/login-sessions/')) polls.push({ url: request.url(), pollToken: request.headers()['x-poll-token'] });
      });
      await desk.goto(`${target.url}/#/login`);
      await desk.getByTestId('login-tab-qr').click();
      const shown = desk.getByTestId('login-qr-code');
      await expect.poll(() => shown.getAttribute('data-state')).toBe('active');
      const [prefix, id] = (await shown.getAttribute('data-code'))!.split('.');
      expect(prefix).toBe('YBLOGIN');
      await step(desk, 'voucher-3-login-qr');
      // what the holder's app does after scanning it
      await must(target, 'POST', `/voucher/login-sessions/${id}/confirm`, 200, { token: holder, body: {} });
      await landOnProfile(desk);
      expect(await desk.getByTestId('profile-id-number').textContent()).toContain(person.idNumber.slice(-4));
      // The page polled with its poll token in a header, never in the URL (URLs are logged).
      expect(polls.length).toBeGreaterThan(0);
      expect(polls.every((poll) => poll.pollToken && !poll.url.includes('pollToken') && !poll.url.includes(poll.pollToken))).toBe(true);
    } finally {
      await desk.close();
    }
  });

  it('shows the clerk the risk flag raised by too many codes in a minute', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('voucher-risk');
    const holder = await page.evaluate(() => JSON.parse(sessionStorage.getItem('yibao.tokens') ?? '{}').accessToken as string);
    // past the per-minute limit (10 by default) a generation is refused and flagged; 25 tries reach it
    // even if a minute boundary resets the count on the way
    let refused = 0;
    for (let i = 0; i < 25 && !refused; i++) {
      const answer = await call(target, 'POST', '/voucher/codes', { token: holder, body: { channelAppId: appId } });
      if (answer.status === 429) refused++;
      else expect(answer.status).toBe(201);
    }
    expect(refused).toBe(1);
    await logOut(page);
    await logIn(page, target.url, NANYANG_CLERK);
    await page.getByTestId('menu-voucherRisk').click();
    const row = page.getByTestId('risk-table').locator('tbody tr.ant-table-row', { hasText: '生码过于频繁' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('411302');
    await step(page, 'voucher-4-risk');
  });
});
