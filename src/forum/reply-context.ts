import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/client.js';

/*
 * Reply context on a thread page: each reply says which post it answers ("in reply to @name #3",
 * read with the page's posts by a join on `posts.reply_to_post_id`), and each post lists the
 * replies it received. Both are read with the page's shared reads, once per thread version: a
 * reply is in the same thread as the post it answers, so adding, hiding, deleting or publishing one
 * bumps that thread's version (migrations/0002 triggers), and the kept articles and cached
 * anonymous pages built from the old lists are dropped with it (docs/decisions/0024).
 */

/** A post another post points at, and whether it is on the page being shown (else its permalink). */
export type PostReference = { postId: number; number: number; username: string; onPage: boolean };

/** Replies a post received: how many, and the first few by number. */
export type RepliesToPost = { total: number; listed: PostReference[] };

/** How many replies one post lists; the count says how many more there are. */
export const REPLIES_LISTED = 20;

/** The post a reply answers, from the page statement's join (null columns: it answers none). */
export function repliedTo(
  row: { replyToId: number | null; replyToNumber: number | null; replyToUsername: string | null },
  page: { first: number; last: number },
): PostReference | null {
  if (row.replyToId === null || row.replyToNumber === null || row.replyToUsername === null) return null;
  return { postId: row.replyToId, number: row.replyToNumber, username: row.replyToUsername, onPage: row.replyToNumber >= page.first && row.replyToNumber <= page.last };
}

type ReplyRow = { targetId: number; postId: number; number: number; username: string };

/**
 * The replies made to one page's posts, one statement for the page: the page's posts by their
 * (thread, number) index, their replies by the partial index `posts_reply_to_idx`. Only published,
 * visible replies count, so the lists are the same for every viewer and can be kept with the
 * page: waiting replies show at the thread's end to their author and staff, with their own
 * "in reply to" line, and hidden ones as placeholders where they are. 'published' is written in,
 * as in thread-page.ts's flags statement, so SQLite prepares the statement only once. Lists are
 * cut in JavaScript: window functions to cut them in SQL doubled the statement's time.
 */
export function repliesOnPage(db: Db): Statement<[threadId: number, first: number, last: number], ReplyRow> {
  return db.$client.prepare<[threadId: number, first: number, last: number], ReplyRow>(`
    select reply.reply_to_post_id as targetId, reply.id as postId, reply.number, author.username
    from posts target
    join posts reply on reply.reply_to_post_id = target.id and reply.reply_to_post_id is not null
    join users author on author.id = reply.author_id
    where target.thread_id = ? and target.number between ? and ?
      and reply.status = 'published' and reply.number is not null and reply.deleted_at is null and reply.hidden_at is null
    order by target.number, reply.number`);
}

/** The rows grouped by the post they answer, in a plain object (the shared reads' budget counts it). */
export function replyContext(rows: ReplyRow[], page: { first: number; last: number }): Record<number, RepliesToPost> {
  const byTarget: Record<number, RepliesToPost> = {};
  for (const row of rows) {
    const replies = (byTarget[row.targetId] ??= { total: 0, listed: [] });
    replies.total++;
    if (replies.listed.length < REPLIES_LISTED) {
      replies.listed.push({ postId: row.postId, number: row.number, username: row.username, onPage: row.number >= page.first && row.number <= page.last });
    }
  }
  return byTarget;
}
