/**
 * Browser tests: `npx vitest run --config test/e2e/vitest.config.ts` (or, from a root config that
 * lists this file in `test.projects`, `vitest run --project e2e`). Needs /usr/bin/chromium
 * (scripts/install-chromium.sh); the global setup builds web/dist when it is stale.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    // Each file starts its own platform and browser; two cores run two files at a time at most.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
