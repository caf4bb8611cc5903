// What the CLI and start-up share: configuration, the database, and a system actor's context.
import pino from 'pino';
import { loadConfig, ConfigError, type Config } from '../config.js';
import { systemActor } from '../core/actor.js';
import { systemClock } from '../core/clock.js';
import type { Context } from '../core/context.js';
import { openDatabase, type DatabaseHandle } from '../db/client.js';
import { fail } from './command.js';

export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(`Configuration error: ${e.message}`, 2);
    throw e;
  }
}

export async function openDatabaseOrExit(config: Config): Promise<DatabaseHandle> {
  try {
    return await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (e) {
    fail(`Cannot open the database: ${(e as Error).message}`);
  }
}

export function systemContext(handle: DatabaseHandle, config: Config, name: `system:${string}`): Context {
  return {
    actor: systemActor(name),
    db: handle.db,
    clock: systemClock,
    log: pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel }),
    locale: 'en',
    requestId: `${name}-${Date.now()}`,
    ip: null,
    config,
  };
}
