/**
 * 送达回执 delivery receipts: what the message providers (SMS, 公众号, push) POST to the callbackUrl
 * of a send once the handset, follower or device answered. Each is signed with the party's app id
 * and secret exactly as the platform signs its requests to the party (signing.ts), so the platform
 * checks it with the same code that checks its own channel applications.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { verifySignedRequest, type HeaderBag, type VerifyFailureReason } from './signing.js';

export const RECEIPT_STATUSES = ['delivered', 'temporary-failure', 'permanent-failure'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

// ISO 8601 with a time zone, as Date#toISOString writes it (offsets allowed too).
const ISO_INSTANT = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$';

export const ReceiptSchema = Type.Object(
  {
    providerRef: Type.String({ minLength: 1, maxLength: 128, description: '服务商消息号 the provider’s id of the message' }),
    reference: Type.String({ minLength: 1, maxLength: 128, description: '平台消息号 our message id sent as reference' }),
    status: Type.Union(RECEIPT_STATUSES.map((s) => Type.Literal(s)), { description: '送达结果' }),
    at: Type.String({ pattern: ISO_INSTANT, description: 'when the provider learned the outcome (ISO 8601)' }),
  },
  { description: '送达回执 delivery receipt' },
);
export type Receipt = Static<typeof ReceiptSchema>;

/** Why a receipt was refused: its signature (see VerifyFailureReason) or its body. */
export class ReceiptError extends Error {
  override readonly name = 'ReceiptError';
  readonly reason: VerifyFailureReason | 'invalid_body';
  /** for `invalid_body`: the first offending field ('' when the body is no JSON object) */
  readonly field: string | undefined;

  constructor(reason: VerifyFailureReason | 'invalid_body', message: string, field?: string) {
    super(message);
    this.reason = reason;
    this.field = field;
  }
}

/**
 * Verifies a receipt's signature with the party's credentials and validates its body. Returns the
 * receipt (only its known fields) or throws a ReceiptError: a signature problem should be answered
 * 401, a bad body 400 naming `field`. The nonce is recorded only once the signature is proven.
 */
export async function parseSignedReceipt(input: {
  /** the party's app id and secret, as configured for the platform's requests to it */
  appId: string;
  secret: string;
  method: string;
  /** path with query, exactly as received (request.url) */
  path: string;
  headers: HeaderBag;
  /** the body's exact bytes: the signature covers them, not a re-serialisation */
  rawBody: string;
  /** atomic check-and-record of (appId, nonce), e.g. a cache set-if-absent */
  nonceSeen: (appId: string, nonce: string) => Promise<boolean> | boolean;
  nowMs?: number;
}): Promise<Receipt> {
  const verified = await verifySignedRequest({
    headers: input.headers,
    method: input.method,
    path: input.path,
    body: input.rawBody,
    lookupSecret: (appId) => (appId === input.appId ? input.secret : undefined),
    nonceSeen: input.nonceSeen,
    nowMs: input.nowMs,
  });
  if (!verified.ok) throw new ReceiptError(verified.reason, `receipt signature refused: ${verified.reason}`);

  let body: unknown;
  try {
    body = JSON.parse(input.rawBody);
  } catch {
    throw new ReceiptError('invalid_body', 'receipt body is not JSON', '');
  }
  if (!Value.Check(ReceiptSchema, body)) {
    const first = Value.Errors(ReceiptSchema, body).First();
    const field = first?.path.replace(/^\//, '').split('/')[0] ?? '';
    throw new ReceiptError('invalid_body', `receipt ${field || 'body'}: ${first?.message ?? 'invalid'}`, field);
  }
  if (Number.isNaN(Date.parse(body.at))) throw new ReceiptError('invalid_body', 'receipt at: not a real instant', 'at');
  return { providerRef: body.providerRef, reference: body.reference, status: body.status, at: body.at };
}
