import { Type } from '@sinclair/typebox';
import { DateTime, Literals, Nullable, Page } from '../http/schemas.js';

/** 审计记录 one audit record, as chained: what happened, by whom, and its place in the SM3 chain. */
export const AuditRecordView = Type.Object(
  {
    id: Type.Integer(),
    occurredAt: DateTime,
    actorId: Nullable(Type.String()),
    actorKind: Type.String({ description: "account kind, 'channel', 'system' or 'anonymous'" }),
    actorName: Nullable(Type.String({ description: '操作人 the account’s name, masked, with its login name when it has one; null for no account' })),
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

const CheckpointRefView = Type.Object(
  {
    id: Type.Integer({ description: 'the record the checkpoint names (0 when its line names none)' }),
    at: Nullable(DateTime),
    line: Type.Integer({ description: 'its line in the checkpoint file' }),
  },
  { description: '审计链锚点 a signed checkpoint of the chain (DATA_DIR/audit/checkpoints.log)' },
);

/**
 * The audit chain's verdict: whole up to `lastId` (and held by its latest checkpoint), or the first
 * record that breaks it — in the table (`hash_mismatch`, `broken_link`) or against the signed
 * checkpoints: records after the last checkpointed one deleted (`truncated`: `checkpoint` names it,
 * `lastId` is where the table ends), the chain rewritten (`checkpoint_mismatch`), or a line of the
 * checkpoint file that the audit key did not sign (`checkpoint_forged`).
 */
export const AuditVerdictView = Type.Union(
  [
    Type.Object({ ok: Type.Literal(true), checked: Type.Integer(), lastId: Nullable(Type.Integer()), checkpoint: Nullable(CheckpointRefView) }),
    Type.Object({
      ok: Type.Literal(false),
      checked: Type.Integer(),
      firstBadId: Type.Integer(),
      reason: Literals(['hash_mismatch', 'broken_link', 'truncated', 'checkpoint_mismatch', 'checkpoint_forged'] as const),
      lastId: Type.Optional(Nullable(Type.Integer())),
      checkpoint: Type.Optional(CheckpointRefView),
    }),
  ],
  { description: '审计链校验结果 the verdict on the audit chain' },
);
