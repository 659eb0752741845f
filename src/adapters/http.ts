/**
 * Signed JSON-over-HTTP transport shared by the adapters: signs the request,
 * enforces the timeout, verifies the response signature and the response
 * shape, and turns every failure into an AdapterError.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { AdapterError, type Party } from './errors.js';
import { signRequest, SIGNATURE_HEADERS, verifyResponseSignature } from './signing.js';

export const DEFAULT_TIMEOUT_MS = 5_000;

/** Connection settings common to every party. */
export interface PartyConfig {
  /** Base URL, may include a path prefix (e.g. https://api.example.cn/gateway). */
  baseUrl: string;
  appId: string;
  secret: string;
  /** Whole-call budget including reading the body; defaults to 5 s. */
  timeoutMs?: number;
}

export async function callSigned<S extends TSchema>(input: {
  party: Party;
  config: PartyConfig;
  method: 'GET' | 'POST';
  /** Path relative to baseUrl, starting with '/', query string included. */
  path: string;
  body?: unknown;
  responseSchema: S;
}): Promise<Static<S>> {
  const { party, config } = input;
  const url = joinUrl(config.baseUrl, input.path);
  const bodyText = input.body === undefined ? '' : JSON.stringify(input.body);
  // Sign exactly what goes on the wire: the normalised path fetch will send and the serialised body.
  const signed = signRequest({
    appId: config.appId,
    secret: config.secret,
    method: input.method,
    path: url.pathname + url.search,
    body: bodyText,
  });
  const headers: Record<string, string> = { ...signed, accept: 'application/json' };
  if (input.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';

  let status: number;
  let responseText: string;
  let responseSignature: string | null;
  try {
    // One signal covers connect, headers and body, so a slow-dripping body also times out.
    const res = await fetch(url, {
      method: input.method,
      headers,
      body: input.body === undefined ? undefined : bodyText,
      signal: AbortSignal.timeout(config.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      redirect: 'error',
    });
    status = res.status;
    responseSignature = res.headers.get(SIGNATURE_HEADERS.signature);
    responseText = await res.text();
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    throw new AdapterError({
      party,
      code: timedOut ? 'timeout' : 'network',
      message: `${party}: ${timedOut ? 'timed out' : 'network error'} calling ${input.method} ${url.pathname}`,
      cause: err,
    });
  }

  if (status < 200 || status >= 300) {
    // Error bodies are informational only; they are not signature-checked and never drive logic beyond the code.
    const upstreamCode = readErrorCode(responseText);
    throw new AdapterError({
      party,
      code: status === 401 || status === 403 ? 'unauthorized' : status >= 500 ? 'upstream_failure' : 'rejected',
      status,
      upstreamCode,
      message: `${party}: ${input.method} ${url.pathname} failed with HTTP ${status}${upstreamCode ? ` (${upstreamCode})` : ''}`,
    });
  }

  if (
    !verifyResponseSignature({
      secret: config.secret,
      requestNonce: signed['X-Nonce'],
      body: responseText,
      signature: responseSignature,
    })
  ) {
    throw new AdapterError({
      party,
      code: 'bad_signature',
      status,
      message: `${party}: response signature invalid for ${input.method} ${url.pathname}`,
    });
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(responseText);
  } catch (err) {
    throw new AdapterError({ party, code: 'bad_response', status, message: `${party}: response is not JSON`, cause: err });
  }
  if (!Value.Check(input.responseSchema, parsed)) {
    const first = Value.Errors(input.responseSchema, parsed).First();
    throw new AdapterError({
      party,
      code: 'bad_response',
      status,
      message: `${party}: unexpected response shape${first ? ` at ${first.path || '/'}: ${first.message}` : ''}`,
    });
  }
  return parsed;
}

/** Appends path to baseUrl keeping any path prefix (new URL(path, base) would drop it). */
export function joinUrl(baseUrl: string, path: string): URL {
  return new URL(baseUrl.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`));
}

function readErrorCode(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && typeof (body as { code?: unknown }).code === 'string') {
      return (body as { code: string }).code;
    }
  } catch {
    // not JSON: nothing to report
  }
  return undefined;
}
