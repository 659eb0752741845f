import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeRealName, type FakeRealName } from '../../../fakes/realname/server.js';
import { rawRequest, signedHeaders } from '../../../fakes/shared/http-helpers.js';
import { AdapterError } from '../errors.js';
import { createRealNameClient, type RealNameClient } from './client.js';

const creds = { appId: 'yibao', secret: 'realname-secret' };
const zhang = { idNumber: '11010519491231002X', name: '张三' };
const li = { idNumber: '440106199001011234', name: '李四' };

describe('real-name adapter against the fake provider', () => {
  let fake: FakeRealName;
  let client: RealNameClient;

  beforeAll(async () => {
    fake = await startFakeRealName({ ...creds, people: [zhang] });
    client = createRealNameClient({ baseUrl: fake.url, ...creds });
  });
  afterAll(() => fake.close());
  afterEach(() => {
    fake.setLatency(0);
    fake.tamperNextResponses(0);
  });

  describe('实名 L2 verifyIdentity', () => {
    it('matches a registered identity (check digit case-insensitive)', async () => {
      expect(await client.verifyIdentity(zhang.idNumber, zhang.name)).toEqual({ match: true });
      expect(await client.verifyIdentity(zhang.idNumber.toLowerCase(), zhang.name)).toEqual({ match: true });
    });

    it('does not match a wrong name', async () => {
      expect(await client.verifyIdentity(zhang.idNumber, '张四')).toEqual({ match: false, reason: 'name_mismatch' });
    });

    it('does not match an unknown ID number until the person is added', async () => {
      expect(await client.verifyIdentity(li.idNumber, li.name)).toEqual({ match: false, reason: 'not_found' });
      fake.addPerson(li);
      expect(await client.verifyIdentity(li.idNumber, li.name)).toEqual({ match: true });
    });

    it('logs the signed call', async () => {
      fake.clearCalls();
      await client.verifyIdentity(zhang.idNumber, zhang.name);
      expect(fake.calls).toEqual([
        expect.objectContaining({ method: 'POST', path: '/v1/idcard/verify', status: 200, auth: 'ok', body: zhang }),
      ]);
    });
  });

  describe('实人 L3 liveness', () => {
    it('runs a session from pending to passed when the person passes', async () => {
      const session = await client.createLivenessSession({ ...zhang, returnUrl: 'https://yibao.example/cb' });
      expect(session.url).toBe(`${fake.url}/liveness/${session.bizToken}`);
      expect(await client.getLivenessResult(session.bizToken)).toEqual({ status: 'pending', ...zhang, score: null });

      // The person's side: unsigned, as it happens in the provider's page/SDK.
      const performed = await rawRequest(fake.url, 'POST', `/v1/liveness/sessions/${session.bizToken}/perform`, {
        body: { outcome: 'pass' },
      });
      expect(performed).toMatchObject({ status: 200, body: { status: 'passed' } });

      const result = await client.getLivenessResult(session.bizToken);
      expect(result).toMatchObject({ status: 'passed', ...zhang });
      expect(result.score).toBeGreaterThan(0.9);
    });

    it('reports failed when the person fails the check', async () => {
      const { bizToken } = await client.createLivenessSession(zhang);
      fake.performLiveness(bizToken, 'fail');
      expect(await client.getLivenessResult(bizToken)).toMatchObject({ status: 'failed', reason: 'liveness_failed' });
    });

    it('fails a passing face when the identity itself does not match (L3 implies L2)', async () => {
      const { bizToken } = await client.createLivenessSession({ idNumber: zhang.idNumber, name: '王五' });
      fake.performLiveness(bizToken, 'pass');
      expect(await client.getLivenessResult(bizToken)).toMatchObject({ status: 'failed', reason: 'identity_mismatch' });
    });

    it('rejects an unknown bizToken with a 404 AdapterError', async () => {
      await expect(client.getLivenessResult('no-such-token')).rejects.toMatchObject({
        party: 'realname',
        code: 'rejected',
        status: 404,
        upstreamCode: 'session_not_found',
      });
    });
  });

  describe('request authentication', () => {
    it('answers 401 to an unsigned request', async () => {
      const res = await rawRequest(fake.url, 'POST', '/v1/idcard/verify', { body: zhang });
      expect(res).toMatchObject({ status: 401, body: { code: 'missing' } });
    });

    it('answers 401 to a request signed with the wrong secret, surfaced as AdapterError unauthorized', async () => {
      const wrong = createRealNameClient({ baseUrl: fake.url, appId: creds.appId, secret: 'not-the-secret' });
      const err = await wrong.verifyIdentity(zhang.idNumber, zhang.name).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AdapterError);
      expect(err).toMatchObject({ code: 'unauthorized', status: 401, upstreamCode: 'bad_signature' });
    });

    it('answers 401 to an unknown app id', async () => {
      const other = createRealNameClient({ baseUrl: fake.url, appId: 'intruder', secret: creds.secret });
      await expect(other.verifyIdentity(zhang.idNumber, zhang.name)).rejects.toMatchObject({
        status: 401,
        upstreamCode: 'unknown_app',
      });
    });

    it('answers 401 to a replayed nonce', async () => {
      const { headers, bodyText } = signedHeaders(creds, 'POST', '/v1/idcard/verify', zhang);
      const first = await rawRequest(fake.url, 'POST', '/v1/idcard/verify', { body: bodyText, headers });
      expect(first.status).toBe(200);
      const replay = await rawRequest(fake.url, 'POST', '/v1/idcard/verify', { body: bodyText, headers });
      expect(replay).toMatchObject({ status: 401, body: { code: 'replay' } });
    });

    it('answers 401 to a stale timestamp', async () => {
      const { headers, bodyText } = signedHeaders(creds, 'POST', '/v1/idcard/verify', zhang, {
        nowMs: Date.now() - 10 * 60_000,
      });
      const res = await rawRequest(fake.url, 'POST', '/v1/idcard/verify', { body: bodyText, headers });
      expect(res).toMatchObject({ status: 401, body: { code: 'stale' } });
    });

    it('answers 401 when the body was altered after signing', async () => {
      const { headers } = signedHeaders(creds, 'POST', '/v1/idcard/verify', zhang);
      const res = await rawRequest(fake.url, 'POST', '/v1/idcard/verify', { body: { ...zhang, name: '张四' }, headers });
      expect(res).toMatchObject({ status: 401, body: { code: 'bad_signature' } });
    });
  });

  describe('response integrity and timeouts', () => {
    it('throws bad_signature when the response signature is tampered with', async () => {
      fake.tamperNextResponses(1);
      await expect(client.verifyIdentity(zhang.idNumber, zhang.name)).rejects.toMatchObject({
        party: 'realname',
        code: 'bad_signature',
      });
      // Only the next response was tampered with.
      expect(await client.verifyIdentity(zhang.idNumber, zhang.name)).toEqual({ match: true });
    });

    it('throws timeout when the provider is slower than the client allows', async () => {
      fake.setLatency(500);
      const impatient = createRealNameClient({ baseUrl: fake.url, ...creds, timeoutMs: 50 });
      const err = await impatient.verifyIdentity(zhang.idNumber, zhang.name).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AdapterError);
      expect(err).toMatchObject({ party: 'realname', code: 'timeout', status: null });
    });
  });
});
