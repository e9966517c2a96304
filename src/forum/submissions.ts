import { and, eq, lt } from 'drizzle-orm';
import { posts, submissions, threads } from '../db/schema.js';
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
export function findSubmission(tx: Pick<Tx, 'select'>, userId: number, token: string | null): EarlierSubmission | undefined {
  if (token === null) return undefined;
  return tx
    .select({ postId: posts.id, threadId: posts.threadId, slug: threads.slug, number: posts.number, lastPostNumber: threads.lastPostNumber, status: posts.status })
    .from(submissions)
    .innerJoin(posts, eq(posts.id, submissions.postId))
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(and(eq(submissions.userId, userId), eq(submissions.token, token)))
    .get();
}

export function recordSubmission(tx: Tx, input: { userId: number; token: string | null; postId: number; now: number }): void {
  if (input.token === null) return;
  tx.insert(submissions).values({ userId: input.userId, token: input.token, postId: input.postId, createdAt: input.now }).run();
  tx.delete(submissions).where(lt(submissions.createdAt, input.now - DAY)).run();
}
