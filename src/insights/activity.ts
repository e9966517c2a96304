import type { Db } from '../db/client.js';
import { perDatabase } from '../db/prepared.js';
import { periodDaysOf } from './period.js';
import type { ActivityMeasures, Period } from './types.js';

/*
 * Activity from the daily rollups (daily_activity, member_days) and users' sign-up times: what was
 * published on the period's UTC days, in the given categories. Active members are members (not
 * staff) who published a post then; new members are community-wide (an account belongs to no
 * category).
 */

export type ActivityDay = { day: number; threads: number; replies: number; views: number };

type Scope = { categories: string; first: number; last: number };

const statements = perDatabase((db: Db) => ({
  days: db.$client.prepare<Scope, ActivityDay>(
    `SELECT d.day AS day, sum(d.threads) AS threads, sum(d.replies) AS replies, sum(d.views) AS views
     FROM json_each(@categories) AS scope
     JOIN daily_activity d ON d.category_id = scope.value AND d.day BETWEEN @first AND @last
     GROUP BY d.day ORDER BY d.day`,
  ),
  newMembers: db.$client.prepare<{ from: number; to: number }, number>('SELECT count(*) FROM users WHERE created_at >= @from AND created_at < @to').pluck(),
  activeMembers: db.$client
    .prepare<Scope, number>(
      `SELECT count(*) FROM (SELECT DISTINCT m.user_id AS userId FROM member_days m
         WHERE m.day BETWEEN @first AND @last AND m.posts > 0 AND m.category_id IN (SELECT value FROM json_each(@categories))) AS active
       JOIN users u ON u.id = active.userId AND u.role = 'member'`,
    )
    .pluck(),
}));

function scopeOf(categoryIds: readonly number[], period: Period): Scope {
  return { categories: JSON.stringify(categoryIds), ...periodDaysOf(period) };
}

/** Threads, replies and views per UTC day of the period (days with none are left out). */
export function readActivityDays(db: Db, categoryIds: readonly number[], period: Period): ActivityDay[] {
  return statements(db).days.all(scopeOf(categoryIds, period));
}

export function activityOf(db: Db, categoryIds: readonly number[], period: Period, days: readonly ActivityDay[]): ActivityMeasures {
  const totals = { threads: 0, replies: 0, views: 0 };
  for (const day of days) {
    totals.threads += day.threads;
    totals.replies += day.replies;
    totals.views += day.views;
  }
  const newMembers = statements(db).newMembers.get({ from: period.from, to: period.to }) ?? 0;
  const activeMembers = statements(db).activeMembers.get(scopeOf(categoryIds, period)) ?? 0;
  return { ...totals, newMembers, activeMembers };
}
