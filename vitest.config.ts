import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'fakes/**/*.test.ts', 'eslint-rules/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/e2e/**', 'web/**'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
