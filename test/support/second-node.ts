// A second platform process on a test server's database and cache (`startSecondNode` in server.ts):
// the first server's configuration (keys, database URL) and cache namespace arrive as JSON in
// SECOND_NODE; prints its URL on stdout.
import { createPlatform } from '../../src/platform.js';
import { openCache } from '../../src/kernel/cache/index.js';
import type { Config } from '../../src/kernel/config/index.js';
import type { AppContext } from '../../src/kernel/context.js';

const input = JSON.parse(process.env.SECOND_NODE ?? '{}') as { config: Config; redisUrl: string; cachePrefix: string; providerUrls: AppContext['providerUrls'] };
const cache = await openCache(input.redisUrl, input.cachePrefix);
const platform = await createPlatform({ ...input.config, seedDemo: false, startFakes: false }, { cache, providerUrls: input.providerUrls });
const url = await platform.app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`LISTENING ${url}\n`);
const stop = async () => {
  await platform.close();
  await cache.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
