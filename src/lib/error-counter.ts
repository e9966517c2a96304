// Unhandled errors (500s) this process answered, counted per minute for the last hour: what the
// admin home shows as "errors in the last hour". In memory only, so it counts this process since it
// started; the log has every error with its request id.

const MINUTE = 60_000;
const MINUTES_KEPT = 60;

export class ErrorCounter {
  private readonly minutes = new Map<number, number>();
  readonly since: number;

  constructor(private readonly now: () => number = Date.now) {
    this.since = now();
  }

  record(): void {
    const minute = Math.floor(this.now() / MINUTE);
    this.minutes.set(minute, (this.minutes.get(minute) ?? 0) + 1);
    // Forget what is older than an hour: at most 60 entries are ever kept.
    for (const kept of this.minutes.keys()) if (kept <= minute - MINUTES_KEPT) this.minutes.delete(kept);
  }

  /** Errors in the last 60 minutes, this one included. */
  lastHour(): number {
    const minute = Math.floor(this.now() / MINUTE);
    let total = 0;
    for (const [kept, count] of this.minutes) if (kept > minute - MINUTES_KEPT) total += count;
    return total;
  }
}
