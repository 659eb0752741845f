import { and, eq, sql } from 'drizzle-orm';
import { transaction, type Database, type Db } from '../db/index.js';
import { periodicJob, type PeriodicJob } from '../jobs/index.js';
import { outboxDeliveries, outboxEvents, subscriptions } from './schema.js';
import type { PayloadOf, Topic } from './topics.js';

export { defineTopic, type PayloadOf, type Topic } from './topics.js';

export interface DomainEvent<T = Record<string, unknown>> {
  id: number;
  topic: string;
  payload: T;
  createdAt: Date;
}

/** A subscriber runs inside the dispatch transaction: its writes commit with the delivery, once. */
export type EventHandler<P = Record<string, unknown>> = (event: DomainEvent<P>, tx: Db) => Promise<void>;

export interface Outbox {
  /** Records an event in the caller's transaction; it is delivered only if that transaction commits. */
  publish<T extends Topic>(tx: Db, topic: T, payload: PayloadOf<T>): Promise<number>;
  /** Records several events of one topic in the caller's transaction, in two statements however many (batch imports). */
  publishMany<T extends Topic>(tx: Db, topic: T, payloads: Array<PayloadOf<T>>): Promise<number[]>;
  subscribe<T extends Topic>(topic: T, subscriber: string, handler: EventHandler<PayloadOf<T>>): void;
  /**
   * Records this node's subscriptions in the database. Deliveries are created when an event is
   * published, for the subscriptions known then: the platform calls this once every center has
   * subscribed, before anything publishes (the demo seed), so no early event goes undelivered.
   */
  register(): Promise<void>;
  /** Delivers what is due for the subscribers this node hosts; returns how many deliveries it handled. */
  dispatchOnce(limit?: number): Promise<number>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

const MAX_ATTEMPTS = 10;

export function createOutbox(database: Database, log: { error: (o: object, msg: string) => void } = console): Outbox {
  const handlers = new Map<string, EventHandler<any>>();
  const registered: Array<{ topic: string; subscriber: string }> = [];
  let registration: Promise<void> | null = null;
  let job: PeriodicJob | null = null;

  const ensureRegistered = () =>
    (registration ??= registered.length
      ? database.db.insert(subscriptions).values(registered).onConflictDoNothing().then(() => undefined)
      : Promise.resolve());

  const dispatchOnce = async (limit = 50): Promise<number> => {
    await ensureRegistered();
    const hosted = [...handlers.keys()];
    if (!hosted.length) return 0;
    return transaction(database.db, async (tx) => {
      const due = await database.rows<{ event_id: number; subscriber: string; attempts: number; topic: string; payload: Record<string, unknown>; created_at: Date }>(
        sql`select d.event_id, d.subscriber, d.attempts, e.topic, e.payload, e.created_at
            from kernel.outbox_deliveries d join kernel.outbox_events e on e.id = d.event_id
            where d.status = 'pending' and d.available_at <= now() and d.subscriber in (${sql.join(
              hosted.map((h) => sql`${h}`),
              sql`, `,
            )})
            order by d.event_id
            limit ${limit}
            for update of d skip locked`,
        tx,
      );
      for (const row of due) {
        const handler = handlers.get(row.subscriber)!;
        const event: DomainEvent = { id: Number(row.event_id), topic: row.topic, payload: row.payload, createdAt: new Date(row.created_at) };
        const where = and(eq(outboxDeliveries.eventId, event.id), eq(outboxDeliveries.subscriber, row.subscriber));
        try {
          // A savepoint per delivery: one failing subscriber does not undo the others.
          await transaction(tx, (inner) => handler(event, inner));
          await tx.update(outboxDeliveries).set({ status: 'done', deliveredAt: new Date(), attempts: row.attempts + 1 }).where(where);
        } catch (error) {
          const attempts = row.attempts + 1;
          const backoffMs = Math.min(60_000 * 10, 1000 * 2 ** attempts);
          log.error({ err: error, eventId: event.id, subscriber: row.subscriber, attempts }, 'event delivery failed');
          await tx
            .update(outboxDeliveries)
            .set({
              attempts,
              status: attempts >= MAX_ATTEMPTS ? 'dead' : 'pending',
              availableAt: new Date(Date.now() + backoffMs),
              lastError: String((error as Error)?.message ?? error).slice(0, 2000),
            })
            .where(where);
        }
      }
      return due.length;
    });
  };

  const publishMany = async <T extends Topic>(tx: Db, topic: T, payloads: Array<PayloadOf<T>>): Promise<number[]> => {
    if (!payloads.length) return [];
    for (const payload of payloads) topic.assert(payload);
    const events = await tx
      .insert(outboxEvents)
      .values(payloads.map((payload) => ({ topic: topic.name, payload: payload as Record<string, unknown> })))
      .returning({ id: outboxEvents.id });
    const ids = events.map((e) => e.id);
    await tx.execute(
      sql`insert into kernel.outbox_deliveries (event_id, subscriber)
          select e.id, s.subscriber from kernel.outbox_events e join kernel.subscriptions s on s.topic = e.topic
          where e.id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`,
    );
    return ids;
  };

  return {
    publish: async (tx, topic, payload) => (await publishMany(tx, topic, [payload]))[0],
    publishMany,
    subscribe: (topic, subscriber, handler) => {
      if (handlers.has(subscriber)) throw new Error(`subscriber ${subscriber} registered twice`);
      handlers.set(subscriber, handler);
      registered.push({ topic: topic.name, subscriber });
      registration = null;
    },
    register: ensureRegistered,
    dispatchOnce,
    start: (intervalMs = 500) => {
      // every node delivers to the subscribers it hosts (SKIP LOCKED shares the work): no lease
      job ??= periodicJob({
        name: 'outbox.dispatch',
        intervalMs,
        runAtStart: false,
        log,
        run: async (signal) => {
          while (!signal.aborted && (await dispatchOnce()) > 0);
        },
      });
      job.start();
    },
    stop: async () => {
      await job?.stop();
    },
  };
}
