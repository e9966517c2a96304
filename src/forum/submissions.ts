import type { Db } from '../db/client.js';
import { perConnection } from '../db/prepared.js';
import type { Tx } from './counters.js';

const DAY = 24 * 60 * 60_000;

/** A form token: what the form carried, if it looks like one of ours (a request without one is simply not deduplicated). */
export function submissionToken(value: unknown): string | null {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(value) ? value : null;
}

export type EarlierSubmission = { postId: number; threadId: number; slug: string; number: number | null; lastPostNumber: number; status: string };

/**
 * The post an earlier submission of the same form created: read inside the write's transaction, and
 * before it by the route, so a retry is answered without counting against the posting limit.
 */
// Every new post runs these: raw statements prepared once per connection (inside the caller's transaction).
const statements = perConnection((client) => ({
  find: client.prepare<[number, string], EarlierSubmission>(
    `SELECT p.id AS postId, p.thread_id AS threadId, t.slug, p.number, t.last_post_number AS lastPostNumber, p.status
     FROM submissions s JOIN posts p ON p.id = s.post_id JOIN threads t ON t.id = p.thread_id
     WHERE s.user_id = ? AND s.token = ?`,
  ),
  record: client.prepare<[number, string, number, number]>('INSERT INTO submissions (user_id, token, post_id, created_at) VALUES (?, ?, ?, ?)'),
  prune: client.prepare<[number]>('DELETE FROM submissions WHERE created_at < ?'),
}));

export function findSubmission(handle: Db | Tx, userId: number, token: string | null): EarlierSubmission | undefined {
  if (token === null) return undefined;
  return statements(handle).find.get(userId, token);
}

export function recordSubmission(tx: Tx, input: { userId: number; token: string | null; postId: number; now: number }): void {
  if (input.token === null) return;
  const sql = statements(tx);
  sql.record.run(input.userId, input.token, input.postId, input.now);
  sql.prune.run(input.now - DAY);
}
