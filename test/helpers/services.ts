// Services some tests need beyond the embedded database, and the reason printed when a test is
// skipped without one (`ctx.skip(reason)`; test/support/run-reporter.ts lists them at the end of a
// run, and CI fails if a test is skipped in every pass: test/support/check-skips.ts).
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const NEEDS_POSTGRES = 'needs a PostgreSQL server: set TEST_DATABASE_URL (CI runs these in its PostgreSQL pass)';
export const NEEDS_REDIS = `needs Redis at ${REDIS_URL} (TEST_REDIS_URL): start redis-server (CI does)`;

/** Whether Redis answers at REDIS_URL, asked once without retries. */
export async function redisReachable(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  const up = await probe.connect().then(
    () => true,
    () => false,
  );
  probe.disconnect();
  return up;
}
