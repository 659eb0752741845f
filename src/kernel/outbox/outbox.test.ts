import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.js';
import { openDatabase, transaction, type Database } from '../db/index.js';
import { DateOnly, DateTime, Literals, Nullable, RegionCode, YearMonth } from '../http/schemas.js';
import { createOutbox, defineTopic, type DomainEvent, type PayloadOf } from './index.js';

const quiet = { error: () => undefined };
let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb?.drop());

/** Topics of a made-up center, one per test so deliveries do not mix. */
const numbered = (name: string) => defineTopic(name, Type.Object({ n: Type.Integer() }));
const COMMITTED = defineTopic('demo.committed', Type.Object({ ok: Type.Boolean() }));
const EARLY = defineTopic('demo.early', Type.Object({ early: Type.Literal(true) }));
const RETRY = defineTopic('demo.retry', Type.Object({}));
const BATCH = numbered('demo.batch');
const RACE = numbered('demo.race');
/** 缴费到账 as a collection center might publish it: dates as strings, nullable and enumerated fields. */
const PAID = defineTopic(
  'demo.paid',
  Type.Object({
    paymentId: Type.String(),
    amountFen: Type.Integer({ minimum: 0 }),
    channel: Literals(['bank', 'wechat'] as const),
    regionCode: RegionCode,
    month: YearMonth,
    paidOn: DateOnly,
    at: DateTime,
    note: Nullable(Type.String()),
  }),
);

const inTx = <T>(database: Database, work: Parameters<typeof transaction<T>>[1]) => transaction(database.db, work);

async function publishAll(database: Database, topic: typeof RACE, count: number) {
  const outbox = createOutbox(database, quiet);
  for (let i = 0; i < count; i++) await inTx(database, (tx) => outbox.publish(tx, topic, { n: i }));
}

describe('transactional outbox', () => {
  it('delivers what a committed transaction published, and nothing from a rolled-back one', async () => {
    const outbox = createOutbox(testDb.database, quiet);
    const seen: DomainEvent[] = [];
    outbox.subscribe(COMMITTED, 'test.collector', async (event) => {
      seen.push(event);
    });
    await outbox.dispatchOnce(); // registers the subscription
    await inTx(testDb.database, (tx) => outbox.publish(tx, COMMITTED, { ok: true }));
    await inTx(testDb.database, async (tx) => {
      await outbox.publish(tx, COMMITTED, { ok: false });
      throw new Error('rollback');
    }).catch(() => undefined);
    expect(await outbox.dispatchOnce()).toBe(1);
    expect(seen.map((e) => e.payload)).toEqual([{ ok: true }]);
    expect(seen[0]).toMatchObject({ topic: 'demo.committed', createdAt: expect.any(Date) });
    expect(await outbox.dispatchOnce()).toBe(0);
  });

  it('delivers an event published before the first dispatch once the subscriptions are registered', async () => {
    const outbox = createOutbox(testDb.database, quiet);
    const seen: unknown[] = [];
    outbox.subscribe(EARLY, 'test.early', async (event) => {
      seen.push(event.payload);
    });
    await outbox.register();
    // published by a node that has not dispatched yet (the platform's demo seed runs before the dispatcher starts)
    await inTx(testDb.database, (tx) => createOutbox(testDb.database, quiet).publish(tx, EARLY, { early: true }));
    expect(await outbox.dispatchOnce()).toBe(1);
    expect(seen).toEqual([{ early: true }]);
  });

  it('refuses a payload that does not fit its topic: publish throws and the transaction stores nothing', async () => {
    const outbox = createOutbox(testDb.database, quiet);
    const seen: unknown[] = [];
    outbox.subscribe(PAID, 'test.paid_misfit', async (event) => {
      seen.push(event.payload);
    });
    await outbox.register();
    await testDb.database.rows(sql`create table if not exists public.payments_written (id text)`);
    const good: PayloadOf<typeof PAID> = { paymentId: 'pay_1', amountFen: 38000, channel: 'bank', regionCode: '411302', month: '2026-01', paidOn: '2026-01-15', at: new Date().toISOString(), note: null };
    const misfits: Array<[string, unknown, RegExp]> = [
      ['a number as a string', { ...good, amountFen: '38000' }, /\/amountFen/],
      ['a Date object, not its string', { ...good, at: new Date() }, /\/at/],
      ['an impossible date', { ...good, paidOn: '2026-02-30' }, /\/paidOn/],
      ['a month out of range', { ...good, month: '2026-13' }, /\/month/],
      ['outside the enumeration', { ...good, channel: 'cash' }, /\/channel/],
      ['a required field missing', { ...good, note: undefined }, /note/],
    ];
    for (const [what, payload, path] of misfits) {
      const attempt = inTx(testDb.database, async (tx) => {
        await tx.execute(sql`insert into public.payments_written values ('misfit')`);
        await outbox.publish(tx, PAID, payload as PayloadOf<typeof PAID>);
      });
      await expect(attempt, what).rejects.toThrow(new RegExp(`event payload of demo\\.paid does not fit its schema: .*${path.source}`));
    }
    // publishMany checks every payload before it writes any
    await expect(inTx(testDb.database, (tx) => outbox.publishMany(tx, PAID, [good, { ...good, amountFen: -1 }]))).rejects.toThrow(/amountFen/);
    expect(await testDb.database.rows(sql`select * from public.payments_written`)).toEqual([]);
    expect(await testDb.database.rows(sql`select id from kernel.outbox_events where topic = 'demo.paid'`)).toEqual([]);
    expect(await outbox.dispatchOnce()).toBe(0);
    expect(seen).toEqual([]);

    await inTx(testDb.database, (tx) => outbox.publish(tx, PAID, good));
    expect(await outbox.dispatchOnce()).toBe(1);
    expect(seen).toEqual([good]);
  });

  it('hands a subscriber the payload typed by its topic', async () => {
    const outbox = createOutbox(testDb.database, quiet);
    const amounts: number[] = [];
    outbox.subscribe(PAID, 'test.paid_typed', async (event, tx) => {
      expectTypeOf(event.payload).toEqualTypeOf<PayloadOf<typeof PAID>>();
      expectTypeOf(event.payload.amountFen).toBeNumber();
      expectTypeOf(event.payload.channel).toEqualTypeOf<'bank' | 'wechat'>();
      expectTypeOf(event.payload.note).toEqualTypeOf<string | null>();
      amounts.push(event.payload.amountFen);
      expect(tx).toBeDefined();
    });
    await outbox.register();
    // the compiler holds publishers to the topic too
    // @ts-expect-error a payload of another topic
    void (() => outbox.publish(testDb.database.db, PAID, { ok: true }));
    await inTx(testDb.database, (tx) =>
      outbox.publish(tx, PAID, { paymentId: 'pay_2', amountFen: 120, channel: 'wechat', regionCode: '411302', month: '2026-02', paidOn: '2026-02-01', at: '2026-02-01T08:00:00.000Z', note: '补缴' }),
    );
    expect(await outbox.dispatchOnce()).toBe(1);
    expect(amounts).toEqual([120]);
  });

  it('retries a failing subscriber with backoff without blocking the others, and undoes its partial writes', async () => {
    const outbox = createOutbox(testDb.database, quiet);
    let good = 0;
    let attempts = 0;
    await testDb.database.rows(sql`create table if not exists public.side_effects (note text)`);
    outbox.subscribe(RETRY, 'test.good', async () => {
      good++;
    });
    outbox.subscribe(RETRY, 'test.flaky', async (_event, tx) => {
      attempts++;
      await tx.execute(sql`insert into public.side_effects values ('half-done')`);
      throw new Error('downstream unavailable');
    });
    await outbox.dispatchOnce();
    await inTx(testDb.database, (tx) => outbox.publish(tx, RETRY, {}));
    expect(await outbox.dispatchOnce()).toBe(2);
    expect(good).toBe(1);
    expect(attempts).toBe(1);
    // Backoff: not due again immediately.
    expect(await outbox.dispatchOnce()).toBe(0);
    const [row] = await testDb.database.rows<{ attempts: number; last_error: string; status: string }>(
      sql`select attempts, last_error, status from kernel.outbox_deliveries where subscriber = 'test.flaky'`,
    );
    expect(row).toMatchObject({ attempts: 1, status: 'pending', last_error: 'downstream unavailable' });
    expect(await testDb.database.rows(sql`select * from public.side_effects`)).toEqual([]);
  });

  it('publishes a batch of events at once, each delivered once per subscriber, and only on commit', async () => {
    const outbox = createOutbox(testDb.database, quiet);
    const seen: Array<{ subscriber: string; n: number }> = [];
    for (const subscriber of ['test.batch_a', 'test.batch_b']) {
      outbox.subscribe(BATCH, subscriber, async (event) => {
        seen.push({ subscriber, n: event.payload.n });
      });
    }
    await outbox.dispatchOnce();
    const ids = await inTx(testDb.database, (tx) => outbox.publishMany(tx, BATCH, [{ n: 1 }, { n: 2 }, { n: 3 }]));
    expect(ids).toHaveLength(3);
    await inTx(testDb.database, async (tx) => {
      await outbox.publishMany(tx, BATCH, [{ n: 4 }]);
      throw new Error('rollback');
    }).catch(() => undefined);
    expect(await inTx(testDb.database, (tx) => outbox.publishMany(tx, BATCH, []))).toEqual([]);
    while ((await outbox.dispatchOnce()) > 0);
    expect(seen.filter((s) => s.subscriber === 'test.batch_a').map((s) => s.n)).toEqual([1, 2, 3]);
    expect(seen.filter((s) => s.subscriber === 'test.batch_b').map((s) => s.n)).toEqual([1, 2, 3]);
  });

  it('delivers in the background once started, and stops cleanly', async () => {
    const outbox = createOutbox(testDb.database, quiet);
    const topic = numbered('demo.background');
    const seen: number[] = [];
    outbox.subscribe(topic, 'test.background', async (event) => {
      seen.push(event.payload.n);
    });
    await outbox.register();
    await inTx(testDb.database, (tx) => outbox.publishMany(tx, topic, [{ n: 1 }, { n: 2 }]));
    outbox.start(20);
    await expect.poll(() => seen, { timeout: 5000, interval: 20 }).toEqual([1, 2]);
    await outbox.stop();
    await inTx(testDb.database, (tx) => outbox.publish(tx, topic, { n: 3 }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toEqual([1, 2]);
  });

  // Two nodes polling the same table: SKIP LOCKED hands each delivery to exactly one of them.
  it.skipIf(process.env.TEST_DB === 'pglite')('two dispatchers on one database deliver each event exactly once', async () => {
    const second = await openDatabase({ databaseUrl: testDb.url, migrate: false, poolSize: 4 });
    try {
      const delivered: number[] = [];
      const nodes = [testDb.database, second].map((database) => {
        const outbox = createOutbox(database, quiet);
        outbox.subscribe(RACE, 'test.race', async (event) => {
          delivered.push(event.payload.n);
          await new Promise((r) => setTimeout(r, 1));
        });
        return outbox;
      });
      await Promise.all(nodes.map((n) => n.dispatchOnce()));
      await publishAll(testDb.database, RACE, 200);
      const drain = async (node: (typeof nodes)[number]) => {
        while ((await node.dispatchOnce(20)) > 0);
      };
      await Promise.all(nodes.map(drain));
      expect(delivered).toHaveLength(200);
      expect(new Set(delivered).size).toBe(200);
    } finally {
      await second.close();
    }
  });
});
