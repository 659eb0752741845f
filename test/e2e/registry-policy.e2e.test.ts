/**
 * The Nanyang city administrator registers a person (the server's field error lands on the region
 * field first), finds the person in the list, by identity number and in its change history — every
 * one masked, each revealed in full with the eye button (an audited reveal) — decides
 * the conflict case a second registration with another name opens, imports a CSV with a bad row and
 * downloads the error report; on the policy page, filters the versions, is refused the review of a
 * draft of their own (four-eyes rule) and looks up the long-term-care parameters in force for
 * January 2019.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../src/kernel/validation/identifiers.js';
import { browserSession, dismissConfirm, logIn, pick, settle, step, pickRegion, pickMonth } from './support.js';

/** The seeded city administrator of Nanyang (src/demo-seed.ts). */
const NANYANG_ADMIN = { loginName: 'nanyang_admin', password: 'Admin@12345' } as const;

const rand = (n: number) => Math.floor(Math.random() * n);

/** A person of Nanyang Wancheng (411302) no test has used. */
function nanyangPerson() {
  const birth = `${1960 + rand(40)}${String(1 + rand(12)).padStart(2, '0')}${String(1 + rand(28)).padStart(2, '0')}`;
  return { name: `南阳${'甲乙丙丁戊己庚辛'[rand(8)]}${'子丑寅卯辰巳午未'[rand(8)]}`, idNumber: makeIdNumber('411302', birth, rand(1000)), birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}` };
}

/** antd puts data-testid on the <input> / <textarea> of some inputs and on a wrapper of others. */
async function textbox(page: Page, testId: string) {
  const el = page.getByTestId(testId);
  return ['INPUT', 'TEXTAREA'].includes(await el.evaluate((e) => e.tagName)) ? el : el.locator('input, textarea').first();
}

/** 身份证号 as lists and details show it: first 6 and last 4. */
const maskedId = (idNumber: string) => `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`;

describe('registry and policy pages', () => {
  const session = browserSession();
  const person = nanyangPerson();
  let personId = '';

  it('registers a person, lists it, finds it by identity number and shows its history', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('registry-person');
    await logIn(page, target.url, NANYANG_ADMIN);
    await page.getByTestId('menu-registry').click();
    await page.getByTestId('registry-persons-table').waitFor();
    expect(await page.getByTestId('page-title').textContent()).toBe('自然人基本信息');

    await page.getByTestId('registry-person-create').click();
    await (await textbox(page, 'registry-person-id-number')).fill(person.idNumber);
    await (await textbox(page, 'registry-person-name')).fill(person.name);
    // birth date and sex are not asked: the form reads them from the identity number
    expect(await page.getByTestId('registry-person-birth-date').count()).toBe(0);
    expect(await page.getByTestId('registry-person-sex').count()).toBe(0);
    const sex = Number(person.idNumber[16]) % 2 === 1 ? '男' : '女';
    await expect.poll(() => page.getByTestId('registry-person-derived').textContent()).toBe(`${person.birthDate} · ${sex}`);
    // a region outside Nanyang: outside the clerk's scope, so not found; its message goes on the region field
    expect(await pickRegion(page, 'registry-person-region', '110105')).toContain('朝阳区');
    await pick(page, 'registry-person-category', '在职职工');
    await settle(page);
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/registry/persons') && r.request().method() === 'POST');
    await page.getByTestId('registry-person-submit').click();
    expect((await refused).status()).toBe(404);
    const regionItem = page.locator('.ant-form-item', { has: page.getByTestId('registry-person-region') });
    await regionItem.locator('.ant-form-item-explain-error', { hasText: '该区划不在本机构的管辖范围内' }).waitFor();
    await step(page, 'registry-1-field-error');

    await pickRegion(page, 'registry-person-region', '411302');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/registry/persons') && r.request().method() === 'POST');
    await page.getByTestId('registry-person-submit').click();
    const registered = await created;
    expect(registered.status()).toBe(201);
    personId = (await registered.json()).id;

    // the new person's details open masked, with the history of the registration; the eye reveals them in full
    const detail = page.getByTestId('registry-person-detail');
    await detail.waitFor();
    expect(await page.getByTestId('registry-detail-idNumber').textContent()).toBe(maskedId(person.idNumber));
    expect(await page.getByTestId('registry-detail-birthDate').textContent()).toBe(`${person.birthDate.slice(0, 4)}-**-**`);
    expect(await page.getByTestId('registry-detail-name').textContent()).not.toBe(person.name);
    // the region by name, its code beside it
    expect(await page.getByTestId('registry-detail-regionCode').textContent()).toBe('宛城区 (411302)');
    const revealedInDetail = page.waitForResponse((r) => r.url().endsWith(`/api/v1/registry/persons/${personId}/reveal`));
    await detail.getByRole('button', { name: '显示完整信息' }).click();
    expect((await revealedInDetail).status()).toBe(200);
    await expect.poll(() => page.getByTestId('registry-detail-idNumber').textContent()).toBe(person.idNumber);
    expect(await page.getByTestId('registry-detail-birthDate').textContent()).toBe(person.birthDate);
    expect(await page.getByTestId('registry-detail-name').textContent()).toBe(person.name);
    const history = page.getByTestId('registry-history-table').locator('tbody tr.ant-table-row').first();
    await history.waitFor();
    const historyText = await history.textContent();
    expect(historyText).toContain('新增');
    expect(historyText).toContain('经办录入');
    // the history masks the name: only the surname shows
    expect(historyText).toContain(`姓名: ${person.name[0]}*`);
    expect(historyText).not.toContain(person.name);
    await settle(page);
    await step(page, 'registry-2-detail');
    await page.locator('.ant-drawer-close').click();
    await detail.waitFor({ state: 'detached' });

    // the list masks the number too; the row's eye button reveals it in place
    const row = page.getByTestId('registry-persons-table').locator('tbody tr.ant-table-row', { has: page.getByTestId(`registry-id-number-${personId}`) });
    await row.waitFor();
    expect(await page.getByTestId(`registry-id-number-${personId}`).textContent()).toBe(maskedId(person.idNumber));
    expect(await row.textContent()).not.toContain(person.name);
    expect(await row.textContent()).toContain('正常');
    await settle(page);
    await step(page, 'registry-2a-list-masked');
    await row.getByRole('button', { name: '显示完整信息' }).click();
    await expect.poll(() => page.getByTestId(`registry-id-number-${personId}`).textContent()).toBe(person.idNumber);
    expect(await row.textContent()).toContain(person.name);
    await settle(page);
    await step(page, 'registry-2b-list-revealed');
    // the eye hides them again, without asking the server
    await row.getByRole('button', { name: '隐藏完整信息' }).click();
    await expect.poll(() => page.getByTestId(`registry-id-number-${personId}`).textContent()).toBe(maskedId(person.idNumber));

    // the lookup is a POST: the number stays out of the address
    const lookup = page.waitForResponse((r) => r.url().endsWith('/api/v1/registry/persons/lookup'));
    const lookupBox = await textbox(page, 'registry-id-lookup');
    await lookupBox.fill(person.idNumber);
    await lookupBox.press('Enter');
    const answer = await lookup;
    expect(answer.status()).toBe(200);
    expect(answer.request().method()).toBe('POST');
    expect(answer.url()).not.toContain(person.idNumber);
    await detail.waitFor();
    expect(await page.getByTestId('registry-detail-idNumber').textContent()).toBe(maskedId(person.idNumber));
    await step(page, 'registry-3-lookup');
    await page.locator('.ant-drawer-close').click();
    await detail.waitFor({ state: 'detached' });
  });

  it('opens a conflict case for the same number with another name and takes the incoming name', async () => {
    const { page } = session;
    session.screenshotOnFailure('registry-conflict');
    const newName = `${person.name}新`;
    await page.getByTestId('registry-person-create').click();
    await (await textbox(page, 'registry-person-id-number')).fill(person.idNumber);
    await (await textbox(page, 'registry-person-name')).fill(newName);
    await pickRegion(page, 'registry-person-region', '411302');
    await pick(page, 'registry-person-category', '在职职工');
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/registry/persons') && r.request().method() === 'POST');
    await page.getByTestId('registry-person-submit').click();
    expect((await answered).status()).toBe(202);
    await page.getByTestId('registry-conflict-opened').waitFor();
    await dismissConfirm(page);

    await page.getByTestId('menu-conflicts').click();
    const row = page.getByTestId('conflicts-table').locator('tbody tr.ant-table-row', { hasText: newName });
    await row.waitFor();
    expect(await row.textContent()).toContain(`姓名: ${person.name} → ${newName}`);
    expect(await row.textContent()).toContain('待处理');
    await step(page, 'conflicts-1-open');
    await row.locator('[data-testid^="conflict-take-"]').click();
    await (await textbox(page, 'conflict-note')).fill('核对户籍后更名');
    const resolved = page.waitForResponse((r) => r.url().includes('/resolve'));
    await page.getByTestId('conflict-resolve-submit').click();
    expect((await resolved).status()).toBe(200);
    await page.getByText('会商已处理').waitFor();
    // the open list no longer has it; all statuses show the decision
    await row.waitFor({ state: 'detached' });
    await pick(page, 'conflicts-status-filter', '已采用新信息');
    const decided = page.getByTestId('conflicts-table').locator('tbody tr.ant-table-row', { hasText: newName });
    await decided.waitFor();
    expect(await decided.textContent()).toContain('已采用新信息');
    expect(await decided.textContent()).toContain('核对户籍后更名');
    await step(page, 'conflicts-2-decided');
    await page.getByTestId('menu-registry').click();
    await page.getByTestId(`registry-name-${personId}-reveal`).click();
    await expect.poll(() => page.getByTestId(`registry-name-${personId}`).textContent()).toBe(newName);
  });

  it('imports a CSV, follows its progress and downloads the error report', async () => {
    const { page } = session;
    session.screenshotOnFailure('registry-import');
    await page.getByTestId('registry-tab-imports').click();
    await page.getByTestId('registry-imports-table').waitFor();
    const good = nanyangPerson();
    const csv = `身份证号,姓名,区划,人员类别\n${good.idNumber},${good.name},411302,employee\n123,坏行,411302,employee\n`;
    const accepted = page.waitForResponse((r) => r.url().includes('/api/v1/registry/imports?') && r.request().method() === 'POST');
    await page.getByTestId('registry-import-upload').locator('input[type=file]').setInputFiles({ name: 'persons.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    expect((await accepted).status()).toBe(202);
    const status = page.getByTestId('registry-import-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 20_000 }).toBe('completed');
    expect(await page.getByTestId('registry-import-rows').textContent()).toContain('入库 1');
    expect(await page.getByTestId('registry-import-rows').textContent()).toContain('失败 1');
    await step(page, 'registry-4-import');

    const download = page.waitForEvent('download');
    await page.getByTestId('registry-import-errors').click();
    const file = await (await download).path();
    const report = readFileSync(file, 'utf8');
    expect(report).toContain('idNumber');
    expect(report.split('\n')[1]).toMatch(/^3,/);
  });

  it('looks up the long-term-care parameters in force in Nanyang for January 2019', async () => {
    const { page } = session;
    session.screenshotOnFailure('policy-parameters');
    await page.getByTestId('menu-policy').click();
    await page.getByTestId('policy-versions-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('page-title').textContent()).toBe('政策参数');

    // filters: published collection rules of long-term care insurance
    await pick(page, 'policy-kind-filter', '征缴规则');
    await pick(page, 'policy-type-filter', '410');
    const rows = page.getByTestId('policy-versions-table').locator('tbody tr.ant-table-row');
    await expect.poll(async () => (await rows.allTextContents()).every((t) => t.includes('征缴规则') && t.includes('410'))).toBe(true);
    expect(await rows.first().textContent()).toContain('单位 0.2 %');
    // the region filter is a cascader: Nanyang's versions, each naming the region
    expect(await pickRegion(page, 'policy-region-filter', '411300')).toContain('南阳市');
    await expect.poll(async () => (await rows.allTextContents()).every((t) => t.includes('南阳市 (411300)'))).toBe(true);
    expect(await rows.count()).toBeGreaterThan(0);

    // the version's details: published, with its review history; the four-eyes rule is the server's
    await rows.first().locator('[data-testid^="policy-version-detail-"]').click();
    await page.getByTestId('policy-version-detail').waitFor();
    expect(await page.getByTestId('policy-version-status').getAttribute('data-status')).toBe('published');
    expect(await page.getByTestId('policy-events-table').textContent()).toContain('发布');
    await settle(page);
    await step(page, 'policy-1-version');
    await page.locator('.ant-drawer-close').click();
    await page.getByTestId('policy-version-detail').waitFor({ state: 'detached' });

    // a draft of one's own: the server refuses the review (four-eyes rule) and the page shows why
    const draft = await page.evaluate(async () => {
      const tokens = JSON.parse(sessionStorage.getItem('yibao.tokens') ?? '{}') as { accessToken: string };
      const res = await fetch('/api/v1/policy/wages', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.accessToken}` },
        body: JSON.stringify({ regionCode: '411300', year: 2035, monthlyFen: 650000 }),
      });
      return (await res.json()) as { id: string };
    });
    // a fresh page: no filters
    await page.reload();
    await page.getByTestId('policy-versions-table').locator('tbody tr.ant-table-row').first().waitFor();
    await pick(page, 'policy-kind-filter', '社平工资');
    await pick(page, 'policy-status-filter', '编制');
    await page.getByTestId(`policy-version-detail-${draft.id}`).click();
    await page.getByTestId('policy-version-detail').waitFor();
    // the drawer slides in: a click before it settles can miss the button
    await settle(page);
    const refused = page.waitForResponse((r) => r.url().includes(`/policy/versions/${draft.id}/review`));
    await page.getByTestId('policy-review').click();
    expect((await refused).status()).toBe(403);
    expect(await page.getByTestId('policy-action-error').textContent()).toContain('四眼原则');
    expect(await page.getByTestId('policy-version-status').getAttribute('data-status')).toBe('draft');
    await step(page, 'policy-3-four-eyes');
    await page.locator('.ant-drawer-close').click();
    await page.getByTestId('policy-version-detail').waitFor({ state: 'detached' });

    await page.getByTestId('policy-tab-parameters').click();
    await pickRegion(page, 'policy-params-region', '411300');
    await pick(page, 'policy-params-type', '410');
    await pickMonth(page, 'policy-params-month', '2019-01');
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/policy/parameters?'));
    await page.getByTestId('policy-params-submit').click();
    expect((await answered).status()).toBe(200);

    await page.getByTestId('policy-params-result').waitFor();
    const unitShare = page.getByTestId('policy-params-shares-2000101');
    await unitShare.waitFor();
    expect(await unitShare.textContent()).toContain('单位');
    expect(await unitShare.getByTestId('policy-share-rate').textContent()).toBe('0.2 %');
    expect(await page.getByTestId('policy-params-bounds').textContent()).toContain('60 % – 300 %');
    expect(await page.getByTestId('policy-params-wage-amount').textContent()).toBe('¥3,000.00');
    await step(page, 'policy-2-parameters');

    await page.getByTestId('lang-switch').getByText('English').click();
    await expect.poll(() => unitShare.textContent()).toContain('Unit');
    expect(await unitShare.getByTestId('policy-share-rate').textContent()).toBe('0.2 %');
    await page.getByTestId('lang-switch').getByText('中文').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('政策参数');
  });
});
