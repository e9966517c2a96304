import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/client.js';
import type { NotificationKind } from './notify.js';
import { perDatabase } from '../db/prepared.js';

/*
 * Who hears about a newly published post, decided and written by one INSERT…SELECT inside the
 * post's own write transaction (docs/decisions/0009-notifications-and-watching.md and 0012):
 *   1 mention        members named with @ in it, by their username or one they had before
 *                    (username_redirects; at most MENTIONS_PER_POST names are looked up)
 *   2 reply_to_post  the thread's author, for every reply in their thread, and the author of the post
 *                    the reply answers ("Reply" on that post; data `{"replyTo": number}`)
 *   3 reply          members watching the thread, or watching its category with no thread choice
 *   4 new_thread     members watching the category, for an opening post
 * Each recipient gets one notification, of the lowest rank that applies. Nobody hears about their
 * own post; suspended members hear nothing; a member whose level for the thread (their thread
 * row, else their category row, else normal) is muted hears nothing, mentions included.
 * Cost: one indexed lookup per mention and per watcher, and two primary-key lookups per candidate.
 */

export const MENTIONS_PER_POST = 10;

const FAN_OUT = `
INSERT INTO notifications (user_id, kind, actor_id, thread_id, post_id, data, created_at)
SELECT candidate.user_id,
  CASE min(candidate.rank) WHEN 1 THEN 'mention' WHEN 2 THEN 'reply_to_post' WHEN 3 THEN 'reply' ELSE 'new_thread' END,
  @actor, @thread, @post, CASE min(candidate.rank) WHEN 2 THEN max(candidate.data) END, @now
FROM (
  SELECT id AS user_id, 1 AS rank, NULL AS data FROM users WHERE username_key IN (SELECT value FROM json_each(@mentions))
  UNION ALL SELECT user_id, 1, NULL FROM username_redirects WHERE old_key IN (SELECT value FROM json_each(@mentions))
  UNION ALL SELECT author_id, 2, NULL FROM threads WHERE id = @thread AND @isReply
  UNION ALL SELECT @replyToAuthor, 2, @replyToData WHERE @replyToAuthor IS NOT NULL AND @isReply
  UNION ALL SELECT user_id, 3, NULL FROM thread_watches WHERE thread_id = @thread AND level = 'watching' AND @isReply
  UNION ALL SELECT watch.user_id, CASE WHEN @isReply THEN 3 ELSE 4 END, NULL FROM category_watches AS watch
    WHERE watch.category_id = @category AND watch.level = 'watching'
      AND NOT EXISTS (SELECT 1 FROM thread_watches WHERE user_id = watch.user_id AND thread_id = @thread)
) AS candidate
JOIN users AS recipient ON recipient.id = candidate.user_id
WHERE candidate.user_id <> @actor
  AND (recipient.suspended_until IS NULL OR recipient.suspended_until <= @now)
  AND coalesce(
    (SELECT level FROM thread_watches WHERE user_id = candidate.user_id AND thread_id = @thread),
    (SELECT level FROM category_watches WHERE user_id = candidate.user_id AND category_id = @category),
    'normal') <> 'muted'
GROUP BY candidate.user_id
RETURNING id, user_id AS userId, kind`;

// Starting or replying to a thread watches it, unless the member already chose a level for it.
const AUTO_WATCH = `
INSERT INTO thread_watches (user_id, thread_id, level, updated_at) VALUES (@user, @thread, 'watching', @now)
ON CONFLICT (user_id, thread_id) DO NOTHING`;

type Statements = { fanOut: Statement; autoWatch: Statement };

// Raw better-sqlite3 statements, prepared once per database: replies are a hot write path. They
// run on the same connection as the caller's drizzle transaction, hence inside it.
const statements = perDatabase((db): Statements => ({ fanOut: db.$client.prepare(FAN_OUT), autoWatch: db.$client.prepare(AUTO_WATCH) }));

export type PostAudience = {
  postId: number;
  threadId: number;
  categoryId: number;
  /** The post's author, who is never notified of it. */
  actorId: number;
  /** An opening post announces a new thread; any later one is a reply. */
  isReply: boolean;
  /** Lower-cased usernames mentioned in the post, already capped at MENTIONS_PER_POST. */
  mentions: string[];
  /** The post this reply answers, already checked to be visible (src/forum/reply-target.ts). */
  replyTo?: { number: number; authorId: number } | null;
  at: number;
};

export type InsertedNotification = { id: number; userId: number; kind: NotificationKind };

/** Inserts the post's notifications; call inside the transaction that publishes the post. */
export function insertPostAudience(db: Db, audience: PostAudience): InsertedNotification[] {
  return statements(db).fanOut.all({
    actor: audience.actorId,
    thread: audience.threadId,
    post: audience.postId,
    category: audience.categoryId,
    isReply: audience.isReply ? 1 : 0,
    mentions: JSON.stringify(audience.mentions.slice(0, MENTIONS_PER_POST)),
    replyToAuthor: audience.replyTo?.authorId ?? null,
    replyToData: audience.replyTo ? JSON.stringify({ replyTo: audience.replyTo.number }) : null,
    now: audience.at,
  }) as InsertedNotification[];
}

export function watchOnPosting(db: Db, input: { userId: number; threadId: number; at: number }): void {
  statements(db).autoWatch.run({ user: input.userId, thread: input.threadId, now: input.at });
}
