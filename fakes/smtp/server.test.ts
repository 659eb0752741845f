import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailClient, type EmailClient } from '../../src/adapters/email/client.js';
import { rawRequest } from '../shared/http-helpers.js';
import { startFakeSmtp, type FakeSmtp } from './server.js';

describe('fake SMTP server', () => {
  let fake: FakeSmtp;
  let client: EmailClient;
  const send = (to: string, subject: string, text: string, reference = randomUUID()) =>
    client.send({ to, subject, text, html: `<p>${text}</p>`, reference });

  beforeAll(async () => {
    fake = await startFakeSmtp();
    client = createEmailClient({ smtpUrl: fake.smtpUrl, from: 'Yibao 医保 <noreply@yibao.local>' });
  });
  afterAll(async () => {
    client.close();
    await fake.close();
  });

  it('lists mail newest first as JSON, filtered by recipient', async () => {
    await send('Li.Na@example.cn', '第一封', 'one');
    await send('li.na@example.cn', '第二封', 'two');
    await send('other@example.cn', '别人的', 'three');
    const res = await rawRequest(fake.url, 'GET', '/v1/mail?to=LI.NA@example.cn');
    expect(res.status).toBe(200);
    expect((res.body as { mails: Array<{ subject: string }> }).mails.map((m) => m.subject)).toEqual(['第二封', '第一封']);
    const all = await rawRequest(fake.url, 'GET', '/v1/mail');
    expect((all.body as { mails: unknown[] }).mails.length).toBeGreaterThanOrEqual(3);
  });

  it('shows an inbox page that escapes what the mail says and fits a phone', async () => {
    await send('page@example.cn', '<script>alert(1)</script> 缴费', 'Body with <img src=x onerror=alert(2)> & "quotes"');
    await send('page@example.cn', '较新的 newer', 'newer body');
    const res = await fetch(`${fake.inboxUrl}?to=${encodeURIComponent('page@example.cn')}`);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; 缴费');
    expect(html).toContain('Body with &lt;img src=x onerror=alert(2)&gt; &amp; &quot;quotes&quot;');
    expect(html).toContain('page@example.cn');
    expect(html.indexOf('较新的 newer')).toBeLessThan(html.indexOf('缴费'));
    expect(html).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}T/);
  });

  it('escapes the filter it echoes back', async () => {
    const html = await (await fetch(`${fake.inboxUrl}?to=${encodeURIComponent('"><script>x</script>')}`)).text();
    expect(html).not.toContain('<script>x');
    expect(html).toContain('暂无邮件');
  });

  it('waitFor resolves with a mail that arrives later, and rejects when none does', async () => {
    const reference = randomUUID();
    const waiting = fake.waitFor((m) => m.reference === reference);
    await send('wait@example.cn', '稍后 later', 'x', reference);
    expect(await waiting).toMatchObject({ reference, to: ['wait@example.cn'] });
    await expect(fake.waitFor((m) => m.reference === 'never', 50)).rejects.toThrow(/no matching mail/);
  });
});
