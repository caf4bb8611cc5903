// One server for the journeys that do not interfere: started once per run by global-setup.ts
// (a start took 30–115 s on the busy 2-core machine, and the demo data's background work is
// done once). A journey that needs its own environment (a moved clock, the first
// administrator's first sign-in, webhooks that count every change) keeps its own `startServer()`.
//
// What sharing asks of a journey: use accounts through support/accounts.ts (a demo account's first
// sign-in happens once; later journeys get its session), leave the data others count on alone
// (portal highlights, the Department of Tourism's media library, published demo items), name what
// it creates uniquely, and fail at most a few sign-ins (language.test.ts fails the administrator's
// once; the account slows down after LOGIN_SLOW_AFTER_FAILURES, 3).
import { inject } from 'vitest';
import type { TestServer } from './server.js';

/** The environment of the shared server: what the sharing journeys need between them. */
export const SHARED_SERVER_ENV = {
  // usage.test.ts reads the usage counters right after its requests
  USAGE_FLUSH_SECONDS: '1',
};

/** The shared server; `stop` does nothing (the run's teardown stops it). */
export function sharedServer(): TestServer {
  return { ...inject('e2eServer'), output: () => '(the shared server’s output is not kept)', stop: async () => undefined };
}
