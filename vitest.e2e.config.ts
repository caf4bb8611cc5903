import { defineConfig } from 'vitest/config';

// Browser journeys: the real server (child process, fresh data directory) driven in the system
// Chromium. One file at a time: each starts its own server.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
