// The explicit context every use case receives: ctx = { actor, db, clock, log, locale, requestId }.
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import type { Config } from '../config.js';
import type { Actor } from './actor.js';
import type { Clock } from './clock.js';
import type { Locale } from './i18n.js';

export interface Context {
  actor: Actor;
  db: Database;
  clock: Clock;
  log: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  locale: Locale;
  requestId: string;
  ip: string | null;
  userAgent?: string | null;
  config: Config;
}
