import { bigserial, bigint, index, integer, jsonb, pgSchema, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const kernelSchema = pgSchema('kernel');

/** Events written in the same transaction as the change they announce (transactional outbox). */
export const outboxEvents = kernelSchema.table('outbox_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  topic: text('topic').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Which subscriber listens to which topic; every node registers the subscribers it hosts at start. */
export const subscriptions = kernelSchema.table(
  'subscriptions',
  {
    topic: text('topic').notNull(),
    subscriber: text('subscriber').notNull(),
  },
  (t) => [primaryKey({ columns: [t.topic, t.subscriber] })],
);

/** One row per (event, subscriber), so a subscriber hosted on any node gets every event exactly once. */
export const outboxDeliveries = kernelSchema.table(
  'outbox_deliveries',
  {
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    subscriber: text('subscriber').notNull(),
    status: text('status').$type<'pending' | 'done' | 'dead'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    availableAt: timestamp('available_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
    lastError: text('last_error'),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.subscriber] }), index('outbox_deliveries_pending').on(t.subscriber, t.status, t.availableAt)],
);
