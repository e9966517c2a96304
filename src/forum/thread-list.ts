import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { threads, users } from '../db/schema.js';
import type { ServiceContext } from '../lib/context.js';

export const THREADS_PER_PAGE = 30;
export const threadSorts = ['latest', 'top', 'unanswered', 'unsolved'] as const;
export type ThreadSort = (typeof threadSorts)[number];

export type ThreadSummary = {
  id: number;
  title: string;
  slug: string;
  pinned: boolean;
  locked: boolean;
  solved: boolean;
  replyCount: number;
  helpfulCount: number;
  createdAt: number;
  lastPostAt: number;
  author: string;
  /** Shown beside the author's @username when they chose one. */
  authorDisplayName: string | null;
  lastPoster: string | null;
};

export type ThreadListPage = { threads: ThreadSummary[]; pinned: ThreadSummary[]; nextCursor: string | null };

// Keyset cursors: "<key>.<id>" of the last thread shown, so every page is an index range scan
// however deep the reader goes (no OFFSET).
type Cursor = { key: number; id: number };

export function parseCursor(value: string | undefined): Cursor | null {
  const match = value?.match(/^(\d{1,15})\.(\d{1,15})$/);
  return match ? { key: Number(match[1]), id: Number(match[2]) } : null;
}

// "Top" ranks by replies plus three per helpful vote. Written exactly as the expression of
// threads_category_score_idx (migration 0006) so SQLite walks that index instead of sorting.
const score = sql<number>`(reply_count + 3 * helpful_count)`;
// Spelled as in threads_category_unsolved_idx's WHERE (a bound parameter would not match it).
const unsolved = sql`solved_post_id is null and status = 'published'`;

function sortKey(sort: ThreadSort, thread: ThreadSummary): number {
  if (sort === 'latest' || sort === 'unsolved') return thread.lastPostAt;
  return sort === 'top' ? thread.replyCount + 3 * thread.helpfulCount : 0;
}

function pageCondition(sort: ThreadSort, cursor: Cursor | null): SQL | undefined {
  if (!cursor) return undefined;
  if (sort === 'unanswered') return lt(threads.id, cursor.id);
  // The plain bound on the key lets the index seek to the cursor; the row value settles ties.
  const key = sort === 'top' ? score : threads.lastPostAt;
  return sql`${key} <= ${cursor.key} and (${key}, ${threads.id}) < (${cursor.key}, ${cursor.id})`;
}

function order(sort: ThreadSort) {
  if (sort === 'latest' || sort === 'unsolved') return [desc(threads.lastPostAt), desc(threads.id)];
  if (sort === 'top') return [sql`${score} desc`, desc(threads.id)];
  return [desc(threads.id)];
}

function sortFilter(sort: ThreadSort, categoryId: number): SQL | undefined {
  if (sort === 'unsolved') return and(eq(threads.categoryId, categoryId), unsolved);
  const inCategory = and(eq(threads.categoryId, categoryId), eq(threads.status, 'published'));
  if (sort === 'latest') return and(inCategory, eq(threads.pinned, false));
  return sort === 'unanswered' ? and(inCategory, eq(threads.replyCount, 0)) : inCategory;
}

function selectSummaries(ctx: ServiceContext) {
  const author = alias(users, 'author');
  const lastPoster = alias(users, 'last_poster');
  return ctx.db
    .select({
      id: threads.id,
      title: threads.title,
      slug: threads.slug,
      pinned: threads.pinned,
      locked: threads.locked,
      solved: sql<boolean>`${threads.solvedPostId} is not null`.mapWith(Boolean),
      replyCount: threads.replyCount,
      helpfulCount: threads.helpfulCount,
      createdAt: threads.createdAt,
      lastPostAt: threads.lastPostAt,
      author: author.username,
      authorDisplayName: author.displayName,
      lastPoster: lastPoster.username,
    })
    .from(threads)
    .innerJoin(author, eq(author.id, threads.authorId))
    .leftJoin(lastPoster, eq(lastPoster.id, threads.lastPostAuthorId));
}

/** One page of a sort, unexecuted, so tests can check its plan uses the sort's index. */
export function threadListQuery(ctx: ServiceContext, input: { categoryId: number; sort: ThreadSort; cursor: Cursor | null }) {
  return selectSummaries(ctx)
    .where(and(sortFilter(input.sort, input.categoryId), pageCondition(input.sort, input.cursor)))
    .orderBy(...order(input.sort))
    .limit(THREADS_PER_PAGE + 1);
}

/** A category's threads: pinned ones head the first page of "latest"; the rest page by cursor. */
export function listThreads(ctx: ServiceContext, input: { categoryId: number; sort: ThreadSort; cursor: Cursor | null }): ThreadListPage {
  const { categoryId, sort, cursor } = input;
  const inCategory = and(eq(threads.categoryId, categoryId), eq(threads.status, 'published'));
  const rows = threadListQuery(ctx, input).all();
  const hasMore = rows.length > THREADS_PER_PAGE;
  const page = rows.slice(0, THREADS_PER_PAGE);
  const last = page.at(-1);
  const pinned =
    sort === 'latest' && !cursor
      ? selectSummaries(ctx).where(and(inCategory, eq(threads.pinned, true))).orderBy(...order('latest')).limit(THREADS_PER_PAGE).all()
      : [];
  return { threads: page, pinned, nextCursor: hasMore && last ? `${sortKey(sort, last)}.${last.id}` : null };
}
