// Time comes from the context clock so deadlines and expiries are testable without waiting.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move. */
export class ManualClock implements Clock {
  constructor(private current: Date = new Date('2026-01-05T02:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date): void {
    this.current = new Date(date);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** The province's time zone (UTC+7, no daylight saving). */
export const LOCAL_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The calendar date (yyyy-mm-dd) of an instant in Asia/Ho_Chi_Minh. */
export function toLocalDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
