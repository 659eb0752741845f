import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRealNameClient } from '../../src/adapters/realname/client.js';
import { rawRequest } from '../shared/http-helpers.js';
import { startFakeRealName, type FakeRealName } from './server.js';

const creds = { appId: 'yibao', secret: 'realname-secret' };
const person = { idNumber: '11010519491231002X', name: '张三' };

/** The browser-facing side of the fake: what an e2e test clicks through. */
describe('fake real-name provider liveness page', () => {
  let fake: FakeRealName;
  const client = () => createRealNameClient({ baseUrl: fake.url, ...creds });

  beforeAll(async () => {
    fake = await startFakeRealName({ ...creds, people: [person] });
  });
  afterAll(() => fake.close());

  it('serves a page whose Pass button form-posts and redirects back to returnUrl', async () => {
    const { bizToken, url } = await client().createLivenessSession({ ...person, returnUrl: 'https://yibao.example/back?x=1' });

    const pageRes = await fetch(url);
    expect(pageRes.headers.get('content-type')).toContain('text/html');
    const html = await pageRes.text();
    expect(html).toContain(`action="/v1/liveness/sessions/${bizToken}/perform"`);
    expect(html).toContain('name="outcome" value="pass"');
    expect(html).not.toContain(person.idNumber); // masked on the page

    // What the browser sends when the Pass button is clicked.
    const res = await fetch(`${fake.url}/v1/liveness/sessions/${bizToken}/perform`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'outcome=pass',
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`https://yibao.example/back?x=1&bizToken=${bizToken}`);
    expect(fake.getSession(bizToken)?.status).toBe('passed');

    expect(await (await fetch(url)).text()).toContain('passed');
  });

  it('refuses to perform a session twice, and unknown sessions', async () => {
    const { bizToken } = await client().createLivenessSession(person);
    const path = `/v1/liveness/sessions/${bizToken}/perform`;
    expect((await rawRequest(fake.url, 'POST', path, { body: {} })).body).toEqual({ status: 'passed' });
    expect(await rawRequest(fake.url, 'POST', path, { body: { outcome: 'fail' } })).toMatchObject({ status: 409 });
    expect((await rawRequest(fake.url, 'POST', '/v1/liveness/sessions/nope/perform', { body: {} })).status).toBe(404);
    expect((await rawRequest(fake.url, 'GET', '/liveness/nope')).status).toBe(404);
  });

  it('rejects a non-http returnUrl', async () => {
    await expect(client().createLivenessSession({ ...person, returnUrl: 'javascript:alert(1)' })).rejects.toMatchObject({
      status: 400,
    });
  });
});
