/**
 * 演示医院 the demo hospital: a hospital's information system (HIS) played against a running
 * platform over signed HTTP, so that a bare `npm start` walks the flagship path. The person shows the
 * e-voucher code, the hospital creates the hybrid-payment order of DOMAIN.md's inpatient visit, the
 * person confirms it in 我的支付, the cash part is paid in the development wallet (the fake WeChat Pay
 * channel), the hospital issues the e-bill, and anyone verifies it on the public page.
 *
 *   npm run demo:hospital               registers the hospital's channel app once (as sysadmin) and says what to do
 *   npm run demo:hospital -- <code>     one visit: the order from the code, then the bill once it is paid
 *
 * It finds the platform and the wallet in DATA_DIR/dev-providers.json (written by `npm start`), or in
 * YIBAO_URL and WECHAT_PAY_URL; the hospital's app id and secret are kept in DATA_DIR/demo-hospital.json.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { signRequest } from '../src/adapters/signing.js';
import { beijingDate, verifyLink } from '../src/centers/bill/index.js';
import { DEMO, DEV_PROVIDERS_FILE } from '../src/demo-seed.js';
import { yuan } from '../src/kernel/money/index.js';
import { DOMAIN_LINES, FEE_CODES, INSTITUTION } from './domain-visit.js';

export interface Hospital {
  platformUrl: string;
  appId: string;
  secret: string;
}

/** The registry's 南阳市第一人民医院 (二级): the platform takes its level from the registry, never from the order. */
export const HOSPITAL = { name: '南阳市第一人民医院', code: INSTITUTION } as const;
export const HOSPITAL_APP_NAME = `${HOSPITAL.name}HIS（演示）`;
/** What the bill's items call DOMAIN.md's fee lines. */
const ITEM_NAMES: Record<string, string> = { [FEE_CODES.service]: '床位及诊疗费', [FEE_CODES.drug]: '乙类药品', [FEE_CODES.consumable]: '丙类耗材' };

export interface Order {
  id: string;
  status: string;
  personId: string;
  totalFen: number;
  fundFen: number;
  accountFen: number;
  cashFen: number;
}

export interface IssuedBill {
  id: string;
  billCode: string;
  billNumber: string;
  checkCode: string;
  issueDate: string;
  /** the registry's code and name of the institution, whatever the request said */
  institution: { code: string; name: string };
  payerName: string;
  totalFen: number;
  fundPayFen: number;
  accountPayFen: number;
  cashPayFen: number;
}

async function call<T>(url: string, init: RequestInit, expected: number[]): Promise<T> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!expected.includes(response.status)) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A request of the hospital's system, signed with its channel secret (HMAC-SM3, timestamp, nonce). */
function signed<T>(hospital: Hospital, method: 'GET' | 'POST', apiPath: string, body?: unknown, expected = [200, 201]) {
  const raw = body === undefined ? '' : JSON.stringify(body);
  const headers = signRequest({ appId: hospital.appId, secret: hospital.secret, method, path: `/api/v1${apiPath}`, body: raw }) as unknown as Record<string, string>;
  return call<T>(`${hospital.platformUrl}/api/v1${apiPath}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json', 'idempotency-key': randomUUID() }) },
    body: body === undefined ? undefined : raw,
  }, expected);
}

/** 渠道登记 the system administrator registers the hospital's channel app; its secret is shown this once. */
export async function registerHospital(platformUrl: string, admin = { identifier: DEMO.systemAdmin, password: DEMO.adminPassword }): Promise<Hospital> {
  const post = <T>(apiPath: string, body: unknown, expected: number, token?: string) =>
    call<T>(`${platformUrl}/api/v1${apiPath}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) }, [expected]);
  const { accessToken } = await post<{ accessToken: string }>('/auth/login', admin, 200);
  // bound to the hospital's designated institution (the registry's demo data): settlement takes its code and level from the binding
  const app = await post<{ appId: string; secret: string }>(
    '/auth/channels',
    { name: HOSPITAL_APP_NAME, capabilities: ['voucher.verify', 'payment.order', 'bill.issue'], institutionCode: HOSPITAL.code },
    201,
    accessToken,
  );
  return { platformUrl, appId: app.appId, secret: app.secret };
}

/**
 * 下单 the order of the visit from the code the person shows (the code is verified and used up here).
 * The institution is the app's binding; naming it is a check, and the level is the registry's.
 */
export function createOrder(hospital: Hospital, code: string, visitDate = beijingDate(new Date())) {
  return signed<Order>(hospital, 'POST', '/payment/orders', {
    code,
    insuranceType: '310',
    institutionCode: HOSPITAL.code,
    visit: { kind: 'inpatient', date: visitDate },
    lines: DOMAIN_LINES,
    settlementType: 'ALL',
    orderReference: `DEMO${Date.now()}`,
  });
}

export const orderOf = (hospital: Hospital, id: string) => signed<Order>(hospital, 'GET', `/payment/orders/${id}`);

/** The order once it has left `from` (polling, as a HIS waits at the counter), or the last seen after `timeoutMs`. */
export async function orderAfter(hospital: Hospital, id: string, from: string[], timeoutMs: number, everyMs = 1_000): Promise<Order> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const order = await orderOf(hospital, id);
    if (!from.includes(order.status) || Date.now() >= until) return order;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** The person pays the cash part in the development wallet (the fake channel's payer control). */
export const payInWallet = (walletUrl: string, orderId: string) =>
  call(`${walletUrl}/test/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outTradeNo: orderId }) }, [200]);

/**
 * 开票 the e-bill of a paid order: the order id stands for its settlement, and the figures are the
 * paid order's (the settlement's, to the fen); the platform prints the registry's name of the
 * hospital. The payer's name and insurance number come from the hospital's own admission record,
 * which for this demo is the demo person's.
 */
export function issueBill(hospital: Hospital, order: Order, patient: { name: string; insuranceId: string } = { name: DEMO.person.name, insuranceId: DEMO.person.idNumber }) {
  return signed<IssuedBill>(hospital, 'POST', '/bill/channel/bills', {
    payer: { personId: order.personId, name: patient.name },
    institution: { code: HOSPITAL.code },
    visitType: 'inpatient',
    insuranceId: patient.insuranceId,
    settlementRef: order.id,
    items: DOMAIN_LINES.map((line) => ({ name: ITEM_NAMES[line.code], amountFen: line.amountFen })),
    totalFen: order.totalFen,
    fundPayFen: order.fundFen,
    accountPayFen: order.accountFen,
    cashPayFen: order.cashFen,
  });
}

/** The public page that verifies the bill, filled in (the link its PDF's QR code carries). */
export const verificationLink = (platformUrl: string, bill: IssuedBill) => verifyLink(`${platformUrl}/#/bill/verify`, bill);

// ------------------------------------------------------------------------------ command line

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

async function main() {
  const dataDir = process.env.DATA_DIR || './data';
  const dev = readJson<{ platformUrl: string; wechatPayUrl?: string }>(path.join(dataDir, DEV_PROVIDERS_FILE));
  const platformUrl = process.env.YIBAO_URL ?? dev?.platformUrl;
  const walletUrl = process.env.WECHAT_PAY_URL ?? dev?.wechatPayUrl;
  if (!platformUrl) throw new Error(`the platform is not known: start it with \`npm start\` (it writes ${path.join(dataDir, DEV_PROVIDERS_FILE)}) or set YIBAO_URL`);

  const stateFile = path.join(dataDir, 'demo-hospital.json');
  let hospital = readJson<Hospital>(stateFile);
  if (!hospital || hospital.platformUrl !== platformUrl) {
    hospital = await registerHospital(platformUrl);
    writeFileSync(stateFile, JSON.stringify(hospital, null, 2));
    console.log(`registered the channel app ${HOSPITAL_APP_NAME}: ${hospital.appId} (secret kept in ${stateFile})`);
  }

  const code = process.argv[2];
  if (!code) {
    console.log(`演示医院 ${HOSPITAL.name}, channel app id ${hospital.appId}
  1. log in at ${platformUrl} as ${DEMO.person.phone} / ${DEMO.personPassword}, pass 实人认证 L3 under 个人中心 → 身份认证,
     activate 电子凭证 with a 6-digit password, and under 渠道授权 authorize ${hospital.appId}
  2. 电子凭证 → 动态二维码 → 显示二维码 for this channel, and copy the code under the image
  3. npm run demo:hospital -- <code>`);
    return;
  }

  const order = await createOrder(hospital, code);
  console.log(`order ${order.id}: total ${yuan(order.totalFen)} = fund ${yuan(order.fundFen)} + account ${yuan(order.accountFen)} + cash ${yuan(order.cashFen)}`);
  console.log('waiting for the person to confirm it with the voucher password in 我的支付 …');
  let current = await orderAfter(hospital, order.id, ['created'], 10 * 60_000);
  if (current.status === 'paying') {
    if (!walletUrl) throw new Error('the wallet is not known: set WECHAT_PAY_URL to the fake WeChat Pay channel `npm start` printed');
    await payInWallet(walletUrl, order.id);
    console.log(`the cash part ${yuan(order.cashFen)} is paid in the wallet (WeChat Pay, development fake)`);
    current = await orderAfter(hospital, order.id, ['paying'], 60_000);
  }
  if (current.status !== 'paid') throw new Error(`order ${order.id} ended ${current.status}, not paid`);
  const bill = await issueBill(hospital, current);
  console.log(`paid. e-bill ${bill.billCode} ${bill.billNumber}, check code ${bill.checkCode}: in 我的票据, and anyone verifies it at
  ${verificationLink(platformUrl, bill)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
