import { Type } from '@sinclair/typebox';
import { DateTime, Literals, Nullable, Page } from '../http/schemas.js';

/** 审计记录 one audit record, as chained: what happened, by whom, and its place in the SM3 chain. */
export const AuditRecordView = Type.Object(
  {
    id: Type.Integer(),
    occurredAt: DateTime,
    actorId: Nullable(Type.String()),
    actorKind: Type.String({ description: "account kind, 'channel', 'system' or 'anonymous'" }),
    action: Type.String({ description: '"METHOD /route", or a domain action' }),
    target: Nullable(Type.String({ description: "the route's parameters as JSON, when it has any" })),
    status: Type.Integer({ description: 'HTTP status of the answer' }),
    requestId: Nullable(Type.String()),
    ip: Nullable(Type.String()),
    detail: Type.Record(Type.String(), Type.Unknown(), { description: 'the request body, secrets redacted' }),
    prevHash: Type.String(),
    hash: Type.String(),
  },
  { description: '审计记录 an audit record' },
);

export const AuditRecordPage = Page(AuditRecordView);

/** The audit chain's verdict: whole up to `lastId`, or the first record that breaks it. */
export const AuditVerdictView = Type.Union(
  [
    Type.Object({ ok: Type.Literal(true), checked: Type.Integer(), lastId: Nullable(Type.Integer()) }),
    Type.Object({ ok: Type.Literal(false), checked: Type.Integer(), firstBadId: Type.Integer(), reason: Literals(['hash_mismatch', 'broken_link'] as const) }),
  ],
  { description: '审计链校验结果 the verdict on the audit chain' },
);
