import type { Context } from 'hono';
import { findSubmission, submissionToken } from '../forum/submissions.js';
import { pageOfPost } from '../forum/threads.js';
import type { AppEnv } from './env.js';
import { limitPosting } from './limits.js';

/** Where an earlier submission of a form put its post. */
export type EarlierPost = { postId: number; threadId: number; slug: string; number: number | null; page: number };

// Submissions still being handled, per app: a second click can arrive while the first post is
// still being rendered, before its token is recorded.
const inFlight = new WeakMap<object, Map<string, Promise<string>>>();

function pendingFor(c: Context<AppEnv>): Map<string, Promise<string>> {
  let pending = inFlight.get(c.get('services'));
  if (!pending) inFlight.set(c.get('services'), (pending = new Map()));
  return pending;
}

/** Applies the posting limit to one new post, giving the allowance back if no post was made. */
async function limited(c: Context<AppEnv>, send: () => Promise<string>): Promise<string> {
  const refund = limitPosting(c);
  try {
    return await send();
  } catch (error) {
    refund();
    throw error;
  }
}

/**
 * Sends a new thread or reply and returns where to redirect. A retry of a form whose token is
 * already recorded (a double click, a reload after a timeout) gets the first result without
 * touching the posting limit, waiting for the first request if it is still running; only a post
 * that was made counts against the limit (the transaction still deduplicates as the last word).
 */
export async function postOnce(c: Context<AppEnv>, submission: string | undefined, earlierPath: (post: EarlierPost) => string, send: () => Promise<string>): Promise<string> {
  const viewer = c.get('viewer');
  const token = submissionToken(submission);
  if (viewer === null || token === null) return limited(c, send);
  const pending = pendingFor(c);
  const key = `${viewer.id}:${token}`;
  for (let running = pending.get(key); running; running = pending.get(key)) await running.catch(() => undefined);
  const earlier = findSubmission(c.get('services').db, viewer.id, token);
  if (earlier) return earlierPath({ ...earlier, page: pageOfPost(earlier.number ?? earlier.lastPostNumber) });
  const attempt = limited(c, send);
  pending.set(key, attempt);
  try {
    return await attempt;
  } finally {
    if (pending.get(key) === attempt) pending.delete(key);
  }
}
