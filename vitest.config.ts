import { defineConfig } from 'vitest/config';

// `npm test`: integration tests on a real database (PGlite by default, PostgreSQL when
// TEST_DATABASE_URL is set), then the browser journeys in Chromium (test/e2e). docs/testing.md
// has the time budget, the quick commands and what the slowest files cost.
export default defineConfig({
  test: {
    // Skipped tests with their reasons and the slowest files, after the default report.
    reporters: ['default', './test/support/run-reporter.ts'],
    projects: [
      {
        test: {
          name: 'integration',
          // test/postgres needs a PostgreSQL server (two processes cannot share an embedded
          // database): without TEST_DATABASE_URL its tests are skipped, saying so.
          include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/postgres/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          // Vitest's default is one worker fewer than the cores, per project: on this 2-core machine
          // that ran every integration file one after the other (docs/testing.md).
          maxWorkers: 2,
        },
      },
      './vitest.e2e.config.ts',
    ],
  },
});
