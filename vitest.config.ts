import { defineConfig } from 'vitest/config';

// `npm test`: integration tests on a real database (PGlite by default, PostgreSQL when
// TEST_DATABASE_URL is set), then the browser journeys in Chromium (test/e2e).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'integration',
          // test/postgres needs a PostgreSQL server (two processes cannot share an embedded database).
          include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts', ...(process.env.TEST_DATABASE_URL ? ['test/postgres/**/*.test.ts'] : [])],
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      './vitest.e2e.config.ts',
    ],
  },
});
