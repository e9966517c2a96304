import type { Db } from '../db/client.js';
import { perDatabase } from '../db/prepared.js';
import { periodDaysOf } from './period.js';
import type { Period, TopHelper } from './types.js';

/*
 * Members (not staff) whose answers were accepted most in the period, then who received the most
 * helpful votes, from member_days: an answer counts on the day it was accepted, a vote on the day
 * it was given, in the category of the thread. Ties go by username, so the list is stable.
 */

export const TOP_HELPERS = 10;

const statements = perDatabase((db: Db) => ({
  top: db.$client.prepare<{ categories: string; first: number; last: number; limit: number }, TopHelper>(
    `SELECT u.id AS userId, u.username AS username, given.answers AS answers, given.helpful AS helpful
     FROM (SELECT m.user_id AS userId, sum(m.answers) AS answers, sum(m.helpful) AS helpful FROM member_days m
           WHERE m.day BETWEEN @first AND @last AND (m.answers > 0 OR m.helpful > 0)
             AND m.category_id IN (SELECT value FROM json_each(@categories))
           GROUP BY m.user_id) AS given
     JOIN users u ON u.id = given.userId AND u.role = 'member'
     WHERE given.answers > 0 OR given.helpful > 0
     ORDER BY given.answers DESC, given.helpful DESC, u.username_key ASC LIMIT @limit`,
  ),
}));

export function topHelpersOf(db: Db, categoryIds: readonly number[], period: Period): TopHelper[] {
  return statements(db).top.all({ categories: JSON.stringify(categoryIds), ...periodDaysOf(period), limit: TOP_HELPERS });
}
