// Buffers usage counters in memory and adds them to the database every few seconds and on
// shutdown — never one write per request. Each process has its own buffer; the additive upsert
// makes their flushes commute.
import type { Context } from '../../core/context.js';
import { addCounters, recordUsage, type UsageEntry } from './service.js';

export class UsageRecorder {
  private buffer = new Map<string, UsageEntry>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  /** An early flush (buffer full) is queued or running: the next full buffer waits for it. */
  private earlyFlush = false;

  constructor(
    /** A system actor's context (system:usage) for the flush. */
    private readonly ctx: () => Context,
    private readonly opts: { flushMs: number; maxKeys?: number },
  ) {}

  add(entry: UsageEntry): void {
    this.merge(entry);
    // Many distinct callers (a flood of addresses): write early rather than grow without bound.
    if (this.buffer.size >= (this.opts.maxKeys ?? 5000) && !this.earlyFlush) {
      this.earlyFlush = true;
      void this.flush().finally(() => (this.earlyFlush = false));
    }
  }

  private merge(entry: UsageEntry): void {
    const key = `${entry.day}|${entry.principal}`;
    const held = this.buffer.get(key);
    if (held) addCounters(held, entry);
    else this.buffer.set(key, { ...entry });
  }

  /** Writes what is buffered; flushes run one after another. */
  flush(): Promise<void> {
    this.running = this.running.then(() => this.write());
    return this.running;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.flush(), this.opts.flushMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  private async write(): Promise<void> {
    if (!this.buffer.size) return;
    const entries = [...this.buffer.values()];
    this.buffer = new Map();
    const ctx = this.ctx();
    try {
      await recordUsage(ctx, entries);
    } catch (e) {
      // Keep the counters for the next flush (the database may be back by then).
      ctx.log.warn({ err: (e as Error).message, entries: entries.length }, 'API usage not written; kept for the next flush');
      for (const entry of entries) this.merge(entry);
    }
  }
}
