import type { AppContext } from '../../kernel/context.js';
import { memoPerCache } from '../../kernel/cache/memo.js';
import type { EffectiveParameters, ParameterQuery } from './parameters.js';

/**
 * Published parameters change a few times a year and are read for every receivable and lookup, so
 * each node keeps what it looked up. Publishing or voiding any version empties every node's memo.
 */
const memo = memoPerCache<EffectiveParameters>('policy-changed', { ttlMs: 60_000, maxKeys: 10_000 });

export const cachedParameters = (ctx: Pick<AppContext, 'cache'>, query: ParameterQuery, load: () => Promise<EffectiveParameters>): Promise<EffectiveParameters> =>
  memo(ctx.cache).get(`${query.regionCode}|${query.insuranceType}|${query.month}`, load) as Promise<EffectiveParameters>;

/** Call after a publish or void has committed. */
export const forgetParameters = (ctx: Pick<AppContext, 'cache'>) => memo(ctx.cache).forget('*');
