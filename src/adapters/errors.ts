/** External parties (外部对接方) the platform talks to through adapters. */
/**
 * `paychannel` is the WeChat-Pay-style channel; `alipay` and `unionpay` the other cash channel styles;
 * `wechatmp` (公众号模板消息), `push` (app push) and `email` (SMTP) carry the message center's messages.
 */
export type Party = 'realname' | 'sms' | 'oauth' | 'finance' | 'paychannel' | 'alipay' | 'unionpay' | 'wechatmp' | 'push' | 'email';

/**
 * Why a call to an external party failed. Callers map these to problem+json;
 * a reasonable default is timeout → 504, rejected → 4xx of the caller's
 * choosing (the party said no to *this input*), everything else → 502.
 */
export type AdapterErrorCode =
  /** No response within the adapter's timeout. */
  | 'timeout'
  /** Connection refused / reset / DNS failure: no HTTP response at all. */
  | 'network'
  /** The party rejected our credentials or signature (HTTP 401/403): a config problem on our side. */
  | 'unauthorized'
  /** The party rejected the request itself (other 4xx), e.g. an already-used OAuth code. */
  | 'rejected'
  /** The party failed (5xx). */
  | 'upstream_failure'
  /** The response signature is missing or wrong: the body must not be trusted. */
  | 'bad_signature'
  /** A signed 2xx response whose body is not what the protocol promises. */
  | 'bad_response';

export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  readonly party: Party;
  readonly code: AdapterErrorCode;
  /** The party's HTTP status (for `email`, the SMTP reply code), or null when no response was received. */
  readonly status: number | null;
  /** The party's own error code from the response body (e.g. 'invalid_code', 'replay'), if any. */
  readonly upstreamCode: string | undefined;
  /**
   * Whether sending the same thing again can never succeed: the party refused *this input* (an invalid
   * phone, an unknown openId, an SMTP 5xx for the recipient). A message sender marks the message
   * permanent-failure instead of retrying. Timeouts, network errors, 5xx, bad signatures and our own
   * credentials being refused (a config problem, fixed on our side) are worth a retry.
   */
  readonly permanent: boolean;

  constructor(init: {
    party: Party;
    code: AdapterErrorCode;
    status?: number | null;
    upstreamCode?: string;
    /** Defaults to true for `rejected` answers other than 408 / 429 (try again later). */
    permanent?: boolean;
    message?: string;
    cause?: unknown;
  }) {
    super(init.message ?? `${init.party}: ${init.code}${init.status ? ` (HTTP ${init.status})` : ''}`, {
      cause: init.cause,
    });
    this.party = init.party;
    this.code = init.code;
    this.status = init.status ?? null;
    this.upstreamCode = init.upstreamCode;
    this.permanent = init.permanent ?? (init.code === 'rejected' && init.status !== 408 && init.status !== 429);
  }
}

export function isAdapterError(err: unknown): err is AdapterError {
  return err instanceof AdapterError;
}

/** A failure that retrying cannot fix (see `AdapterError.permanent`); anything else, thrown by anyone, is not. */
export function isPermanentFailure(err: unknown): boolean {
  return isAdapterError(err) && err.permanent;
}
