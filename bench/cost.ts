// What one request costs beyond its latency: the statements and transactions it sends to PostgreSQL
// and the machine's CPU time it takes. The platform under test runs in this process, so every
// statement goes through pg's Client.query here: counting there sees each one, background jobs'
// included (they are part of what the route costs the machine).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface QueryConfig {
  text?: string;
}

const counts = { statements: 0, transactions: 0 };
let installed = false;

/** Counts statements (transaction control aside) and transactions (BEGIN…COMMIT, or a statement outside one). */
export function countStatements() {
  if (installed) return;
  installed = true;
  const pg = createRequire(import.meta.url)('pg') as { Client: { prototype: { query: (...args: unknown[]) => unknown } } };
  const open = new WeakSet<object>();
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: object, ...args: unknown[]) {
    const first = args[0];
    const text = (typeof first === 'string' ? first : ((first as QueryConfig | undefined)?.text ?? '')).trimStart().slice(0, 9).toLowerCase();
    if (text.startsWith('begin')) {
      open.add(this);
      counts.transactions++;
    } else if (text.startsWith('commit') || text.startsWith('rollback')) {
      open.delete(this);
    } else if (!text.startsWith('savepoint') && !text.startsWith('release')) {
      counts.statements++;
      if (!open.has(this)) counts.transactions++;
    }
    return query.apply(this, args);
  };
}

/** Busy CPU time of the whole machine so far (every core; /proc/stat), in milliseconds; 0 where there is none. */
export function machineBusyMs(): number {
  try {
    const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
    const [user, nice, system, , , irq, softirq, steal] = cpu.split(/\s+/).slice(1).map(Number);
    // USER_HZ is 100 on Linux
    return (user + nice + system + irq + softirq + steal) * 10;
  } catch {
    return 0;
  }
}

export interface Cost {
  statements: number;
  transactions: number;
  machineMs: number;
}

/** Starts measuring; the returned function gives what was spent since. */
export function costMeter(): () => Cost {
  const start = { ...counts, machineMs: machineBusyMs() };
  return () => ({ statements: counts.statements - start.statements, transactions: counts.transactions - start.transactions, machineMs: machineBusyMs() - start.machineMs });
}
