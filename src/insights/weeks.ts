import { DAY_MS } from './thread-views.js';
import type { Period } from './types.js';

/*
 * The charts' weeks: Monday 00:00 UTC to the next Monday. Day number 0 (1970-01-01) was a
 * Thursday, so a day's Monday is 3 days before it when (day + 3) is a multiple of 7.
 */

export function mondayOfDay(day: number): number {
  return day - (((day + 3) % 7) + 7) % 7;
}

/** The first millisecond of the week holding `ms`. */
export function weekStartOf(ms: number): number {
  return mondayOfDay(Math.floor(ms / DAY_MS)) * DAY_MS;
}

/** The starts of every week that overlaps the period, oldest first. */
export function weeksOf(period: Period): number[] {
  const starts: number[] = [];
  for (let start = weekStartOf(period.from); start < period.to; start += 7 * DAY_MS) starts.push(start);
  return starts;
}
