/**
 * 审计与变更同事务: over HTTP on the whole platform, the audit record of a change is committed by the
 * transaction that commits the change (same transaction id), so no crash can leave the change without
 * its record; and when the record cannot be written, the change is not made.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginStaff, randomIdNumber, randomName } from '../support/factories.js';

let server: TestServer;
let clerk: string;
const rows = <T>(query: ReturnType<typeof sql>) => server.platform.ctx.database.rows<T>(query);

beforeAll(async () => {
  server = await startTestServer();
  clerk = (await loginStaff(server, 'nanyang_clerk')).accessToken;
  // The audit store refuses the requests a test names by their request id.
  await rows(sql`create function public.refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit store unavailable'; end $$`);
  await rows(sql`create trigger refuse_audit before insert on audit.records for each row when (new.request_id like 'refuse-audit-%') execute function public.refuse_audit()`);
});
afterAll(() => server?.close());

let sequence = 0;
const requestId = (prefix = 'chain') => `${prefix}-${process.pid}-${Date.now()}-${sequence++}`;

function createPerson(id: string) {
  const idNumber = randomIdNumber();
  return server
    .api('POST', '/registry/persons', { token: clerk, headers: { 'x-request-id': id }, body: { idNumber, name: randomName(), regionCode: '411302', category: 'employee' } })
    .then((response) => ({ response, idNumber }));
}

const recordsOf = (id: string) => rows<{ status: number; xmin: string; action: string }>(sql`select status, action, xmin::text as xmin from audit.records where request_id = ${id} order by id`);

describe('the audit record and the change it records', () => {
  it('commit in one transaction: the record of a new person has the person row’s transaction id', async () => {
    const id = requestId();
    const { response } = await createPerson(id);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    // Nothing waits for a batch: the record is there as soon as the answer is.
    const records = await recordsOf(id);
    expect(records.map((r) => [r.action, r.status])).toEqual([['POST /api/v1/registry/persons', 201]]);
    const [person] = await rows<{ xmin: string }>(sql`select xmin::text as xmin from registry.persons where id = ${response.body.id}`);
    expect(records[0].xmin).toBe(person.xmin);
    expect((await server.platform.ctx.audit.verify()).ok).toBe(true);
  });

  it('are both refused when the record cannot be written: no person without its audit record', async () => {
    const id = requestId('refuse-audit');
    const { response, idNumber } = await createPerson(id);
    expect([response.status, response.body.code]).toEqual([500, 'server.internal']);
    const lookup = await server.api('POST', '/registry/persons/lookup', { token: clerk, body: { idNumber } });
    expect(lookup.status).toBe(404);
    expect(await recordsOf(id)).toEqual([]);
  });

  it('a refused change leaves the refusal’s record only', async () => {
    // a person of another city than the clerk's: refused inside the transaction, which rolls back
    const id = requestId();
    const refused = await server.api('POST', '/registry/persons', {
      token: clerk,
      headers: { 'x-request-id': id },
      body: { idNumber: randomIdNumber('110101'), name: randomName(), regionCode: '110101', category: 'employee' },
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    await server.platform.ctx.audit.flush();
    expect((await recordsOf(id)).map((r) => r.status)).toEqual([refused.status]);
  });

  it('a change answered otherwise than its route’s first success status is recorded, and its answer beside it', async () => {
    // the same identity number under another name opens a conflict case (会商): 202, not 201
    const first = await createPerson(requestId());
    const id = requestId();
    const conflict = await server.api('POST', '/registry/persons', {
      token: clerk,
      headers: { 'x-request-id': id },
      body: { idNumber: first.idNumber, name: randomName(), regionCode: '411302', category: 'employee' },
    });
    expect(conflict.status).toBe(202);
    await server.platform.ctx.audit.flush();
    expect((await recordsOf(id)).map((r) => r.status)).toEqual([201, 202]);
  });
});
