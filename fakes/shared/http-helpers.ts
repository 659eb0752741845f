/** Raw HTTP helpers for tests that need to step outside the adapters (unsigned, replayed, forged requests). */
import { signRequest, type SignedHeaders } from '../../src/adapters/signing.js';

export interface RawResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

export async function rawRequest(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  opts: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const res = await fetch(baseUrl + path, {
    method,
    headers: { ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers },
    body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
    redirect: 'manual',
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // leave as text (HTML pages, empty bodies)
  }
  return { status: res.status, body, headers: res.headers };
}

/** Signs like an adapter would, returning the headers so a test can reuse (replay) or alter them. */
export function signedHeaders(
  creds: { appId: string; secret: string },
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  extra: { nowMs?: number; nonce?: string } = {},
): { headers: SignedHeaders; bodyText: string | undefined } {
  const bodyText = body === undefined ? undefined : JSON.stringify(body);
  return {
    headers: signRequest({ ...creds, method, path, body: bodyText ?? '', ...extra }),
    bodyText,
  };
}

/** A loopback URL nothing listens on, for connection-refused tests. */
export async function deadUrl(): Promise<string> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}
