import type { AppContext } from '../../kernel/context.js';
import type { EffectiveParameters, ParameterQuery } from './service.js';

/**
 * Published parameters change a few times a year and are read for every receivable and lookup, so
 * each node keeps what it looked up. Publishing or voiding any version broadcasts a change that
 * empties every node's memo; the TTL bounds a lookup that raced with such a change.
 */
const TTL_MS = 60_000;
const POLICY_CHANGED = 'policy-changed';
const memos = new WeakMap<AppContext['cache'], Map<string, { value: EffectiveParameters; until: number }>>();

function memoOf(cache: AppContext['cache']) {
  let memo = memos.get(cache);
  if (!memo) {
    const created = new Map<string, { value: EffectiveParameters; until: number }>();
    memos.set(cache, (memo = created));
    cache.onBroadcast(POLICY_CHANGED, () => created.clear());
  }
  return memo;
}

export async function cachedParameters(
  ctx: Pick<AppContext, 'cache'>,
  query: ParameterQuery,
  load: () => Promise<EffectiveParameters>,
): Promise<EffectiveParameters> {
  const memo = memoOf(ctx.cache);
  const key = `${query.regionCode}|${query.insuranceType}|${query.month}`;
  const hit = memo.get(key);
  if (hit && hit.until > Date.now()) return hit.value;
  const value = await load();
  if (memo.size > 10_000) memo.clear();
  memo.set(key, { value, until: Date.now() + TTL_MS });
  return value;
}

/** Call after a publish or void has committed. */
export const forgetParameters = (ctx: Pick<AppContext, 'cache'>) => ctx.cache.broadcast(POLICY_CHANGED, '*');
