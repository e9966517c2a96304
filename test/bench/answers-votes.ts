import type { Db } from '../../src/db/client.js';

/*
 * Accepted answers and helpful votes, so that what reads them (the insights dashboard's solutions
 * and top helpers, the "top" sort) has a realistic amount to read: two questions in five in Q&A
 * categories have their first reply by someone else accepted, up to two days later; one reply in
 * ten has a helpful vote, an hour after it was written. Chosen from ids, so the same seed gives the
 * same dataset. Written after the posts with their indexes in place, through the same triggers
 * that keep the insights' facts and rollups (migration 0018), and the counters as the services
 * keep them (src/forum/votes.ts).
 */

export function insertAnswersAndVotes(db: Db, userCount: number): void {
  const sqlite = db.$client;
  const latest = sqlite.prepare('SELECT max(created_at) FROM posts').pluck().get() as number;
  sqlite
    .prepare(
      `WITH answer AS (
         SELECT t.id AS threadId,
           (SELECT p.id FROM posts p WHERE p.thread_id = t.id AND p.number > 1 AND p.author_id <> t.author_id AND p.deleted_at IS NULL ORDER BY p.number LIMIT 1) AS postId
         FROM threads t WHERE t.category_id IN (SELECT id FROM categories WHERE kind = 'questions') AND t.status = 'published' AND t.id % 5 < 2)
       UPDATE threads SET solved_post_id = answer.postId, solved_at = min(p.created_at + (threads.id % 48) * 3600000, @latest)
       FROM answer JOIN posts p ON p.id = answer.postId
       WHERE threads.id = answer.threadId`,
    )
    .run({ latest });
  sqlite
    .prepare(
      `INSERT INTO post_votes (post_id, user_id, created_at)
       SELECT p.id, 1 + (p.id * 7919) % @users, min(p.created_at + 3600000, @latest) FROM posts p
       WHERE p.number > 1 AND p.id % 10 = 0 AND p.deleted_at IS NULL AND 1 + (p.id * 7919) % @users <> p.author_id`,
    )
    .run({ users: userCount, latest });
  sqlite.exec('UPDATE posts SET helpful_count = (SELECT count(*) FROM post_votes v WHERE v.post_id = posts.id) WHERE id IN (SELECT post_id FROM post_votes)');
  sqlite.exec(
    `UPDATE threads SET helpful_count = (SELECT count(*) FROM post_votes v JOIN posts p ON p.id = v.post_id WHERE p.thread_id = threads.id)
     WHERE id IN (SELECT p.thread_id FROM post_votes v JOIN posts p ON p.id = v.post_id)`,
  );
}
