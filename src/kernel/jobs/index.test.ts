import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.js';
import type { Database } from '../db/index.js';
import { periodicJob, type PeriodicJobOptions } from './index.js';

/** A promise to hold a pass open until the test lets it finish. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const logs: unknown[] = [];
const log = { error: (object: object, message: string) => void logs.push({ ...object, message }) };

/** A job whose passes are counted and, while `hold` is set, wait for it. */
function countedJob(options: Partial<PeriodicJobOptions> = {}) {
  const state = { passes: 0, running: 0, overlapped: false, hold: null as ReturnType<typeof gate> | null };
  const job = periodicJob({
    name: 'test.counted',
    intervalMs: 3_600_000,
    runAtStart: false,
    log,
    run: async () => {
      state.passes++;
      if (++state.running > 1) state.overlapped = true;
      try {
        await state.hold?.opened;
      } finally {
        state.running--;
      }
    },
    ...options,
  });
  return { job, state };
}

describe('periodic jobs', () => {
  it('coalesces kicks during a pass into exactly one more pass, never two at once', async () => {
    const { job, state } = countedJob();
    state.hold = gate();
    job.kick();
    await vi.waitFor(() => expect(state.passes).toBe(1));
    job.kick();
    job.kick();
    job.kick();
    const first = state.hold;
    state.hold = gate();
    first.open();
    await vi.waitFor(() => expect(state.passes).toBe(2));
    state.hold.open();
    await job.idle();
    expect(state.passes).toBe(2);
    expect(state.overlapped).toBe(false);
    await job.runNow();
    expect(state.passes).toBe(3);
    await job.stop();
  });

  it('runNow waits for a running pass, then runs one of its own', async () => {
    const { job, state } = countedJob();
    state.hold = gate();
    job.kick();
    const now = job.runNow();
    const hold = state.hold;
    state.hold = null;
    hold.open();
    await now;
    expect(state.passes).toBe(2);
    expect(state.overlapped).toBe(false);
    await job.stop();
  });

  it('stop() aborts the pass in progress, waits for it, and no pass follows', async () => {
    let seen: AbortSignal | undefined;
    let finished = false;
    let passes = 0;
    const job = periodicJob({
      name: 'test.stop',
      intervalMs: 10,
      runAtStart: false,
      log,
      run: async (signal) => {
        passes++;
        seen = signal;
        await new Promise((resolve) => signal.addEventListener('abort', resolve));
        await Promise.resolve();
        finished = true;
      },
    });
    job.kick();
    await vi.waitFor(() => expect(seen?.aborted).toBe(false));
    job.kick(); // a pass asked for during the one that stop() aborts
    await job.stop();
    expect(seen?.aborted).toBe(true);
    expect(finished).toBe(true);
    job.kick();
    job.start();
    await job.runNow();
    await job.idle();
    expect(passes).toBe(1);
  });

  it('runs at start unless told not to, and logs a failing pass without stopping', async () => {
    const { job, state } = countedJob({ runAtStart: true });
    job.start();
    await job.idle();
    expect(state.passes).toBe(1);
    await job.stop();

    logs.length = 0;
    let calls = 0;
    const failing = periodicJob({
      name: 'test.failing',
      intervalMs: 3_600_000,
      runAtStart: false,
      log,
      run: async () => {
        if (++calls === 1) throw new Error('downstream unavailable');
      },
    });
    await failing.runNow();
    expect(logs).toEqual([expect.objectContaining({ job: 'test.failing', message: 'periodic job pass failed' })]);
    await failing.runNow();
    expect(calls).toBe(2);
    await failing.stop();
  });
});

describe('periodic jobs with a lease (one node at a time)', () => {
  const TTL_MS = 200;
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(() => testDb?.drop());

  /** One node's instance of the job `name`; `cut()` makes its database unreachable, as for a node that froze or lost its network. */
  function node(name: string) {
    let reachable = true;
    const database: Database = {
      ...testDb.database,
      rows: (query, executor) => (reachable ? testDb.database.rows(query, executor) : Promise.reject(new Error('node cut off'))),
    };
    const counted = countedJob({ name, lease: { database, ttlMs: TTL_MS } });
    return { ...counted, cut: () => (reachable = false), heal: () => (reachable = true) };
  }

  const holderOf = async (name: string) =>
    (await testDb.database.rows<{ holder: string }>(sql`select holder from kernel.job_leases where name = ${name}`))[0]?.holder ?? null;

  it('runs passes on one node only while its lease is held; the other takes over once it is released', async () => {
    const [a, b] = [node('test.lease.release'), node('test.lease.release')];
    await a.job.runNow();
    await b.job.runNow();
    await a.job.runNow();
    expect([a.state.passes, b.state.passes]).toEqual([2, 0]);
    expect(await holderOf('test.lease.release')).not.toBeNull();

    await a.job.stop();
    expect(await holderOf('test.lease.release')).toBeNull();
    await b.job.runNow();
    expect(b.state.passes).toBe(1);
    await b.job.stop();
  });

  it('renews the lease while a pass runs longer than its TTL', async () => {
    const [a, b] = [node('test.lease.renew'), node('test.lease.renew')];
    a.state.hold = gate();
    a.job.kick();
    await vi.waitFor(() => expect(a.state.passes).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, TTL_MS * 2.5));
    await b.job.runNow();
    expect(b.state.passes).toBe(0);
    a.state.hold.open();
    await a.job.stop();
    await b.job.stop();
  });

  it('lets another node take over when the holder’s lease runs out, and not before', async () => {
    const [a, b] = [node('test.lease.expiry'), node('test.lease.expiry')];
    await a.job.runNow();
    const holder = await holderOf('test.lease.expiry');
    a.cut(); // no more renewals, no release: a dead node
    await b.job.runNow();
    expect(b.state.passes).toBe(0);
    await vi.waitFor(
      async () => {
        await b.job.runNow();
        expect(b.state.passes).toBe(1);
      },
      { timeout: TTL_MS * 10, interval: TTL_MS / 4 },
    );
    expect(await holderOf('test.lease.expiry')).not.toBe(holder);
    // the old holder comes back: the lease is the other's now, renewed by it
    a.heal();
    await new Promise((resolve) => setTimeout(resolve, TTL_MS));
    const before = a.state.passes;
    await a.job.runNow();
    expect(a.state.passes).toBe(before);
    await Promise.all([a.job.stop(), b.job.stop()]);
    expect(await holderOf('test.lease.expiry')).toBeNull();
  });
});
