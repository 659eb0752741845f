/**
 * 电子票据中心: an institution (a signed channel app bound to its designated institution) issues the
 * e-bill of its settlement or paid order, numbered by the fake finance bureau over real HTTP and
 * checked against that settlement to the fen; the person downloads it; anyone verifies it; the
 * issuer voids it. Settlements are made the way the platform makes them: a payment order the person
 * confirmed with the voucher password, or the institution's own settlement on a verified code.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskName, sm2PublicKeyFromPem, sm2Verify } from '../../src/kernel/crypto/index.js';
import { plainYuan as yuan } from '../../src/kernel/money/index.js';
import { canonicalBillText } from '../../src/centers/bill/index.js';
import { DEMO_INSTITUTIONS, getPerson } from '../../src/centers/registry/index.js';
import {
  confirmOrder,
  DOMAIN_LINES,
  FEE_CODES,
  idempotencyKey,
  INSTITUTION,
  must,
  newPayer,
  paymentCast,
  signedGet,
  signedPost,
  VISIT_DATE,
  voucherCode,
  type Channel,
  type Payer,
  type PaymentCast,
} from '../support/payment.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let cast: PaymentCast;
let hospital: Channel;

/** 南阳市中心医院: another designated institution of the registry's demo data. */
const OTHER_INSTITUTION = 'H41130200003';
/** The registry's name of the hospital: what the bill prints, whatever the request says. */
const HOSPITAL_NAME = DEMO_INSTITUTIONS.find((i) => i.code === INSTITUTION)!.name;
/** What the bill's items call DOMAIN.md's fee lines. */
const ITEM_NAMES: Record<string, string> = { [FEE_CODES.service]: '床位及诊疗费', [FEE_CODES.drug]: '乙类药品', [FEE_CODES.consumable]: '丙类耗材' };
const ITEMS = DOMAIN_LINES.map((line) => ({ name: ITEM_NAMES[line.code], amountFen: line.amountFen }));

beforeAll(async () => {
  // A person here shows many codes in a minute (one per order); the per-voucher limit has its own tests.
  server = await startTestServer({ env: { VOUCHER_CODES_PER_MINUTE: '1000' } });
  cast = await paymentCast(server, '票据测试');
  hospital = cast.hospital;
  // The hospital's system settles and bills too. Capabilities are given at registration only: the
  // cast's app gets these in its row, and binding it again (every node forgets the app) makes them count.
  await server.platform.ctx.database.rows(
    sql`update auth.channel_apps set capabilities = capabilities || '["bill.issue", "bill.read", "settlement.settle"]'::jsonb where app_id = ${hospital.appId}`,
  );
  await must(server, 'PUT', `/auth/channels/${hospital.appId}/institution`, { institutionCode: INSTITUTION }, cast.sysadmin, 200);
});
afterAll(() => server?.close());

interface Insured extends Payer {
  name: string;
}

interface Order {
  id: string;
  status: string;
  personId: string;
  settlementId: string | null;
  totalFen: number;
  fundFen: number;
  accountFen: number;
  cashFen: number;
}

/** A person employed by the cast's unit, voucher activated, the hospital authorized, `balanceFen` in the account. */
async function insured(balanceFen = 200_000): Promise<Insured> {
  const payer = await newPayer(server, cast, balanceFen);
  return { ...payer, name: (await getPerson(server.platform.ctx, payer.personId))!.name };
}

/** Another channel app with these capabilities, bound to `institutionCode` (unbound without). */
function channelApp(capabilities: string[], institutionCode?: string): Promise<Channel> {
  return must(server, 'POST', '/auth/channels', { name: '南阳医院自助机', capabilities, ...(institutionCode ? { institutionCode } : {}) }, cast.sysadmin);
}

const issue = (app: Channel, body: unknown, key?: string) => signedPost(server, app, '/bill/channel/bills', body, key);

async function orderOf(id: string, app = hospital): Promise<Order> {
  const read = await signedGet(server, app, `/payment/orders/${id}`);
  expect(read.status, JSON.stringify(read.body)).toBe(200);
  return read.body;
}

/** The hospital creates an order of DOMAIN.md's inpatient visit from the person's code. */
async function createdOrder(who: Payer, settlementType: 'ALL' | 'CASH' | 'HI' = 'ALL'): Promise<Order> {
  const created = await signedPost(
    server,
    hospital,
    '/payment/orders',
    {
      code: await voucherCode(server, who, hospital),
      insuranceType: '310',
      institutionCode: INSTITUTION,
      visit: { kind: 'inpatient', institutionLevel: 2, date: VISIT_DATE },
      lines: DOMAIN_LINES,
      settlementType,
      orderReference: `ORD${randomInt(1e9)}${randomInt(1e6)}`,
    },
    idempotencyKey(),
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

/** An order the person confirmed (ALL: fund and account settled; CASH: nothing settled) and whose cash part the channel took. */
async function paidOrder(who: Payer, settlementType: 'ALL' | 'CASH' = 'ALL'): Promise<Order> {
  const created = await createdOrder(who, settlementType);
  const confirmed = await confirmOrder(server, who, created.id);
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  if (confirmed.body.status === 'paying') expect((await server.fakes.paychannel.pay(created.id)).delivered).toBe(true);
  const paid = await orderOf(created.id);
  expect(paid.status).toBe('paid');
  return paid;
}

/** The bill of an order as the hospital's system fills it in: the order's figures, DOMAIN.md's items. */
const billFor = (order: Order, who: { name: string }, overrides: Record<string, unknown> = {}) => ({
  payer: { personId: order.personId, name: who.name },
  institution: { code: INSTITUTION },
  visitType: 'inpatient',
  insuranceId: '411302199001010021',
  settlementRef: order.id,
  items: ITEMS,
  totalFen: order.totalFen,
  fundPayFen: order.fundFen,
  accountPayFen: order.accountFen,
  cashPayFen: order.cashFen,
  ...overrides,
});

/** The institution's own settlement of an outpatient visit, on the settlement token of the person's verified code. */
async function directSettlement(who: Payer, amountFen = 12_000) {
  const verified = await signedPost(server, hospital, '/voucher/verify', { code: await voucherCode(server, who, hospital) });
  expect(verified.status, JSON.stringify(verified.body)).toBe(200);
  const settled = await signedPost(
    server,
    hospital,
    '/settlement/settlements',
    {
      settlementToken: verified.body.settlementToken,
      insuranceType: '310',
      visit: { kind: 'outpatient', date: VISIT_DATE },
      lines: [{ code: FEE_CODES.service, class: 'A', quantity: 1, amountFen }],
      settlementReference: `SETL${randomInt(1e9)}`,
    },
    idempotencyKey(),
  );
  expect(settled.status, JSON.stringify(settled.body)).toBe(201);
  const r = settled.body.result;
  return {
    id: settled.body.id as string,
    reference: settled.body.settlementReference as string,
    personId: who.personId,
    figures: { totalFen: r.medfee_sumamt as number, fundPayFen: r.fund_pay_sumamt as number, accountPayFen: r.acct_pay as number, cashPayFen: r.psn_cash_pay as number },
  };
}

/** The bill of the institution's own settlement, as its system fills it in. */
const billForSettlement = (settled: Awaited<ReturnType<typeof directSettlement>>, who: { personId: string; name: string }) => ({
  payer: { personId: who.personId, name: who.name },
  institution: { code: INSTITUTION },
  visitType: 'outpatient',
  insuranceId: '411302199001010021',
  settlementRef: settled.reference,
  items: [{ name: '诊疗费', amountFen: settled.figures.totalFen }],
  ...settled.figures,
});

const billsOfSettlement = (settlementId: string) =>
  server.platform.ctx.database.rows<{ id: string; issuer_app_id: string }>(sql`select id, issuer_app_id from bill.bills where settlement_id = ${settlementId} and kind = 'normal'`);

/** The `bill.issued` events of a bill in the outbox (the message center follows them). */
const issuedEvents = (billId: string) =>
  server.platform.ctx.database.rows<{ payload: Record<string, unknown> }>(sql`select payload from kernel.outbox_events where topic = 'bill.issued' and payload->>'billId' = ${billId}`);

async function myBills(who: Payer): Promise<Array<{ id: string; settlementRef: string }>> {
  return (await must(server, 'GET', '/bill/mine?pageSize=100', undefined, who.token, 200)).items;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: bytes, verbosity: 0, disableFontFace: true, useSystemFonts: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('') + '\n';
  }
  await doc.destroy();
  return text;
}

const verify = (bill: { billCode: string; billNumber: string; checkCode: string; issueDate: string }, extra = '') =>
  server.api('GET', `/bill/verify?billCode=${bill.billCode}&billNumber=${bill.billNumber}&checkCode=${bill.checkCode}&issueDate=${bill.issueDate}${extra}`);

describe('issuing (开票)', () => {
  let person: Insured;
  beforeAll(async () => {
    person = await insured();
  });

  it('numbers the bill at the finance bureau, adds a check code, prints the registry’s name and signs it with the published SM2 key', async () => {
    const order = await paidOrder(person);
    expect(order.settlementId).toMatch(/^stl_/);
    const issued = await issue(hospital, billFor(order, person, { institution: { code: INSTITUTION, name: '随便写的医院' } }));
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const bill = issued.body;
    expect(bill).toMatchObject({
      kind: 'normal',
      status: 'issued',
      personId: person.personId,
      payerName: maskName(person.name),
      insuranceId: '4113**********0021',
      institution: { code: INSTITUTION, name: HOSPITAL_NAME },
      settlementRef: order.id,
      totalFen: order.totalFen,
      fundPayFen: order.fundFen,
      accountPayFen: order.accountFen,
      cashPayFen: order.cashFen,
    });
    expect(bill.billCode).toMatch(/^\d{8}$/);
    expect(bill.billNumber).toMatch(/^\d{10}$/);
    expect(bill.checkCode).toMatch(/^[0-9A-HJ-NP-Z]{6}$/);
    expect(JSON.stringify(bill)).not.toContain(person.name.slice(1));
    // The order stands for its settlement: the bill is that settlement's one bill.
    expect(await billsOfSettlement(order.settlementId!)).toEqual([{ id: bill.id, issuer_app_id: hospital.appId }]);
    // Announced once, in the person's region, with the bureau's number and nothing personal.
    const { regionCode } = (await getPerson(server.platform.ctx, person.personId))!;
    expect(await issuedEvents(bill.id)).toEqual([
      { payload: { billId: bill.id, personId: person.personId, institutionCode: INSTITUTION, billNumber: bill.billNumber, totalFen: order.totalFen, regionCode } },
    ]);

    // The bureau, over real HTTP, recorded exactly this number.
    expect(server.fakes.finance.find(bill.billCode, bill.billNumber)).toMatchObject({ institutionCode: INSTITUTION, totalFen: order.totalFen, issueDate: bill.issueDate, status: 'issued' });
    expect(server.fakes.finance.calls.at(-1)).toMatchObject({ path: '/v1/bills/allocate', auth: 'ok', status: 200 });

    // Anyone can check the signature with the published key, rebuilding the signed text from the printed fields.
    const key = await server.api('GET', '/bill/public-key');
    expect(key.status).toBe(200);
    expect(sm2PublicKeyFromPem(key.body.publicKeyPem)).toBe(key.body.publicKey);
    const rebuilt = canonicalBillText({ ...bill, institutionCode: bill.institution.code, institutionName: bill.institution.name, original: null });
    expect(rebuilt).toBe(bill.signedText);
    expect(sm2Verify(rebuilt, bill.signature, key.body.publicKey)).toBe(true);
    expect(sm2Verify(rebuilt.replace(`${order.totalFen}`, `${order.totalFen + 1}`), bill.signature, key.body.publicKey)).toBe(false);
  });

  it('numbers bills sequentially per code', async () => {
    const [first, second] = [await paidOrder(person), await paidOrder(person)];
    const a = (await issue(hospital, billFor(first, person))).body;
    const b = (await issue(hospital, billFor(second, person))).body;
    expect(b.billCode).toBe(a.billCode);
    expect(Number(b.billNumber)).toBe(Number(a.billNumber) + 1);
  });

  it('is idempotent: a replay returns the first bill; a different body with the same key, the same reference or the same settlement is 409', async () => {
    const order = await paidOrder(person);
    const body = billFor(order, person);
    const key = idempotencyKey();
    const first = await issue(hospital, body, key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBe('false');
    const allocations = server.fakes.finance.bills.length;

    const replay = await issue(hospital, body, key);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    // the same request without the key (or with another) is the same bill too
    const again = await issue(hospital, { ...body, items: [...body.items] }, idempotencyKey());
    expect([again.status, again.body.id, again.headers.get('idempotent-replayed')]).toEqual([201, first.body.id, 'true']);

    const differentBody = await issue(hospital, { ...body, insuranceId: '411302199001010022' }, key);
    expect([differentBody.status, differentBody.body.code]).toEqual([409, 'request.idempotency_conflict']);
    const differentContent = await issue(hospital, { ...body, visitType: 'outpatient' });
    expect(differentContent.status).toBe(409);
    expect(differentContent.body).toMatchObject({ code: 'bill.settlement_conflict', field: 'settlementRef' });
    // the settlement under its platform id is the same settlement, billed already
    const byPlatformId = await issue(hospital, { ...body, settlementRef: order.settlementId }, idempotencyKey());
    expect(byPlatformId.status, JSON.stringify(byPlatformId.body)).toBe(409);
    expect(byPlatformId.body).toMatchObject({ code: 'bill.settlement_billed', field: 'settlementRef' });
    expect(server.fakes.finance.bills.length).toBe(allocations);
    expect(await billsOfSettlement(order.settlementId!)).toHaveLength(1);
    // the replays announce nothing: one event, of the first request
    expect(await issuedEvents(first.body.id)).toHaveLength(1);
  });

  it('concurrent twins of one request make one bill', async () => {
    const order = await paidOrder(person);
    const body = billFor(order, person);
    const answers = await Promise.all(Array.from({ length: 5 }, () => issue(hospital, body)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect((await myBills(person)).filter((b) => b.settlementRef === order.id)).toHaveLength(1);
    expect(await issuedEvents(answers[0].body.id)).toHaveLength(1);
  });

  describe('refuses a malformed or inconsistent request with 400 naming the field, writing nothing', () => {
    let order: Order;
    beforeAll(async () => {
      order = await paidOrder(person);
    });

    it.each([
      ['items not adding up', () => ({ items: [{ name: '西药费', amountFen: order.totalFen - 1 }] }), 'items', 'bill.items_mismatch'],
      ['negative amount', () => ({ cashPayFen: -1 }), 'cashPayFen', undefined],
      ['fractional fen', () => ({ totalFen: 120.5 }), 'totalFen', undefined],
      ['bad institution code', () => ({ institution: { code: 'H4113020074' } }), 'institution.code', undefined],
      ['payer name not on file', () => ({ payer: { personId: person.personId, name: '不是本人' } }), 'payer.name', 'bill.payer_name_mismatch'],
    ])('%s', async (_label, overrides, field, code) => {
      const allocations = server.fakes.finance.bills.length;
      const refused = await issue(hospital, billFor(order, person, overrides()));
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.field).toBe(field);
      if (code) expect(refused.body.code).toBe(code);
      expect(server.fakes.finance.bills.length).toBe(allocations);
      expect((await myBills(person)).some((b) => b.settlementRef === order.id)).toBe(false);
    });
  });

  it('accepts the masked name as given by the institution', async () => {
    const order = await paidOrder(person);
    const issued = await issue(hospital, billFor(order, person, { payer: { personId: person.personId, name: maskName(person.name) } }));
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  });

  it('answers 502 when the bureau fails, and the retry succeeds', async () => {
    const body = billFor(await paidOrder(person), person);
    server.fakes.finance.failNext(1);
    const failed = await issue(hospital, body);
    expect(failed.status).toBe(502);
    expect(failed.body.code).toBe('bill.finance_unavailable');
    expect((await issue(hospital, body)).status).toBe(201);
  });

  it('refuses unsigned, wrongly signed and under-capable channel requests', async () => {
    const order = await paidOrder(person);
    const body = billFor(order, person);
    const unsigned = await server.api('POST', '/bill/channel/bills', { body });
    expect(unsigned.status).toBe(401);
    const wrongSecret = await issue({ ...hospital, secret: 'not-the-secret' }, body);
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body.code).toBe('auth.channel_bad_signature');
    const reader = await channelApp(['bill.read'], INSTITUTION);
    const noCapability = await issue(reader, body);
    expect(noCapability.status).toBe(403);
    expect(noCapability.body.code).toBe('auth.capability_missing');
    expect((await myBills(person)).some((b) => b.settlementRef === order.id)).toBe(false);
  });
});

describe('the bill is checked against its settlement (开票依据)', () => {
  let person: Insured;
  let stranger: Insured;
  beforeAll(async () => {
    [person, stranger] = [await insured(), await insured()];
  });

  /** A refusal with this status, code and field; nothing numbered at the bureau, nothing in the person's bills. */
  async function refused(answer: Awaited<ReturnType<typeof issue>>, status: number, code: string, field?: string) {
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.code).toBe(code);
    if (field) expect(answer.body.field).toBe(field);
  }

  it('app Y of another institution cannot bill person A citing app X’s order, nor tell that it exists', async () => {
    const order = await paidOrder(person);
    const appY = await channelApp(['bill.issue', 'bill.read'], OTHER_INSTITUTION);
    const allocations = server.fakes.finance.bills.length;

    // claiming X's institution
    await refused(await issue(appY, billFor(order, person)), 403, 'bill.institution_not_bound', 'institution.code');
    // under its own: X's order, X's settlement and a made-up reference read alike
    const asItself = { institution: { code: OTHER_INSTITUTION } };
    const answers = await Promise.all(
      [order.id, order.settlementId!, `SETL${randomInt(1e9)}`].map((settlementRef) => issue(appY, billFor(order, person, { ...asItself, settlementRef }))),
    );
    for (const answer of answers) await refused(answer, 422, 'bill.settlement_not_found', 'settlementRef');
    const { traceId: _trace, ...unknown } = answers[2].body;
    for (const answer of answers) expect(answer.body).toMatchObject(unknown);

    expect(server.fakes.finance.bills.length).toBe(allocations);
    expect(await myBills(person)).toEqual([]);
  });

  it('an app bound to no institution cannot issue; a made-up institution or reference is refused', async () => {
    const order = await paidOrder(person);
    const unbound = await channelApp(['bill.issue']);
    await refused(await issue(unbound, billFor(order, person)), 403, 'bill.channel_not_bound');
    await refused(await issue(hospital, billFor(order, person, { institution: { code: 'H41130299999', name: '不存在的医院' } })), 403, 'bill.institution_not_bound', 'institution.code');
    await refused(await issue(hospital, billFor(order, person, { settlementRef: `SETL${randomInt(1e9)}` })), 422, 'bill.settlement_not_found', 'settlementRef');
    await refused(await issue(hospital, billFor(order, person, { settlementRef: 'pay_madeup0000000000' })), 422, 'bill.settlement_not_found', 'settlementRef');
    expect((await myBills(person)).some((b) => b.settlementRef === order.id)).toBe(false);
  });

  it('refuses a payer who is not the settlement’s person', async () => {
    const order = await paidOrder(person);
    await refused(await issue(hospital, billFor(order, stranger, { payer: { personId: stranger.personId, name: stranger.name } })), 422, 'bill.payer_not_settled', 'payer.personId');
    await refused(await issue(hospital, billFor(order, person, { payer: { personId: 'psn_nobody', name: '王五' } })), 422, 'bill.payer_not_settled', 'payer.personId');
    expect(await myBills(stranger)).toEqual([]);
  });

  describe('refuses a bill differing from its settlement by one fen, naming the figure', () => {
    let order: Order;
    let person: Insured;
    beforeAll(async () => {
      person = await insured();
      order = await paidOrder(person);
      // every part of DOMAIN.md's visit is there: the fund, 2,000.00 of account, the rest in cash
      expect([order.fundFen, order.accountFen, order.cashFen].every((fen) => fen > 0)).toBe(true);
    });

    it.each([
      ['the total one fen over', (o: Order) => ({ totalFen: o.totalFen + 1 }), 'totalFen'],
      ['the fund one fen over', (o: Order) => ({ fundPayFen: o.fundFen + 1 }), 'fundPayFen'],
      ['the account one fen over', (o: Order) => ({ accountPayFen: o.accountFen + 1 }), 'accountPayFen'],
      ['the cash one fen over', (o: Order) => ({ cashPayFen: o.cashFen + 1 }), 'cashPayFen'],
      ['the cash one fen short', (o: Order) => ({ cashPayFen: o.cashFen - 1 }), 'cashPayFen'],
      // consistent in itself (the parts add up to the total, the items too), still not what was settled
      ['a fen moved from cash to the fund', (o: Order) => ({ fundPayFen: o.fundFen + 1, cashPayFen: o.cashFen - 1 }), 'fundPayFen'],
      ['a fen moved from cash to the account', (o: Order) => ({ accountPayFen: o.accountFen + 1, cashPayFen: o.cashFen - 1 }), 'accountPayFen'],
      [
        'total, items and cash one fen over',
        (o: Order) => ({ totalFen: o.totalFen + 1, cashPayFen: o.cashFen + 1, items: [...ITEMS.slice(0, -1), { ...ITEMS.at(-1)!, amountFen: ITEMS.at(-1)!.amountFen + 1 }] }),
        'totalFen',
      ],
    ])('%s', async (_label, change, field) => {
      const allocations = server.fakes.finance.bills.length;
      const answer = await issue(hospital, billFor(order, person, change(order)));
      await refused(answer, 422, 'bill.amount_mismatch', field);
      // the answer says what was settled, so the institution's system can put it right
      expect(answer.body.detail).toContain(`${billFor(order, person)[field as 'totalFen']} 分`);
      expect(server.fakes.finance.bills.length).toBe(allocations);
      expect((await myBills(person)).some((b) => b.settlementRef === order.id)).toBe(false);
    });

    it('and issues it with the settlement’s own figures', async () => {
      expect((await issue(hospital, billFor(order, person))).status).toBe(201);
    });
  });

  it('a second bill for a settlement is refused: another key, another app of the institution, another name of the settlement', async () => {
    const order = await paidOrder(person);
    const kiosk = await channelApp(['bill.issue'], INSTITUTION);
    const first = await issue(hospital, billFor(order, person), idempotencyKey());
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const allocations = server.fakes.finance.bills.length;

    await refused(await issue(hospital, billFor(order, person, { settlementRef: order.settlementId, insuranceId: '411302199001010099' }), idempotencyKey()), 409, 'bill.settlement_billed', 'settlementRef');
    await refused(await issue(kiosk, billFor(order, person), idempotencyKey()), 409, 'bill.settlement_billed', 'settlementRef');
    await refused(await issue(kiosk, billFor(order, person, { settlementRef: order.settlementId })), 409, 'bill.settlement_billed', 'settlementRef');
    expect(server.fakes.finance.bills.length).toBe(allocations);
    expect(await billsOfSettlement(order.settlementId!)).toEqual([{ id: first.body.id, issuer_app_id: hospital.appId }]);
  });

  it('ten concurrent requests to bill one settlement, from two apps of the institution: exactly one bill', async () => {
    const order = await paidOrder(person);
    const kiosk = await channelApp(['bill.issue'], INSTITUTION);
    const allocations = server.fakes.finance.bills.length;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        issue(i % 2 ? kiosk : hospital, billFor(order, person, { insuranceId: `41130219900101${String(i).padStart(4, '0')}`, settlementRef: i % 3 ? order.id : order.settlementId }), idempotencyKey()),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses, JSON.stringify(answers.map((a) => a.body))).toEqual([201, ...Array(9).fill(409)]);
    for (const answer of answers.filter((a) => a.status === 409)) expect(['bill.settlement_billed', 'bill.settlement_conflict']).toContain(answer.body.code);
    expect(await billsOfSettlement(order.settlementId!)).toHaveLength(1);
    // one number at the bureau: every request for the settlement asked under the settlement's request id
    expect(server.fakes.finance.bills.length).toBe(allocations + 1);
    expect((await myBills(person)).filter((b) => [order.id, order.settlementId].includes(b.settlementRef))).toHaveLength(1);
  });

  it('refuses an order not paid yet, and its settlement while the cash part is with the channel', async () => {
    const created = await createdOrder(person);
    await refused(await issue(hospital, billFor(created, person)), 409, 'bill.order_not_paid', 'settlementRef');
    const confirmed = await confirmOrder(server, person, created.id);
    expect(confirmed.body.status).toBe('paying');
    const paying = await orderOf(created.id);
    await refused(await issue(hospital, billFor(paying, person)), 409, 'bill.order_not_paid', 'settlementRef');
    await refused(await issue(hospital, billFor(paying, person, { settlementRef: paying.settlementId })), 409, 'bill.order_not_paid', 'settlementRef');
    // paid, it is billable
    await server.fakes.paychannel.pay(created.id);
    expect((await issue(hospital, billFor(await orderOf(created.id), person))).status).toBe(201);
  });

  it('refuses a reversed settlement: a wholly refunded order, a partly refunded one, a settlement reversed by the institution', async () => {
    const refundedOrder = await paidOrder(person);
    const refund = await signedPost(server, hospital, `/payment/orders/${refundedOrder.id}/refunds`, { amountFen: refundedOrder.totalFen, reason: '患者退费' }, idempotencyKey());
    expect(refund.status, JSON.stringify(refund.body)).toBe(201);
    expect((await orderOf(refundedOrder.id)).status).toBe('refunded');
    await refused(await issue(hospital, billFor(refundedOrder, person)), 409, 'bill.settlement_reversed', 'settlementRef');
    await refused(await issue(hospital, billFor(refundedOrder, person, { settlementRef: refundedOrder.settlementId })), 409, 'bill.settlement_reversed', 'settlementRef');

    const partly = await paidOrder(person);
    const partRefund = await signedPost(server, hospital, `/payment/orders/${partly.id}/refunds`, { amountFen: 100, reason: '部分退费' }, idempotencyKey());
    expect(partRefund.status, JSON.stringify(partRefund.body)).toBe(201);
    await refused(await issue(hospital, billFor(partly, person)), 409, 'bill.settlement_reversed', 'settlementRef');

    const direct = await directSettlement(person);
    const reversal = await signedPost(server, hospital, `/settlement/settlements/${direct.id}/reversal`, {}, idempotencyKey());
    expect(reversal.status, JSON.stringify(reversal.body)).toBe(200);
    const body = billForSettlement(direct, person);
    await refused(await issue(hospital, body), 409, 'bill.settlement_reversed', 'settlementRef');
    await refused(await issue(hospital, { ...body, settlementRef: direct.id }), 409, 'bill.settlement_reversed', 'settlementRef');
  });

  it('bills the institution’s own settlement by its reference or its platform id, once', async () => {
    const direct = await directSettlement(person);
    const body = billForSettlement(direct, person);
    const issued = await issue(hospital, body);
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body).toMatchObject({ settlementRef: direct.reference, ...direct.figures });
    expect(await billsOfSettlement(direct.id)).toEqual([{ id: issued.body.id, issuer_app_id: hospital.appId }]);
    await refused(await issue(hospital, { ...body, settlementRef: direct.id }), 409, 'bill.settlement_billed', 'settlementRef');
  });

  it('bills a cash order (全现金) with the order’s split: all of it in cash', async () => {
    const order = await paidOrder(person, 'CASH');
    expect(order).toMatchObject({ settlementId: null, fundFen: 0, accountFen: 0, cashFen: order.totalFen });
    await refused(await issue(hospital, billFor(order, person, { fundPayFen: 1, cashPayFen: order.totalFen - 1 })), 422, 'bill.amount_mismatch', 'fundPayFen');
    const issued = await issue(hospital, billFor(order, person));
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body).toMatchObject({ totalFen: order.totalFen, fundPayFen: 0, accountPayFen: 0, cashPayFen: order.totalFen });
    expect(await billsOfSettlement(order.id)).toEqual([{ id: issued.body.id, issuer_app_id: hospital.appId }]);
    await refused(await issue(hospital, billFor(order, person, { insuranceId: '411302199001010099' })), 409, 'bill.settlement_conflict', 'settlementRef');
  });
});

describe('the person, the PDF and the channels', () => {
  it('lists and downloads only the person’s own bills; another person gets 404', async () => {
    const [alice, bob] = [await insured(), await insured()];
    const order = await paidOrder(alice);
    const bill = (await issue(hospital, billFor(order, alice))).body;

    const list = await server.api('GET', '/bill/mine', { token: alice.token });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: bill.id, billNumber: bill.billNumber }] });
    expect((await server.api('GET', '/bill/mine', { token: bob.token })).body).toMatchObject({ total: 0, items: [] });
    expect((await server.api('GET', `/bill/mine/${bill.id}`, { token: bob.token })).status).toBe(404);
    expect((await server.api('GET', `/bill/mine/${bill.id}/pdf`, { token: bob.token })).status).toBe(404);
    expect((await server.api('GET', `/bill/mine/${bill.id}/pdf`)).status).toBe(401);

    const response = await fetch(`${server.url}/api/v1/bill/mine/${bill.id}/pdf`, { headers: { authorization: `Bearer ${alice.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.length).toBeLessThan(200_000);
    const text = await pdfText(bytes);
    const printed = [
      ...['医疗收费电子票据', bill.billCode, bill.billNumber, bill.checkCode, bill.issueDate, HOSPITAL_NAME, INSTITUTION, maskName(alice.name), '住院'],
      ...ITEMS.flatMap((item) => [item.name, yuan(item.amountFen)]),
      ...['合计', yuan(order.totalFen), '医保统筹基金支付', yuan(order.fundFen), '个人账户支付', yuan(order.accountFen), '个人现金支付', yuan(order.cashFen)],
    ];
    for (const expected of printed) expect(text, expected).toContain(expected);
    expect(text).not.toContain(alice.name.slice(1));
  });

  it('lets a channel read the bills it issued, not another channel’s', async () => {
    // two systems of the hospital (the person authorized neither; newPayer authorized the cast's HIS)
    const [issuer, other] = [await channelApp(['bill.issue', 'bill.read'], INSTITUTION), await channelApp(['bill.issue', 'bill.read'], INSTITUTION)];
    const person = await insured();
    const mine = (await issue(issuer, billFor(await paidOrder(person), person))).body;
    const theirs = (await issue(other, billFor(await paidOrder(person), person))).body;

    const listed = await signedGet(server, issuer, `/bill/channel/persons/${person.personId}/bills`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((b: { id: string }) => b.id)).toEqual([mine.id]);
    expect((await signedGet(server, issuer, `/bill/channel/bills/${mine.id}`)).body.id).toBe(mine.id);
    expect((await signedGet(server, issuer, `/bill/channel/bills/${theirs.id}`)).status).toBe(404);
    expect((await signedGet(server, issuer, `/bill/channel/bills/${theirs.id}/pdf`)).status).toBe(404);
    expect((await signedGet(server, issuer, `/bill/channel/bills/${mine.id}/pdf`)).status).toBe(200);
    expect((await signedPost(server, issuer, `/bill/channel/bills/${theirs.id}/void`, { reason: '误开' })).status).toBe(404);

    // once the person authorizes the channel in the e-voucher center (渠道授权), it reads all their bills; revoked, only its own again
    await must(server, 'POST', '/voucher/authorizations', { appId: issuer.appId }, person.token);
    const authorized = await signedGet(server, issuer, `/bill/channel/persons/${person.personId}/bills`);
    expect(authorized.body.items.map((b: { id: string }) => b.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect((await signedGet(server, issuer, `/bill/channel/bills/${theirs.id}`)).body.id).toBe(theirs.id);
    expect((await signedGet(server, other, `/bill/channel/bills/${mine.id}`)).status).toBe(404);
    expect((await server.api('DELETE', `/voucher/authorizations/${issuer.appId}`, { token: person.token })).status).toBe(204);
    expect((await signedGet(server, issuer, `/bill/channel/bills/${theirs.id}`)).status).toBe(404);
  });
});

describe('verification (查验), use for reimbursement and voiding (冲红)', () => {
  let insurer: Channel;
  let person: Insured;
  beforeAll(async () => {
    insurer = await channelApp(['bill.mark_used']);
    person = await insured();
  });

  /** A paid order and its bill. */
  async function billed() {
    const order = await paidOrder(person);
    const issued = await issue(hospital, billFor(order, person));
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    return { order, bill: issued.body };
  }

  it('answers genuine with the public fields only, and not found for any wrong detail', async () => {
    const { order, bill } = await billed();
    const genuine = await verify(bill, `&totalFen=${order.totalFen}`);
    expect(genuine.status).toBe(200);
    expect(genuine.body).toMatchObject({
      result: 'genuine',
      bill: { billCode: bill.billCode, billNumber: bill.billNumber, totalFen: order.totalFen, fundPayFen: order.fundFen, payerName: maskName(person.name), status: 'issued' },
    });
    for (const hidden of ['personId', 'insuranceId', 'settlementRef', 'items', 'checkCode', 'signature', 'id']) expect(genuine.body.bill).not.toHaveProperty(hidden);
    expect(JSON.stringify(genuine.body)).not.toContain(person.personId);

    const wrongCheck = bill.checkCode[0] === 'A' ? `B${bill.checkCode.slice(1)}` : `A${bill.checkCode.slice(1)}`;
    expect((await verify({ ...bill, checkCode: wrongCheck })).body).toEqual({ result: 'not_found', bill: null });
    expect((await verify({ ...bill, issueDate: '2001-01-01' })).body).toEqual({ result: 'not_found', bill: null });
    expect((await verify(bill, `&totalFen=${order.totalFen + 1}`)).body).toEqual({ result: 'not_found', bill: null });
    expect((await verify({ ...bill, billNumber: '9999999999' })).body.result).toBe('not_found');
    const malformed = await server.api('GET', `/bill/verify?billCode=123&billNumber=${bill.billNumber}&checkCode=${bill.checkCode}&issueDate=${bill.issueDate}`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.field).toBe('billCode');
  });

  it('marks a bill used once; it then verifies as used and cannot be voided', async () => {
    const { bill } = await billed();
    const ref = { billCode: bill.billCode, billNumber: bill.billNumber, checkCode: bill.checkCode };
    expect((await signedPost(server, insurer, '/bill/channel/used', { ...ref, checkCode: 'ZZZZZZ' })).status).toBe(404);
    const used = await signedPost(server, insurer, '/bill/channel/used', ref);
    expect(used.status, JSON.stringify(used.body)).toBe(200);
    expect(used.body.usedAt).toBeTruthy();
    const again = await signedPost(server, insurer, '/bill/channel/used', ref);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('bill.already_used');
    expect((await verify(bill)).body.result).toBe('used');
    const voiding = await signedPost(server, hospital, `/bill/channel/bills/${bill.id}/void`, { reason: '误开' });
    expect(voiding.status).toBe(409);
    expect(voiding.body.code).toBe('bill.used_not_voidable');
    expect((await signedPost(server, hospital, '/bill/channel/used', ref)).status).toBe(403);
  });

  it('voids with a red-letter bill of its own number; the original verifies as voided; voiding twice is 409', async () => {
    const { order, bill } = await billed();
    const voided = await signedPost(server, hospital, `/bill/channel/bills/${bill.id}/void`, { reason: '患者退费' });
    expect(voided.status, JSON.stringify(voided.body)).toBe(201);
    const { original, red } = voided.body;
    expect(original).toMatchObject({ id: bill.id, status: 'voided', redBill: { id: red.id, billCode: red.billCode, billNumber: red.billNumber } });
    const negated = (fen: number) => (fen === 0 ? 0 : -fen);
    expect(red).toMatchObject({
      kind: 'red',
      status: 'issued',
      personId: person.personId,
      institution: { code: INSTITUTION, name: HOSPITAL_NAME },
      totalFen: -order.totalFen,
      fundPayFen: negated(order.fundFen),
      accountPayFen: negated(order.accountFen),
      cashPayFen: negated(order.cashFen),
      items: ITEMS.map((item) => ({ name: item.name, amountFen: -item.amountFen })),
      originalBill: { id: bill.id, billCode: bill.billCode, billNumber: bill.billNumber },
    });
    expect(`${red.billCode}${red.billNumber}`).not.toBe(`${bill.billCode}${bill.billNumber}`);
    const key = (await server.api('GET', '/bill/public-key')).body.publicKey;
    expect(sm2Verify(red.signedText, red.signature, key)).toBe(true);
    expect(red.signedText).toContain(`["${bill.billCode}","${bill.billNumber}"]`);
    expect(server.fakes.finance.find(bill.billCode, bill.billNumber)).toMatchObject({ status: 'voided', related: { billCode: red.billCode, billNumber: red.billNumber } });
    expect(server.fakes.finance.find(red.billCode, red.billNumber)).toMatchObject({ kind: 'red', totalFen: -order.totalFen });

    const check = await verify(bill);
    expect(check.body).toMatchObject({ result: 'voided', bill: { status: 'voided', redBill: { billCode: red.billCode, billNumber: red.billNumber } } });
    expect((await verify(red, `&totalFen=${-order.totalFen}`)).body).toMatchObject({ result: 'genuine', bill: { kind: 'red', totalFen: -order.totalFen, originalBill: { billCode: bill.billCode, billNumber: bill.billNumber } } });

    // the red-letter bill is no news to announce; the original was announced once, when issued
    expect(await issuedEvents(red.id)).toEqual([]);
    expect(await issuedEvents(bill.id)).toHaveLength(1);

    const twice = await signedPost(server, hospital, `/bill/channel/bills/${bill.id}/void`, { reason: '患者退费' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('bill.already_voided');
    expect((await signedPost(server, hospital, `/bill/channel/bills/${red.id}/void`, { reason: 'x' })).body.code).toBe('bill.red_not_voidable');
    expect((await signedPost(server, insurer, '/bill/channel/used', { billCode: bill.billCode, billNumber: bill.billNumber, checkCode: bill.checkCode })).body.code).toBe('bill.voided_not_usable');

    // The person sees both, the red-letter bill first, and its PDF says so.
    const ids = (await myBills(person)).map((b) => b.id);
    expect(ids.indexOf(red.id)).toBeLessThan(ids.indexOf(bill.id));
    const pdf = await fetch(`${server.url}/api/v1/bill/mine/${red.id}/pdf`, { headers: { authorization: `Bearer ${person.token}` } });
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    for (const expected of ['红字', `-${yuan(order.totalFen)}`, `-${yuan(order.fundFen)}`, bill.billNumber]) expect(text, expected).toContain(expected);
  });

  it('two concurrent voids of one bill: one red-letter bill, one 409', async () => {
    const { bill } = await billed();
    const answers = await Promise.all([0, 1].map(() => signedPost(server, hospital, `/bill/channel/bills/${bill.id}/void`, { reason: '重复提交' })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(server.fakes.finance.bills.filter((b) => b.related?.billNumber === bill.billNumber && b.kind === 'red')).toHaveLength(1);
  });

  // A platform of its own starts here (on PGlite: a fresh database migrated), hence the time allowed.
  it('rate-limits verification per client', async () => {
    const limited = await startTestServer({ env: { BILL_VERIFY_PER_IP_PER_MINUTE: '2' }, seed: false });
    try {
      const url = '/bill/verify?billCode=41162601&billNumber=0000000001&checkCode=ABCDEF&issueDate=2026-03-01';
      expect((await limited.api('GET', url)).status).toBe(200);
      expect((await limited.api('GET', url)).status).toBe(200);
      const third = await limited.api('GET', url);
      expect(third.status).toBe(429);
      expect(third.body.code).toBe('request.rate_limited');
    } finally {
      await limited.close();
    }
  }, 120_000);
});
