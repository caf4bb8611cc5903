import { defineConfig } from 'vitest/config';

// Browser journeys: the real server (child process, fresh data directory) driven in the system
// Chromium. One file at a time. Most journeys share one server that the global setup starts
// (support/shared-server.ts); those that need an environment of their own start their own.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/support/global-setup.ts'],
    // used when this file is the config (`npm run test:e2e`); `npm test` takes vitest.config.ts's
    reporters: ['default', './test/support/run-reporter.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
