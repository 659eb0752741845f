/** External parties (外部对接方) the platform talks to through adapters. */
/** `paychannel` is the WeChat-Pay-style channel; `alipay` and `unionpay` the other cash channel styles. */
export type Party = 'realname' | 'sms' | 'oauth' | 'finance' | 'paychannel' | 'alipay' | 'unionpay';

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
  /** The party's HTTP status, or null when no response was received. */
  readonly status: number | null;
  /** The party's own error code from the response body (e.g. 'invalid_code', 'replay'), if any. */
  readonly upstreamCode: string | undefined;

  constructor(init: {
    party: Party;
    code: AdapterErrorCode;
    status?: number | null;
    upstreamCode?: string;
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
  }
}

export function isAdapterError(err: unknown): err is AdapterError {
  return err instanceof AdapterError;
}
