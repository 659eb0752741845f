import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit.js';

/** A write that waits until released, so a test decides when each batch "commits". */
function gatedWrite() {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  let failNext = false;
  const write = async (items: number[]) => {
    batches.push(items);
    await new Promise<void>((resolve) => gates.push(resolve));
    if (failNext) {
      failNext = false;
      throw new Error('write failed');
    }
    return items.map((n) => n * 10);
  };
  return { write, batches, release: () => gates.shift()!(), failNextWrite: () => (failNext = true) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('groupCommit', () => {
  it('writes the first item at once and what arrives meanwhile as the next batch, each caller getting its own result', async () => {
    const gate = gatedWrite();
    const batches = groupCommit(gate.write);
    const first = batches.add(1);
    const rest = [2, 3, 4].map((n) => batches.add(n));
    await tick();
    expect(gate.batches).toEqual([[1]]);
    gate.release();
    expect(await first).toBe(10);
    await tick();
    expect(gate.batches).toEqual([[1], [2, 3, 4]]);
    gate.release();
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
  });

  it('keeps batches within maxBatch and runs up to `concurrency` writes at once', async () => {
    const gate = gatedWrite();
    const batches = groupCommit(gate.write, { maxBatch: 2, concurrency: 2 });
    const all = [1, 2, 3, 4, 5].map((n) => batches.add(n));
    await tick();
    // 1 and 2 each started a write as they arrived (two slots); 3, 4, 5 wait.
    expect(gate.batches).toEqual([[1], [2]]);
    gate.release();
    await tick();
    expect(gate.batches).toEqual([[1], [2], [3, 4]]);
    gate.release();
    gate.release();
    await tick();
    gate.release();
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50]);
  });

  it('fails every caller of a failed batch, and only those', async () => {
    const gate = gatedWrite();
    const batches = groupCommit(gate.write);
    const first = batches.add(1);
    const second = [batches.add(2), batches.add(3)];
    await tick();
    gate.release();
    await first;
    gate.failNextWrite();
    await tick();
    gate.release();
    await expect(second[0]).rejects.toThrow('write failed');
    await expect(second[1]).rejects.toThrow('write failed');
    const later = batches.add(4);
    await tick();
    gate.release();
    expect(await later).toBe(40);
  });

  it('with isolateFailures, tries a failed batch item by item: only the item that fails alone fails', async () => {
    const batches: number[][] = [];
    // 3 breaks a constraint: any write carrying it fails
    const write = async (items: number[]) => {
      batches.push(items);
      await tick();
      if (items.includes(3)) throw new Error('3 refused');
      return items.map((n) => n * 10);
    };
    const commits = groupCommit(write, { isolateFailures: true });
    const first = commits.add(1);
    const rest = [2, 3, 4].map((n) => commits.add(n));
    expect(await first).toBe(10);
    const settled = await Promise.allSettled(rest);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual([20, '3 refused', 40]);
    expect(batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });

  it('flush waits for the writes in progress', async () => {
    const gate = gatedWrite();
    const batches = groupCommit(gate.write);
    let done = false;
    void batches.add(1).then(() => (done = true));
    const flushed = batches.flush();
    await tick();
    expect(done).toBe(false);
    gate.release();
    await flushed;
    expect(done).toBe(true);
  });
});
