/**
 * What the form-encoded channel styles (Alipay, UnionPay) share: the sorted `k=v&…` string they
 * sign, reading a form strictly, and one form POST within the adapter's time budget with every
 * failure turned into an AdapterError.
 */
import { AdapterError, type Party } from '../errors.js';
import { DEFAULT_TIMEOUT_MS } from '../http.js';

export type Fields = Record<string, string>;

/**
 * 待签名字符串 the string both styles sign: every field with a value except `exclude`, sorted by
 * key in ASCII order, joined as `k=v&…` with the values as they are (not URL-encoded).
 */
export function signingString(fields: Fields, exclude: readonly string[]): string {
  return Object.keys(fields)
    .filter((k) => !exclude.includes(k) && fields[k] !== '')
    .sort()
    .map((k) => `${k}=${fields[k]}`)
    .join('&');
}

/** A form body as fields; null when a field repeats, since which one was signed would be a guess. */
export function parseForm(text: string): Fields | null {
  const fields: Fields = Object.create(null) as Fields;
  for (const [key, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(fields, key)) return null;
    fields[key] = value;
  }
  return fields;
}

export const encodeForm = (fields: Fields) => new URLSearchParams(fields).toString();

/** POSTs the form (GET when `fields` is undefined) and reads the answer within the budget; any non-2xx is refused. */
export async function send(input: { party: Party; url: URL; fields?: Fields; timeoutMs?: number }): Promise<string> {
  const { party, url } = input;
  let status: number;
  let text: string;
  try {
    // One signal covers connect, headers and body, as in the JSON transport.
    const res = await fetch(url, {
      method: input.fields ? 'POST' : 'GET',
      headers: input.fields ? { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } : {},
      body: input.fields ? encodeForm(input.fields) : undefined,
      signal: AbortSignal.timeout(input.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      redirect: 'error',
    });
    status = res.status;
    text = await res.text();
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    throw new AdapterError({ party, code: timedOut ? 'timeout' : 'network', message: `${party}: ${timedOut ? 'timed out' : 'network error'} calling ${url.pathname}`, cause: err });
  }
  if (status < 200 || status >= 300) {
    throw new AdapterError({
      party,
      code: status === 401 || status === 403 ? 'unauthorized' : status >= 500 ? 'upstream_failure' : 'rejected',
      status,
      message: `${party}: ${url.pathname} failed with HTTP ${status}`,
    });
  }
  return text;
}

/** 北京时间 a moment as the channels write it: `yyyy-MM-dd HH:mm:ss` in Beijing time. */
export const beijingDateTime = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);

/** 北京时间 `yyyyMMddHHmmss`, UnionPay's txnTime and payTimeout. */
export const beijingCompact = (at: Date) => beijingDateTime(at).replace(/[- :]/g, '');
