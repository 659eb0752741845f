// Setup of the bill-pdf scenario: a real-name verified person with one e-bill issued by a hospital's
// channel app through the signed API, so the measured route renders a real bill.
import { signRequest } from '../src/adapters/signing.js';
import { loginStaff, newPerson, randomIdNumber, randomName } from '../test/support/factories.js';
import type { TestServer } from '../test/support/server.js';

export async function personWithBill(server: TestServer): Promise<{ token: string; billId: string }> {
  const expect = (response: { status: number; body: unknown }, status: number, what: string) => {
    if (response.status !== status) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Record<string, any>;
  };
  const clerk = (await loginStaff(server, 'nanyang_clerk')).accessToken;
  const sysadmin = (await loginStaff(server, 'sysadmin')).accessToken;
  const idNumber = randomIdNumber();
  const name = randomName();
  const person = expect(await server.api('POST', '/registry/persons', { token: clerk, body: { idNumber, name, regionCode: '411302', category: 'employee' } }), 201, 'registry person');
  const account = await newPerson(server, { idNumber, name });
  server.fakes.realName.addPerson({ idNumber, name });
  const l2 = expect(await server.api('POST', '/auth/realname', { token: account.accessToken, body: { name, idNumber } }), 200, 'real-name');
  const app = expect(await server.api('POST', '/auth/channels', { token: sysadmin, body: { name: 'bench HIS', capabilities: ['bill.issue'] } }), 201, 'channel');

  const items = ['西药费', '中成药费', '检查费', '化验费', '治疗费', '材料费', '诊察费', '护理费'].map((itemName, i) => ({ name: itemName, amountFen: 1000 * (i + 1) }));
  const body = {
    payer: { personId: person.id, name },
    institution: { code: 'H41130200746', name: '南阳市第一人民医院' },
    visitType: 'outpatient',
    insuranceId: idNumber,
    settlementRef: `BENCH${Date.now()}`,
    items,
    totalFen: 36000,
    fundPayFen: 25200,
    accountPayFen: 6000,
    cashPayFen: 4800,
  };
  const raw = JSON.stringify(body);
  const headers = signRequest({ appId: app.appId, secret: app.secret, method: 'POST', path: '/api/v1/bill/channel/bills', body: raw });
  const bill = expect(await server.api('POST', '/bill/channel/bills', { raw, headers: headers as unknown as Record<string, string> }), 201, 'issue');
  return { token: l2.accessToken, billId: bill.id };
}
