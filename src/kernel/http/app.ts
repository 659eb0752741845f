import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
// Type augmentations: route schemas carry OpenAPI tags/summary; replies can send files.
import type {} from '@fastify/swagger';
import type {} from '@fastify/static';
import { localeFrom } from '../i18n/index.js';
import { DomainError } from '../errors/index.js';
import { problem, statusOf, type Problem } from './errors.js';
import type { AuthRequirement, Authenticator } from './auth.js';
import { compileValidator } from './validation.js';
import { serializeRequest } from './request-log.js';
import type { AuditLog } from '../audit/index.js';
import { auditRequests } from '../audit/http.js';
import type { Cache } from '../cache/index.js';
import { createActors, type ActorSources } from '../actor/index.js';

export type App = FastifyInstance<any, any, any, any, TypeBoxTypeProvider>;

export interface HttpOptions {
  logLevel: string;
  /** the log's destination; stdout when not given */
  logStream?: { write(line: string): unknown };
  bodyLimit?: number;
  authenticator: () => Authenticator | undefined;
  /** where actors get their person ids and region scopes (set at composition, once the centers exist) */
  actorSources?: () => ActorSources | undefined;
  /** keeps each session's person id */
  cache?: Cache;
  audit?: AuditLog;
  /** folder of the built web app to serve at / */
  webDir?: string;
  /**
   * addresses or CIDRs of the reverse proxies in front of the platform (TRUSTED_PROXIES): only from
   * these is X-Forwarded-For believed. Otherwise the client's IP is the socket's peer, so a made-up
   * header neither escapes the per-IP limits nor goes into the login history and the audit log.
   */
  trustedProxies?: string[];
}


export async function createHttpApp(options: HttpOptions): Promise<App> {
  const app = Fastify({
    // No secret in the request log: the URL is written masked (request-log.ts), headers not at all.
    logger: {
      level: options.logLevel,
      serializers: { req: serializeRequest },
      redact: ['req.headers.authorization', 'req.headers["x-signature"]', 'req.headers["x-poll-token"]'],
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    requestIdHeader: false,
    trustProxy: options.trustedProxies?.length ? options.trustedProxies : false,
    routerOptions: { maxParamLength: 200 },
    // Errors raised before routing (a malformed URL, an over-long path parameter) answer in the same format.
    frameworkErrors: (error, request, reply) => {
      const status = (error as FastifyError).statusCode ?? 400;
      const code = status === 414 ? 'request.uri_too_long' : 'request.invalid';
      const body = problem(status, code, localeFrom(request.headers['accept-language']), request.id, { detail: error.message }, { field: 'url' });
      void (reply as FastifyReply).status(status).type('application/problem+json').send(body);
    },
    // Node rejects oversized headers before Fastify sees the request; answer those in problem+json too.
    clientErrorHandler: (error, socket) => {
      if (!socket.writable) return socket.destroy(error);
      const status = (error as { code?: string }).code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
      const body = JSON.stringify(problem(status, status === 431 ? 'request.headers_too_large' : 'request.invalid', 'zh-CN', randomUUID(), { detail: 'bad request' }));
      socket.end(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(compileValidator);

  // The API speaks JSON only: anything else is a 415, not a string handed to a JSON schema.
  app.removeContentTypeParser('text/plain');
  // Keep the raw body beside the parsed one: channel request signatures cover the exact bytes sent.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    request.rawBody = text;
    if (text === '') return done(null, undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return done(new DomainError('request.body_malformed', 'invalid', {}, 'body'), undefined);
    }
    done(inspectInput(parsed, ''), parsed);
  });

  // PostgreSQL text cannot hold NUL; refuse it at the door with the field named, for URLs too.
  app.addHook('preValidation', async (request) => {
    for (const part of [request.query, request.params]) {
      const problemField = inspectInput(part, '');
      if (problemField) throw problemField;
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  app.addHook('onRoute', (route) => {
    // Every API route states who may call it; static files and the docs are public by nature.
    const api = route.url.startsWith('/api/') || route.url === '/healthz' || route.url === '/readyz';
    if (api && !route.config?.auth) throw new Error(`route ${route.method} ${route.url} declares no auth requirement`);
  });

  const actors = options.cache && options.actorSources ? createActors(options.cache, options.actorSources) : null;
  app.decorateRequest('actor', undefined);
  app.decorateRequest('can', function (this: FastifyRequest, permission: string) {
    return this.actor?.can(permission) ?? false;
  });
  app.addHook('preHandler', async (request) => {
    const requirement = request.routeOptions.config?.auth;
    if (!requirement || 'public' in requirement) return;
    await authorize(request, requirement, options.authenticator(), actors);
  });

  // After the guard's preHandler: a route's record commits with its change (kernel/audit/http.ts).
  if (options.audit) auditRequests(app, options.audit);

  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => sendError(error, request, reply));
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes get the app; a missing file (it has an extension) stays a 404.
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && !/\.[a-z0-9]+(\?|$)/i.test(request.url);
    if (options.webDir && isPage && existsSync(path.join(options.webDir, 'index.html'))) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendProblem(reply, problem(404, 'request.not_found', localeFrom(request.headers['accept-language']), request.id));
  });

  return app;
}

async function authorize(
  request: FastifyRequest,
  requirement: Exclude<AuthRequirement, { public: true }>,
  authenticator: Authenticator | undefined,
  actors: ReturnType<typeof createActors> | null,
) {
  if (!authenticator) throw new DomainError('server.unavailable', 'unavailable');
  if ('channel' in requirement) {
    const channel = await authenticator.authenticateChannel(request);
    if (!channel.capabilities.includes(requirement.channel)) throw new DomainError('auth.capability_missing', 'forbidden', { capability: requirement.channel });
    request.principal = channel;
    return;
  }
  const user = await authenticator.authenticateUser(request);
  request.principal = user;
  if (requirement.kinds && !requirement.kinds.includes(user.kind)) throw new DomainError('auth.forbidden', 'forbidden');
  if (requirement.level && user.authLevel < requirement.level) throw new DomainError('auth.level_required', 'forbidden', { level: requirement.level });
  const permissions = await authenticator.permissionsOf(user);
  if (actors) request.actor = actors(user, permissions);
  if (requirement.permission && !permissions.has(requirement.permission)) {
    throw new DomainError('auth.permission_missing', 'forbidden', { permission: requirement.permission });
  }
}

const MAX_INPUT_DEPTH = 32;

/** Finds the first string with a NUL character, or nesting past MAX_INPUT_DEPTH; returns the 400 to throw. */
function inspectInput(value: unknown, path: string, depth = 0): DomainError | null {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? new DomainError('request.field_invalid', 'invalid', { field: path || 'body', detail: 'NUL character' }, path || 'body') : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_INPUT_DEPTH) return new DomainError('request.field_invalid', 'invalid', { field: path || 'body', detail: 'nested too deeply' }, path || 'body');
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const found = inspectInput(child, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return null;
}

function uniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e.code === '23505') return true;
  }
  return false;
}

function sendProblem(reply: FastifyReply, body: Problem) {
  return reply.status(body.status).type('application/problem+json').send(body);
}

function sendError(error: FastifyError | DomainError, request: FastifyRequest, reply: FastifyReply) {
  const locale = localeFrom(request.headers['accept-language']);
  if (error instanceof DomainError) {
    const status = statusOf(error);
    const body = problem(status, error.code, locale, request.id, error.params, error.field ? { field: error.field } : {});
    if ((status === 429 || status === 423) && typeof error.params.retryAfterSec === 'number') reply.header('retry-after', String(error.params.retryAfterSec));
    return sendProblem(reply, body);
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const errors = fastifyError.validation.map((v) => {
      const missing = (v.params as { missingProperty?: string; additionalProperty?: string })?.missingProperty;
      const extra = (v.params as { additionalProperty?: string })?.additionalProperty;
      const base = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const field = [base, missing ?? extra].filter(Boolean).join('.') || fastifyError.validationContext || 'body';
      return { field, message: extra ? `unknown property ${extra}` : v.message ?? 'invalid' };
    });
    const first = errors[0];
    return sendProblem(
      reply,
      problem(400, 'request.field_invalid', locale, request.id, { field: first.field, detail: first.message }, { field: first.field, errors }),
    );
  }
  // A unique constraint caught a race that the service's own check could not see: two requests
  // creating the same thing at once. The loser gets a conflict, not a 500.
  if (uniqueViolation(error)) return sendProblem(reply, problem(409, 'request.conflict', locale, request.id));
  const status = fastifyError.statusCode ?? 500;
  if (status === 413) return sendProblem(reply, problem(413, 'request.body_too_large', locale, request.id, {}, { field: 'body' }));
  if (status === 415) return sendProblem(reply, problem(415, 'request.unsupported_media_type', locale, request.id, {}, { field: 'content-type' }));
  if (status === 405) return sendProblem(reply, problem(405, 'request.method_not_allowed', locale, request.id));
  if (status >= 400 && status < 500) {
    return sendProblem(reply, problem(status, 'request.invalid', locale, request.id, { detail: fastifyError.message }, { field: 'body' }));
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, problem(500, 'server.internal', locale, request.id));
}
