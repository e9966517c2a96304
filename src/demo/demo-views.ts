import type { Db } from '../db/client.js';
import { DAY_MS, ThreadViewCounter } from '../insights/thread-views.js';
import type { DemoThread } from './demo-content.js';

// Page views of the demo's threads, day by day since each started, added through the app's own
// counter (one flush, as a server process adds its batches). A thread draws most readers in its
// first days and on days someone posts in it, then a trickle from search and links; weekdays are
// busier than weekends. Deterministic, so every fresh demo shows the same figures.

const HOUR_MS = 60 * 60 * 1000;

/** 0.8–1.2, the same every time for a thread and day. */
function jitter(threadIndex: number, day: number): number {
  return 0.8 + ((threadIndex * 31 + day * 17) % 9) * 0.05;
}

function isWeekend(day: number): boolean {
  // Day 0 (1 January 1970) was a Thursday.
  const weekday = (day + 4) % 7;
  return weekday === 0 || weekday === 6;
}

/** Believable views of one thread on one UTC day, `age` whole days after it started. */
function viewsOn(thread: DemoThread, threadIndex: number, day: number, age: number, postsThatDay: number): number {
  const interest = thread.posts.length * 9 * 0.55 ** age + postsThatDay * 7 + 2 + (thread.pinned ? 9 : 0);
  return Math.round(interest * (isWeekend(day) ? 0.6 : 1.15) * jitter(threadIndex, day));
}

/**
 * Counts each demo thread's views for every day from its start to `now`. `threadIds` are the
 * threads the seed created and `postTimes` their posts' times, both in the order of `threads`.
 */
export function countDemoViews(db: Db, now: number, threads: readonly DemoThread[], threadIds: readonly number[], postTimes: readonly number[][]): number {
  const counter = new ThreadViewCounter();
  const today = Math.floor(now / DAY_MS);
  threads.forEach((thread, threadIndex) => {
    const times = postTimes[threadIndex]!;
    const firstDay = Math.floor(times[0]! / DAY_MS);
    for (let day = firstDay; day <= today; day++) {
      const postsThatDay = times.filter((time) => Math.floor(time / DAY_MS) === day).length;
      // A time on that day when the thread existed and that is not in the future.
      const at = Math.min(now, Math.max(times[0]!, day * DAY_MS + 12 * HOUR_MS));
      const views = viewsOn(thread, threadIndex, day, day - firstDay, postsThatDay);
      for (let view = 0; view < views; view++) counter.count(threadIds[threadIndex]!, at);
    }
  });
  return counter.flush(db);
}
