/**
 * Fake 实名认证 real-name / 实人认证 liveness provider.
 *
 * Behaves like the public-security-backed provider: an ID number + name pair
 * "matches" only if it is in the registry given at start (or added later).
 * Liveness sessions are completed by the person on the fake's own page
 * (GET /liveness/:bizToken) or by posting to the unsigned perform endpoint,
 * standing in for the provider's H5 page / SDK.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  badRequest,
  startFakeServer,
  stringField,
  type FakeHandle,
  type FakeServerOptions,
} from '../shared/fake-server.js';

export interface Person {
  idNumber: string;
  name: string;
}

export type LivenessStatus = 'pending' | 'passed' | 'failed';
export type LivenessOutcome = 'pass' | 'fail';

export interface LivenessSessionRecord {
  bizToken: string;
  idNumber: string;
  name: string;
  returnUrl?: string;
  status: LivenessStatus;
  /** Face-match similarity in [0, 1]; null until performed. */
  score: number | null;
  reason?: string;
  createdAt: number;
}

export interface FakeRealNameOptions extends FakeServerOptions {
  people?: Person[];
  /**
   * Development only: treat every well-formed identity as registered under the first name it is
   * checked with, as if the national registry knew everyone who signs up on a dev server.
   */
  acceptUnknown?: boolean;
}

export interface FakeRealName extends FakeHandle {
  addPerson(person: Person): void;
  getSession(bizToken: string): LivenessSessionRecord | undefined;
  readonly sessions: ReadonlyMap<string, LivenessSessionRecord>;
  /** Same effect as the person finishing the face check in the browser. */
  performLiveness(bizToken: string, outcome?: LivenessOutcome): LivenessSessionRecord;
}

// Scores a real provider might report; the platform should rely on status, not on these numbers.
const PASS_SCORE = 0.97;
const FAIL_SCORE = 0.31;

export async function startFakeRealName(opts: FakeRealNameOptions): Promise<FakeRealName> {
  /** 身份证号 → 姓名; ID numbers compared upper-case because the check digit may be 'x' or 'X'. */
  const registry = new Map<string, string>();
  const addPerson = (p: Person): void => {
    registry.set(normaliseId(p.idNumber), p.name);
  };
  for (const p of opts.people ?? []) addPerson(p);

  const sessions = new Map<string, LivenessSessionRecord>();

  const identityMatches = (idNumber: string, name: string): { match: boolean; reason?: string } => {
    if (opts.acceptUnknown && !registry.has(normaliseId(idNumber))) addPerson({ idNumber, name });
    const known = registry.get(normaliseId(idNumber));
    if (known === undefined) return { match: false, reason: 'not_found' };
    if (known !== name) return { match: false, reason: 'name_mismatch' };
    return { match: true };
  };

  /** Applies the outcome; a 'pass' still fails if there is no registry photo to compare the face with. */
  const perform = (s: LivenessSessionRecord, outcome: LivenessOutcome): void => {
    if (outcome === 'fail') {
      Object.assign(s, { status: 'failed', score: FAIL_SCORE, reason: 'liveness_failed' });
    } else if (!identityMatches(s.idNumber, s.name).match) {
      Object.assign(s, { status: 'failed', score: 0, reason: 'identity_mismatch' });
    } else {
      Object.assign(s, { status: 'passed', score: PASS_SCORE });
    }
  };

  const handle = await startFakeServer(opts, (r) => {
    r.signed('POST', '/v1/idcard/verify', (_req, reply, body) => {
      const idNumber = stringField(body, 'idNumber');
      const name = stringField(body, 'name');
      if (!idNumber || !name) return badRequest(reply, 'idNumber and name are required');
      return identityMatches(idNumber, name);
    });

    r.signed('POST', '/v1/liveness/sessions', (_req, reply, body) => {
      const idNumber = stringField(body, 'idNumber');
      const name = stringField(body, 'name');
      const returnUrl = stringField(body, 'returnUrl');
      if (!idNumber || !name) return badRequest(reply, 'idNumber and name are required');
      if (returnUrl !== undefined && !isHttpUrl(returnUrl)) return badRequest(reply, 'returnUrl must be an http(s) URL');
      // Unguessable: the perform endpoint is unsigned, so the token is the only capability.
      const bizToken = randomBytes(16).toString('hex');
      sessions.set(bizToken, {
        bizToken,
        idNumber,
        name,
        ...(returnUrl ? { returnUrl } : {}),
        status: 'pending',
        score: null,
        createdAt: Date.now(),
      });
      return { bizToken, url: `${r.baseUrl()}/liveness/${bizToken}` };
    });

    r.signed('GET', '/v1/liveness/sessions/:bizToken', (req, reply) => {
      const s = sessions.get(param(req, 'bizToken'));
      if (!s) return reply.code(404).send({ code: 'session_not_found' });
      return {
        status: s.status,
        idNumber: s.idNumber,
        name: s.name,
        score: s.score,
        ...(s.reason ? { reason: s.reason } : {}),
      };
    });

    r.open('POST', '/v1/liveness/sessions/:bizToken/perform', (req, reply, body) => {
      const s = sessions.get(param(req, 'bizToken'));
      if (!s) return reply.code(404).send({ code: 'session_not_found' });
      const outcome = stringField(body, 'outcome') ?? 'pass';
      if (outcome !== 'pass' && outcome !== 'fail') return badRequest(reply, "outcome must be 'pass' or 'fail'");
      if (s.status !== 'pending') return reply.code(409).send({ code: 'session_completed', status: s.status });
      perform(s, outcome);
      return isFormPost(req) ? redirectAfterPerform(reply, s) : { status: s.status };
    });

    r.open('GET', '/liveness/:bizToken', (req, reply) => {
      const s = sessions.get(param(req, 'bizToken'));
      if (!s) return reply.code(404).type('text/html; charset=utf-8').send(page('会话不存在 Session not found', ''));
      return reply.type('text/html; charset=utf-8').send(livenessPage(s));
    });
  });

  return {
    ...handle,
    addPerson,
    sessions,
    getSession: (bizToken) => sessions.get(bizToken),
    performLiveness(bizToken, outcome = 'pass') {
      const s = sessions.get(bizToken);
      if (!s) throw new Error(`unknown bizToken ${bizToken}`);
      if (s.status !== 'pending') throw new Error(`session ${bizToken} already ${s.status}`);
      perform(s, outcome);
      return s;
    },
  };
}

function normaliseId(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}

function param(req: FastifyRequest, key: string): string {
  return (req.params as Record<string, string>)[key] ?? '';
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function isFormPost(req: FastifyRequest): boolean {
  return String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded');
}

/** Like real providers, hand the browser back to the caller with the bizToken appended. */
function redirectAfterPerform(reply: FastifyReply, s: LivenessSessionRecord): FastifyReply {
  if (!s.returnUrl) return reply.redirect(`/liveness/${s.bizToken}`, 303);
  const back = new URL(s.returnUrl);
  back.searchParams.set('bizToken', s.bizToken);
  return reply.redirect(back.toString(), 303);
}

function livenessPage(s: LivenessSessionRecord): string {
  const who = `${escapeHtml(maskName(s.name))} · ${escapeHtml(maskId(s.idNumber))}`;
  if (s.status !== 'pending') {
    return page(
      '实人认证 Liveness check',
      `<p>${who}</p><p data-testid="liveness-status">${s.status}</p>`,
    );
  }
  return page(
    '实人认证 Liveness check',
    `<p>${who}</p>
<p>Fake provider: choose the outcome of the face check.</p>
<form method="post" action="/v1/liveness/sessions/${escapeHtml(s.bizToken)}/perform">
  <button type="submit" name="outcome" value="pass" data-testid="liveness-pass">Pass 通过</button>
  <button type="submit" name="outcome" value="fail" data-testid="liveness-fail">Fail 不通过</button>
</form>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

function maskName(name: string): string {
  return name.length <= 1 ? '*' : `${'*'.repeat(name.length - 1)}${name.slice(-1)}`;
}

function maskId(idNumber: string): string {
  return idNumber.length <= 8 ? '****' : `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
