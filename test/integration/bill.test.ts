/**
 * 电子票据中心: an institution (a signed channel app) issues e-bills numbered by the fake finance
 * bureau over real HTTP; the person downloads them; anyone verifies them; the issuer voids them.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../src/adapters/signing.js';
import { maskName, sm2PublicKeyFromPem, sm2Verify } from '../../src/kernel/crypto/index.js';
import { canonicalBillText } from '../../src/centers/bill/index.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginStaff, newPerson, randomIdNumber, randomName } from '../support/factories.js';

let server: TestServer;
let clerk: string;
let sysadmin: string;

beforeAll(async () => {
  server = await startTestServer();
  clerk = (await loginStaff(server, 'nanyang_clerk')).accessToken;
  sysadmin = (await loginStaff(server, 'sysadmin')).accessToken;
});
afterAll(() => server?.close());

interface Channel {
  appId: string;
  secret: string;
}

async function registerChannel(capabilities: string[]): Promise<Channel> {
  const created = await server.api('POST', '/auth/channels', { token: sysadmin, body: { name: '南阳市第一人民医院HIS', capabilities } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

/** A channel request signed like the institution's system would sign it. */
function channelCall(app: Channel, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) {
  const raw = body === undefined ? '' : JSON.stringify(body);
  const signed = signRequest({ appId: app.appId, secret: app.secret, method, path: `/api/v1${path}`, body: raw });
  return server.api(method, path, { ...(body === undefined ? {} : { raw }), headers: { ...(signed as unknown as Record<string, string>), ...headers } });
}

/** A registry person with a real-name verified (L2) person account. */
async function insured() {
  const idNumber = randomIdNumber();
  const name = randomName();
  const registered = await server.api('POST', '/registry/persons', { token: clerk, body: { idNumber, name, regionCode: '411302', category: 'employee' } });
  expect(registered.status, JSON.stringify(registered.body)).toBe(201);
  const account = await newPerson(server, { idNumber, name });
  server.fakes.realName.addPerson({ idNumber, name });
  const l2 = await server.api('POST', '/auth/realname', { token: account.accessToken, body: { name, idNumber } });
  expect(l2.status).toBe(200);
  return { personId: registered.body.id as string, idNumber, name, token: l2.body.accessToken as string };
}

const billing = (person: { personId: string; name: string }, overrides: Record<string, unknown> = {}) => ({
  payer: { personId: person.personId, name: person.name },
  institution: { code: 'H41130200746', name: '南阳市第一人民医院' },
  visitType: 'outpatient',
  insuranceId: '411302199001010021',
  settlementRef: `SETL${randomInt(1e9)}`,
  items: [
    { name: '西药费', amountFen: 8650 },
    { name: '检查费', amountFen: 3350 },
  ],
  totalFen: 12000,
  fundPayFen: 7200,
  accountPayFen: 2800,
  cashPayFen: 2000,
  ...overrides,
});

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
  let hospital: Channel;
  let person: Awaited<ReturnType<typeof insured>>;
  beforeAll(async () => {
    hospital = await registerChannel(['bill.issue', 'bill.read']);
    person = await insured();
  });

  it('numbers the bill at the finance bureau, adds a check code and signs it with the published SM2 key', async () => {
    const body = billing(person);
    const issued = await channelCall(hospital, 'POST', '/bill/channel/bills', body);
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const bill = issued.body;
    expect(bill).toMatchObject({
      kind: 'normal',
      status: 'issued',
      personId: person.personId,
      payerName: maskName(person.name),
      insuranceId: '4113**********0021',
      institution: body.institution,
      totalFen: 12000,
      fundPayFen: 7200,
      accountPayFen: 2800,
      cashPayFen: 2000,
    });
    expect(bill.billCode).toMatch(/^\d{8}$/);
    expect(bill.billNumber).toMatch(/^\d{10}$/);
    expect(bill.checkCode).toMatch(/^[0-9A-HJ-NP-Z]{6}$/);
    expect(JSON.stringify(bill)).not.toContain(person.name.slice(1));

    // The bureau, over real HTTP, recorded exactly this number.
    expect(server.fakes.finance.find(bill.billCode, bill.billNumber)).toMatchObject({ institutionCode: 'H41130200746', totalFen: 12000, issueDate: bill.issueDate, status: 'issued' });
    expect(server.fakes.finance.calls.at(-1)).toMatchObject({ path: '/v1/bills/allocate', auth: 'ok', status: 200 });

    // Anyone can check the signature with the published key, rebuilding the signed text from the printed fields.
    const key = await server.api('GET', '/bill/public-key');
    expect(key.status).toBe(200);
    expect(sm2PublicKeyFromPem(key.body.publicKeyPem)).toBe(key.body.publicKey);
    const rebuilt = canonicalBillText({ ...bill, institutionCode: bill.institution.code, institutionName: bill.institution.name, original: null });
    expect(rebuilt).toBe(bill.signedText);
    expect(sm2Verify(rebuilt, bill.signature, key.body.publicKey)).toBe(true);
    expect(sm2Verify(rebuilt.replace('12000', '12001'), bill.signature, key.body.publicKey)).toBe(false);
  });

  it('numbers bills sequentially per code', async () => {
    const a = (await channelCall(hospital, 'POST', '/bill/channel/bills', billing(person))).body;
    const b = (await channelCall(hospital, 'POST', '/bill/channel/bills', billing(person))).body;
    expect(b.billCode).toBe(a.billCode);
    expect(Number(b.billNumber)).toBe(Number(a.billNumber) + 1);
  });

  it('is idempotent: a replay returns the first bill, a different body with the same key or settlement is 409', async () => {
    const body = billing(person);
    const key = { 'idempotency-key': `k-${randomInt(1e9)}` };
    const first = await channelCall(hospital, 'POST', '/bill/channel/bills', body, key);
    expect(first.status).toBe(201);
    const allocations = server.fakes.finance.bills.length;

    const replay = await channelCall(hospital, 'POST', '/bill/channel/bills', body, key);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    // the same settlement without the key is the same bill too
    const sameSettlement = await channelCall(hospital, 'POST', '/bill/channel/bills', { ...body, items: [...body.items] });
    expect(sameSettlement.body.id).toBe(first.body.id);
    expect(server.fakes.finance.bills.length).toBe(allocations);

    const differentBody = await channelCall(hospital, 'POST', '/bill/channel/bills', { ...body, settlementRef: `SETL${randomInt(1e9)}` }, key);
    expect(differentBody.status).toBe(409);
    expect(differentBody.body.code).toBe('request.idempotency_conflict');
    const differentContent = await channelCall(hospital, 'POST', '/bill/channel/bills', { ...body, visitType: 'inpatient' });
    expect(differentContent.status).toBe(409);
    expect(differentContent.body).toMatchObject({ code: 'bill.settlement_conflict', field: 'settlementRef' });
    expect(server.fakes.finance.bills.length).toBe(allocations);
  });

  it('concurrent twins of one request make one bill', async () => {
    const body = billing(person);
    const answers = await Promise.all(Array.from({ length: 5 }, () => channelCall(hospital, 'POST', '/bill/channel/bills', body)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const mine = await server.api('GET', '/bill/mine?pageSize=100', { token: person.token });
    expect(mine.body.items.filter((b: { settlementRef: string }) => b.settlementRef === body.settlementRef)).toHaveLength(1);
  });

  it.each([
    ['split one fen short', { cashPayFen: 1999 }, 'totalFen', 'bill.split_mismatch'],
    ['split one fen over', { fundPayFen: 7201 }, 'totalFen', 'bill.split_mismatch'],
    ['items not adding up', { items: [{ name: '西药费', amountFen: 11999 }] }, 'items', 'bill.items_mismatch'],
    ['negative amount', { cashPayFen: -1 }, 'cashPayFen', undefined],
    ['fractional fen', { totalFen: 120.5 }, 'totalFen', undefined],
    ['bad institution code', { institution: { code: 'H4113020074', name: '某医院' } }, 'institution.code', undefined],
    ['unknown payer', { payer: { personId: 'psn_nobody', name: '王五' } }, 'payer.personId', 'bill.payer_not_found'],
    ['payer name not on file', { payer: { personId: 'SELF', name: '不是本人' } }, 'payer.name', 'bill.payer_name_mismatch'],
  ])('refuses %s with 400 naming the field, writing nothing', async (_label, overrides, field, code) => {
    const body = billing(person, overrides) as ReturnType<typeof billing>;
    if (body.payer.personId === 'SELF') body.payer.personId = person.personId;
    const allocations = server.fakes.finance.bills.length;
    const refused = await channelCall(hospital, 'POST', '/bill/channel/bills', body);
    expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.field).toBe(field);
    if (code) expect(refused.body.code).toBe(code);
    expect(server.fakes.finance.bills.length).toBe(allocations);
    const mine = await server.api('GET', '/bill/mine?pageSize=100', { token: person.token });
    expect(mine.body.items.some((b: { settlementRef: string }) => b.settlementRef === body.settlementRef)).toBe(false);
  });

  it('accepts the masked name as given by the institution', async () => {
    const issued = await channelCall(hospital, 'POST', '/bill/channel/bills', billing(person, { payer: { personId: person.personId, name: maskName(person.name) } }));
    expect(issued.status).toBe(201);
  });

  it('answers 502 when the bureau fails, and the retry succeeds', async () => {
    const body = billing(person);
    server.fakes.finance.failNext(1);
    const failed = await channelCall(hospital, 'POST', '/bill/channel/bills', body);
    expect(failed.status).toBe(502);
    expect(failed.body.code).toBe('bill.finance_unavailable');
    expect((await channelCall(hospital, 'POST', '/bill/channel/bills', body)).status).toBe(201);
  });

  it('refuses unsigned, wrongly signed and under-capable channel requests', async () => {
    const body = billing(person);
    const unsigned = await server.api('POST', '/bill/channel/bills', { body });
    expect(unsigned.status).toBe(401);
    const wrongSecret = await channelCall({ ...hospital, secret: 'not-the-secret' }, 'POST', '/bill/channel/bills', body);
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body.code).toBe('auth.channel_bad_signature');
    const reader = await registerChannel(['bill.read']);
    const noCapability = await channelCall(reader, 'POST', '/bill/channel/bills', body);
    expect(noCapability.status).toBe(403);
    expect(noCapability.body.code).toBe('auth.capability_missing');
    const mine = await server.api('GET', '/bill/mine?pageSize=100', { token: person.token });
    expect(mine.body.items.some((b: { settlementRef: string }) => b.settlementRef === body.settlementRef)).toBe(false);
  });
});

describe('the person, the PDF and the channels', () => {
  it('lists and downloads only the person’s own bills; another person gets 404', async () => {
    const hospital = await registerChannel(['bill.issue']);
    const [alice, bob] = [await insured(), await insured()];
    const bill = (await channelCall(hospital, 'POST', '/bill/channel/bills', billing(alice))).body;

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
    for (const expected of ['医疗收费电子票据', bill.billCode, bill.billNumber, bill.checkCode, bill.issueDate, '南阳市第一人民医院', 'H41130200746', maskName(alice.name), '门诊', '西药费', '86.50', '检查费', '33.50', '合计', '120.00', '医保统筹基金支付', '72.00', '个人账户支付', '28.00', '个人现金支付', '20.00']) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain(alice.name.slice(1));
  });

  it('lets a channel read the bills it issued, not another channel’s', async () => {
    const [issuer, other] = [await registerChannel(['bill.issue', 'bill.read']), await registerChannel(['bill.issue', 'bill.read'])];
    const person = await insured();
    const mine = (await channelCall(issuer, 'POST', '/bill/channel/bills', billing(person))).body;
    const theirs = (await channelCall(other, 'POST', '/bill/channel/bills', billing(person))).body;

    const listed = await channelCall(issuer, 'GET', `/bill/channel/persons/${person.personId}/bills`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((b: { id: string }) => b.id)).toEqual([mine.id]);
    expect((await channelCall(issuer, 'GET', `/bill/channel/bills/${mine.id}`)).body.id).toBe(mine.id);
    expect((await channelCall(issuer, 'GET', `/bill/channel/bills/${theirs.id}`)).status).toBe(404);
    expect((await channelCall(issuer, 'GET', `/bill/channel/bills/${theirs.id}/pdf`)).status).toBe(404);
    expect((await channelCall(issuer, 'GET', `/bill/channel/bills/${mine.id}/pdf`)).status).toBe(200);
    expect((await channelCall(issuer, 'POST', `/bill/channel/bills/${theirs.id}/void`, { reason: '误开' })).status).toBe(404);

    // once the person authorizes the channel in the e-voucher center (渠道授权), it reads all their
    // bills; revoked, only its own again. (The voucher and its authorization as the voucher center
    // stores them; its own tests cover how a person gets there.)
    const database = server.platform.ctx.database;
    const voucherId = `vch_bill_${person.personId}`;
    await database.rows(sql`insert into voucher.vouchers (id, person_id, region_code, status) values (${voucherId}, ${person.personId}, '411302', 'active')`);
    await database.rows(sql`insert into voucher.authorizations (id, voucher_id, app_id) values (${`vau_${voucherId}`}, ${voucherId}, ${issuer.appId})`);
    const authorized = await channelCall(issuer, 'GET', `/bill/channel/persons/${person.personId}/bills`);
    expect(authorized.body.items.map((b: { id: string }) => b.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect((await channelCall(issuer, 'GET', `/bill/channel/bills/${theirs.id}`)).body.id).toBe(theirs.id);
    expect((await channelCall(other, 'GET', `/bill/channel/bills/${mine.id}`)).status).toBe(404);
    await database.rows(sql`update voucher.authorizations set revoked_at = now() where voucher_id = ${voucherId}`);
    expect((await channelCall(issuer, 'GET', `/bill/channel/bills/${theirs.id}`)).status).toBe(404);
  });
});

describe('verification (查验), use for reimbursement and voiding (冲红)', () => {
  let hospital: Channel;
  let insurer: Channel;
  let person: Awaited<ReturnType<typeof insured>>;
  beforeAll(async () => {
    hospital = await registerChannel(['bill.issue', 'bill.read']);
    insurer = await registerChannel(['bill.mark_used']);
    person = await insured();
  });

  it('answers genuine with the public fields only, and not found for any wrong detail', async () => {
    const bill = (await channelCall(hospital, 'POST', '/bill/channel/bills', billing(person))).body;
    const genuine = await verify(bill, '&totalFen=12000');
    expect(genuine.status).toBe(200);
    expect(genuine.body).toMatchObject({ result: 'genuine', bill: { billCode: bill.billCode, billNumber: bill.billNumber, totalFen: 12000, fundPayFen: 7200, payerName: maskName(person.name), status: 'issued' } });
    for (const hidden of ['personId', 'insuranceId', 'settlementRef', 'items', 'checkCode', 'signature', 'id']) expect(genuine.body.bill).not.toHaveProperty(hidden);
    expect(JSON.stringify(genuine.body)).not.toContain(person.personId);

    const wrongCheck = bill.checkCode[0] === 'A' ? `B${bill.checkCode.slice(1)}` : `A${bill.checkCode.slice(1)}`;
    expect((await verify({ ...bill, checkCode: wrongCheck })).body).toEqual({ result: 'not_found', bill: null });
    expect((await verify({ ...bill, issueDate: '2001-01-01' })).body).toEqual({ result: 'not_found', bill: null });
    expect((await verify(bill, '&totalFen=12001')).body).toEqual({ result: 'not_found', bill: null });
    expect((await verify({ ...bill, billNumber: '9999999999' })).body.result).toBe('not_found');
    const malformed = await server.api('GET', `/bill/verify?billCode=123&billNumber=${bill.billNumber}&checkCode=${bill.checkCode}&issueDate=${bill.issueDate}`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.field).toBe('billCode');
  });

  it('marks a bill used once; it then verifies as used and cannot be voided', async () => {
    const bill = (await channelCall(hospital, 'POST', '/bill/channel/bills', billing(person))).body;
    const ref = { billCode: bill.billCode, billNumber: bill.billNumber, checkCode: bill.checkCode };
    expect((await channelCall(insurer, 'POST', '/bill/channel/used', { ...ref, checkCode: 'ZZZZZZ' })).status).toBe(404);
    const used = await channelCall(insurer, 'POST', '/bill/channel/used', ref);
    expect(used.status, JSON.stringify(used.body)).toBe(200);
    expect(used.body.usedAt).toBeTruthy();
    const again = await channelCall(insurer, 'POST', '/bill/channel/used', ref);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('bill.already_used');
    expect((await verify(bill)).body.result).toBe('used');
    const voiding = await channelCall(hospital, 'POST', `/bill/channel/bills/${bill.id}/void`, { reason: '误开' });
    expect(voiding.status).toBe(409);
    expect(voiding.body.code).toBe('bill.used_not_voidable');
    expect((await channelCall(hospital, 'POST', '/bill/channel/used', ref)).status).toBe(403);
  });

  it('voids with a red-letter bill of its own number; the original verifies as voided; voiding twice is 409', async () => {
    const bill = (await channelCall(hospital, 'POST', '/bill/channel/bills', billing(person))).body;
    const voided = await channelCall(hospital, 'POST', `/bill/channel/bills/${bill.id}/void`, { reason: '患者退费' });
    expect(voided.status, JSON.stringify(voided.body)).toBe(201);
    const { original, red } = voided.body;
    expect(original).toMatchObject({ id: bill.id, status: 'voided', redBill: { id: red.id, billCode: red.billCode, billNumber: red.billNumber } });
    expect(red).toMatchObject({
      kind: 'red',
      status: 'issued',
      personId: person.personId,
      totalFen: -12000,
      fundPayFen: -7200,
      accountPayFen: -2800,
      cashPayFen: -2000,
      items: [{ name: '西药费', amountFen: -8650 }, { name: '检查费', amountFen: -3350 }],
      originalBill: { id: bill.id, billCode: bill.billCode, billNumber: bill.billNumber },
    });
    expect(`${red.billCode}${red.billNumber}`).not.toBe(`${bill.billCode}${bill.billNumber}`);
    const key = (await server.api('GET', '/bill/public-key')).body.publicKey;
    expect(sm2Verify(red.signedText, red.signature, key)).toBe(true);
    expect(red.signedText).toContain(`["${bill.billCode}","${bill.billNumber}"]`);
    expect(server.fakes.finance.find(bill.billCode, bill.billNumber)).toMatchObject({ status: 'voided', related: { billCode: red.billCode, billNumber: red.billNumber } });
    expect(server.fakes.finance.find(red.billCode, red.billNumber)).toMatchObject({ kind: 'red', totalFen: -12000 });

    const check = await verify(bill);
    expect(check.body).toMatchObject({ result: 'voided', bill: { status: 'voided', redBill: { billCode: red.billCode, billNumber: red.billNumber } } });
    expect((await verify(red, '&totalFen=-12000')).body).toMatchObject({ result: 'genuine', bill: { kind: 'red', totalFen: -12000, originalBill: { billCode: bill.billCode, billNumber: bill.billNumber } } });

    const twice = await channelCall(hospital, 'POST', `/bill/channel/bills/${bill.id}/void`, { reason: '患者退费' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('bill.already_voided');
    expect((await channelCall(hospital, 'POST', `/bill/channel/bills/${red.id}/void`, { reason: 'x' })).body.code).toBe('bill.red_not_voidable');
    expect((await channelCall(insurer, 'POST', '/bill/channel/used', { billCode: bill.billCode, billNumber: bill.billNumber, checkCode: bill.checkCode })).body.code).toBe('bill.voided_not_usable');

    // The person sees both, the red-letter bill first, and its PDF says so.
    const mine = await server.api('GET', '/bill/mine?pageSize=100', { token: person.token });
    const ids = mine.body.items.map((b: { id: string }) => b.id);
    expect(ids.indexOf(red.id)).toBeLessThan(ids.indexOf(bill.id));
    const pdf = await fetch(`${server.url}/api/v1/bill/mine/${red.id}/pdf`, { headers: { authorization: `Bearer ${person.token}` } });
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    for (const expected of ['红字', '-120.00', '-72.00', bill.billNumber]) expect(text, expected).toContain(expected);
  });

  it('two concurrent voids of one bill: one red-letter bill, one 409', async () => {
    const bill = (await channelCall(hospital, 'POST', '/bill/channel/bills', billing(person))).body;
    const answers = await Promise.all([0, 1].map(() => channelCall(hospital, 'POST', `/bill/channel/bills/${bill.id}/void`, { reason: '重复提交' })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(server.fakes.finance.bills.filter((b) => b.related?.billNumber === bill.billNumber && b.kind === 'red')).toHaveLength(1);
  });

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
  });
});
