/**
 * The HTTP side of the audit log: every state-changing request (not GET/HEAD/OPTIONS) leaves one record
 * — its actor, route, parameters, answer and body, redacted (redact.ts). The record of a request that
 * changes something in a transaction commits with that change (request.ts); the rest is written once
 * the answer is sent. When the answer then differs from the status the committed record states (the
 * route failed after its transaction committed), a second record with `detail.answerAfterCommit` says so.
 *
 * A route names the body fields the audit record keeps masked whatever their value in its config:
 * `config: { auth: …, audit: { sensitive: ['insuranceId'] } }`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { withCommitScope } from '../db/index.js';
import type { AuditEntry, AuditLog } from './index.js';
import { redactForAudit } from './redact.js';
import { requestAudit, type RequestAudit } from './request.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the route's audit: `sensitive` body keys are masked in its records whatever their value */
    audit?: { sensitive?: readonly string[] };
  }
}

const UNAUDITED_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const audited = (request: FastifyRequest) => !UNAUDITED_METHODS.has(request.method) && Boolean(request.routeOptions.url);

const sensitiveSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function sensitiveOf(request: FastifyRequest): ReadonlySet<string> | undefined {
  const keys = request.routeOptions.config?.audit?.sensitive;
  if (!keys) return undefined;
  let set = sensitiveSets.get(keys);
  if (!set) sensitiveSets.set(keys, (set = new Set(keys)));
  return set;
}

/** The status a route answers when its work succeeds: set already, or the first 2xx its schema declares. */
function successStatus(request: FastifyRequest, reply: FastifyReply): number {
  if (reply.statusCode !== 200) return reply.statusCode;
  const declared = Object.keys((request.routeOptions.schema?.response as object | undefined) ?? {})
    .map(Number)
    .filter((code) => code >= 200 && code < 300)
    .sort((a, b) => a - b);
  return declared[0] ?? 200;
}

function entryOf(request: FastifyRequest, status: number, detail?: Record<string, unknown>): AuditEntry {
  const principal = request.principal;
  const sensitive = sensitiveOf(request);
  const params = (request.params as object | undefined) ?? {};
  return {
    actorId: principal ? (principal.type === 'user' ? principal.accountId : principal.appId) : null,
    actorKind: principal ? (principal.type === 'user' ? principal.kind : 'channel') : 'anonymous',
    action: `${request.method} ${request.routeOptions.url}`,
    target: Object.keys(params).length ? JSON.stringify(redactForAudit(params, sensitive)) : null,
    status,
    requestId: request.id,
    ip: request.ip,
    detail: detail ?? { body: redactForAudit(request.body, sensitive) },
  };
}

export function auditRequests(app: FastifyInstance, audit: AuditLog) {
  const scopes = new WeakMap<FastifyRequest, RequestAudit>();

  // The last preHandler of the app (registered after the guard): the handler and the rest of the
  // route's own hooks run inside the request's commit scope.
  app.addHook('preHandler', (request, reply, done) => {
    if (!audited(request)) return done();
    const scope = requestAudit(audit, () => entryOf(request, successStatus(request, reply)));
    scopes.set(request, scope);
    withCommitScope(scope, done);
  });

  app.addHook('onSend', (request, _reply, payload, done) => {
    scopes.get(request)?.close();
    done(null, payload);
  });

  app.addHook('onResponse', async (request, reply) => {
    if (!audited(request)) return;
    const scope = scopes.get(request);
    try {
      await scope?.settled();
      const committed = scope?.committed;
      if (!committed) await audit.record(entryOf(request, reply.statusCode));
      else if (committed.status !== reply.statusCode) await audit.record(entryOf(request, reply.statusCode, { answerAfterCommit: true }));
    } catch (error) {
      request.log.error({ err: error }, 'audit record failed');
    }
  });
}
