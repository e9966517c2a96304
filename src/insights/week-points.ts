import type { ActivityDay } from './activity.js';
import { spreadOf } from './percentiles.js';
import { withinTargetShare, type QuestionRow } from './response.js';
import { DAY_MS } from './thread-views.js';
import type { Period, WeekPoint } from './types.js';
import { weekStartOf, weeksOf } from './weeks.js';

/*
 * The charts' weekly points: questions by the week they were asked (their first-reply median and
 * within-target share too), threads, replies and views by the week of the day they happened. The
 * first and last weeks hold only the period's part of them.
 */

export function weekPointsOf(period: Period, questions: readonly QuestionRow[], days: readonly ActivityDay[], targets: ReadonlyMap<number, number>, now: number): WeekPoint[] {
  const starts = weeksOf(period);
  const asked = new Map<number, QuestionRow[]>(starts.map((start) => [start, []]));
  for (const row of questions) asked.get(weekStartOf(row.createdAt))?.push(row);
  const activity = new Map(starts.map((start) => [start, { threads: 0, replies: 0, views: 0 }]));
  for (const day of days) {
    const totals = activity.get(weekStartOf(day.day * DAY_MS));
    if (!totals) continue;
    totals.threads += day.threads;
    totals.replies += day.replies;
    totals.views += day.views;
  }
  return starts.map((weekStart) => {
    const rows = asked.get(weekStart)!;
    const firstReplies = rows.filter((row) => row.firstReplyAt !== null).map((row) => row.firstReplyAt! - row.createdAt);
    return {
      weekStart,
      questions: rows.length,
      firstReplyMedian: spreadOf(firstReplies).median,
      withinTarget: withinTargetShare(rows, targets, now),
      ...activity.get(weekStart)!,
    };
  });
}
