import type { Db } from '../db/client.js';
import { perDatabase } from '../db/prepared.js';
import type { FeedbackComment, FeedbackInsights, FeedbackSubject, Period } from './types.js';

/*
 * "Did this help?" (docs/insights.md): the answers first given in the period, as they stand now
 * (a changed answer counts once, with its last value), on threads of the categories in scope.
 * One row per thread and help article key (answers from the thread page and unkeyed frames have
 * none). Help articles that customers answered "No" rank first, most "No" answers first, then the
 * lowest yes-rate: the list of articles that fail customers. Comments come newest first.
 */

export const FEEDBACK_ROWS = 50;

type SubjectRow = Omit<FeedbackSubject, 'helpful'> & { answers: number; yes: number };
type CommentRow = Omit<FeedbackComment, 'helpful'> & { helpful: number };

const IN_SCOPE = `FROM thread_feedback f INDEXED BY thread_feedback_created_idx
  JOIN threads t ON t.id = f.thread_id
  JOIN categories c ON c.id = t.category_id
  WHERE f.created_at >= @from AND f.created_at < @to AND t.category_id IN (SELECT value FROM json_each(@categories))`;

const statements = perDatabase((db: Db) => ({
  subjects: db.$client.prepare<{ categories: string; from: number; to: number; limit: number }, SubjectRow>(
    `SELECT f.thread_id AS threadId, t.slug AS slug, t.title AS title, c.name AS categoryName, f.embed_key AS embedKey,
       count(*) AS answers, sum(f.helpful) AS yes
     ${IN_SCOPE}
     GROUP BY f.thread_id, f.embed_key
     ORDER BY (f.embed_key IS NOT NULL AND count(*) > sum(f.helpful)) DESC, count(*) - sum(f.helpful) DESC,
       1.0 * sum(f.helpful) / count(*), count(*) DESC, f.thread_id, f.embed_key
     LIMIT @limit`,
  ),
  comments: db.$client.prepare<{ categories: string; from: number; to: number; limit: number }, CommentRow>(
    `SELECT f.id AS id, f.thread_id AS threadId, t.slug AS slug, t.title AS title, f.embed_key AS embedKey,
       f.helpful AS helpful, f.comment AS comment, f.updated_at AS at
     ${IN_SCOPE} AND f.comment IS NOT NULL
     ORDER BY f.updated_at DESC, f.id DESC
     LIMIT @limit`,
  ),
}));

export function feedbackOf(db: Db, categoryIds: readonly number[], period: Period, limit = FEEDBACK_ROWS): FeedbackInsights {
  const values = { categories: JSON.stringify(categoryIds), from: period.from, to: period.to, limit };
  const queries = statements(db);
  return {
    subjects: queries.subjects.all(values).map(({ answers, yes, ...row }) => ({ ...row, helpful: { count: yes, of: answers } })),
    comments: queries.comments.all(values).map((row) => ({ ...row, helpful: row.helpful === 1 })),
  };
}
