import { integer, jsonb, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { kernelSchema } from '../outbox/schema.js';

/**
 * 幂等键 one Idempotency-Key a caller used on an operation: the digest of the request it came with and
 * the answer it got, written in the same transaction as the work (so a key exists only for work done).
 */
export const idempotencyKeys = kernelSchema.table(
  'idempotency_keys',
  {
    /** who asked and for what, e.g. `channel:app…:settlement.settle` */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    /** SM3 of the canonical request (keys sorted; a secret in it only as its keyed digest), so a different body under the same key is seen */
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    /** null while the claiming transaction runs (nobody else sees it then) */
    response: jsonb('response').$type<unknown>(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);
