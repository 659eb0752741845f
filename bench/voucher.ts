// 电子凭证 bench scenarios: QR code generation by a holder, and online verification by an institution.
import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { makeIdNumber } from '../src/kernel/validation/identifiers.js';
import { mintCode } from '../src/centers/voucher/index.js';
import { loginStaff, newPerson, randomCreditCode, randomName } from '../test/support/factories.js';
import type { TestServer } from '../test/support/server.js';
import type { Scenario } from './measure.js';
import { settings } from './measure.js';

async function ok(server: TestServer, method: string, apiPath: string, body: unknown, token: string) {
  const response = await server.api(method, apiPath, { token, body });
  if (response.status >= 300) throw new Error(`${method} ${apiPath}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** An enrolled person of 南阳 who activated their voucher at L3 and authorized a hospital's channel app. */
async function holderWithChannel(server: TestServer) {
  const [sysadmin, clerk] = await Promise.all([loginStaff(server, 'sysadmin'), loginStaff(server, 'nanyang_clerk')]);
  const app = await ok(server, 'POST', '/auth/channels', { name: '压测医院HIS', capabilities: ['voucher.verify'] }, sysadmin.accessToken);
  const entity = await ok(server, 'POST', '/registry/entities', { creditCode: randomCreditCode(), name: `凭证压测单位${randomInt(1e6)}`, type: 'enterprise', regionCode: '411302', legalRepName: randomName() }, clerk.accessToken);
  const unit = await ok(server, 'POST', '/enrollment/units', { entityId: entity.id, insuranceType: '410', fromMonth: '2019-01' }, clerk.accessToken);
  const idNumber = makeIdNumber('411302', '1980-05-05', randomInt(0, 1000));
  const name = randomName();
  const person = await ok(server, 'POST', '/registry/persons', { idNumber, name, regionCode: '411302', category: 'employee' }, clerk.accessToken);
  await ok(server, 'POST', `/enrollment/units/${unit.id}/employees`, { personId: person.id, fromMonth: '2019-01' }, clerk.accessToken);
  const account = await newPerson(server, { idNumber, name });
  server.fakes.realName.addPerson({ idNumber, name });
  const l2 = await ok(server, 'POST', '/auth/realname', { name, idNumber }, account.accessToken);
  const started = await ok(server, 'POST', '/auth/liveness', {}, l2.accessToken);
  server.fakes.realName.performLiveness(started.bizToken, 'pass');
  const l3 = await ok(server, 'POST', `/auth/liveness/${started.bizToken}/confirm`, undefined, l2.accessToken);
  await ok(server, 'POST', '/voucher/activate', { password: '258147' }, l3.accessToken);
  await ok(server, 'POST', '/voucher/authorizations', { appId: app.appId }, l3.accessToken);
  return { token: l3.accessToken as string, app: app as { appId: string; secret: string }, personId: person.id as string };
}

/** Codes a load run can use at most: a generous ceiling on the rate, times the longer run. */
const segmentSize = () => Math.ceil(6000 * (Math.max(settings.seconds, settings.warmupSeconds) + 1));

export const VOUCHER_SCENARIOS: Scenario[] = [
  {
    name: 'qr-generate',
    summary: 'POST /api/v1/voucher/codes — a holder generates a dynamic QR code for an authorized channel (goal: ratio >= 0.5)',
    async setup(server) {
      const { token, app } = await holderWithChannel(server);
      // One holder generates thousands a second here: lift the per-minute risk rule for the run.
      server.platform.ctx.config.voucher.codesPerMinute = Number.MAX_SAFE_INTEGER;
      return { path: '/api/v1/voucher/codes', method: 'POST', headers: { authorization: `Bearer ${token}` }, bodies: [{ channelAppId: app.appId }] };
    },
  },
  {
    name: 'qr-verify',
    summary: 'POST /api/v1/voucher/verify — an institution verifies a code online, each request a fresh code and signature (goal: ratio >= 0.2)',
    async setup(server) {
      const { token, app } = await holderWithChannel(server);
      // A real code first, through the API, to get the voucher and the identity snapshot it carries.
      await ok(server, 'POST', '/voucher/codes', { channelAppId: app.appId }, token);
      const [template] = await server.platform.ctx.database.rows<{ voucher_id: string; identity: unknown }>(sql`select voucher_id, identity from voucher.codes limit 1`);
      // Then the pool: probe, warm-up and measured run each take a segment (plus one spare), written
      // straight into the table as a bench fixture (code strings minted with the platform's key).
      const segment = segmentSize();
      const key = Buffer.from(server.platform.ctx.config.keys.voucherCode, 'hex');
      const minted = Array.from({ length: segment * 4 }, () => mintCode(key));
      for (let i = 0; i < minted.length; i += 20_000) {
        const ids = minted.slice(i, i + 20_000).map((m) => m.id);
        await server.platform.ctx.database.rows(
          sql`insert into voucher.codes (id, voucher_id, holder_voucher_id, app_id, identity, expires_at)
              select id, ${template.voucher_id}, ${template.voucher_id}, ${app.appId}, ${JSON.stringify(template.identity)}::jsonb, now() + interval '1 hour'
              from unnest(${`{${ids.join(',')}}`}::text[]) as id`,
        );
      }
      const file = path.join(tmpdir(), `yibao-voucher-bench-${process.pid}-${Date.now()}.json`);
      writeFileSync(file, JSON.stringify({ appId: app.appId, secret: app.secret, path: '/api/v1/voucher/verify', segment, codes: minted.map((m) => m.code) }));
      process.env.VOUCHER_BENCH_FILE = file;
      return { path: '/api/v1/voucher/verify', method: 'POST', bodies: [{ code: minted[0].code }], setupRequest: fileURLToPath(new URL('./voucher-verify-request.cjs', import.meta.url)) };
    },
  },
];
