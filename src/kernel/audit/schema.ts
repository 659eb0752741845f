import { bigserial, integer, jsonb, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

export const auditSchema = pgSchema('audit');

/** 审计日志 audit log: one row per state change, chained by SM3 so an edited or deleted row shows. */
export const auditRecords = auditSchema.table('records', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
  actorId: text('actor_id'),
  actorKind: text('actor_kind').notNull(),
  action: text('action').notNull(),
  target: text('target'),
  status: integer('status').notNull(),
  requestId: text('request_id'),
  ip: text('ip'),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
