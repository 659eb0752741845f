import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginStaff, PASSWORD, randomCreditCode, randomName, randomPhone } from '../support/factories.js';
import { BUILT_IN_ROLES, DEMO_ORGS } from '../../src/demo-seed.js';
import { seedPolicyDemo } from '../../src/centers/policy/index.js';
import { submitApplication } from '../../src/centers/enrollment/index.js';
import { annualStatement, billOf, billPdf, billsOf, billXlsx, contributionsOf, personalAccount, runOperations } from '../../src/centers/collection/index.js';
import { makeIdNumber } from '../../src/kernel/validation/identifiers.js';

let server: TestServer;
/** 南阳 city administrator: collection.read / collection.manage over 4113xx */
let nanyang: string;
/** a second 南阳 administrator: reviews and publishes what nanyang drafts (四眼原则) */
let reviewer: string;
/** 郑州 city administrator: another city */
let zhengzhou: string;

async function newAdmin(orgId: string, token: string) {
  const loginName = `collection_admin${randomInt(1e9)}`;
  const account = await server.api('POST', '/user/accounts', { token, body: { kind: 'admin', loginName, name: randomName(), phone: randomPhone(), orgId, password: PASSWORD } });
  expect(account.status, JSON.stringify(account.body)).toBe(201);
  expect((await server.api('POST', '/auth/grants', { token, body: { accountId: account.body.id, roleId: BUILT_IN_ROLES.orgAdmin.id } })).status).toBe(201);
  const login = await server.api('POST', '/auth/login', { body: { identifier: loginName, password: PASSWORD } });
  expect(login.status).toBe(200);
  return login.body.accessToken as string;
}

beforeAll(async () => {
  server = await startTestServer();
  nanyang = (await loginStaff(server, 'nanyang_admin')).accessToken;
  const province = (await loginStaff(server, 'province_admin')).accessToken;
  reviewer = await newAdmin(DEMO_ORGS.nanyang.id, province);
  zhengzhou = await newAdmin(DEMO_ORGS.zhengzhou.id, province);
  await seedPolicyDemo(server.platform.ctx);
});
afterAll(() => server?.close());

const api = (method: string, path: string, body?: unknown, token = nanyang) => server.api(method, path, { token, ...(body === undefined ? {} : { body }) });

async function ok(method: string, path: string, body?: unknown, status = 201) {
  const response = await api(method, path, body);
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(status);
  return response.body;
}

interface Unit {
  entityId: string;
  creditCode: string;
  name: string;
  unitId: string;
}

async function newUnit(insuranceType = '410', fromMonth = '2019-01'): Promise<Unit> {
  const creditCode = randomCreditCode();
  const name = `征缴测试${randomInt(1e6)}有限公司`;
  const entity = await ok('POST', '/registry/entities', { creditCode, name, type: 'enterprise', regionCode: '411302', legalRepName: randomName() });
  const unit = await ok('POST', '/enrollment/units', { entityId: entity.id, insuranceType, fromMonth });
  return { entityId: entity.id, creditCode, name, unitId: unit.id };
}

async function newEmployee(unit: Unit, birthDate: string, wageFen: number | null, options: { fromMonth?: string; retiredOn?: string; year?: number } = {}) {
  // Ages count in whole months, so any day of the birth month will do: fewer identity numbers collide.
  const day = String(randomInt(1, 29)).padStart(2, '0');
  const idNumber = makeIdNumber(['411302', '411303', '411321', '411322', '411323', '411324'][randomInt(0, 6)], `${birthDate.slice(0, 8)}${day}`, randomInt(0, 1000));
  const person = await ok('POST', '/registry/persons', { idNumber, name: randomName(), regionCode: '411302', category: 'employee' });
  const employment = await ok('POST', `/enrollment/units/${unit.unitId}/employees`, { personId: person.id, fromMonth: options.fromMonth ?? '2019-01' });
  if (options.retiredOn) await ok('POST', `/enrollment/persons/${person.id}/retirement`, { date: options.retiredOn });
  if (wageFen !== null) await ok('POST', `/enrollment/employees/${employment.id}/wage-declarations`, { year: options.year ?? 2019, monthlyWageFen: wageFen });
  return { personId: person.id as string, employmentId: employment.id as string, idNumber };
}

/** Starts a run and waits for it to end; it must end done. */
async function run(body: { month: string; regionCode?: string; insuranceType?: string }) {
  const started = await api('POST', '/collection/runs', body);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  const until = Date.now() + 60_000;
  for (;;) {
    const view = (await api('GET', `/collection/runs/${started.body.id}`)).body;
    if (view.status === 'done' || view.status === 'failed' || Date.now() > until) {
      expect(view.status, JSON.stringify(view)).toBe('done');
      return view;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function linesOf(query: string) {
  const page = await ok('GET', `/collection/receivables?pageSize=100&${query}`, undefined, 200);
  return page.items as Array<Record<string, any>>;
}

const summary = (lines: Array<Record<string, any>>) =>
  lines.map((l) => [l.ruleCode, l.payer, l.baseFen, l.ratePpm, l.amountFen, l.status]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));

async function billFor(entityId: string, month: string) {
  const page = await ok('GET', `/collection/bills?entityId=${entityId}&month=${month}`, undefined, 200);
  expect(page.total).toBe(1);
  return page.items[0];
}

/** The `collection.bill_issued` events of a unit's month in the outbox (the message center follows them). */
const billEvents = (entityId: string, month: string) =>
  server.platform.ctx.database.rows<{ payload: Record<string, unknown> }>(
    sql`select payload from kernel.outbox_events where topic = 'collection.bill_issued' and payload->>'entityId' = ${entityId} and payload->>'month' = ${month}`,
  );

async function setMode(mode: 'tax_full' | 'tax_half' | 'agency', regionCode = '411300') {
  return ok('PUT', `/collection/settings/${regionCode}`, { mode }, 200);
}

const CSV = (rows: Array<Array<string | number>>) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';

async function importCsv(path: string, csv: string, regionCode = '411300', token = nanyang) {
  return server.api('POST', `/collection/imports/${path}?regionCode=${regionCode}&fileName=test.csv`, { token, raw: csv, headers: { 'content-type': 'text/csv' } });
}

const TAX_HEADER = ['payerCode', 'month', 'insuranceType', 'amountFen', 'voucherNo', 'paidDate'];
const voucher = () => `V${randomInt(1e9)}${randomInt(1e6)}`;

// ---------------------------------------------------------------------------------------------

describe('the long-term-care example of DOMAIN.md, end to end (enrollment → run → receivables)', () => {
  let unit: Unit;
  let employee: Awaited<ReturnType<typeof newEmployee>>;
  let retiree: Awaited<ReturnType<typeof newEmployee>>;
  let missing: Awaited<ReturnType<typeof newEmployee>>;
  let runView: any;

  beforeAll(async () => {
    unit = await newUnit('410', '2019-01');
    // 110001: aged 39 in 2019-01, base 2,000.00; 110002: retired, base 2,200.00
    employee = await newEmployee(unit, '1979-06-15', 200_000);
    retiree = await newEmployee(unit, '1955-03-01', 220_000, { retiredOn: '2015-03-01' });
    // no wage declared: the run cannot compute this one
    missing = await newEmployee(unit, '1985-01-01', null);
    runView = await run({ month: '2019-01', regionCode: '411302', insuranceType: '410' });
  });

  it('computes the lines to the fen: personal 2.00 and unit 4.00; retired personal 6.60 and fiscal 2.20 in January', async () => {
    expect(summary(await linesOf(`personId=${employee.personId}&month=2019-01`))).toEqual([
      ['2000101', 'unit', 200_000, 2_000, 400, 'due'],
      ['2000102', 'person', 200_000, 1_000, 200, 'due'],
    ]);
    expect(summary(await linesOf(`personId=${retiree.personId}&month=2019-01`))).toEqual([
      ['2000104', 'person', 220_000, 3_000, 660, 'due'],
      ['2000105', 'fiscal', 220_000, 1_000, 220, 'due'],
    ]);
    const [fiscal] = await linesOf(`personId=${retiree.personId}&month=2019-01&status=due&insuranceType=410&entityId=${unit.entityId}`).then((ls) => ls.filter((l) => l.payer === 'fiscal'));
    expect(fiscal).toMatchObject({ poolingRegion: '411300', regionCode: '411302', payerKey: 'fiscal:411300', fund: 'none', flow: 'to', periodicity: 'yearly', ruleVersionId: expect.stringMatching(/^pol_/) });
    const [unitShare] = (await linesOf(`personId=${employee.personId}&month=2019-01`)).filter((l) => l.payer === 'unit');
    expect(unitShare).toMatchObject({ payerKey: unit.entityId, fund: 'pooled_fund', flow: 'from', baseApplied: 'declared', baseRuleCode: null, enrollmentKind: 'employee' });
  });

  it('reports progress and totals by payer, and lists the person whose base is missing', async () => {
    expect(runView).toMatchObject({
      month: '2019-01',
      regionCode: '411302',
      insuranceType: '410',
      total: 3,
      processed: 2,
      problems: 1,
      linesWritten: 4,
      totals: { unitFen: 400, personFen: 860, fiscalFen: 220 },
      error: null,
    });
    expect(runView.startedAt).toBeTruthy();
    expect(runView.finishedAt).toBeTruthy();
    const problems = await ok('GET', `/collection/runs/${runView.id}/problems`, undefined, 200);
    expect(problems.items).toEqual([
      expect.objectContaining({ employmentId: missing.employmentId, personId: missing.personId, entityId: unit.entityId, code: 'policy.base_missing', message: expect.any(String) }),
    ]);
    const list = await ok('GET', '/collection/runs?month=2019-01', undefined, 200);
    expect(list.items.map((r: { id: string }) => r.id)).toContain(runView.id);
  });

  it('makes one bill for the unit and month: its share and its employees’, fiscal subsidies aside', async () => {
    const bill = await billFor(unit.entityId, '2019-01');
    expect(bill).toMatchObject({
      month: '2019-01',
      regionCode: '411302',
      status: 'due',
      byPayer: { unitFen: 400, personFen: 860 },
      totalFen: 1_260,
      receivedFen: 0,
      outstandingFen: 1_260,
      persons: 2,
      lines: 3,
      byType: [{ insuranceType: '410', unitFen: 400, personFen: 860, totalFen: 1_260, receivedFen: 0 }],
    });
    expect(bill.number).toMatch(/^JF201901\d{8}$/);
    expect((await ok('GET', `/collection/bills/${bill.id}`, undefined, 200)).unitName).toBe(unit.name);
  });

  it('explains a person’s lines on read, in both languages, and gives the year’s statement', async () => {
    const ctx = server.platform.ctx;
    const contributions = await contributionsOf(ctx, employee.personId, { year: 2019, page: 1, pageSize: 20 });
    expect(contributions.total).toBe(2);
    const own = contributions.items.find((l) => l.payer === 'person')!;
    expect(own.explanation!.zh).toContain('缴费基数 2,000.00 元 × 0.1% = 2.00 元');
    expect(own.explanation!.zh).toContain('年龄 39 ≤ 40');
    expect(own.explanation!.en).toContain('drawn from the personal account');
    const statement = await annualStatement(ctx, retiree.personId, 2019);
    expect(statement.months[0]).toEqual({ month: '2019-01', unitFen: 0, personFen: 660, fiscalFen: 220, status: 'due' });
    expect(statement.months[1]).toEqual({ month: '2019-02', unitFen: 0, personFen: 0, fiscalFen: 0, status: 'none' });
    expect(statement.totals).toEqual({ unitFen: 0, personFen: 660, fiscalFen: 220, totalFen: 880 });
    expect(statement.account).toEqual({ openingFen: 0, creditsFen: 0, debitsFen: 0, closingFen: 0 });
  });

  it('renders the bill as a PDF with extractable Chinese text and as an XLSX workbook', async () => {
    const bill = await billFor(unit.entityId, '2019-01');
    const pdf = await fetch(`${server.url}/api/v1/collection/bills/${bill.id}/pdf`, { headers: { authorization: `Bearer ${nanyang}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    // a subset of the font, not the 10 MB file
    expect(bytes.byteLength).toBeLessThan(200_000);
    const text = await pdfText(bytes);
    for (const expected of ['单位缴费单', bill.number, unit.name, unit.creditCode, '2019-01', '12.60', '4.00', '8.60', '待缴']) expect(text).toContain(expected);

    const xlsx = await fetch(`${server.url}/api/v1/collection/bills/${bill.id}/xlsx`, { headers: { authorization: `Bearer ${nanyang}` } });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = book.getWorksheet('缴费单')!;
    const cells = sheet.getSheetValues().flat().map(String);
    expect(cells).toEqual(expect.arrayContaining([bill.number, unit.name, '12.60', '4.00', '8.60']));
    const detail = book.getWorksheet('明细')!;
    const amounts = detail.getColumn(9).values.slice(2).map(Number).sort((a, b) => a - b);
    expect(amounts).toEqual([200, 400, 660]);
  });

  it('serves the unit service centers through index.ts, and no other unit’s bill', async () => {
    const ctx = server.platform.ctx;
    const bill = await billFor(unit.entityId, '2019-01');
    const list = await billsOf(ctx, unit.entityId, { year: 2019, page: 1, pageSize: 20 });
    expect(list.items.map((b) => b.id)).toEqual([bill.id]);
    expect((await billOf(ctx, unit.entityId, bill.id)).totalFen).toBe(1_260);
    expect((await billPdf(ctx, unit.entityId, bill.id)).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await billXlsx(ctx, unit.entityId, bill.id)).subarray(0, 2).toString()).toBe('PK');
    const other = await newUnit();
    for (const call of [() => billOf(ctx, other.entityId, bill.id), () => billPdf(ctx, other.entityId, bill.id), () => billXlsx(ctx, other.entityId, bill.id)]) {
      await expect(call()).rejects.toMatchObject({ kind: 'not_found', code: 'collection.bill_not_found' });
    }
    expect(await billsOf(ctx, other.entityId, { page: 1, pageSize: 20 })).toMatchObject({ items: [], total: 0 });
  });
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

describe('a new insurance type configured through the policy API (no code)', () => {
  it('produces its receivables: unit 8 % to the pooled fund, person 2 % into the personal account, the clamped base named', async () => {
    const code = `c${randomInt(1e8)}`;
    await ok('POST', '/policy/insurance-types', { code, name: `测试险种${code}`, nameEn: `Test type ${code}`, enrollmentKinds: ['employee'] });
    const publish = async (path: string, body: object) => {
      const draft = await ok('POST', `/policy/${path}`, body);
      expect((await server.api('POST', `/policy/versions/${draft.id}/review`, { token: reviewer, body: {} })).status).toBe(200);
      expect((await server.api('POST', `/policy/versions/${draft.id}/publish`, { token: reviewer })).status).toBe(200);
    };
    const common = { insuranceType: code, regionCode: '411300', effectiveFrom: '2019-01' };
    await publish('base-rules', { ...common, baseKind: 'medical', lowerBoundBp: 6_000, upperBoundBp: 30_000, lowerRuleCode: '3000101', upperRuleCode: '3000102' });
    await publish('collection-rules', {
      ...common,
      shares: [
        { ruleCode: '3100001', payer: 'unit', baseKind: 'medical', ratePpm: 80_000, periodicity: 'monthly', fund: 'pooled_fund', flow: 'to' },
        { ruleCode: '3100002', payer: 'person', baseKind: 'medical', ratePpm: 20_000, periodicity: 'monthly', fund: 'personal_account', flow: 'to' },
      ],
    });
    const unit = await newUnit(code, '2019-01');
    const inside = await newEmployee(unit, '1990-05-05', 500_000);
    // 1,000.00 declared: raised to 60 % of the 2019 wage 3,000.00 at declaration (rule 3000101)
    const low = await newEmployee(unit, '1990-05-05', 100_000);
    const view = await run({ month: '2019-03', regionCode: '411302', insuranceType: code });
    expect(view).toMatchObject({ total: 2, processed: 2, problems: 0, linesWritten: 4, totals: { unitFen: 40_000 + 14_400, personFen: 10_000 + 3_600, fiscalFen: 0 } });
    expect(summary(await linesOf(`personId=${inside.personId}&month=2019-03`))).toEqual([
      ['3100001', 'unit', 500_000, 80_000, 40_000, 'due'],
      ['3100002', 'person', 500_000, 20_000, 10_000, 'due'],
    ]);
    const lowLines = await linesOf(`personId=${low.personId}&month=2019-03`);
    expect(summary(lowLines)).toEqual([
      ['3100001', 'unit', 180_000, 80_000, 14_400, 'due'],
      ['3100002', 'person', 180_000, 20_000, 3_600, 'due'],
    ]);
    expect(lowLines[0]).toMatchObject({ baseApplied: 'lower', baseRuleCode: '3000101', insuranceType: code });
    const explained = await linesOf(`personId=${low.personId}&month=2019-03&explain=true`);
    expect(explained[0].explanation.zh).toContain('3000101');
    expect((await billFor(unit.entityId, '2019-03')).byType).toEqual([{ insuranceType: code, unitFen: 54_400, personFen: 13_600, totalFen: 68_000, receivedFen: 0 }]);
  });
});

describe('a unit’s bill (缴费单) over its insurance types', () => {
  it('sums every type of the unit’s month, whatever the run’s type, and counts each person once, fiscal subsidies and cancelled lines aside', async () => {
    const unit = await newUnit('410', '2019-01');
    const a = await newEmployee(unit, '1979-06-15', 200_000);
    await newEmployee(unit, '1985-02-01', 300_000);
    // Lines of another type the 410 run does not compute: a's (one received), and c's, who owes nothing live.
    const line = (employmentId: string, personId: string, ruleCode: string, payer: string, payerKey: string, amountFen: number, status: string) => sql`
      (${employmentId}, 201909, ${ruleCode}, ${personId}, ${unit.entityId}, 'employee', '411302', '411300', '310', ${payer}, ${payerKey}, 'pooled_fund', 'to', 'monthly', 'medical',
       300000, 300000, 'declared', 10000, ${amountFen}, 'test', '1980-01-01', false, ${status}, 'test')`;
    const other = `emp_bill${randomInt(1e9)}`;
    const c = `psn_bill${randomInt(1e9)}`;
    await server.platform.ctx.database.rows(sql`
      insert into collection.receivables (employment_id, month, rule_code, person_id, entity_id, enrollment_kind, region_code, pooling_region, insurance_type, payer, payer_key,
                                          fund, flow, periodicity, base_kind, declared_fen, base_fen, base_applied, rate_ppm, amount_fen, rule_version_id, birth_date, retired, status, run_id)
      values ${sql.join(
        [
          line(`${other}a`, a.personId, '3100001', 'unit', unit.entityId, 1_000, 'due'),
          line(`${other}a`, a.personId, '3100002', 'person', unit.entityId, 500, 'received'),
          line(`${other}c`, c, '3100002', 'person', unit.entityId, 700, 'cancelled'),
          line(`${other}c`, c, '3100005', 'fiscal', 'fiscal:411300', 100, 'due'),
        ],
        sql`, `,
      )}`);
    await run({ month: '2019-09', regionCode: '411302', insuranceType: '410' });

    const ltc = (await linesOf(`entityId=${unit.entityId}&month=2019-09&insuranceType=410`)).filter((l) => l.payer !== 'fiscal');
    const sum = (payer: string) => ltc.filter((l) => l.payer === payer).reduce((n, l) => n + l.amountFen, 0);
    expect(ltc).toHaveLength(4);
    const bill = await billFor(unit.entityId, '2019-09');
    expect(bill).toMatchObject({
      regionCode: '411302',
      byType: [
        { insuranceType: '310', unitFen: 1_000, personFen: 500, totalFen: 1_500, receivedFen: 500 },
        { insuranceType: '410', unitFen: sum('unit'), personFen: sum('person'), totalFen: sum('unit') + sum('person'), receivedFen: 0 },
      ],
      byPayer: { unitFen: 1_000 + sum('unit'), personFen: 500 + sum('person') },
      totalFen: 1_500 + sum('unit') + sum('person'),
      receivedFen: 500,
      persons: 2,
      lines: 6,
      status: 'partly_paid',
    });
  });
});

describe('re-running a month', () => {
  it('does not count twice, keeps received lines, and cancels (never deletes) lines that no longer apply', async () => {
    const db = server.platform.ctx.database;
    const paying = await newUnit();
    const leaving = await newUnit();
    const stays = await newEmployee(paying, '1980-01-01', 300_000);
    const suspendedAfterPaying = await newEmployee(paying, '1970-01-01', 400_000);
    const suspended = await newEmployee(leaving, '1980-01-01', 300_000);
    const rows = async () => (await db.rows<{ n: number }>(sql`select count(*)::int as n from collection.receivables where month = 201904`))[0].n;

    const first = await run({ month: '2019-04', regionCode: '411302', insuranceType: '410' });
    const before = await rows();
    const second = await run({ month: '2019-04', regionCode: '411302', insuranceType: '410' });
    expect(second.linesWritten).toBe(first.linesWritten);
    expect(second.totals).toEqual(first.totals);
    expect(await rows()).toBe(before);
    // 3,000.00 × (0.2 % + 0.1 %) + 4,000.00 × (0.2 % + 0.2 %)
    const made = await billFor(paying.entityId, '2019-04');
    expect(made).toMatchObject({ totalFen: 900 + 1_600, status: 'due' });
    // each bill announced when the first run made it, the second run's refresh announcing nothing
    expect(await billEvents(paying.entityId, '2019-04')).toEqual([
      { payload: { billId: made.id, entityId: paying.entityId, billNumber: made.number, month: '2019-04', totalFen: 2_500, regionCode: '411302' } },
    ]);
    expect(await billEvents(leaving.entityId, '2019-04')).toEqual([{ payload: expect.objectContaining({ totalFen: 900 }) }]);

    // the unit pays its bill (tax_full): its lines are received
    await setMode('tax_full');
    const paid = await importCsv('tax-payments', CSV([TAX_HEADER, [paying.creditCode, '2019-04', '410', 2_500, voucher(), '2019-05-15']]));
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    expect(paid.body.rows).toMatchObject({ read: 1, created: 1, rejected: 0 });
    expect(await billFor(paying.entityId, '2019-04')).toMatchObject({ status: 'paid', receivedFen: 2_500 });

    // both persons are suspended from April, then the month is computed again
    for (const e of [suspendedAfterPaying, suspended]) await ok('POST', `/enrollment/employees/${e.employmentId}/suspend`, { month: '2019-04' }, 200);
    const third = await run({ month: '2019-04', regionCode: '411302', insuranceType: '410' });
    expect(third.linesCancelled).toBe(2);
    expect(summary(await linesOf(`personId=${suspendedAfterPaying.personId}&month=2019-04`))).toEqual([
      ['2000101', 'unit', 400_000, 2_000, 800, 'received'],
      ['2000103', 'person', 400_000, 2_000, 800, 'received'],
    ]);
    expect(summary(await linesOf(`personId=${suspended.personId}&month=2019-04`))).toEqual([
      ['2000101', 'unit', 300_000, 2_000, 600, 'cancelled'],
      ['2000102', 'person', 300_000, 1_000, 300, 'cancelled'],
    ]);
    expect(await rows()).toBe(before);
    expect(await billFor(paying.entityId, '2019-04')).toMatchObject({ status: 'paid', totalFen: 2_500, receivedFen: 2_500 });
    expect(await billFor(leaving.entityId, '2019-04')).toMatchObject({ status: 'cancelled', totalFen: 0, lines: 0 });
    expect(summary(await linesOf(`personId=${stays.personId}&month=2019-04`)).map((l) => l[5])).toEqual(['received', 'received']);

    // resumed: the lines come back as due
    await ok('POST', `/enrollment/employees/${suspended.employmentId}/resume`, { month: '2019-04' }, 200);
    await run({ month: '2019-04', regionCode: '411302', insuranceType: '410' });
    expect(summary(await linesOf(`personId=${suspended.personId}&month=2019-04`)).map((l) => l[5])).toEqual(['due', 'due']);
    expect(await billFor(leaving.entityId, '2019-04')).toMatchObject({ status: 'due', totalFen: 900 });
    // paid, cancelled, due again: refreshed each time, announced only when made
    expect(await billEvents(paying.entityId, '2019-04')).toHaveLength(1);
    expect(await billEvents(leaving.entityId, '2019-04')).toHaveLength(1);
  });

  it('matches payments that arrived before the run computed their lines', async () => {
    await setMode('tax_full');
    const unit = await newUnit();
    await newEmployee(unit, '1980-01-01', 300_000);
    const early = await importCsv('tax-payments', CSV([TAX_HEADER, [unit.creditCode, '2019-10', '410', 900, voucher(), '2019-10-20']]));
    expect(early.body.rows).toMatchObject({ created: 1 });
    const [payment] = (await ok('GET', `/collection/payments?payerKey=${unit.entityId}&month=2019-10`, undefined, 200)).items;
    expect(payment.status).toBe('unmatched');
    await run({ month: '2019-10', regionCode: '411302', insuranceType: '410' });
    expect(await billFor(unit.entityId, '2019-10')).toMatchObject({ status: 'paid', receivedFen: 900 });
    expect((await ok('GET', `/collection/payments?payerKey=${unit.entityId}&month=2019-10`, undefined, 200)).items[0].status).toBe('matched');
  });
});

describe('flexible workers (灵活就业): no unit, they pay alone', () => {
  it('owe both shares themselves, get no unit bill, and pay by identity number', async () => {
    const ctx = server.platform.ctx;
    const idNumber = makeIdNumber('411321', `1980-03-${String(randomInt(1, 29)).padStart(2, '0')}`, randomInt(0, 1000));
    const person = await ok('POST', '/registry/persons', { idNumber, name: randomName(), regionCode: '411302', category: 'flexible' });
    const application = await submitApplication(ctx, { accountId: 'acc_flexible_test', personId: person.id }, {
      kind: 'flexible_enrollment',
      insuranceType: '410',
      regionCode: '411302',
      fromMonth: '2019-01',
      monthlyBaseFen: 300_000,
    });
    await ok('POST', `/enrollment/applications/${application.id}/approve`, {}, 200);
    await run({ month: '2019-02', regionCode: '411302', insuranceType: '410' });
    const lines = await linesOf(`personId=${person.id}&month=2019-02`);
    expect(summary(lines)).toEqual([
      ['2000101', 'unit', 300_000, 2_000, 600, 'due'],
      ['2000102', 'person', 300_000, 1_000, 300, 'due'],
    ]);
    expect(lines.map((l) => [l.payerKey, l.entityId, l.enrollmentKind])).toEqual([
      [person.id, null, 'flexible'],
      [person.id, null, 'flexible'],
    ]);
    expect((await ok('GET', '/collection/bills?month=2019-02&pageSize=100', undefined, 200)).items.every((b: { entityId: string | null }) => b.entityId)).toBe(true);

    await setMode('tax_half');
    const exported = String((await api('GET', '/collection/exports/tax-receivables?month=2019-02&regionCode=411300')).body);
    expect(exported).toContain(`${person.id}/201902/410,person,${idNumber},`);

    await setMode('tax_full');
    const paid = await importCsv('tax-payments', CSV([TAX_HEADER, [idNumber, '2019-02', '410', 900, voucher(), '2019-03-01']]));
    expect(paid.body.rows, JSON.stringify(paid.body)).toMatchObject({ created: 1, rejected: 0 });
    expect(summary(await linesOf(`personId=${person.id}&month=2019-02`)).map((l) => l[5])).toEqual(['received', 'received']);
    expect((await personalAccount(ctx, person.id, { page: 1, pageSize: 10 })).balanceFen).toBe(-300);
  });
});

describe('collection modes: each file round trip', () => {
  it('税务全责 tax_full: the tax bureau’s payment detail (CSV and xlsx) marks lines received and debits the personal account, once', async () => {
    await setMode('tax_full');
    const ctx = server.platform.ctx;
    const unit = await newUnit();
    const worker = await newEmployee(unit, '1980-01-01', 300_000);
    const other = await newUnit();
    await newEmployee(other, '1980-01-01', 200_000);
    await run({ month: '2019-05', regionCode: '411302', insuranceType: '410' });

    const file = CSV([['缴费主体代码', '所属期', '险种', '金额（分）', '税票号码', '缴款日期'], [unit.creditCode, '201905', '410', 900, voucher(), '2019-06-10']]);
    const first = await importCsv('tax-payments', file);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ kind: 'tax_payments', status: 'done', rows: { read: 1, created: 1, replayed: 0 }, amountFen: 900, errors: [] });
    expect(await billFor(unit.entityId, '2019-05')).toMatchObject({ status: 'paid', receivedFen: 900 });
    const account = await personalAccount(ctx, worker.personId, { year: 2019, page: 1, pageSize: 20 });
    expect(account).toMatchObject({ balanceFen: -300, total: 1, items: [{ kind: 'deduction', amountFen: -300, month: '2019-05', insuranceType: '410' }] });

    // the same file again: nothing more
    const again = await importCsv('tax-payments', file);
    expect(again.body.rows).toMatchObject({ read: 1, created: 0, replayed: 1, duplicate: 0 });
    expect((await ok('GET', `/collection/payments?payerKey=${unit.entityId}&month=2019-05`, undefined, 200)).total).toBe(1);
    expect((await personalAccount(ctx, worker.personId, { page: 1, pageSize: 20 })).balanceFen).toBe(-300);
    const statement = await annualStatement(ctx, worker.personId, 2019);
    expect(statement.months[4]).toEqual({ month: '2019-05', unitFen: 600, personFen: 300, fiscalFen: 0, status: 'received' });
    expect(statement.account).toEqual({ openingFen: 0, creditsFen: 0, debitsFen: 300, closingFen: -300 });
    const contributions = await contributionsOf(ctx, worker.personId, { year: 2019, page: 1, pageSize: 20 });
    expect(contributions.items.filter((l) => l.month === '2019-05').map((l) => l.status)).toEqual(['received', 'received']);

    // an xlsx workbook of the same columns
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('缴费明细');
    sheet.addRow(TAX_HEADER);
    sheet.addRow([other.creditCode, '2019-05', '410', 600, voucher(), new Date(Date.UTC(2019, 5, 11))]);
    const xlsx = await fetch(`${server.url}/api/v1/collection/imports/tax-payments?regionCode=411300`, {
      method: 'POST',
      headers: { authorization: `Bearer ${nanyang}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: Buffer.from(await book.xlsx.writeBuffer()),
    });
    const imported = await xlsx.json();
    expect(xlsx.status, JSON.stringify(imported)).toBe(201);
    expect(imported, JSON.stringify(imported)).toMatchObject({ format: 'xlsx', rows: { read: 1, created: 1 }, amountFen: 600 });
    expect(await billFor(other.entityId, '2019-05')).toMatchObject({ status: 'paid' });
  });

  it('税务半责 tax_half: receivables go out to the tax bureau, its results come back', async () => {
    await setMode('tax_half');
    const paid = await newUnit();
    await newEmployee(paid, '1980-01-01', 300_000);
    const unpaid = await newUnit();
    await newEmployee(unpaid, '1980-01-01', 200_000);
    await run({ month: '2019-06', regionCode: '411302', insuranceType: '410' });

    const exported = await api('GET', '/collection/exports/tax-receivables?month=2019-06&regionCode=411300');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('text/csv');
    const lines = String(exported.body).replace(/^\uFEFF/, '').trim().split(/\r\n/).map((l) => l.split(','));
    expect(lines[0]).toEqual(['参考号', '缴费主体类型', '缴费主体代码', '缴费主体名称', '所属期', '险种', '单位缴费（分）', '个人缴费（分）', '应缴金额（分）']);
    const rowOf = (u: Unit) => lines.find((l) => l[2] === u.creditCode)!;
    expect(rowOf(paid)).toEqual([`${paid.entityId}/201906/410`, 'unit', paid.creditCode, paid.name, '2019-06', '410', '600', '300', '900']);
    expect(rowOf(unpaid).slice(6)).toEqual(['400', '200', '600']);
    // the bank file belongs to another mode
    expect((await api('GET', '/collection/exports/bank-withholding?month=2019-06&regionCode=411300')).body).toMatchObject({ status: 409, code: 'collection.mode_mismatch', field: 'regionCode' });

    const results = CSV([
      ['参考号', '缴费状态', '金额（分）', '税票号码', '缴款日期'],
      [rowOf(paid)[0], '已缴', 900, voucher(), '2019-07-08'],
      [rowOf(unpaid)[0], '未缴', '', '', ''],
    ]);
    const imported = await importCsv('tax-results', results);
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.rows).toMatchObject({ read: 2, created: 1, failed: 1, rejected: 0 });
    expect(await billFor(paid.entityId, '2019-06')).toMatchObject({ status: 'paid', receivedFen: 900 });
    expect(await billFor(unpaid.entityId, '2019-06')).toMatchObject({ status: 'due', receivedFen: 0 });
    // tax payment detail is a tax_full file
    expect((await importCsv('tax-payments', CSV([TAX_HEADER]))).body).toMatchObject({ status: 409, code: 'collection.mode_mismatch', field: 'regionCode' });
    // paid lines leave the next export
    const next = String((await api('GET', '/collection/exports/tax-receivables?month=2019-06&regionCode=411300')).body);
    expect(next).not.toContain(paid.creditCode);
    expect(next).toContain(unpaid.creditCode);
  });

  it('经办机构自收 agency: the bank withholding file goes out, success and failure rows come back', async () => {
    await setMode('agency');
    const withheld = await newUnit();
    await newEmployee(withheld, '1980-01-01', 300_000);
    const refused = await newUnit();
    await newEmployee(refused, '1980-01-01', 200_000);
    await run({ month: '2019-07', regionCode: '411302', insuranceType: '410' });

    const exported = await api('GET', '/collection/exports/bank-withholding?month=2019-07&regionCode=411300');
    expect(exported.status).toBe(200);
    const lines = String(exported.body).replace(/^\uFEFF/, '').trim().split(/\r\n/).map((l) => l.split(','));
    expect(lines[0]).toEqual(['参考号', '缴费主体标识', '缴费主体名称', '所属期', '险种', '代扣金额（分）']);
    const rowOf = (u: Unit) => lines.find((l) => l[1] === u.entityId)!;
    expect(rowOf(withheld)).toEqual([`${withheld.entityId}/201907/410`, withheld.entityId, withheld.name, '2019-07', '410', '900']);
    expect(lines.flat().join()).not.toMatch(/\d{17}[\dX]/);

    const results = CSV([
      ['参考号', '扣款结果', '金额（分）', '银行流水号', '扣款日期', '失败原因'],
      [rowOf(withheld)[0], '成功', 900, `B${randomInt(1e9)}`, '2019-08-01', ''],
      [rowOf(refused)[0], '失败', 600, '', '', '账户余额不足'],
    ]);
    const imported = await importCsv('bank-results', results);
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.rows).toMatchObject({ read: 2, created: 1, failed: 1 });
    expect(await billFor(withheld.entityId, '2019-07')).toMatchObject({ status: 'paid' });
    expect(await billFor(refused.entityId, '2019-07')).toMatchObject({ status: 'due' });
    const failedRows = await ok('GET', `/collection/imports/${imported.body.id}/rows?outcome=failed`, undefined, 200);
    expect(failedRows.items).toEqual([expect.objectContaining({ row: 3, payerKey: refused.entityId, month: '2019-07', reason: '账户余额不足' })]);
    const settings = await ok('GET', '/collection/settings', undefined, 200);
    expect(settings.items).toEqual(expect.arrayContaining([expect.objectContaining({ regionCode: '411300', mode: 'agency' })]));
  });
});

describe('bad files', () => {
  it('report per-row errors (row, field, reason) and commit the good rows', async () => {
    await setMode('tax_full');
    const unit = await newUnit();
    await newEmployee(unit, '1980-01-01', 300_000);
    await run({ month: '2019-11', regionCode: '411302', insuranceType: '410' });
    const file = CSV([
      TAX_HEADER,
      [randomCreditCode(), '2019-11', '410', 100, voucher(), '2019-12-01'],
      [unit.creditCode, '2019-13', '410', -5, voucher(), '2019-12-01'],
      [unit.creditCode, '2019-11', '410', 900, voucher(), '2019-12-01'],
      ['12345', '2019-11', '410', 100, 'x', '2019-12-01'],
    ]);
    const imported = await importCsv('tax-payments', file);
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.rows).toMatchObject({ read: 4, created: 1, rejected: 3 });
    const errors = imported.body.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code]);
    expect(errors).toEqual([
      [2, 'payerCode', 'collection.row_payer_unknown'],
      [3, 'month', 'collection.row_month_invalid'],
      [3, 'amountFen', 'collection.row_amount_invalid'],
      [5, 'payerCode', 'collection.row_payer_code_invalid'],
      [5, 'voucherNo', 'collection.row_reference_invalid'],
    ]);
    expect(imported.body.errors[0].reason).toBeTruthy();
    expect(await billFor(unit.entityId, '2019-11')).toMatchObject({ status: 'paid' });
    const stored = await ok('GET', `/collection/imports/${imported.body.id}/rows?outcome=error`, undefined, 200);
    expect(stored.total).toBe(5);
    expect((await ok('GET', `/collection/imports/${imported.body.id}`, undefined, 200)).rows).toMatchObject({ read: 4, created: 1, rejected: 3 });
  });

  it('refuse a file without a needed column, an empty one, a broken workbook and a JSON body, leaving nothing', async () => {
    await setMode('tax_full');
    const before = (await ok('GET', '/collection/imports?regionCode=411300', undefined, 200)).total;
    expect((await importCsv('tax-payments', CSV([['payerCode', 'month', 'insuranceType', 'amountFen', 'paidDate']]))).body).toMatchObject({
      status: 400,
      code: 'collection.file_column_missing',
      field: 'header',
    });
    expect((await importCsv('tax-payments', '')).body).toMatchObject({ status: 400, field: 'body' });
    const workbook = await fetch(`${server.url}/api/v1/collection/imports/tax-payments?regionCode=411300`, {
      method: 'POST',
      headers: { authorization: `Bearer ${nanyang}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: 'not a zip file at all',
    });
    expect(workbook.status).toBe(400);
    expect(await workbook.json()).toMatchObject({ field: 'body' });
    expect((await api('POST', '/collection/imports/tax-payments?regionCode=411300', { rows: [] })).body).toMatchObject({ status: 415, field: 'content-type' });
    expect((await importCsv('tax-payments', '"unclosed\r\n')).body).toMatchObject({ status: 400, code: 'csv.unterminated_quote', field: 'body' });
    expect((await ok('GET', '/collection/imports?regionCode=411300', undefined, 200)).total).toBe(before);
  });
});

describe('reconciliation (对账)', () => {
  it('finds each kind of mismatch per payer and month, and records a clerk’s decision', async () => {
    await setMode('tax_full');
    const [unpaid, short, over, exact] = [await newUnit(), await newUnit(), await newUnit(), await newUnit()];
    for (const u of [unpaid, short, over, exact]) await newEmployee(u, '1980-01-01', 300_000);
    // registered, never enrolled: nothing is receivable from it
    const stranger = await ok('POST', '/registry/entities', { creditCode: randomCreditCode(), name: `未参保单位${randomInt(1e6)}`, type: 'enterprise', regionCode: '411302', legalRepName: randomName() });
    await run({ month: '2019-08', regionCode: '411302', insuranceType: '410' });
    const dup = voucher();
    const file = CSV([
      TAX_HEADER,
      [short.creditCode, '2019-08', '410', 700, voucher(), '2019-09-01'],
      [over.creditCode, '2019-08', '410', 1_500, voucher(), '2019-09-01'],
      [exact.creditCode, '2019-08', '410', 900, dup, '2019-09-01'],
      [exact.creditCode, '2019-08', '410', 700, dup, '2019-09-01'],
      [stranger.creditCode, '2019-08', '410', 300, voucher(), '2019-09-01'],
    ]);
    const imported = await importCsv('tax-payments', file);
    expect(imported.body.rows).toMatchObject({ read: 5, created: 4, duplicate: 1 });

    const reconciliation = await ok('POST', '/collection/reconciliations', { month: '2019-08', regionCode: '411300' });
    expect(reconciliation).toMatchObject({ month: '2019-08', regionCode: '411300', counts: { short: 1, over: 1, no_receivable: 1, duplicate: 1 } });
    expect(reconciliation.counts.unpaid).toBeGreaterThanOrEqual(1);
    const items = (await ok('GET', `/collection/reconciliations/${reconciliation.id}/items?pageSize=100`, undefined, 200)).items as Array<Record<string, any>>;
    const itemOf = (payerKey: string, kind: string) => items.find((i) => i.payerKey === payerKey && i.kind === kind);
    expect(itemOf(unpaid.entityId, 'unpaid')).toMatchObject({ dueFen: 900, paidFen: 0, differenceFen: -900, status: 'open' });
    expect(itemOf(short.entityId, 'short')).toMatchObject({ dueFen: 900, paidFen: 700, differenceFen: -200 });
    expect(itemOf(over.entityId, 'over')).toMatchObject({ dueFen: 900, paidFen: 1_500, differenceFen: 600 });
    expect(itemOf(stranger.id, 'no_receivable')).toMatchObject({ dueFen: 0, paidFen: 300 });
    expect(itemOf(exact.entityId, 'duplicate')).toMatchObject({ paidFen: 700, references: [expect.stringMatching(/#5$/), `tax:${dup}`] });
    expect(items.some((i) => i.payerKey === exact.entityId && i.kind !== 'duplicate')).toBe(false);
    // short: 7.00 pays the lines it covers whole, in order (the unit's 6.00); the personal 3.00 stays due
    expect(await billFor(short.entityId, '2019-08')).toMatchObject({ status: 'partly_paid', receivedFen: 600 });

    const filtered = await ok('GET', `/collection/reconciliations/${reconciliation.id}/items?kind=over`, undefined, 200);
    expect(filtered.items.every((i: { kind: string }) => i.kind === 'over')).toBe(true);
    const item = itemOf(over.entityId, 'over')!;
    const resolved = await ok('POST', `/collection/reconciliation-items/${item.id}/resolve`, { resolution: 'refund', note: '多缴 6.00 元退回单位账户' }, 200);
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'refund', note: '多缴 6.00 元退回单位账户', resolvedBy: expect.any(String), resolvedAt: expect.any(String) });
    expect((await api('POST', `/collection/reconciliation-items/${item.id}/resolve`, { resolution: 'write_off' })).body).toMatchObject({ status: 409, code: 'collection.reconciliation_item_resolved' });
    const summaryView = await ok('GET', `/collection/reconciliations/${reconciliation.id}`, undefined, 200);
    expect(summaryView.items.resolved).toBe(1);
    expect((await ok('GET', `/collection/reconciliations/${reconciliation.id}/items?status=resolved`, undefined, 200)).items.map((i: { id: string }) => i.id)).toEqual([item.id]);
    // the region's reconciliations, to come back to later
    const listed = await ok('GET', '/collection/reconciliations?month=2019-08', undefined, 200);
    expect(listed.items[0]).toMatchObject({ id: reconciliation.id, month: '2019-08', items: { resolved: 1 } });
  });
});

describe('region scope', () => {
  it('keeps a 郑州 administrator out of 南阳’s collection: 404 and empty lists', async () => {
    const unit = await newUnit();
    await newEmployee(unit, '1980-01-01', 300_000);
    const view = await run({ month: '2019-12', regionCode: '411302', insuranceType: '410' });
    const bill = await billFor(unit.entityId, '2019-12');
    await setMode('tax_full');
    const imported = await importCsv('tax-payments', CSV([TAX_HEADER, [unit.creditCode, '2019-12', '410', 100, voucher(), '2020-01-05']]));
    const reconciliation = await ok('POST', '/collection/reconciliations', { month: '2019-12', regionCode: '411300' });
    const item = (await ok('GET', `/collection/reconciliations/${reconciliation.id}/items`, undefined, 200)).items[0];

    const zz = (method: string, path: string, body?: unknown) => api(method, `/collection${path}`, body, zhengzhou);
    for (const [method, path, body] of [
      ['GET', `/runs/${view.id}`],
      ['GET', `/runs/${view.id}/problems`],
      ['GET', `/bills/${bill.id}`],
      ['GET', `/bills/${bill.id}/pdf`],
      ['GET', `/bills/${bill.id}/xlsx`],
      ['GET', `/imports/${imported.body.id}`],
      ['GET', `/imports/${imported.body.id}/rows`],
      ['GET', `/reconciliations/${reconciliation.id}`],
      ['GET', `/reconciliations/${reconciliation.id}/items`],
      ['POST', `/reconciliation-items/${item.id}/resolve`, { resolution: 'confirmed' }],
      ['PUT', '/settings/411300', { mode: 'agency' }],
      ['POST', '/runs', { month: '2019-12', regionCode: '411302' }],
      ['POST', '/reconciliations', { month: '2019-12', regionCode: '411300' }],
      ['GET', '/exports/tax-receivables?month=2019-12&regionCode=411300'],
    ] as Array<[string, string, unknown?]>) {
      expect((await zz(method, path, body)).status, `${method} ${path}`).toBe(404);
    }
    expect((await importCsv('tax-payments', CSV([TAX_HEADER]), '411300', zhengzhou)).status).toBe(404);
    for (const path of ['/bills?month=2019-12', `/receivables?entityId=${unit.entityId}`, '/runs', '/imports', '/payments?month=2019-12', '/settings', '/reconciliations']) {
      const body = (await zz('GET', path)).body;
      expect(body.items, path).toEqual([]);
    }
    // nothing changed
    expect((await ok('GET', '/collection/settings', undefined, 200)).items).toEqual(expect.arrayContaining([expect.objectContaining({ regionCode: '411300', mode: 'tax_full' })]));
    expect((await ok('GET', `/collection/reconciliations/${reconciliation.id}/items?status=open&pageSize=100`, undefined, 200)).items.map((i: { id: string }) => i.id)).toContain(item.id);
  });
});

describe('runs survive their worker', () => {
  it('picks up a run a dead process left running, and continues after its checkpoint', async () => {
    const db = server.platform.ctx.database;
    const unit = await newUnit();
    const before = await newEmployee(unit, '1980-01-01', 300_000);
    const after = await newEmployee(unit, '1980-01-01', 300_000);
    expect(before.employmentId < after.employmentId).toBe(true);
    // The dead worker had committed every page up to the first employee (its checkpoint), then stopped heartbeating.
    const id = `crn_dead${randomInt(1e9)}`;
    await db.rows(sql`insert into collection.runs (id, month, region_code, insurance_type, scope_prefix, status, claimed_by, cursor, created_by, started_at, heartbeat_at)
                      values (${id}, 201909, '411302', '410', '4113', 'running', 'node_dead', ${before.employmentId}, 'test', now() - interval '20 minutes', now() - interval '10 minutes')`);
    runOperations.kick(server.platform.ctx);
    await expect.poll(async () => (await api('GET', `/collection/runs/${id}`)).body.status, { timeout: 60_000, interval: 100 }).toBe('done');
    expect(summary(await linesOf(`personId=${after.personId}&month=2019-09`)).map((l) => l[0])).toEqual(['2000101', '2000102']);
    expect(await linesOf(`personId=${before.personId}&month=2019-09`)).toEqual([]);
    expect((await api('GET', `/collection/runs/${id}`)).body).toMatchObject({ total: 1, processed: 1, linesWritten: 2 });
    expect((await db.rows<{ claimed_by: string | null }>(sql`select claimed_by from collection.runs where id = ${id}`))[0].claimed_by).toBeNull();
  });

  it('lets only one worker claim a run, and a worker that lost its claim writes nothing', async () => {
    const ctx = server.platform.ctx;
    await runOperations.idle(ctx);
    const id = `crn_race${randomInt(1e9)}`;
    await ctx.database.rows(sql`insert into collection.runs (id, month, region_code, insurance_type, scope_prefix, status, created_by, created_at)
                                values (${id}, 202002, '411302', '410', '4113', 'queued', 'test', now() - interval '1 day')`);
    const claims = await Promise.all([runOperations.claim(ctx, 'node_a'), runOperations.claim(ctx, 'node_b')]);
    const won = claims.filter((c) => c?.id === id);
    // the background worker may have taken it first: then neither test worker has it
    expect(won.length).toBeLessThanOrEqual(1);
    if (won.length === 1) {
      const loser = won[0]!.claimedBy === 'node_a' ? 'node_b' : 'node_a';
      const stale = { ...won[0]!, claimedBy: loser };
      const result = await runOperations.work(ctx, stale, loser);
      expect(result.status).toBe('running');
      expect((await ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from collection.receivables where month = 202002`))[0].n).toBe(0);
      // a stopping worker hands the run back to the queue; some worker finishes it
      const handedBack = await runOperations.work(ctx, won[0]!, won[0]!.claimedBy!, { signal: AbortSignal.abort() });
      expect(handedBack).toMatchObject({ status: 'queued', claimedBy: null });
      runOperations.kick(ctx);
      await expect.poll(async () => (await api('GET', `/collection/runs/${id}`)).body.status, { timeout: 60_000, interval: 100 }).toBe('done');
    }
  });
});

describe('a run of many pages', () => {
  it('computes each person once across page boundaries, rewrites in place when run again, and cancels on any page', async () => {
    const ctx = server.platform.ctx;
    const db = ctx.database;
    // A county of its own (411303, under 南阳's city rule), so that the run holds these persons only.
    const creditCode = randomCreditCode();
    const name = `分页测试${randomInt(1e6)}有限公司`;
    const entity = await ok('POST', '/registry/entities', { creditCode, name, type: 'enterprise', regionCode: '411303', legalRepName: randomName() });
    const unitEnrollment = await ok('POST', '/enrollment/units', { entityId: entity.id, insuranceType: '410', fromMonth: '2019-01' });
    const unit: Unit = { entityId: entity.id, creditCode, name, unitId: unitEnrollment.id };
    const employees = [];
    for (let i = 0; i < 7; i++) employees.push(await newEmployee(unit, '1980-01-01', 300_000 + i * 10_000));
    const ids = employees.map((e) => e.employmentId);
    expect([...ids].sort()).toEqual(ids);

    /** Works a run of 2019-05 in 411303 here, `pageSize` enrollments a page. */
    async function runInPages(pageSize: number) {
      const id = `crn_pages${randomInt(1e9)}`;
      // running, its heartbeat a second old: stale to a claim that allows no delay, not to the background worker
      await db.rows(sql`insert into collection.runs (id, month, region_code, insurance_type, scope_prefix, status, claimed_by, created_by, created_at, heartbeat_at)
                        values (${id}, 201905, '411303', '410', '4113', 'running', 'node_pages', 'test', timestamptz '2000-01-01', now() - interval '1 second')`);
      const claimed = await runOperations.claim(ctx, 'node_pages', 0);
      expect(claimed?.id).toBe(id);
      return runOperations.work(ctx, claimed!, 'node_pages', { pageSize });
    }
    const lines = () =>
      db.rows<{ id: number; employment_id: string; rule_code: string; amount_fen: number; status: string; run_id: string }>(
        sql`select id, employment_id, rule_code, amount_fen, status, run_id from collection.receivables where month = 201905 and region_code = '411303' order by id`,
      );

    // 7 persons in pages of 2: the last page holds one
    const first = await runInPages(2);
    expect(first).toMatchObject({ status: 'done', total: 7, processed: 7, problems: 0, linesWritten: 14, linesCancelled: 0 });
    const written = await lines();
    expect(written.map((l) => `${l.employment_id} ${l.rule_code}`).sort()).toEqual(ids.flatMap((id) => [`${id} 2000101`, `${id} 2000102`]));
    // 3,600.00 × 0.2 % and × 0.1 %, the seventh person's
    expect(summary(await linesOf(`personId=${employees[6].personId}&month=2019-05`))).toEqual([
      ['2000101', 'unit', 360_000, 2_000, 720, 'due'],
      ['2000102', 'person', 360_000, 1_000, 360, 'due'],
    ]);
    // Σ (3,000.00 + i × 100.00) × 0.2 % and × 0.1 %, i = 0 … 6
    expect(first).toMatchObject({ unitFen: 7 * 600 + 21 * 20, personFen: 7 * 300 + 21 * 10, fiscalFen: 0 });

    // again, in pages of 3 (other boundaries): the same rows, each rewritten by the new run
    const second = await runInPages(3);
    expect(second).toMatchObject({ status: 'done', total: 7, processed: 7, linesWritten: 14, linesCancelled: 0 });
    const rewritten = await lines();
    expect(rewritten.map((l) => l.id)).toEqual(written.map((l) => l.id));
    expect(new Set(rewritten.map((l) => l.run_id))).toEqual(new Set([second.id]));

    // suspended in May: the last of the first page of 3 (the page's own key bound), one inside the
    // second, and the one of the last page (no upper bound)
    const leaving = [employees[2], employees[4], employees[6]];
    for (const e of leaving) await ok('POST', `/enrollment/employees/${e.employmentId}/suspend`, { month: '2019-05' }, 200);
    const third = await runInPages(3);
    expect(third).toMatchObject({ status: 'done', total: 4, processed: 4, linesWritten: 8, linesCancelled: 6 });
    const after = await lines();
    expect(after.map((l) => l.id)).toEqual(written.map((l) => l.id));
    const suspended = new Set(leaving.map((e) => e.employmentId));
    for (const line of after) expect(line.status, line.employment_id).toBe(suspended.has(line.employment_id) ? 'cancelled' : 'due');
  });
});
