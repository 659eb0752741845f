/**
 * 结算授权 over HTTP: who may settle against a person's account, and as which institution. A person
 * id alone is never enough: pre-settlement and settlement carry the settlement token (结算授权令牌)
 * that verifying the person's e-voucher code gave the calling app, bound to that app, the person,
 * the app's institution and the code, short-lived and good for one settlement. The institution is
 * the one the app is bound to, its level the registry's on the visit date, and an institution out
 * of its agreement (医保协议) settles nothing. The payment center's orders follow the same rules.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintSettlementToken } from '../../src/centers/voucher/index.js';
import { randomCreditCode } from '../support/factories.js';
import {
  accountBalance,
  DOMAIN_LINES,
  FEE_CODES,
  idempotencyKey,
  INSTITUTION,
  must,
  newPayer,
  paymentCast,
  settlementToken,
  signedPost,
  verify,
  VISIT_DATE,
  voucherCode,
  VOUCHER_PASSWORD,
  type Channel,
  type Payer,
  type PaymentCast,
} from '../support/payment.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let cast: PaymentCast;
/** 南阳市第一人民医院 (level 2): X, the app the persons authorize; Z, another app of the same hospital */
let appX: Channel;
let appZ: Channel;
/** 南阳市中心医院 (level 3): Y, never authorized by anyone */
let appY: Channel;
/** an app bound to no institution, authorized by the persons */
let unbound: Channel;
/** 康民大药房 (P…, 未定级) */
let pharmacy: Channel;

const OTHER_INSTITUTION = 'H41130200003';
const PHARMACY = 'P41130200001';
const CAPABILITIES = ['voucher.verify', 'settlement.settle', 'payment.order'];
const BEIJING_TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const YESTERDAY = new Date(Date.parse(BEIJING_TODAY) - 86_400_000).toISOString().slice(0, 10);

const post = (app: Channel, path: string, body: unknown, key?: string) => signedPost(server, app, path, body, key);
const balanceOf = (personId: string) => accountBalance(server, personId);
const settlementsOf = (personId: string) =>
  server.platform.ctx.database.rows<{ id: string; consent_kind: string; consent_ref: string; institution_code: string; institution_level: number }>(
    sql`select id, consent_kind, consent_ref, institution_code, institution_level from settlement.settlements where person_id = ${personId}`,
  );
const reference = () => `SETL${randomInt(1e9)}${randomInt(1e6)}`;

async function channel(name: string, institutionCode?: string, capabilities = CAPABILITIES): Promise<Channel> {
  return must(server, 'POST', '/auth/channels', { name, capabilities, ...(institutionCode ? { institutionCode } : {}) }, cast.sysadmin);
}

/** DOMAIN.md's inpatient visit (20,000.00; at level 2: deductible 1,500.00, fund 85 %). */
const inpatient = (settlementToken: string | undefined, extra: Record<string, unknown> = {}) => ({
  ...(settlementToken === undefined ? {} : { settlementToken }),
  insuranceType: '310',
  visit: { kind: 'inpatient', date: VISIT_DATE },
  lines: DOMAIN_LINES,
  ...extra,
});
const outpatient = (settlementToken: string, date = VISIT_DATE) => ({
  settlementToken,
  insuranceType: '310',
  visit: { kind: 'outpatient', date },
  lines: [{ code: FEE_CODES.service, class: 'A', quantity: 1, amountFen: 30_000 }],
});

/** A person with 500.00 in the personal account who authorized X, the unbound app and the pharmacy (never Y or Z). */
const personA = () => newPayer(server, cast, 50_000, [appX, unbound, pharmacy]);

beforeAll(async () => {
  server = await startTestServer();
  cast = await paymentCast(server, '授权测试');
  appX = await channel('南阳市第一人民医院HIS', INSTITUTION);
  appZ = await channel('南阳市第一人民医院自助机', INSTITUTION);
  appY = await channel('南阳市中心医院HIS', OTHER_INSTITUTION);
  unbound = await channel('未绑定机构的应用');
  pharmacy = await channel('康民大药房POS', PHARMACY);
});
afterAll(() => server?.close());

describe('consent (授权): a person id alone is never enough', () => {
  it('an app the person never authorized, holding no code, can neither pre-settle nor settle: nothing shown, nothing moved', async () => {
    const a = await personA();
    // The request of the probe: the person's id and a visit, no consent.
    for (const path of ['/settlement/pre-settlements', '/settlement/settlements']) {
      const body = inpatient(undefined, { personId: a.personId, institutionCode: OTHER_INSTITUTION, settlementReference: reference() });
      const bare = await post(appY, path, body, idempotencyKey());
      expect([bare.status, bare.body.field], JSON.stringify(bare.body)).toEqual([400, 'settlementToken']);
      const madeUp = await post(appY, path, { ...body, settlementToken: 'st1.eyJwZXJzb25JZCI6InBzbiJ9.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, idempotencyKey());
      expect([madeUp.status, madeUp.body.code, madeUp.body.field]).toEqual([400, 'settlement.consent_invalid', 'settlementToken']);
      for (const answer of [bare, madeUp]) expect(answer.body).not.toHaveProperty('result');
    }
    // A code the person made for X is not Y's to verify either.
    const stolen = await post(appY, '/voucher/verify', { code: await voucherCode(server, a, appX) });
    expect([stolen.status, stolen.body.code]).toEqual([403, 'voucher.channel_not_authorized']);
    expect(stolen.body).not.toHaveProperty('settlementToken');
    expect(await balanceOf(a.personId)).toBe(50_000);
    expect(await settlementsOf(a.personId)).toEqual([]);
  });

  it('a token is the calling app’s, at its institution, for its person', async () => {
    const a = await personA();
    const b = await personA();
    const verified = await verify(server, appX, a);
    expect(verified.settlementToken).toMatch(/^st1\./);
    const ttl = server.platform.ctx.config.voucher.settlementTokenTtlSec;
    const expiresIn = Date.parse(verified.settlementTokenExpiresAt!) - Date.now();
    expect(expiresIn).toBeGreaterThan((ttl - 60) * 1000);
    expect(expiresIn).toBeLessThanOrEqual(ttl * 1000);
    const token = verified.settlementToken!;
    // Another institution's app, and another app of the same institution.
    for (const app of [appY, appZ]) {
      for (const path of ['/settlement/pre-settlements', '/settlement/settlements']) {
        const refused = await post(app, path, { ...inpatient(token), settlementReference: reference() });
        expect([refused.status, refused.body.code, refused.body.field]).toEqual([403, 'settlement.consent_not_yours', 'settlementToken']);
      }
    }
    // A's token with B's id.
    const otherPerson = await post(appX, '/settlement/pre-settlements', inpatient(token, { personId: b.personId }));
    expect([otherPerson.status, otherPerson.body.code, otherPerson.body.field]).toEqual([403, 'settlement.consent_other_person', 'personId']);
    expect(await balanceOf(a.personId)).toBe(50_000);

    const settled = await post(appX, '/settlement/settlements', { ...inpatient(token, { personId: a.personId }), settlementReference: reference() });
    expect(settled.status, JSON.stringify(settled.body)).toBe(201);
    expect(settled.body).toMatchObject({ personId: a.personId, institutionCode: INSTITUTION, result: { acct_pay: 50_000 } });
    expect(await balanceOf(a.personId)).toBe(0);
    expect(await balanceOf(b.personId)).toBe(50_000);
    expect(await settlementsOf(a.personId)).toEqual([{ id: settled.body.id, consent_kind: 'token', consent_ref: verified.codeId, institution_code: INSTITUTION, institution_level: 2 }]);
  });

  it('a token settles once, whatever the burst; the Idempotency-Key’s replay answers the first settlement', async () => {
    const a = await personA();
    const token = await settlementToken(server, appX, a);
    const requests = Array.from({ length: 8 }, () => ({ body: { ...outpatient(token), settlementReference: reference() }, key: idempotencyKey() }));
    const answers = await Promise.all(requests.map((r) => post(appX, '/settlement/settlements', r.body, r.key)));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const refused of answers.filter((r) => r.status === 409)) expect([refused.body.code, refused.body.field]).toEqual(['settlement.consent_used', 'settlementToken']);
    const won = answers.findIndex((r) => r.status === 201);
    const [settled] = await settlementsOf(a.personId);
    expect(settled.id).toBe(answers[won].body.id);
    expect(await settlementsOf(a.personId)).toHaveLength(1);
    const paid = answers[won].body.result.acct_pay as number;
    expect(paid).toBeGreaterThan(0);
    expect(await balanceOf(a.personId)).toBe(50_000 - paid);

    const replay = await post(appX, '/settlement/settlements', requests[won].body, requests[won].key);
    expect([replay.status, replay.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    expect(replay.body).toEqual(answers[won].body);
    // Pre-settling on it still works until it expires; a second settlement does not.
    expect((await post(appX, '/settlement/pre-settlements', outpatient(token))).status).toBe(200);
    const again = await post(appX, '/settlement/settlements', { ...outpatient(token), settlementReference: reference() });
    expect([again.status, again.body.code]).toEqual([409, 'settlement.consent_used']);
    expect(await balanceOf(a.personId)).toBe(50_000 - paid);
  });

  it('refuses an expired token (410) and an altered one (400)', async () => {
    const a = await personA();
    const key = Buffer.from(server.platform.ctx.config.keys.settlementToken, 'hex');
    const claims = { appId: appX.appId, personId: a.personId, institutionCode: INSTITUTION, codeId: `code${randomInt(1e9)}`, exp: Math.floor(Date.now() / 1000) - 1 };
    const expired = mintSettlementToken(key, claims);
    for (const path of ['/settlement/pre-settlements', '/settlement/settlements']) {
      const refused = await post(appX, path, { ...outpatient(expired), settlementReference: reference() });
      expect([refused.status, refused.body.code, refused.body.field]).toEqual([410, 'settlement.consent_expired', 'settlementToken']);
    }
    // A live token whose payload was changed to another person keeps its MAC: refused as made up.
    const live = await settlementToken(server, appX, a);
    const [prefix, payload, mac] = live.split('.');
    const other = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), personId: 'psn_someoneelse' })).toString('base64url');
    const altered = await post(appX, '/settlement/settlements', { ...outpatient(`${prefix}.${other}.${mac}`), settlementReference: reference() });
    expect([altered.status, altered.body.code, altered.body.field]).toEqual([400, 'settlement.consent_invalid', 'settlementToken']);
    expect(await balanceOf(a.personId)).toBe(50_000);
  });

  it('gives no token to an app bound to no institution, which can neither settle nor create orders', async () => {
    const a = await personA();
    const verified = await verify(server, unbound, a);
    expect(verified).toMatchObject({ personId: a.personId, settlementToken: null, settlementTokenExpiresAt: null });
    const refused = await post(unbound, '/settlement/pre-settlements', outpatient(await settlementToken(server, appX, a)));
    expect([refused.status, refused.body.code]).toEqual([403, 'settlement.channel_not_bound']);
    const order = await post(unbound, '/payment/orders', { ...inpatient(undefined), code: await voucherCode(server, a, unbound), settlementType: 'ALL', orderReference: reference() }, idempotencyKey());
    expect([order.status, order.body.code]).toEqual([403, 'payment.channel_not_bound']);
  });
});

describe('the institution and its level: the app’s binding and the registry, not the request', () => {
  it('a channel bound to one institution cannot settle or create orders as another', async () => {
    const a = await personA();
    const token = await settlementToken(server, appX, a);
    for (const path of ['/settlement/pre-settlements', '/settlement/settlements']) {
      const refused = await post(appX, path, { ...inpatient(token, { institutionCode: OTHER_INSTITUTION }), settlementReference: reference() });
      expect([refused.status, refused.body.code, refused.body.field]).toEqual([403, 'settlement.institution_not_bound', 'institutionCode']);
    }
    const code = await voucherCode(server, a, appX);
    const order = await post(appX, '/payment/orders', { ...inpatient(undefined, { institutionCode: OTHER_INSTITUTION }), code, settlementType: 'ALL', orderReference: reference() }, idempotencyKey());
    expect([order.status, order.body.code, order.body.field]).toEqual([403, 'payment.institution_not_bound', 'institutionCode']);
    // Its own code, named or not, is what it settles as.
    const settled = await post(appX, '/settlement/settlements', { ...inpatient(token, { institutionCode: INSTITUTION }), settlementReference: reference() });
    expect([settled.status, settled.body.institutionCode]).toEqual([201, INSTITUTION]);
    expect(await balanceOf(a.personId)).toBe(0);
  });

  it('a claimed level 3 at a level-2 institution settles as level 2, orders too', async () => {
    const a = await personA();
    const claim = { kind: 'inpatient', institutionLevel: 3, date: VISIT_DATE };
    const settled = await post(appX, '/settlement/settlements', { ...inpatient(await settlementToken(server, appX, a)), visit: claim, settlementReference: reference() });
    expect(settled.status, JSON.stringify(settled.body)).toBe(201);
    // Level 3 would be a 2,000.00 deductible and 80 %.
    expect(settled.body.visit).toEqual({ kind: 'inpatient', institutionLevel: 2, date: VISIT_DATE });
    expect([settled.body.result.act_pay_dedc, settled.body.result.hifp_pay]).toEqual([150_000, 1_445_000]);
    expect(settled.body.result.why.hifp_pay.zh).toContain('85 %');

    const b = await newPayer(server, cast, 0, [appX]);
    const order = await post(appX, '/payment/orders', { ...inpatient(undefined), visit: claim, code: await voucherCode(server, b, appX), settlementType: 'ALL', orderReference: reference() }, idempotencyKey());
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    expect(order.body).toMatchObject({ institutionCode: INSTITUTION, visit: { institutionLevel: 2 }, fundFen: 1_445_000 });
  });

  it('an institution whose agreement ended yesterday cannot settle today, nor take an order, and leaves the code unused', async () => {
    const code = `H411302${String(randomInt(1e5)).padStart(5, '0')}`;
    const ended = await must(
      server,
      'POST',
      '/registry/institutions',
      { code, name: `协议到期医院${randomInt(1e6)}`, kind: 'general_hospital', creditCode: randomCreditCode(), level: 1, agreementFrom: '2020-01-01', agreementTo: YESTERDAY },
      cast.admin,
    );
    expect(ended).toMatchObject({ code, agreementTo: YESTERDAY });
    const app = await channel('协议到期医院HIS', code);
    const a = await personA();
    await must(server, 'POST', '/voucher/authorizations', { appId: app.appId }, a.token);
    const token = await settlementToken(server, app, a);
    for (const path of ['/settlement/pre-settlements', '/settlement/settlements']) {
      const refused = await post(app, path, { ...outpatient(token, BEIJING_TODAY), settlementReference: reference() });
      expect([refused.status, refused.body.code, refused.body.field], JSON.stringify(refused.body)).toEqual([422, 'registry.agreement_not_in_force', 'visit.date']);
    }
    expect(await balanceOf(a.personId)).toBe(50_000);
    // Yesterday was still within it.
    expect((await post(app, '/settlement/pre-settlements', outpatient(token, YESTERDAY))).status).toBe(200);

    const shown = await voucherCode(server, a, app);
    const order = await post(app, '/payment/orders', { ...inpatient(undefined), visit: { kind: 'outpatient', date: BEIJING_TODAY }, code: shown, settlementType: 'ALL', orderReference: reference() }, idempotencyKey());
    expect([order.status, order.body.code, order.body.field]).toEqual([422, 'registry.agreement_not_in_force', 'visit.date']);
    expect((await post(app, '/voucher/verify', { code: shown })).status).toBe(200);
  });

  it('an unrated pharmacy (P…, 未定级) settles under the level-1 rows, and its explanation says so', async () => {
    const a = await personA();
    const pre = await post(pharmacy, '/settlement/pre-settlements', { ...outpatient(await settlementToken(server, pharmacy, a)), institutionCode: PHARMACY });
    expect(pre.status, JSON.stringify(pre.body)).toBe(200);
    expect(pre.body).toMatchObject({ institutionCode: PHARMACY, visit: { institutionLevel: 0 } });
    expect(pre.body.result.why.hifp_pay.zh).toContain('未定级机构按一级医院标准结算');
    expect(pre.body.result.why.act_pay_dedc.en).toContain('an unrated institution settles under the level-1 rows');
  });
});

describe('orders: the person’s confirmation is the consent of the order’s settlement', () => {
  it('settles a confirmed order once on the order, not on a token', async () => {
    const a: Payer = await newPayer(server, cast, 200_000, [appX]);
    const created = await post(appX, '/payment/orders', { ...inpatient(undefined), code: await voucherCode(server, a, appX), settlementType: 'ALL', orderReference: reference() }, idempotencyKey());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(await settlementsOf(a.personId)).toEqual([]);
    const confirmed = await server.api('POST', `/payment/orders/${created.body.id}/confirm`, { token: a.token, body: { password: VOUCHER_PASSWORD }, headers: { 'idempotency-key': idempotencyKey() } });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(await settlementsOf(a.personId)).toEqual([
      { id: confirmed.body.settlementId, consent_kind: 'order', consent_ref: created.body.id, institution_code: INSTITUTION, institution_level: 2 },
    ]);
  });
});
