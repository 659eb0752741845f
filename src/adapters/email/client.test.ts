import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadUrl } from '../../../fakes/shared/http-helpers.js';
import { startFakeSmtp, type FakeSmtp } from '../../../fakes/smtp/server.js';
import { isPermanentFailure } from '../errors.js';
import { createEmailClient, messageIdFor, type EmailClient } from './client.js';

const from = 'Yibao 医保 <noreply@yibao.local>';

describe('e-mail adapter against the fake SMTP server', () => {
  let fake: FakeSmtp;
  let client: EmailClient;
  const mail = (to: string, reference = randomUUID()) => ({
    to,
    subject: '缴费成功 Payment received',
    text: '您的 2026 年度居民医保已缴费 ¥380.00。',
    html: '<p>您的 2026 年度居民医保已缴费 <b>¥380.00</b>。</p>',
    reference,
  });

  beforeAll(async () => {
    fake = await startFakeSmtp();
    client = createEmailClient({ smtpUrl: fake.smtpUrl, from });
  });
  afterAll(async () => {
    client.close();
    await fake.close();
  });

  it('delivers over SMTP with the reference in a header and a Message-ID derived from it', async () => {
    const reference = randomUUID();
    const { providerRef } = await client.send(mail('Zhang.Wei@example.cn', reference));
    expect(providerRef).toBe(`<${reference}@yibao.local>`);
    const kept = await fake.waitFor((m) => m.reference === reference);
    expect(kept).toMatchObject({
      messageId: providerRef,
      from: '"Yibao 医保" <noreply@yibao.local>',
      to: ['zhang.wei@example.cn'],
      subject: '缴费成功 Payment received',
      text: expect.stringContaining('¥380.00'),
      html: expect.stringContaining('<b>¥380.00</b>'),
      deliveries: 1,
    });
  });

  it('sends a retried reference with the same Message-ID, so the mailbox keeps one copy', async () => {
    const reference = randomUUID();
    const first = await client.send(mail('retry@example.cn', reference));
    const again = await client.send(mail('retry@example.cn', reference));
    expect(again.providerRef).toBe(first.providerRef);
    expect(fake.inbox('retry@example.cn')).toEqual([expect.objectContaining({ messageId: first.providerRef, deliveries: 2 })]);
  });

  it('turns an SMTP 550 into a permanent failure and a 451 into a temporary one', async () => {
    fake.rejectNext(1, 550);
    const refused = await client.send(mail('nobody@example.cn')).catch((e: unknown) => e);
    expect(refused).toMatchObject({ party: 'email', code: 'rejected', status: 550, permanent: true });
    expect(isPermanentFailure(refused)).toBe(true);

    fake.rejectNext(1, 451);
    const deferred = await client.send(mail('later@example.cn')).catch((e: unknown) => e);
    expect(deferred).toMatchObject({ party: 'email', code: 'upstream_failure', status: 451, permanent: false });
    expect(isPermanentFailure(deferred)).toBe(false);

    // The pooled connection survives a refused recipient.
    const reference = randomUUID();
    await client.send(mail('later@example.cn', reference));
    expect(fake.inbox('later@example.cn').map((m) => m.reference)).toEqual([reference]);
    expect(fake.inbox('nobody@example.cn')).toEqual([]);
  });

  it('reports a refused connection as a network failure, not permanent', async () => {
    const dead = createEmailClient({ smtpUrl: (await deadUrl()).replace('http:', 'smtp:'), from, timeoutMs: 2_000 });
    try {
      const err = await dead.send(mail('a@example.cn')).catch((e: unknown) => e);
      expect(err).toMatchObject({ party: 'email', code: 'network', status: null });
      expect(isPermanentFailure(err)).toBe(false);
    } finally {
      dead.close();
    }
  });

  it('times out on a server that never greets', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const mute = createEmailClient({ smtpUrl: `smtp://127.0.0.1:${(silent.address() as AddressInfo).port}`, from, timeoutMs: 200 });
    try {
      const err = await mute.send(mail('a@example.cn')).catch((e: unknown) => e);
      expect(err).toMatchObject({ party: 'email', code: 'timeout' });
      expect(isPermanentFailure(err)).toBe(false);
    } finally {
      mute.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('authenticates with the credentials of SMTP_URL, and reports wrong ones as unauthorized, not permanent', async () => {
    const guarded = await startFakeSmtp({ auth: { user: 'yibao', pass: 's3cret' } });
    const good = createEmailClient({ smtpUrl: guarded.smtpUrl.replace('smtp://', 'smtp://yibao:s3cret@'), from });
    const bad = createEmailClient({ smtpUrl: guarded.smtpUrl.replace('smtp://', 'smtp://yibao:wrong@'), from });
    try {
      const reference = randomUUID();
      await good.send(mail('auth@example.cn', reference));
      expect(guarded.inbox('auth@example.cn')[0]).toMatchObject({ reference, authenticatedAs: 'yibao' });

      const err = await bad.send(mail('auth@example.cn')).catch((e: unknown) => e);
      expect(err).toMatchObject({ party: 'email', code: 'unauthorized', status: 535 });
      expect(isPermanentFailure(err)).toBe(false);
    } finally {
      good.close();
      bad.close();
      await guarded.close();
    }
  });

  it('hashes a reference that cannot stand in a Message-ID, the same way every time', () => {
    const id = messageIdFor('消息 <1>', 'yibao.local');
    expect(id).toMatch(/^<[0-9a-f]{40}@yibao\.local>$/);
    expect(messageIdFor('消息 <1>', 'yibao.local')).toBe(id);
    expect(messageIdFor('消息 <2>', 'yibao.local')).not.toBe(id);
  });
});
