/**
 * Common plumbing for fake external parties: a fastify server on loopback
 * that verifies signed requests with the same code the platform uses, signs
 * its responses, logs every call, and can be told to be slow or to tamper
 * with response signatures so adapters' failure handling can be tested over
 * real HTTP.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  createMemoryNonceStore,
  DEFAULT_MAX_SKEW_MS,
  signResponse,
  verifySignedRequest,
  type VerifyFailureReason,
} from '../../src/adapters/signing.js';

export interface FakeServerOptions {
  appId: string;
  secret: string;
  /** Defaults to 127.0.0.1; fakes are never meant to be reachable from outside. */
  host?: string;
  /** Defaults to 0 (random free port). */
  port?: number;
  /** Delay before answering signed API calls, to exercise client timeouts. */
  latencyMs?: number;
  maxSkewMs?: number;
}

export interface FakeCall {
  at: number;
  method: string;
  /** Path with query, as received. */
  path: string;
  /** Parsed request body (JSON or form), undefined when empty. */
  body: unknown;
  status: number;
  /** 'ok' for verified signed calls, 'unsigned' for open (test-only / browser) routes. */
  auth: 'ok' | 'unsigned' | VerifyFailureReason;
}

/** Controls every fake exposes in addition to its own helpers. */
export interface FakeHandle {
  /** Base URL, e.g. http://127.0.0.1:54321 (no trailing slash). */
  url: string;
  close(): Promise<void>;
  /** Every request received, oldest first. */
  readonly calls: readonly FakeCall[];
  clearCalls(): void;
  setLatency(ms: number): void;
  /** Corrupt the signature (X-Signature, or the native one) of the next n successful signed responses. */
  tamperNextResponses(n?: number): void;
}

export type RouteHandler = (
  req: FastifyRequest,
  reply: FastifyReply,
  body: unknown,
) => unknown | Promise<unknown>;

export interface RouteRegistrar {
  app: FastifyInstance;
  /** Route that requires a valid X-Signature (401 otherwise) and answers with a signed body. */
  signed(method: 'GET' | 'POST', path: string, handler: RouteHandler): void;
  /** Route outside the signed protocol: test-only controls and pages a person's browser visits. */
  open(method: 'GET' | 'POST', path: string, handler: RouteHandler): void;
  /**
   * Route of a party that signs inside its own wire format (form fields, JSON members) rather than
   * with the X-Signature headers: latency applies, the handler checks the signature and reports
   * the outcome with `verified`, and signs its answer itself (corrupting it when `tamper()` says so).
   */
  native(method: 'GET' | 'POST', path: string, handler: RouteHandler): void;
  /** On a native route: records whether the request's own signature checked out. */
  verified(req: FastifyRequest, ok: boolean): void;
  /** Whether the answer being signed now is one of the `tamperNextResponses` (and counts it). */
  tamper(): boolean;
  /** Base URL, available once listening (for links the fake hands out). */
  baseUrl(): string;
}

interface RequestState {
  raw: string;
  body: unknown;
  auth: FakeCall['auth'];
  signedRoute: boolean;
}

export async function startFakeServer(
  opts: FakeServerOptions,
  register: (r: RouteRegistrar) => void,
): Promise<FakeHandle> {
  const maxSkewMs = opts.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  const nonces = createMemoryNonceStore({ ttlMs: maxSkewMs * 2 });
  const calls: FakeCall[] = [];
  const state = new WeakMap<FastifyRequest, RequestState>();
  // Aborted on close so delayed handlers do not keep the process alive.
  const closing = new AbortController();
  let latencyMs = opts.latencyMs ?? 0;
  let tamperRemaining = 0;
  let url = '';

  const app = Fastify({ logger: false, forceCloseConnections: true });

  // Keep the raw body: the signature covers the exact bytes, not a re-serialisation.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.addHook('preValidation', async (req) => {
    state.set(req, { raw: typeof req.body === 'string' ? req.body : '', body: undefined, auth: 'unsigned', signedRoute: false });
  });

  /** Parses after authentication so unsigned junk gets 401, not a parse error. */
  const parseBody = (req: FastifyRequest, st: RequestState): boolean => {
    if (st.raw === '') return true;
    const type = String(req.headers['content-type'] ?? '');
    try {
      st.body = type.includes('application/x-www-form-urlencoded')
        ? Object.fromEntries(new URLSearchParams(st.raw))
        : JSON.parse(st.raw);
      return true;
    } catch {
      return false;
    }
  };

  app.addHook('onSend', async (req, reply, payload) => {
    const st = state.get(req);
    const bodyText = typeof payload === 'string' ? payload : payload == null ? '' : null;
    if (bodyText === null) return payload; // streams/buffers: not used by the fakes
    const nonce = req.headers['x-nonce'];
    let signature = signResponse({
      secret: opts.secret,
      requestNonce: typeof nonce === 'string' ? nonce : '',
      body: bodyText,
    });
    if (st?.signedRoute && reply.statusCode < 300 && tamperRemaining > 0) {
      tamperRemaining -= 1;
      signature = (signature[0] === '0' ? '1' : '0') + signature.slice(1);
    }
    reply.header('X-Signature', signature);
    return payload;
  });

  app.addHook('onResponse', async (req, reply) => {
    const st = state.get(req);
    calls.push({
      at: Date.now(),
      method: req.method,
      path: req.url,
      body: st?.body,
      status: reply.statusCode,
      auth: st?.auth ?? 'unsigned',
    });
  });

  const registrar: RouteRegistrar = {
    app,
    baseUrl: () => url,
    open(method, path, handler) {
      app.route({
        method,
        url: path,
        handler: async (req, reply) => {
          const st = state.get(req)!;
          if (!parseBody(req, st)) return badRequest(reply, 'body is not valid JSON');
          return handler(req, reply, st.body);
        },
      });
    },
    native(method, path, handler) {
      app.route({
        method,
        url: path,
        handler: async (req, reply) => {
          const st = state.get(req)!;
          if (latencyMs > 0) {
            try {
              await sleep(latencyMs, undefined, { signal: closing.signal });
            } catch {
              return reply.code(503).send({ code: 'shutting_down' });
            }
          }
          if (!parseBody(req, st)) return badRequest(reply, 'body is not valid JSON');
          return handler(req, reply, st.body);
        },
      });
    },
    verified(req, ok) {
      const st = state.get(req);
      if (st) st.auth = ok ? 'ok' : 'bad_signature';
    },
    tamper() {
      if (tamperRemaining <= 0) return false;
      tamperRemaining -= 1;
      return true;
    },
    signed(method, path, handler) {
      app.route({
        method,
        url: path,
        handler: async (req, reply) => {
          const st = state.get(req)!;
          st.signedRoute = true;
          if (latencyMs > 0) {
            try {
              await sleep(latencyMs, undefined, { signal: closing.signal });
            } catch {
              return reply.code(503).send({ code: 'shutting_down' });
            }
          }
          const result = await verifySignedRequest({
            headers: req.headers,
            method: req.method,
            path: req.url,
            body: st.raw,
            lookupSecret: (appId) => (appId === opts.appId ? opts.secret : undefined),
            nonceSeen: nonces.nonceSeen,
            maxSkewMs,
          });
          st.auth = result.ok ? 'ok' : result.reason;
          if (!result.ok) return reply.code(401).send({ code: result.reason, message: 'signature check failed' });
          if (!parseBody(req, st)) return badRequest(reply, 'body is not valid JSON');
          return handler(req, reply, st.body);
        },
      });
    },
  };

  register(registrar);
  await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('fake server has no TCP address');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  url = `http://${host}:${address.port}`;

  return {
    url,
    calls,
    clearCalls: () => {
      calls.length = 0;
    },
    setLatency: (ms) => {
      latencyMs = ms;
    },
    tamperNextResponses: (n = 1) => {
      tamperRemaining = n;
    },
    close: async () => {
      closing.abort();
      await app.close();
    },
  };
}

/** Small body readers: the fakes validate just enough to behave like a strict provider. */
export function field(body: unknown, key: string): unknown {
  return body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
}

export function stringField(body: unknown, key: string): string | undefined {
  const v = field(body, key);
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

export function badRequest(reply: FastifyReply, message: string, code = 'bad_request'): FastifyReply {
  return reply.code(400).send({ code, message });
}
