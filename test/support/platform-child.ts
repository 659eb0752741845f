/**
 * The platform as a process of its own, for tests that kill it (SIGKILL) and start it again on the
 * same database. Configured from the environment exactly as `src/main.ts` is, except the cache: it
 * lives under the test's own Redis prefix (`CACHE_PREFIX`), so sessions and nonces survive a restart
 * and nothing is shared with other test files. Prints `LISTENING <url>` once it accepts requests.
 */
import { openCache } from '../../src/kernel/cache/index.js';
import { loadConfig } from '../../src/kernel/config/index.js';
import { createPlatform } from '../../src/platform.js';

const config = loadConfig();
const cache = await openCache(config.redisUrl, process.env.CACHE_PREFIX);
const platform = await createPlatform(config, { cache });
const url = await platform.app.listen({ port: config.port, host: config.host });
process.stdout.write(`LISTENING ${url}\n`);

const stop = async () => {
  await platform.close();
  await cache.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
