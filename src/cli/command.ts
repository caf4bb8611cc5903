// What every CLI command gets, and how it stops: `main.ts` opens the configuration and the database
// once, then hands them to the command named on the command line.
import type { Config } from '../config.js';
import type { Context } from '../core/context.js';
import type { DatabaseHandle } from '../db/client.js';

export interface CommandEnvironment {
  config: Config;
  handle: DatabaseHandle;
  /** the `system:cli` actor's context: what the operator does is audited as the CLI */
  ctx: Context;
}

/** A command of `ttdn <command> [args…]`; args are the words after the command's name. */
export type Command = (env: CommandEnvironment, args: string[]) => Promise<void>;

/** Prints the message to standard error and ends the process: 1 for a refusal, 2 for a usage error, 3 for a broken audit chain. */
export function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}
