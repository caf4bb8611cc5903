// Background jobs of one app process. Each job is a use case run as a named system actor on a
// timer; all run once at start-up, so anything that fell due while the server was down runs then.
// Work is claimed with row locks (FOR UPDATE SKIP LOCKED), so several processes can run the same
// jobs. Every run is recorded in job_status (visible in the admin app).
import { publicBaseUrl, type Config } from '../config.js';
import { systemActor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import type { Context } from '../core/context.js';
import { publishDue, remindStaleAgencies } from '../modules/content/service.js';
import { cleanExpiredUploads, collectMediaGarbage, onMediaWork, processPendingVariants } from '../modules/media/service.js';
import { getJobStatus, recordJobRun, refreshPlannerStatistics } from '../modules/monitoring/service.js';
import { sendCaseReminders } from '../modules/cases/service.js';
import { dispatchWebhooks, sendDueWebhooks } from '../modules/webhooks/service.js';
import { agencyNotifiedSince, sendNotificationEmails, type Mailer } from '../modules/notifications/service.js';
import { smtpMailer } from './mailer.js';

export const SCHEDULED_PUBLISHING = 'scheduled-publishing';
export const FRESHNESS_REMINDERS = 'freshness-reminders';
export const NOTIFICATION_EMAILS = 'notification-emails';
export const MEDIA_VARIANTS = 'media-variants';
export const MEDIA_CLEANUP = 'media-cleanup';
export const WEBHOOK_DISPATCH = 'webhook-dispatch';
export const WEBHOOK_DELIVERY = 'webhook-delivery';
export const CASE_REMINDERS = 'case-reminders';
export const DATABASE_STATISTICS = 'database-statistics';

/**
 * Jobs whose purpose needs them less often than every tick: run when their last run (job_status,
 * so a restart does not bring it forward) is at least this many milliseconds ago. The freshness
 * reminders read every agency's items; a stale agency is one silent for weeks, so once a day does.
 */
export const JOB_PERIODS: Partial<Record<string, number>> = { [FRESHNESS_REMINDERS]: 24 * 3_600_000 };

export interface JobRunner {
  runOnce(): Promise<void>;
  stop(): void;
}

interface JobResult {
  ok: boolean;
  error?: string;
  details?: Record<string, unknown>;
}

export function startJobs(opts: {
  db: Context['db'];
  config: Config;
  clock: Clock;
  log: Context['log'];
  intervalMs?: number;
  mailer?: Mailer;
  wakeOnMedia?: boolean;
}): JobRunner {
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
  const mailer = opts.mailer ?? (opts.config.mail ? smtpMailer(opts.config.mail) : null);
  const baseUrl = publicBaseUrl(opts.config);

  const jobs: Array<[string, () => Promise<JobResult>]> = [
    [
      SCHEDULED_PUBLISHING,
      async () => {
        const r = await publishDue(ctx);
        if (r.published.length) opts.log.info({ published: r.published }, 'scheduled publishing');
        return {
          ok: r.failed.length === 0,
          error: r.failed.length ? `${r.failed.length} version(s) could not be published` : undefined,
          details: { published: r.published.length, failed: r.failed },
        };
      },
    ],
    [
      FRESHNESS_REMINDERS,
      async () => {
        const since = new Date(ctx.clock.now().getTime() - opts.config.staleAfterDays * 86_400_000);
        const reminded = await remindStaleAgencies(ctx, (agencyId) => agencyNotifiedSince(ctx, 'freshness.reminder', agencyId, since));
        return { ok: true, details: { reminded } };
      },
    ],
    [
      CASE_REMINDERS,
      async () => {
        const r = await sendCaseReminders(ctx);
        return { ok: true, details: { ...r } };
      },
    ],
    [
      MEDIA_VARIANTS,
      async () => {
        const r = await processPendingVariants(ctx, 20);
        return { ok: r.failed === 0, error: r.failed ? `${r.failed} image(s) could not be processed` : undefined, details: { ...r } };
      },
    ],
    [
      MEDIA_CLEANUP,
      async () => {
        const r = await collectMediaGarbage(ctx);
        const expiredUploads = await cleanExpiredUploads(ctx);
        return { ok: true, details: { ...r, expiredUploads } };
      },
    ],
    [
      DATABASE_STATISTICS,
      async () => {
        // PGlite (and a PostgreSQL without autovacuum): ANALYZE the tables that changed enough
        const r = await refreshPlannerStatistics(ctx);
        if (r.analyzed.length) opts.log.info({ analyzed: r.analyzed, ms: Math.round(r.ms) }, 'planner statistics updated');
        return { ok: true, details: { analyzed: r.analyzed, ...(r.skipped ? { skipped: r.skipped } : {}) } };
      },
    ],
    [
      WEBHOOK_DISPATCH,
      async () => {
        const r = await dispatchWebhooks(ctx);
        return { ok: true, details: { ...r } };
      },
    ],
    [
      WEBHOOK_DELIVERY,
      async () => {
        // a retry's time comes from the context clock; up to 5 rounds of 20 per run
        const total = { sent: 0, delivered: 0, retrying: 0, failed: 0, disabled: 0 };
        for (let i = 0; i < 5; i++) {
          const r = await sendDueWebhooks(ctx, 20);
          for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += r[k];
          if (r.sent < 20) break;
        }
        // a subscriber's receiver being down is not this job failing: counted in the details, shown in its log
        return { ok: true, details: total };
      },
    ],
  ];
  if (mailer) {
    jobs.push([
      NOTIFICATION_EMAILS,
      async () => {
        const r = await sendNotificationEmails(ctx, mailer, { baseUrl });
        return { ok: r.failed === 0, error: r.failed ? `${r.failed} e-mail(s) failed` : undefined, details: { ...r } };
      },
    ]);
  }

  const due = async (name: string) => {
    const period = JOB_PERIODS[name];
    if (!period) return true;
    const last = await getJobStatus(ctx, name);
    return !last || ctx.clock.now().getTime() - last.lastRunAt.getTime() >= period;
  };

  let running: Promise<void> | null = null;
  const runOnce = async () => {
    if (running) return running;
    running = (async () => {
      for (const [name, job] of jobs) {
        if (!(await due(name).catch(() => true))) continue;
        const started = performance.now();
        try {
          const result = await job();
          if (!result.ok) opts.log.warn({ job: name, error: result.error }, 'job finished with failures');
          // how long the run took (wall time, milliseconds), beside what it did
          await recordJobRun(ctx, name, { ...result, details: { ...result.details, ms: Math.round(performance.now() - started) } });
        } catch (e) {
          opts.log.error({ err: e, job: name }, 'job crashed');
          await recordJobRun(ctx, name, { ok: false, error: (e as Error).message }).catch(() => undefined);
        }
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };
  // new uploads need variants now, not at the next tick
  let mediaRun: Promise<void> | null = null;
  let mediaAgain = false;
  const runMedia = () => {
    if (mediaRun) {
      mediaAgain = true;
      return;
    }
    mediaRun = (async () => {
      do {
        mediaAgain = false;
        const job = jobs.find(([n]) => n === MEDIA_VARIANTS)![1];
        const result = await job().catch((e: Error) => ({ ok: false, error: e.message }));
        await recordJobRun(ctx, MEDIA_VARIANTS, result).catch(() => undefined);
      } while (mediaAgain);
    })().finally(() => {
      mediaRun = null;
    });
  };
  const unsubscribe = opts.wakeOnMedia === false ? () => undefined : onMediaWork(runMedia);
  void runOnce();
  const timer = setInterval(() => void runOnce(), opts.intervalMs ?? 30_000);
  timer.unref();
  return {
    runOnce,
    stop: () => {
      clearInterval(timer);
      unsubscribe();
    },
  };
}
