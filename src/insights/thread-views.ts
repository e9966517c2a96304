import type { Db } from '../db/client.js';

/*
 * Thread page views, counted in memory and added to the database in batches: a row per thread and
 * day (thread_views) and the category's day (daily_activity), never a row or a write per view. A
 * page view is a GET of a thread page answered 200 or 304, by the router or as a cached hit
 * (src/lib/cached-pages.ts); pages a proxy or CDN serves from its own cache never reach the app and
 * are not counted (docs/insights.md). Each server process counts its own views and adds them.
 */

export const DAY_MS = 86_400_000;
/** How often a server process adds its counts (and at shutdown). */
export const VIEW_FLUSH_MS = 10_000;

const threadPath = /^\/t\/([1-9][0-9]{0,14})(?:[/?]|$)/;

/** The thread a thread page's URL shows, or null for any other URL. */
export function threadIdOfUrl(url: string): number | null {
  const match = threadPath.exec(url);
  return match ? Number(match[1]) : null;
}

export class ThreadViewCounter {
  /** day → thread → views not yet added. */
  private pending = new Map<number, Map<number, number>>();

  count(threadId: number, now: number): void {
    this.add(Math.floor(now / DAY_MS), threadId, 1);
  }

  private add(day: number, threadId: number, views: number): void {
    let threads = this.pending.get(day);
    if (threads === undefined) this.pending.set(day, (threads = new Map()));
    threads.set(threadId, (threads.get(threadId) ?? 0) + views);
  }

  /** Adds what was counted since the last flush, in one transaction; returns how many views. */
  flush(db: Db): number {
    if (this.pending.size === 0) return 0;
    const batch = this.pending;
    this.pending = new Map();
    const client = db.$client;
    // A thread deleted meanwhile takes its views with it (the SELECT finds no row).
    const perThread = client.prepare(
      'INSERT INTO thread_views (thread_id, day, views) SELECT id, @day, @views FROM threads WHERE id = @threadId ON CONFLICT (thread_id, day) DO UPDATE SET views = views + excluded.views',
    );
    const perCategory = client.prepare(
      'INSERT INTO daily_activity (category_id, day, views) SELECT category_id, @day, @views FROM threads WHERE id = @threadId ON CONFLICT (category_id, day) DO UPDATE SET views = views + excluded.views',
    );
    let total = 0;
    try {
      client.transaction(() => {
        for (const [day, threads] of batch) {
          for (const [threadId, views] of threads) {
            perThread.run({ day, views, threadId });
            perCategory.run({ day, views, threadId });
            total += views;
          }
        }
      }).immediate();
    } catch (error) {
      // Kept for the next flush rather than lost (a busy database, a full disk).
      for (const [day, threads] of batch) for (const [threadId, views] of threads) this.add(day, threadId, views);
      throw error;
    }
    return total;
  }
}
