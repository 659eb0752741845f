import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { newPerson } from '../support/factories.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('smoke', () => {
  it('registers and reads own profile', async () => {
    const person = await newPerson(server);
    const me = await server.api('GET', '/user/me', { token: person.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.idNumber).toBe(`${person.idNumber.slice(0, 6)}********${person.idNumber.slice(14)}`);
  });
});
