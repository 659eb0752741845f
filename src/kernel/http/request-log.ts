/**
 * 请求日志脱敏 what the request log writes of a request: never a live credential. A URL goes into log
 * files that operators, shippers and proxies read, so routes take secrets in a body or a header,
 * never in the path or the query; this masks what still comes in a URL (an old client, a mistyped
 * call, a page the browser opens with a token in it): query parameters and path parameters named
 * like a credential, and a voucher code wherever it stands.
 */
import type { FastifyRequest } from 'fastify';

const MASK = '***';

/** Query parameters named like a credential: pollToken, bizToken, checkCode, password, signature, code … */
const SECRET_QUERY = /token|password|secret|signature|ticket|otp|checkcode|^code$|^sign$|^key$/i;
/** Path parameters named like a credential (a path's `code` is a catalog or region code, no secret). */
const SECRET_PARAM = /token|password|secret|signature|ticket|otp/i;
/** 电子凭证动态码 YBV1.<id>.<MAC>: a live voucher code, in whatever part of the URL (`.` percent-encoded or not). */
const VOUCHER_CODE = /YBV1(?:\.|%2e)[A-Za-z0-9_-]+(?:\.|%2e)[A-Za-z0-9_-]+/gi;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * The URL as the log may show it. `route` is the matched route's path (`/api/v1/auth/liveness/:bizToken/confirm`),
 * when there is one: its parameters named like a credential are masked.
 */
export function redactUrl(url: string, route?: string): string {
  const at = url.indexOf('?');
  let path = at < 0 ? url : url.slice(0, at);
  const query = at < 0 ? null : url.slice(at + 1);
  if (route?.includes(':')) {
    const template = route.split('/');
    const segments = path.split('/');
    if (template.length === segments.length) {
      path = segments.map((segment, i) => (template[i].startsWith(':') && SECRET_PARAM.test(template[i].slice(1)) ? MASK : segment)).join('/');
    }
  }
  const maskedQuery =
    query === null
      ? ''
      : `?${query
          .split('&')
          .map((pair) => {
            const eq = pair.indexOf('=');
            return eq > 0 && SECRET_QUERY.test(decoded(pair.slice(0, eq))) ? `${pair.slice(0, eq)}=${MASK}` : pair;
          })
          .join('&')}`;
  return `${path}${maskedQuery}`.replace(VOUCHER_CODE, MASK);
}

/** The request logger's `req` serializer: Fastify's own fields, the URL masked. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url, request.routeOptions?.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
