/**
 * Shared setup of the browser tests: Debian's Chromium through playwright-core (never a downloaded
 * browser), the platform under test (startTestServer, or an already running server named by
 * E2E_BASE_URL + E2E_SMS_INBOX_URL), both per test file (browserSession), logging in and out through
 * the forms, reading one-time codes from the fake SMS gateway, test data, and screenshots into
 * test-results/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed } from 'vitest';
// valid identity numbers and credit codes: the server's own generators, as in test/support/factories.ts
import { makeCreditCode, makeIdNumber } from '../../src/kernel/validation/identifiers.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RESULTS_DIR = path.join(ROOT, 'test-results');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The seeded province administrator (src/demo-seed.ts). */
export const PROVINCE_ADMIN = { loginName: 'province_admin', password: 'Admin@12345' } as const;
/** The seeded system administrator, of the root (national) organization (src/demo-seed.ts). */
export const SYSTEM_ADMIN = { loginName: 'sysadmin', password: 'Admin@12345' } as const;

/** Without these Chromium waits on the network this machine does not have. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--lang=zh-CN',
];

// ---- the platform under test --------------------------------------------------------------------

export interface Target {
  /** base URL of the platform (serves the web app at / and the API at /api/v1) */
  url: string;
  /** base URL of the fake SMS gateway */
  smsInboxUrl: string;
  /** tells the fake real-name provider that this person exists (the dev server's fake accepts anyone) */
  addRealPerson(person: { name: string; idNumber: string }): void;
  /**
   * Mints a one-time WeChat / Alipay authorization code for `openId`, as if the person had just
   * authorised on the provider's page; only with the test server's fake providers (undefined
   * against E2E_BASE_URL).
   */
  issueOAuthCode?: (provider: 'wechat' | 'alipay', openId: string) => string;
  close(): Promise<void>;
}

/**
 * E2E_BASE_URL (+ E2E_SMS_INBOX_URL) points the tests at a server that is already running, e.g.
 * `npm start`; otherwise each test file starts its own platform with a fresh database.
 */
export async function startTarget(): Promise<Target> {
  const external = process.env.E2E_BASE_URL;
  if (external) {
    const sms = process.env.E2E_SMS_INBOX_URL;
    if (!sms) throw new Error('E2E_BASE_URL needs E2E_SMS_INBOX_URL (the fake SMS gateway printed by npm start)');
    return {
      url: external.replace(/\/$/, ''),
      smsInboxUrl: sms.replace(/\/(v1\/sms\/inbox.*)?$/, ''),
      addRealPerson: () => undefined,
      close: async () => undefined,
    };
  }
  if (!existsSync(path.join(ROOT, 'web/dist/index.html'))) {
    throw new Error('web/dist is missing: the e2e global setup builds it (node scripts/ensure-web.mjs)');
  }
  const { startTestServer } = await import('../support/server.js');
  const server = await startTestServer();
  return {
    url: server.url,
    smsInboxUrl: server.smsInboxUrl,
    addRealPerson: (person) => server.fakes.realName.addPerson(person),
    issueOAuthCode: (provider, openId) => server.fakes[provider].issueCode(openId),
    close: () => server.close(),
  };
}

// ---- the browser --------------------------------------------------------------------------------

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Chromium with a fresh temporary profile (deleted on close) and one page. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: run scripts/install-chromium.sh (Debian's chromium package)`);
  }
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'yibao-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 860 },
    locale: 'zh-CN',
    timeout: 60_000,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// ---- one platform and one browser per test file -------------------------------------------------

export interface BrowserSession {
  /** the platform under test (throws before the describe block's beforeAll has run) */
  readonly target: Target;
  readonly browser: Browser;
  /** the browser's one page */
  readonly page: Page;
  /** Call at the start of a test: a failure leaves test-results/<name>-failed.png behind. */
  screenshotOnFailure(name: string): void;
}

/**
 * Call in a describe block: starts the platform (startTarget) and Chromium (launchBrowser) before
 * its tests and closes both after them. `prepare` runs once both are up.
 */
export function browserSession(prepare?: (session: BrowserSession) => Promise<void>): BrowserSession {
  let target: Target | undefined;
  let browser: Browser | undefined;
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} is not started yet (browserSession starts it in beforeAll)`);
    return value;
  };
  const session: BrowserSession = {
    get target() {
      return started(target, 'platform');
    },
    get browser() {
      return started(browser, 'browser');
    },
    get page() {
      return started(browser, 'browser').page;
    },
    screenshotOnFailure: (name) => screenshotOnFailure(() => browser?.page, name),
  };
  beforeAll(async () => {
    target = await startTarget();
    browser = await launchBrowser();
    await prepare?.(session);
  });
  afterAll(async () => {
    await browser?.close();
    await target?.close();
  });
  return session;
}

// ---- logging in and out -------------------------------------------------------------------------

/** Fills in the login page's password form and submits it. */
export async function submitLogin(page: Page, identifier: string, password: string): Promise<void> {
  await page.getByTestId('login-identifier').fill(identifier);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Opens the login page, logs an account in by its login name and waits for its home page (首页). */
export async function logIn(page: Page, url: string, account: { loginName: string; password: string }): Promise<void> {
  await page.goto(`${url}/#/login`);
  await submitLogin(page, account.loginName, account.password);
  await page.getByTestId('home-page').waitFor();
}

/** After a login the account lands on its home page; this waits for it, then opens 个人中心 (the profile). */
export async function landOnProfile(page: Page): Promise<void> {
  await page.getByTestId('home-page').waitFor();
  await page.goto(new URL('/#/profile', page.url()).href);
  await page.getByTestId('profile-info').waitFor();
}

/** Logs out through the header (confirming) and waits for the login page. */
/**
 * 实人认证 the signed-in person passes liveness on the provider's page (a new tab), confirms it and
 * reaches L3; the session's access token, for the API calls a test makes beside the page.
 */
export async function passLivenessInBrowser(page: Page, context: BrowserContext): Promise<string> {
  const opened = context.waitForEvent('page');
  await page.getByTestId('liveness-start').click();
  const provider = await opened;
  await provider.getByTestId('liveness-pass').click();
  await provider.waitForURL(/#\/liveness-done/);
  await provider.close();
  await page.getByTestId('liveness-confirm').click();
  await expect.poll(() => page.getByTestId('auth-level').textContent()).toContain('L3');
  return page.evaluate(() => JSON.parse(sessionStorage.getItem('yibao.tokens') ?? '{}').accessToken as string);
}

export async function logOut(page: Page): Promise<void> {
  await page.getByTestId('header-logout').click();
  await page.getByTestId('header-logout-confirm').click();
  await page.getByTestId('login-submit').waitFor();
}

// ---- screenshots and animations -----------------------------------------------------------------

/** Saves a full-page screenshot as test-results/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  return file;
}

/** Call at the start of a test: a failure leaves test-results/<name>-failed.png behind. */
export function screenshotOnFailure(page: () => Page | undefined, name: string): void {
  onTestFailed(async () => {
    const p = page();
    if (p && !p.isClosed()) {
      const file = await screenshot(p, `${name}-failed`);
      console.error(`screenshot of the failure: ${path.relative(ROOT, file)}`);
    }
  });
}

/**
 * Opens an antd Select by its test id and picks the option whose label contains `label`. The list
 * slides in: a click before it settles can land on the option next to the one meant.
 */
export async function pick(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: label }).first();
  await option.waitFor();
  await settle(page);
  await option.click();
}

/**
 * Picks a region in a RegionCascader (web/src/components/RegionCascader.tsx) by searching its code:
 * the one path whose region has that code is clicked. Returns the name the field then shows.
 */
export async function pickRegion(page: Page, testId: string, code: string): Promise<string> {
  const field = page.getByTestId(testId);
  await field.click();
  await field.locator('input').fill(code);
  const option = page.locator('.ant-cascader-dropdown:not(.ant-select-dropdown-hidden) .ant-cascader-menu-item').first();
  await option.waitFor();
  await settle(page);
  await option.click();
  await page.locator('.ant-cascader-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
  return (await field.locator('.ant-select-content, .ant-select-selection-item').first().textContent()) ?? '';
}

/**
 * Picks a month (YYYY-MM) in a MonthPicker (web/src/components/MonthPicker.tsx) the way a person
 * does: opens the panel, steps to the year with the header's year buttons and clicks the month.
 */
export async function pickMonth(page: Page, testId: string, month: string): Promise<void> {
  const year = Number(month.slice(0, 4));
  const panel = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
  // a click while the picker's modal is still moving in can focus the field without opening it
  for (let attempt = 0; ; attempt++) {
    await settle(page).catch(() => undefined);
    await page.getByTestId(testId).click();
    try {
      await panel.waitFor({ timeout: 3_000 });
      break;
    } catch (e) {
      if (attempt === 2) throw e;
      await page.keyboard.press('Escape');
    }
  }
  for (let i = 0; i < 50; i++) {
    const shown = Number(((await panel.locator('.ant-picker-year-btn').textContent()) ?? '').replace(/\D/g, ''));
    if (shown === year) break;
    await panel.locator(year < shown ? '.ant-picker-header-super-prev-btn' : '.ant-picker-header-super-next-btn').click();
  }
  await panel.locator(`td[title="${month}"]`).click();
  await panel.waitFor({ state: 'hidden' });
  expect(await page.getByTestId(testId).inputValue()).toBe(month);
}

/**
 * Acknowledges an antd confirm dialog and waits until it is gone. A click that lands while the
 * dialog is still animating in can be lost, so it settles first and clicks again if needed.
 */
export async function dismissConfirm(page: Page): Promise<void> {
  const dialog = page.locator('.ant-modal-confirm');
  for (let attempt = 0; attempt < 3; attempt++) {
    // Best effort: on a slow machine a modal behind the dialog may still be moving; clicking anyway
    // and checking that the dialog went away is what matters.
    await settle(page).catch(() => undefined);
    await dialog.locator('.ant-btn-primary').click({ timeout: 5_000 }).catch(() => undefined);
    try {
      await dialog.waitFor({ state: 'detached', timeout: 3_000 });
      return;
    } catch {
      /* still open: try again */
    }
  }
  throw new Error('the confirm dialog would not close');
}

/**
 * Waits for antd's open / close animations (CSS keyframes: modals, popovers) to finish: before a
 * step screenshot, and before clicking into a popover that is still moving into place. Endless
 * animations (a loading button's spinner, an active progress bar) never finish and are not waited for.
 */
export async function settle(page: Page, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const running = () =>
    page.evaluate(
      () =>
        document
          .getAnimations()
          .filter((a) => a instanceof CSSAnimation && a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity).length,
    );
  while ((await running()) > 0) {
    if (Date.now() > deadline) throw new Error(`animations still running after ${timeoutMs} ms`);
    await page.waitForTimeout(50);
  }
}

/** Step screenshots for looking at the pages while developing: E2E_SCREENSHOTS=1. */
export async function step(page: Page, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS) await screenshot(page, name);
}

// ---- SMS codes ----------------------------------------------------------------------------------

interface InboxMessage {
  phone: string;
  template?: string;
  params?: Record<string, string>;
  sentAt?: number;
}

/** The newest one-time code sent to `phone` after `since` (ms), waiting for it to arrive. */
export async function smsCode(smsInboxUrl: string, phone: string, since = 0, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${smsInboxUrl}/v1/sms/inbox?phone=${encodeURIComponent(phone)}`);
    if (res.ok) {
      const body = (await res.json()) as InboxMessage[] | { messages: InboxMessage[] };
      const messages = Array.isArray(body) ? body : body.messages;
      const hit = messages.find((m) => m.params?.code && (m.sentAt ?? Infinity) >= since);
      if (hit?.params?.code) return hit.params.code;
    }
    if (Date.now() > deadline) throw new Error(`no SMS code reached ${phone} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// ---- test data ----------------------------------------------------------------------------------

/** the 31 characters of a unified social credit code (GB 32100) */
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const rand = (n: number) => Math.floor(Math.random() * n);

/** A person no test has used: random birth date and sequence in Beijing Chaoyang (110105). */
export function newPerson() {
  const birth = `${1960 + rand(40)}${String(1 + rand(12)).padStart(2, '0')}${String(1 + rand(28)).padStart(2, '0')}`;
  return {
    name: `测试${'甲乙丙丁戊己庚辛'[rand(8)]}${'子丑寅卯辰巳午未'[rand(8)]}`,
    idNumber: makeIdNumber('110105', birth, rand(1000)),
    phone: `13${5 + rand(5)}${String(rand(1e8)).padStart(8, '0')}`,
    password: 'Test@2024pw',
  };
}

/** A unit no test has used, registered in Beijing Chaoyang. */
export function newUnit() {
  const serial = Array.from({ length: 9 }, () => CREDIT_ALPHABET[rand(CREDIT_ALPHABET.length)]).join('');
  return { name: `端到端测试有限公司${rand(1e6)}`, creditCode: makeCreditCode(`91110105${serial}`) };
}

/** "110105199001011234" -> /^110105\*{8}1234$/: how the platform masks an identity number. */
export function maskedIdPattern(idNumber: string): RegExp {
  return new RegExp(`^${idNumber.slice(0, 6)}\\*{8}${idNumber.slice(-4)}$`);
}
