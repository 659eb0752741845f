/**
 * 邮件 e-mail adapter: real SMTP through nodemailer to SMTP_URL (smtp:// or smtps://, credentials in
 * the URL). Unlike the other message providers, SMTP reports no delivery: a mail the server accepted
 * is as delivered as the platform will know.
 *
 * Idempotency: the Message-ID is derived from our reference and the reference travels in an
 * `X-Yibao-Reference` header, so a retried send of one message is recognisable downstream (mailboxes
 * keep one copy per Message-ID).
 */
import { createHash } from 'node:crypto';
import nodemailer, { type NodemailerError } from 'nodemailer';
import { AdapterError } from '../errors.js';

export const REFERENCE_HEADER = 'X-Yibao-Reference';
const DEFAULT_EMAIL_TIMEOUT_MS = 10_000;

export interface EmailClientConfig {
  smtpUrl: string;
  /** the From header, e.g. `Yibao 医保 <noreply@yibao.local>`; its domain names the Message-IDs */
  from: string;
  /** connect, greeting and each command's answer; defaults to 10 s */
  timeoutMs?: number;
}

export interface EmailSendInput {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** our message id */
  reference: string;
}

export interface EmailClient {
  /**
   * Resolves once the SMTP server accepted the mail, with its Message-ID. An SMTP 5xx refusal (e.g.
   * 550 no such mailbox) is a permanent failure (`isPermanentFailure`); a 4xx, a timeout or a lost
   * connection is worth a retry.
   */
  send(input: EmailSendInput): Promise<{ providerRef: string }>;
  /** Closes the pooled connections. */
  close(): void;
}

export function createEmailClient(config: EmailClientConfig): EmailClient {
  const timeoutMs = config.timeoutMs ?? DEFAULT_EMAIL_TIMEOUT_MS;
  const domain = /@([^\s<>@]+)>?\s*$/.exec(config.from)?.[1] ?? 'yibao.local';
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    pool: true,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    async send(input) {
      try {
        const info = await transport.sendMail({
          from: config.from,
          to: input.to,
          subject: input.subject,
          text: input.text,
          html: input.html,
          messageId: messageIdFor(input.reference, domain),
          headers: { [REFERENCE_HEADER]: input.reference },
        });
        return { providerRef: info.messageId };
      } catch (err) {
        throw toAdapterError(err as NodemailerError);
      }
    },
    close: () => transport.close(),
  };
}

/** The same reference gives the same Message-ID; references that are not safe in one are hashed. */
export function messageIdFor(reference: string, domain: string): string {
  const local = /^[A-Za-z0-9._-]{1,100}$/.test(reference) ? reference : createHash('sha256').update(reference).digest('hex').slice(0, 40);
  return `<${local}@${domain}>`;
}

function toAdapterError(err: NodemailerError): AdapterError {
  const base = { party: 'email' as const, cause: err };
  if (err.code === 'EAUTH' || err.code === 'ENOAUTH') {
    return new AdapterError({ ...base, code: 'unauthorized', status: err.responseCode ?? null, message: `email: SMTP authentication failed${err.response ? ` (${err.response})` : ''}` });
  }
  if (typeof err.responseCode === 'number') {
    // RFC 5321: 5yz refuses this mail for good, 4yz for now; 503 (bad sequence) is the session's fault, not the mail's.
    const permanent = err.responseCode >= 500 && err.responseCode !== 503;
    return new AdapterError({
      ...base,
      code: permanent ? 'rejected' : 'upstream_failure',
      status: err.responseCode,
      permanent,
      message: `email: SMTP ${err.command ?? ''} answered ${err.response ?? err.responseCode}`.replace('  ', ' '),
    });
  }
  const timedOut = err.code === 'ETIMEDOUT';
  return new AdapterError({ ...base, code: timedOut ? 'timeout' : 'network', message: `email: ${timedOut ? 'timed out' : 'connection failed'} (${err.code ?? err.message})` });
}
