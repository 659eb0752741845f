/**
 * 消息收件人: the lookups the message center makes through the user center's index.ts: a person's
 * accounts by identity number (from the registry person an event names), a unit's agents by credit
 * code, and each account's addresses (the phone decrypted, the WeChat open id from the auth center).
 */
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginStaff, newPerson, newUnit, PASSWORD, randomCreditCode, randomIdNumber, randomName, randomPhone } from '../support/factories.js';
import { contactsOf, personAccountIds, unitAgentAccountIds } from '../../src/centers/user/index.js';
import { getPerson } from '../../src/centers/registry/index.js';

let server: TestServer;
let clerk: string;

beforeAll(async () => {
  server = await startTestServer();
  clerk = (await loginStaff(server, 'nanyang_clerk')).accessToken;
});
afterAll(() => server?.close());

async function ok(method: string, path: string, token: string, body?: unknown, status = 201) {
  const response = await server.api(method, path, { token, ...(body === undefined ? {} : { body }) });
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(status);
  return response.body;
}

/** An identity number whose check character is X, to look it up in lower case. */
function idNumberEndingInX(): string {
  for (;;) {
    const idNumber = randomIdNumber();
    if (idNumber.endsWith('X')) return idNumber;
  }
}

describe('personAccountIds', () => {
  it('finds the person’s account from the registry person an event names, in any case, and only while it is active', async () => {
    const idNumber = idNumberEndingInX();
    const person = await newPerson(server, { idNumber });
    const registered = await ok('POST', '/registry/persons', clerk, { idNumber, name: person.name, regionCode: '411302', category: 'employee' });
    // The message center reads the person an event names, then their accounts by identity number.
    const fromRegistry = (await getPerson(server.platform.ctx, registered.id))!;
    expect(await personAccountIds(server.platform.ctx, fromRegistry.idNumber)).toEqual([person.accountId]);
    expect(await personAccountIds(server.platform.ctx, idNumber.toLowerCase())).toEqual([person.accountId]);
    expect(await personAccountIds(server.platform.ctx, ` ${idNumber} `)).toEqual([person.accountId]);

    // The same person as a unit's agent is not the person's account: unit messages reach that one.
    const unit = await newUnit(server);
    const agent = await ok('POST', `/user/units/${unit.unitId}/agents`, unit.agent.accessToken, { name: person.name, idNumber, phone: randomPhone(), password: PASSWORD });
    expect(await personAccountIds(server.platform.ctx, idNumber)).toEqual([person.accountId]);
    expect(await unitAgentAccountIds(server.platform.ctx, unit.creditCode)).toContain(agent.id);

    // Deactivated, the account hears nothing more; a new registration on the number does.
    await ok('POST', '/user/me/deactivate', person.accessToken, { password: PASSWORD }, 200);
    expect(await personAccountIds(server.platform.ctx, idNumber)).toEqual([]);
    const again = await newPerson(server, { idNumber, name: person.name });
    expect(again.accountId).not.toBe(person.accountId);
    expect(await personAccountIds(server.platform.ctx, idNumber)).toEqual([again.accountId]);

    expect(await personAccountIds(server.platform.ctx, randomIdNumber())).toEqual([]);
  });
});

describe('unitAgentAccountIds', () => {
  it('lists the unit’s active agents, manager included, by credit code in any case; not a revoked one, not another unit’s', async () => {
    const unit = await newUnit(server);
    const other = await newUnit(server);
    const agentInput = () => ({ name: randomName(), idNumber: randomIdNumber(), phone: randomPhone(), password: PASSWORD });
    const [second, third] = [await ok('POST', `/user/units/${unit.unitId}/agents`, unit.agent.accessToken, agentInput()), await ok('POST', `/user/units/${unit.unitId}/agents`, unit.agent.accessToken, agentInput())];
    const sorted = (ids: string[]) => [...ids].sort();
    expect(await unitAgentAccountIds(server.platform.ctx, unit.creditCode)).toEqual(sorted([unit.agent.accountId, second.id, third.id]));
    expect(await unitAgentAccountIds(server.platform.ctx, unit.creditCode.toLowerCase())).toEqual(sorted([unit.agent.accountId, second.id, third.id]));

    await ok('DELETE', `/user/units/${unit.unitId}/agents/${third.id}`, unit.agent.accessToken, undefined, 204);
    expect(await unitAgentAccountIds(server.platform.ctx, unit.creditCode)).toEqual(sorted([unit.agent.accountId, second.id]));
    expect(await unitAgentAccountIds(server.platform.ctx, other.creditCode)).toEqual([other.agent.accountId]);
    // a credit code no unit registered on the platform has no one to tell
    expect(await unitAgentAccountIds(server.platform.ctx, randomCreditCode())).toEqual([]);
  });
});

describe('contactsOf', () => {
  it('gives each account’s phone in plain, email, name and WeChat open id (not the Alipay one); unknown ids are absent', async () => {
    const person = await newPerson(server);
    await ok('PATCH', '/user/me', person.accessToken, { email: 'zhang@example.com' }, 200);
    const openId = `o_msg${randomInt(1e9)}`;
    await ok('POST', '/auth/bindings', person.accessToken, { provider: 'wechat', code: server.fakes.wechat.issueCode(openId) });
    const unit = await newUnit(server);
    // bound at Alipay only: no WeChat address
    await ok('POST', '/auth/bindings', unit.agent.accessToken, { provider: 'alipay', code: server.fakes.alipay.issueCode(`a_msg${randomInt(1e9)}`) });

    const contacts = await contactsOf(server.platform.ctx, [person.accountId, unit.agent.accountId, person.accountId, 'acc_nobody']);
    expect([...contacts.keys()].sort()).toEqual([person.accountId, unit.agent.accountId].sort());
    expect(contacts.get(person.accountId)).toEqual({ phone: person.phone, email: 'zhang@example.com', name: person.name, wechatOpenId: openId, locale: null });
    expect(contacts.get(unit.agent.accountId)).toEqual({ phone: unit.agent.phone, email: null, name: unit.agent.name, wechatOpenId: null, locale: null });

    // unbound, the WeChat address is gone
    await ok('DELETE', '/auth/bindings/wechat', person.accessToken, undefined, 204);
    expect((await contactsOf(server.platform.ctx, [person.accountId])).get(person.accountId)?.wechatOpenId).toBeNull();
    expect((await contactsOf(server.platform.ctx, [])).size).toBe(0);
  });
});
