import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.js';
import { openDatabase, type Database, type Db } from '../db/index.js';
import { createOutbox, type DomainEvent } from './index.js';

const quiet = { error: () => undefined };
let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb?.drop());

async function publishAll(database: Database, topic: string, count: number) {
  const outbox = createOutbox(database, quiet);
  for (let i = 0; i < count; i++) {
    await database.db.transaction((tx) => outbox.publish(tx as unknown as Db, topic, { n: i }));
  }
}

describe('transactional outbox', () => {
  it('delivers what a committed transaction published, and nothing from a rolled-back one', async () => {
    const outbox = createOutbox(testDb.database, quiet);
    const seen: DomainEvent[] = [];
    outbox.subscribe('demo.committed', 'test.collector', async (event) => {
      seen.push(event);
    });
    await outbox.dispatchOnce(); // registers the subscription
    await testDb.database.db.transaction((tx) => outbox.publish(tx as unknown as Db, 'demo.committed', { ok: true }));
    await testDb.database.db
      .transaction(async (tx) => {
        await outbox.publish(tx as unknown as Db, 'demo.committed', { ok: false });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect(await outbox.dispatchOnce()).toBe(1);
    expect(seen.map((e) => e.payload)).toEqual([{ ok: true }]);
    expect(await outbox.dispatchOnce()).toBe(0);
  });

  it('delivers an event published before the first dispatch once the subscriptions are registered', async () => {
    const outbox = createOutbox(testDb.database, quiet);
    const seen: unknown[] = [];
    outbox.subscribe('demo.early', 'test.early', async (event) => {
      seen.push(event.payload);
    });
    await outbox.register();
    // published by a node that has not dispatched yet (the platform's demo seed runs before the dispatcher starts)
    await testDb.database.db.transaction((tx) => createOutbox(testDb.database, quiet).publish(tx as unknown as Db, 'demo.early', { early: true }));
    expect(await outbox.dispatchOnce()).toBe(1);
    expect(seen).toEqual([{ early: true }]);
  });

  it('retries a failing subscriber with backoff without blocking the others, and undoes its partial writes', async () => {
    const outbox = createOutbox(testDb.database, quiet);
    let good = 0;
    let attempts = 0;
    await testDb.database.rows(sql`create table if not exists public.side_effects (note text)`);
    outbox.subscribe('demo.retry', 'test.good', async () => {
      good++;
    });
    outbox.subscribe('demo.retry', 'test.flaky', async (_event, tx) => {
      attempts++;
      await tx.execute(sql`insert into public.side_effects values ('half-done')`);
      throw new Error('downstream unavailable');
    });
    await outbox.dispatchOnce();
    await testDb.database.db.transaction((tx) => outbox.publish(tx as unknown as Db, 'demo.retry', {}));
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
    const seen: Array<{ subscriber: string; n: unknown }> = [];
    for (const subscriber of ['test.batch_a', 'test.batch_b']) {
      outbox.subscribe('demo.batch', subscriber, async (event) => {
        seen.push({ subscriber, n: event.payload.n });
      });
    }
    await outbox.dispatchOnce();
    const ids = await testDb.database.db.transaction((tx) => outbox.publishMany(tx as unknown as Db, 'demo.batch', [{ n: 1 }, { n: 2 }, { n: 3 }]));
    expect(ids).toHaveLength(3);
    await testDb.database.db
      .transaction(async (tx) => {
        await outbox.publishMany(tx as unknown as Db, 'demo.batch', [{ n: 4 }]);
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect(await testDb.database.db.transaction((tx) => outbox.publishMany(tx as unknown as Db, 'demo.batch', []))).toEqual([]);
    while ((await outbox.dispatchOnce()) > 0);
    expect(seen.filter((s) => s.subscriber === 'test.batch_a').map((s) => s.n)).toEqual([1, 2, 3]);
    expect(seen.filter((s) => s.subscriber === 'test.batch_b').map((s) => s.n)).toEqual([1, 2, 3]);
  });

  // Two nodes polling the same table: SKIP LOCKED hands each delivery to exactly one of them.
  it.skipIf(process.env.TEST_DB === 'pglite')('two dispatchers on one database deliver each event exactly once', async () => {
    const second = await openDatabase({ databaseUrl: testDb.url, migrate: false, poolSize: 4 });
    try {
      const delivered: number[] = [];
      const nodes = [testDb.database, second].map((database) => {
        const outbox = createOutbox(database, quiet);
        outbox.subscribe('demo.race', 'test.race', async (event) => {
          delivered.push(event.payload.n as number);
          await new Promise((r) => setTimeout(r, 1));
        });
        return outbox;
      });
      await Promise.all(nodes.map((n) => n.dispatchOnce()));
      await publishAll(testDb.database, 'demo.race', 200);
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
