import { defineConfig } from 'vitest/config';

// Browser journeys in Chromium against a real server (placeholder until the journeys land).
export default defineConfig({
  test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false, passWithNoTests: true },
});
