import type { Db } from '../../src/db/client.js';

/*
 * Recounts every denormalized column from the posts table, independently of how the seed computed
 * them, and fails loudly on the first mismatch. The rules are those of src/forum/counters.ts.
 */
const checks: { name: string; sql: string }[] = [
  {
    name: 'threads.last_post_number and reply_count',
    sql: `SELECT t.id FROM threads t JOIN (
            SELECT thread_id, max(number) AS last_number,
                   sum(number > 1 AND deleted_at IS NULL AND hidden_at IS NULL) AS replies
            FROM posts GROUP BY thread_id) p ON p.thread_id = t.id
          WHERE t.last_post_number != p.last_number OR t.reply_count != p.replies LIMIT 5`,
  },
  {
    name: 'threads.last_post_id/at/author_id (newest visible post)',
    sql: `SELECT t.id FROM threads t JOIN posts p ON p.id = (
            SELECT id FROM posts WHERE thread_id = t.id AND deleted_at IS NULL AND hidden_at IS NULL ORDER BY number DESC LIMIT 1)
          WHERE t.last_post_id != p.id OR t.last_post_at != p.created_at OR t.last_post_author_id != p.author_id LIMIT 5`,
  },
  {
    name: 'posts.number is 1…n in each thread',
    sql: `SELECT thread_id FROM posts GROUP BY thread_id HAVING min(number) != 1 OR max(number) != count(*) LIMIT 5`,
  },
  {
    name: 'categories.thread_count and post_count',
    sql: `SELECT c.id FROM categories c LEFT JOIN (
            SELECT t.category_id, count(DISTINCT t.id) AS threads, sum(p.deleted_at IS NULL AND p.hidden_at IS NULL) AS posts
            FROM threads t JOIN posts p ON p.thread_id = t.id GROUP BY t.category_id) x ON x.category_id = c.id
          WHERE c.thread_count != coalesce(x.threads, 0) OR c.post_count != coalesce(x.posts, 0) LIMIT 5`,
  },
  {
    name: 'categories.last_thread_id/last_post_at (newest post)',
    sql: `SELECT c.id FROM categories c JOIN posts p ON p.id = (
            SELECT max(p2.id) FROM posts p2 JOIN threads t2 ON t2.id = p2.thread_id WHERE t2.category_id = c.id)
          WHERE c.last_thread_id != p.thread_id OR c.last_post_at != p.created_at LIMIT 5`,
  },
  {
    name: 'users.post_count',
    sql: `SELECT u.id FROM users u LEFT JOIN (
            SELECT author_id, count(*) AS n FROM posts WHERE deleted_at IS NULL AND hidden_at IS NULL GROUP BY author_id) p ON p.author_id = u.id
          WHERE u.post_count != coalesce(p.n, 0) LIMIT 5`,
  },
  { name: 'foreign keys', sql: 'PRAGMA foreign_key_check' },
];

export function checkDataset(db: Db): void {
  for (const check of checks) {
    const bad = db.$client.prepare(check.sql).raw().all();
    if (bad.length > 0) throw new Error(`Dataset check failed: ${check.name} (e.g. ${JSON.stringify(bad.slice(0, 5))}).`);
  }
}
