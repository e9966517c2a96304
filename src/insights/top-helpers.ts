import type { Db } from '../db/client.js';
import { perDatabase } from '../db/prepared.js';
import { periodDaysOf } from './period.js';
import type { Period, TopHelper } from './types.js';

/*
 * Members (not staff) whose answers were accepted most in the period, then who received the most
 * helpful votes, from member_days: an answer counts on the day it was accepted, a vote on the day
 * it was given, in the category of the thread. Ties go to the older account, so the list is stable.
 */

export const TOP_HELPERS = 10;

const statements = perDatabase((db: Db) => ({
  // Ranked among non-staff in the index's rows, then only the ten are looked up for their names.
  top: db.$client.prepare<{ categories: string; staff: string; first: number; last: number; limit: number }, TopHelper>(
    `SELECT u.id AS userId, u.username AS username, given.answers AS answers, given.helpful AS helpful
     FROM (SELECT m.user_id AS userId, sum(m.answers) AS answers, sum(m.helpful) AS helpful FROM member_days m INDEXED BY member_days_helpers_idx
           WHERE m.day BETWEEN @first AND @last AND (m.answers > 0 OR m.helpful > 0)
             AND m.category_id IN (SELECT value FROM json_each(@categories))
             AND m.user_id NOT IN (SELECT value FROM json_each(@staff))
           GROUP BY m.user_id
           HAVING sum(m.answers) > 0 OR sum(m.helpful) > 0
           ORDER BY answers DESC, helpful DESC, m.user_id
           LIMIT @limit) AS given
     JOIN users u ON u.id = given.userId
     ORDER BY given.answers DESC, given.helpful DESC, given.userId`,
  ),
}));

export function topHelpersOf(db: Db, categoryIds: readonly number[], period: Period, staffIds: readonly number[]): TopHelper[] {
  return statements(db).top.all({ categories: JSON.stringify(categoryIds), staff: JSON.stringify(staffIds), ...periodDaysOf(period), limit: TOP_HELPERS });
}
