/**
 * Fake mail server (邮件): a real SMTP server (smtp-server) on loopback that accepts what the
 * platform sends through nodemailer, parses it (mailparser) and keeps it, and an HTTP side to read
 * it back: `GET /inbox`, an HTML page a developer opens (also on a phone), and `GET /v1/mail?to=`
 * for tests. No authentication is required, but AUTH PLAIN / LOGIN is accepted when a client
 * offers it (with `auth` set, only those credentials). It can refuse the next recipients with a
 * permanent (550) or temporary (451) SMTP answer.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { startFakeServer, type FakeHandle } from '../shared/fake-server.js';

export interface FakeMail {
  /** the fake's own id of the stored mail */
  id: string;
  /** the Message-ID header, angle brackets included */
  messageId: string;
  /** the sender's X-Yibao-Reference header, if any */
  reference?: string;
  /** the From header as written */
  from: string;
  /** envelope recipients (RCPT TO), lower-cased */
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  /** the user the client authenticated as, if it did */
  authenticatedAs?: string;
  receivedAt: number;
  /** how many times this Message-ID arrived: a retried send is kept once, like a mailbox does */
  deliveries: number;
}

export interface FakeSmtpOptions {
  /** Defaults to 127.0.0.1, for both the SMTP and the HTTP side. */
  host?: string;
  /** SMTP port; defaults to 0 (random free port). */
  smtpPort?: number;
  /** HTTP port of the inbox; defaults to 0. */
  httpPort?: number;
  /** When set, AUTH must give these credentials (it stays optional). */
  auth?: { user: string; pass: string };
}

export interface FakeSmtp extends FakeHandle {
  /** smtp://host:port, what SMTP_URL would be */
  smtpUrl: string;
  /** the HTML inbox page */
  inboxUrl: string;
  /** Every mail kept, oldest first. */
  readonly mails: readonly FakeMail[];
  /** Mails to this address, newest first (same as GET /v1/mail?to=). */
  inbox(to: string): FakeMail[];
  /** The next n recipients (RCPT TO) are refused with this SMTP code: 550 permanent, 451 temporary. */
  rejectNext(n?: number, code?: 550 | 451): void;
  /** The first mail, kept or arriving later, that matches; rejects after timeoutMs. */
  waitFor(predicate: (mail: FakeMail) => boolean, timeoutMs?: number): Promise<FakeMail>;
}

const REJECTIONS = {
  550: '5.1.1 Mailbox unavailable: no such user here',
  451: '4.3.0 Temporary local problem, try again later',
} as const;

export async function startFakeSmtp(opts: FakeSmtpOptions = {}): Promise<FakeSmtp> {
  const host = opts.host ?? '127.0.0.1';
  const mails: FakeMail[] = [];
  const waiters = new Set<{ predicate: (mail: FakeMail) => boolean; resolve: (mail: FakeMail) => void }>();
  let reject: { remaining: number; code: 550 | 451 } = { remaining: 0, code: 550 };

  const inbox = (to: string) => {
    const address = to.trim().toLowerCase();
    return mails.filter((m) => m.to.includes(address)).reverse();
  };

  const keep = (mail: Omit<FakeMail, 'deliveries'>) => {
    const same = mails.find((m) => m.messageId === mail.messageId);
    if (same) {
      same.deliveries += 1;
      return;
    }
    const kept: FakeMail = { ...mail, deliveries: 1 };
    mails.push(kept);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(kept)) {
        waiters.delete(waiter);
        waiter.resolve(kept);
      }
    }
  };

  const smtp = new SMTPServer({
    logger: false,
    // Plain SMTP on loopback: offering STARTTLS with a self-signed certificate would only make clients fail.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    disableReverseLookup: true,
    size: 10 * 1024 * 1024,
    // A pooled client may keep its connection open: do not wait for it on close.
    closeTimeout: 100,
    onAuth(auth, _session, callback) {
      const ok = !opts.auth || (auth.username === opts.auth.user && auth.password === opts.auth.pass);
      if (!ok) return callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
      callback(null, { user: auth.username });
    },
    onRcptTo(_address, _session, callback) {
      if (reject.remaining > 0) {
        reject.remaining -= 1;
        return callback(Object.assign(new Error(REJECTIONS[reject.code]), { responseCode: reject.code }));
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const reference = parsed.headers.get('x-yibao-reference');
          keep({
            id: randomUUID(),
            messageId: parsed.messageId ?? `<${randomUUID()}@fake-smtp>`,
            reference: typeof reference === 'string' ? reference : undefined,
            from: parsed.from?.text ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : ''),
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            authenticatedAs: typeof session.user === 'string' ? session.user : undefined,
            receivedAt: Date.now(),
          });
          callback();
        })
        .catch((err: unknown) => callback(err instanceof Error ? err : new Error(String(err))));
    },
  });
  await new Promise<void>((resolve, rejectListen) => {
    smtp.once('error', rejectListen);
    smtp.listen(opts.smtpPort ?? 0, host, () => {
      smtp.off('error', rejectListen);
      resolve();
    });
  });
  const smtpAddress = smtp.server.address() as AddressInfo;
  const smtpUrl = `smtp://${smtpAddress.family === 'IPv6' ? `[${smtpAddress.address}]` : smtpAddress.address}:${smtpAddress.port}`;

  // The HTTP side has only open routes; the signing options of the shared fake server go unused.
  const handle = await startFakeServer({ appId: 'smtp', secret: randomBytes(16).toString('hex'), host, port: opts.httpPort ?? 0 }, (r) => {
    r.open('GET', '/inbox', (req: FastifyRequest, reply) => {
      const to = (req.query as Record<string, unknown>).to;
      const list = typeof to === 'string' && to !== '' ? inbox(to) : [...mails].reverse();
      return reply.type('text/html; charset=utf-8').send(inboxPage(list, typeof to === 'string' ? to : ''));
    });
    // Test-only: stands in for "open the mailbox".
    r.open('GET', '/v1/mail', (req: FastifyRequest) => {
      const to = (req.query as Record<string, unknown>).to;
      return { mails: typeof to === 'string' && to !== '' ? inbox(to) : [...mails].reverse() };
    });
  });

  return {
    ...handle,
    smtpUrl,
    inboxUrl: `${handle.url}/inbox`,
    mails,
    inbox,
    rejectNext: (n = 1, code = 550) => {
      reject = { remaining: n, code };
    },
    waitFor: (predicate, timeoutMs = 5_000) => {
      const kept = mails.find(predicate);
      if (kept) return Promise.resolve(kept);
      return new Promise((resolve, rejectWait) => {
        const waiter = {
          predicate,
          resolve: (mail: FakeMail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          rejectWait(new Error(`no matching mail within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await handle.close();
    },
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const shanghaiTime = (ms: number) =>
  `${new Date(ms).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' })} 北京时间`;

/** The development inbox: every value escaped (mail content is untrusted), one column that fits a 390 px phone. */
function inboxPage(mails: FakeMail[], to: string): string {
  const items = mails
    .map(
      (m) => `<article>
<h2>${escapeHtml(m.subject || '（无主题 no subject）')}</h2>
<dl><dt>收件人 To</dt><dd>${escapeHtml(m.to.join(', '))}</dd><dt>发件人 From</dt><dd>${escapeHtml(m.from)}</dd><dt>时间 Time</dt><dd><time datetime="${new Date(m.receivedAt).toISOString()}">${escapeHtml(shanghaiTime(m.receivedAt))}</time></dd></dl>
<pre>${escapeHtml(m.text)}</pre>
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>邮件收件箱 Mail inbox (development)</title>
<style>
body { font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; padding: 12px; background: #f5f5f5; color: #1f1f1f; }
h1 { font-size: 20px; margin: 0 0 12px; }
form { display: flex; gap: 8px; margin-bottom: 12px; }
input { flex: 1; min-width: 0; font-size: 16px; padding: 6px 8px; }
button { font-size: 16px; padding: 6px 12px; }
article { background: #fff; border-radius: 8px; padding: 12px; margin-bottom: 12px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
h2 { font-size: 17px; margin: 0 0 8px; overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 8px; margin: 0 0 8px; font-size: 14px; color: #595959; }
dd { margin: 0; overflow-wrap: anywhere; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; margin: 0; }
.empty { color: #8c8c8c; }
</style>
</head>
<body>
<h1>邮件收件箱 Mail inbox</h1>
<form method="get" action="inbox"><input name="to" type="email" placeholder="收件人 recipient" value="${escapeHtml(to)}" aria-label="收件人 recipient"><button type="submit">筛选 Filter</button></form>
${items || '<p class="empty">暂无邮件 No mail yet</p>'}
</body>
</html>
`;
}
