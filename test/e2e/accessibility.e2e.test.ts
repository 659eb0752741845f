/**
 * Every page of the halls through axe-core (WCAG 2.1 A and AA): the public pages, then each page
 * in the menu of a person, a unit agent and the province administrator, in the standard mode and
 * in the 长辈版 (senior mode), whose contrast must hold at 4.5:1 too (axe's color-contrast rule). A
 * serious or critical violation anywhere fails, listing page, rule and elements. The senior mode is
 * also checked for what axe does not measure: 18 px base text, a remembered choice, a short menu;
 * and the person's pages at 390 and 768 px for reflow, each kept as a screenshot for review.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { enrolledUnit, logInApi, NANYANG_CLERK, nanyangPerson, personAccount, registerInRegistry } from './api.js';
import { browserSession, PROVINCE_ADMIN, screenshot, settle, step, submitLogin } from './support.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const TABLET = { width: 768, height: 1024 };

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * axe's serious and critical violations on the page as it is now. Transitions are switched off
 * first: a colour caught half-way (a button fading into its enabled state) is no finding.
 */
async function violations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: AXE });
    await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
  }
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[]; failureSummary: string }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`) }));
  });
}

/** waits for the page's data: no spinner, no skeleton, no animation */
async function loaded(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .ant-btn-loading'), undefined, { timeout: 15_000 }).catch(() => undefined);
  await settle(page).catch(() => undefined);
}

/** the menu's page entries, by test id (menu-<key>), the 长辈版's "more" folded ones included */
async function menuEntries(page: Page): Promise<string[]> {
  return page.locator('[data-testid="side-menu"] [data-testid^="menu-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
}

async function openFromMenu(page: Page, entry: string, phone: boolean): Promise<void> {
  if (phone) {
    await page.getByTestId('nav-open').click();
    await page.getByTestId('nav-drawer').waitFor();
    await settle(page);
    // a folded group of the 长辈版's menu
    if (!(await page.getByTestId(entry).isVisible())) await page.getByTestId('nav-drawer').getByText(/更多功能|More/).click();
  }
  await page.getByTestId(entry).click();
  if (phone) await page.getByTestId('nav-drawer').waitFor({ state: 'hidden' });
  await loaded(page);
}

type Found = Record<string, Violation[]>;

/** the menu's entries, opening the drawer on a phone */
async function entriesOf(page: Page, phone: boolean): Promise<string[]> {
  if (!phone) return menuEntries(page);
  await page.getByTestId('nav-open').click();
  await page.getByTestId('nav-drawer').waitFor();
  const entries = await menuEntries(page);
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-drawer').waitFor({ state: 'hidden' });
  return entries;
}

/** every page of the signed-in account's menu, checked by axe */
async function checkMenu(page: Page, label: string, found: Found): Promise<string[]> {
  const entries = await entriesOf(page, false);
  for (const entry of entries) {
    await openFromMenu(page, entry, false);
    await step(page, `a11y-${label}-${entry}`);
    const v = await violations(page);
    if (v.length) found[`${label} ${entry} (${page.url().split('#')[1]})`] = v;
  }
  return entries;
}

/**
 * Every page of the menu at 390 px through the drawer: nothing wider than the screen (the page
 * reflows; wide tables scroll inside themselves), a screenshot of each kept in test-results/.
 */
async function walkPhone(page: Page, label: string, width = PHONE.width): Promise<Record<string, number | string>> {
  const overflowing: Record<string, number | string> = {};
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  for (const entry of await entriesOf(page, true)) {
    await openFromMenu(page, entry, true).catch((e: Error) => errors.push(e.message.split('\n')[0]));
    if (errors.length) {
      overflowing[entry] = errors.join('; ');
      break;
    }
    await screenshot(page, `phone-${label}-${entry}`);
    const scrolled = await page.evaluate(() => document.documentElement.scrollWidth);
    if (scrolled > width) overflowing[entry] = scrolled;
  }
  return overflowing;
}

function report(found: Found): string {
  return Object.entries(found)
    .map(([where, list]) => `${where}\n${list.map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `      ${n}`).join('\n')}`).join('\n')}`)
    .join('\n');
}

/** a fresh page load, so the previous account's session is gone from memory as well */
async function logInAs(page: Page, url: string, identifier: string, password: string): Promise<void> {
  await page.evaluate(() => sessionStorage.clear()).catch(() => undefined);
  await page.goto('about:blank');
  await page.goto(`${url}/#/login`);
  await submitLogin(page, identifier, password);
  await page.getByTestId('header-user').waitFor();
  await loaded(page);
}

async function setSenior(page: Page, on: boolean): Promise<void> {
  const toggle = page.getByTestId('senior-mode');
  if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.display)).toBe(on ? 'senior' : 'standard');
}

describe('accessibility of the halls (axe-core, both modes)', () => {
  const person = nanyangPerson();
  let agent: { phone: string; password: string };
  const session = browserSession(async ({ target }) => {
    const clerk = await logInApi(target, NANYANG_CLERK.loginName, NANYANG_CLERK.password);
    await registerInRegistry(target, clerk, person);
    await personAccount(target, person);
    agent = (await enrolledUnit(target, clerk, '410', '2019-01')).agent;
  });

  it('the public pages have no serious or critical violations', async () => {
    const { page, target } = session;
    session.screenshotOnFailure('a11y-public');
    const found: Found = {};
    for (const size of [DESKTOP, PHONE]) {
      await page.setViewportSize(size);
      for (const path of ['/login', '/register', '/forgot-password', '/bill/verify']) {
        await page.goto(`${target.url}/#${path}`);
        await page.locator('form, [data-testid="page-title"]').first().waitFor();
        await loaded(page);
        const v = await violations(page);
        if (v.length) found[`${size.width}px ${path}`] = v;
      }
    }
    expect(found, report(found)).toEqual({});
  });

  it("the person's pages, standard and 长辈版; at 390 and 768 px every page reflows", { timeout: 300_000 }, async () => {
    const { page, target } = session;
    session.screenshotOnFailure('a11y-person');
    await page.setViewportSize(DESKTOP);
    await logInAs(page, target.url, person.idNumber, person.password);
    const found: Found = {};
    const standard = await checkMenu(page, 'person', found);
    expect(standard).toContain('menu-voucher');

    await setSenior(page, true);
    const senior = await checkMenu(page, 'person-senior', found);
    // the short menu keeps the everyday pages first; the rest are still reachable under 更多
    expect(senior.slice(0, 3)).toEqual(['menu-home', 'menu-profile', 'menu-personalApply']);
    expect(new Set(senior)).toEqual(new Set(standard));
    // 18 px base text, remembered across a reload
    await page.reload();
    await page.getByTestId('header-user').waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.ant-app')!).fontSize)).toBe('18px');
    expect(found, report(found)).toEqual({});

    await page.setViewportSize(PHONE);
    await loaded(page);
    expect(await walkPhone(page, 'person-senior')).toEqual({});
    await setSenior(page, false);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.ant-app')!).fontSize)).toBe('14px');
    expect(await walkPhone(page, 'person')).toEqual({});
    // a tablet: the drawer still (below 992 px), and the pages reflow
    await page.setViewportSize(TABLET);
    await loaded(page);
    expect(await walkPhone(page, 'person-tablet', TABLET.width)).toEqual({});
  });

  it("the unit agent's pages, standard and 长辈版", { timeout: 180_000 }, async () => {
    const { page, target } = session;
    session.screenshotOnFailure('a11y-unit');
    await page.setViewportSize(DESKTOP);
    await logInAs(page, target.url, agent.phone, agent.password);
    const found: Found = {};
    expect(await checkMenu(page, 'unit', found)).toContain('menu-unitBills');
    await setSenior(page, true);
    await checkMenu(page, 'unit-senior', found);
    await setSenior(page, false);
    expect(found, report(found)).toEqual({});
  });

  it("the province administrator's pages, standard and 长辈版", { timeout: 300_000 }, async () => {
    const { page, target } = session;
    session.screenshotOnFailure('a11y-admin');
    await page.setViewportSize(DESKTOP);
    await logInAs(page, target.url, PROVINCE_ADMIN.loginName, PROVINCE_ADMIN.password);
    // 首页: the clerk's to-do counts and the month's charts of the province
    await page.goto(`${target.url}/#/home`);
    await page.getByTestId('chart-enrollments').waitFor();
    // the unit's enrollment of the fixtures is a unit's, not a person's: this month's persons are none yet
    expect(await page.getByTestId('chart-enrollments').getAttribute('data-total')).toBe('0');
    expect(await page.getByTestId('chart-receivables').textContent()).toMatch(/本月尚未核定应收/);
    await page.getByTestId('home-todo-resident_enrollment').waitFor();
    await step(page, 'a11y-admin-home');
    const found: Found = {};
    expect(await checkMenu(page, 'admin', found)).toContain('menu-audit');
    await setSenior(page, true);
    await checkMenu(page, 'admin-senior', found);
    await setSenior(page, false);
    expect(found, report(found)).toEqual({});
  });
});
