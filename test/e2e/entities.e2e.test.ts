/**
 * 法人 the agency console's legal-entity page: the Nanyang clerk registers a unit (a credit code of
 * Nanyang, its legal representative) and enrols it (单位参保登记) in an insurance type that admits
 * employees, then reads the enrollment in the entity's detail; on a phone (390 px) as on a desktop.
 */
import { describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../src/kernel/validation/identifiers.js';
import { NANYANG_CLERK } from './api.js';
import { browserSession, logIn, newPerson, pick, settle, step, pickRegion, pickMonth } from './support.js';

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const serial = () => Array.from({ length: 9 }, () => CREDIT_ALPHABET[Math.floor(Math.random() * CREDIT_ALPHABET.length)]).join('');

describe('agency console: legal entities and unit enrollment', () => {
  const session = browserSession();
  const unit = { name: `宛城测试有限公司${Math.floor(Math.random() * 1e6)}`, creditCode: makeCreditCode(`91411302${serial()}`) };
  const legalRep = newPerson();

  for (const size of [
    { width: 1280, height: 860 },
    { width: 390, height: 844 },
  ]) {
    it(`registers a legal entity and enrols the unit in 410 at ${size.width} px`, async () => {
      const { page, target } = session;
      session.screenshotOnFailure(`entities-${size.width}`);
      await page.setViewportSize(size);
      const entity = size.width === 390 ? { ...unit, name: `${unit.name}分公司`, creditCode: makeCreditCode(`91411302${serial()}`) } : unit;
      await logIn(page, target.url, NANYANG_CLERK);
      await page.goto(`${target.url}/#/admin/registry/entities`);
      await page.getByTestId('entities-table').waitFor();
      expect(await page.getByTestId('page-title').textContent()).toBe('法人基本信息');

      await page.getByTestId('entity-new').click();
      await page.getByTestId('entity-credit-code').waitFor();
      await settle(page);
      await page.getByTestId('entity-credit-code').fill(entity.creditCode.toLowerCase());
      await page.getByTestId('entity-name').fill(entity.name);
      await pick(page, 'entity-type', '企业');
      await pickRegion(page, 'entity-region', '411302');
      await page.getByTestId('entity-legal-rep-name').fill(legalRep.name);
      await page.getByTestId('entity-legal-rep-id-number').fill(legalRep.idNumber);
      const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/registry/entities') && r.request().method() === 'POST');
      await page.getByTestId('entity-create-submit').click();
      const answer = await created;
      expect(answer.status()).toBe(201);
      const { id } = (await answer.json()) as { id: string };
      await page.getByTestId(`entity-enroll-${id}`).waitFor();
      expect(await page.getByTestId('entities-table').textContent()).toContain(entity.creditCode);

      await page.getByTestId(`entity-enroll-${id}`).click();
      await page.getByTestId('entity-enroll-type').waitFor();
      await settle(page);
      // only the types that admit employees (policy data): not 390, residents'
      await page.getByTestId('entity-enroll-type').click();
      const offered = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
      await offered.first().waitFor();
      expect((await offered.allTextContents()).some((o) => o.startsWith('390'))).toBe(false);
      await page.keyboard.press('Escape');
      await pick(page, 'entity-enroll-type', '410');
      await pickMonth(page, 'entity-enroll-from-month', '2019-01');
      await step(page, `entities-1-enroll-${size.width}`);
      const enrolled = page.waitForResponse((r) => r.url().endsWith('/api/v1/enrollment/units') && r.request().method() === 'POST');
      await page.getByTestId('entity-enroll-submit').click();
      expect((await enrolled).status()).toBe(201);

      await page.getByTestId(`entity-open-${id}`).click();
      await page.getByTestId('entity-unit-410').waitFor();
      expect(await page.getByTestId('entity-detail-credit-code').textContent()).toBe(entity.creditCode);
      await settle(page);
      await step(page, `entities-2-detail-${size.width}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      await page.keyboard.press('Escape');
      await page.evaluate(() => sessionStorage.clear());
      await page.goto('about:blank');
    });
  }
});
