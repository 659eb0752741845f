/**
 * Group commit (成组提交): a hot route that writes one small row per request hands it in and
 * waits, and whatever arrived while the previous write was running goes to the database in the
 * next one: one statement and one commit for many requests instead of one each. Every caller
 * still learns of its own row only once it is committed.
 */
export interface GroupCommit<T, R> {
  /** queues one item; settles with its result once the write that carried it has committed */
  add(item: T): Promise<R>;
  /** settles when everything queued so far has been written */
  flush(): Promise<void>;
}

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  /** most items per write (500) */
  maxBatch?: number;
  /** most writes at a time (1) */
  concurrency?: number;
  /**
   * A failed write of several items is tried again item by item, so that one item's failure (a
   * constraint it alone breaks) fails only its own caller. For writes whose items are independent.
   */
  isolateFailures?: boolean;
}

/**
 * `write` gets the items of one batch and returns their results in the same order (a failed write
 * fails every caller of that batch, unless `isolateFailures`). At most `maxBatch` items per write; at
 * most `concurrency` writes at a time (1 keeps a sequence in order, as the audit chain needs).
 */
export function groupCommit<T, R = void>(write: (items: T[]) => Promise<R[] | void>, options: GroupCommitOptions = {}): GroupCommit<T, R> {
  const maxBatch = options.maxBatch ?? 500;
  const concurrency = options.concurrency ?? 1;
  let queue: Pending<T, R>[] = [];
  const running = new Set<Promise<void>>();

  const runOne = async (batch: Pending<T, R>[]): Promise<void> => {
    try {
      const results = await write(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve((results ? results[i] : undefined) as R));
    } catch (error) {
      if (options.isolateFailures && batch.length > 1) {
        for (const p of batch) await runOne([p]);
        return;
      }
      for (const p of batch) p.reject(error);
    }
  };

  const pump = () => {
    while (queue.length && running.size < concurrency) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      const run: Promise<void> = runOne(batch).finally(() => {
        running.delete(run);
        pump();
      });
      running.add(run);
    }
  };

  return {
    add: (item) =>
      new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        pump();
      }),
    flush: async () => {
      while (running.size) await Promise.all([...running]);
    },
  };
}

/** One group commit per owner (a platform instance's context), created on first use. */
export function groupCommitPer<K extends object, T, R = void>(
  write: (owner: K, items: T[]) => Promise<R[] | void>,
  options: GroupCommitOptions = {},
): (owner: K) => GroupCommit<T, R> {
  const byOwner = new WeakMap<K, GroupCommit<T, R>>();
  return (owner) => {
    let batches = byOwner.get(owner);
    if (!batches) byOwner.set(owner, (batches = groupCommit<T, R>((items) => write(owner, items), options)));
    return batches;
  };
}
