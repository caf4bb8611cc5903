// Background jobs of one app process. Each job is a use case run as a named system actor on a
// timer; it runs once at start-up, so anything that fell due while the server was down runs then.
// Work is claimed with row locks (FOR UPDATE SKIP LOCKED), so several processes can run the same jobs.
import type { Config } from '../config.js';
import { systemActor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import type { Context } from '../core/context.js';
import { publishDue, remindStaleAgencies } from '../modules/content/service.js';
import { agencyNotifiedSince } from '../modules/notifications/service.js';
import { recordJobRun } from '../modules/monitoring/service.js';

export const SCHEDULED_PUBLISHING = 'scheduled-publishing';
export const FRESHNESS_REMINDERS = 'freshness-reminders';

export interface JobRunner {
  runOnce(): Promise<void>;
  stop(): void;
}

export function startJobs(opts: { db: Context['db']; config: Config; clock: Clock; log: Context['log']; intervalMs?: number }): JobRunner {
  const ctx: Context = {
    actor: systemActor('system:scheduler'),
    db: opts.db,
    clock: opts.clock,
    log: opts.log,
    locale: 'vi',
    requestId: 'scheduler',
    ip: null,
    config: opts.config,
  };
  let running: Promise<void> | null = null;
  const runOnce = async () => {
    if (running) return running;
    running = (async () => {
      try {
        const result = await publishDue(ctx);
        if (result.published.length) opts.log.info({ published: result.published }, 'scheduled publishing');
        if (result.failed.length) opts.log.warn({ failed: result.failed }, 'scheduled publishing failed for some versions');
        await recordJobRun(ctx, SCHEDULED_PUBLISHING, {
          ok: result.failed.length === 0,
          error: result.failed.length ? `${result.failed.length} version(s) could not be published` : undefined,
          details: { published: result.published.length, failed: result.failed },
        });
      } catch (e) {
        opts.log.error({ err: e }, 'scheduled publishing crashed');
        await recordJobRun(ctx, SCHEDULED_PUBLISHING, { ok: false, error: (e as Error).message }).catch(() => undefined);
      }
      try {
        const since = new Date(ctx.clock.now().getTime() - opts.config.staleAfterDays * 86_400_000);
        const reminded = await remindStaleAgencies(ctx, (agencyId) => agencyNotifiedSince(ctx, 'freshness.reminder', agencyId, since));
        await recordJobRun(ctx, FRESHNESS_REMINDERS, { ok: true, details: { reminded } });
      } catch (e) {
        opts.log.error({ err: e }, 'freshness reminders crashed');
        await recordJobRun(ctx, FRESHNESS_REMINDERS, { ok: false, error: (e as Error).message }).catch(() => undefined);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  void runOnce();
  const timer = setInterval(() => void runOnce(), opts.intervalMs ?? 30_000);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
