import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { threads, users } from '../db/schema.js';
import type { ServiceContext } from '../lib/context.js';

export const THREADS_PER_PAGE = 30;
export const threadSorts = ['latest', 'top', 'unanswered'] as const;
export type ThreadSort = (typeof threadSorts)[number];

export type ThreadSummary = {
  id: number;
  title: string;
  slug: string;
  pinned: boolean;
  locked: boolean;
  solved: boolean;
  replyCount: number;
  createdAt: number;
  lastPostAt: number;
  author: string;
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

function sortKey(sort: ThreadSort, thread: ThreadSummary): number {
  return sort === 'latest' ? thread.lastPostAt : sort === 'top' ? thread.replyCount : 0;
}

function pageCondition(sort: ThreadSort, cursor: Cursor | null): SQL | undefined {
  if (!cursor) return undefined;
  if (sort === 'unanswered') return lt(threads.id, cursor.id);
  const column = sort === 'latest' ? threads.lastPostAt : threads.replyCount;
  return or(lt(column, cursor.key), and(eq(column, cursor.key), lt(threads.id, cursor.id)));
}

function order(sort: ThreadSort) {
  if (sort === 'latest') return [desc(threads.lastPostAt), desc(threads.id)];
  if (sort === 'top') return [desc(threads.replyCount), desc(threads.id)];
  return [desc(threads.id)];
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
      createdAt: threads.createdAt,
      lastPostAt: threads.lastPostAt,
      author: author.username,
      lastPoster: lastPoster.username,
    })
    .from(threads)
    .innerJoin(author, eq(author.id, threads.authorId))
    .leftJoin(lastPoster, eq(lastPoster.id, threads.lastPostAuthorId));
}

/** A category's threads: pinned ones head the first page of "latest"; the rest page by cursor. */
export function listThreads(ctx: ServiceContext, input: { categoryId: number; sort: ThreadSort; cursor: Cursor | null }): ThreadListPage {
  const { categoryId, sort, cursor } = input;
  const inCategory = and(eq(threads.categoryId, categoryId), eq(threads.status, 'published'));
  const filter =
    sort === 'latest' ? and(inCategory, eq(threads.pinned, false)) : sort === 'unanswered' ? and(inCategory, eq(threads.replyCount, 0)) : inCategory;
  const rows = selectSummaries(ctx)
    .where(and(filter, pageCondition(sort, cursor)))
    .orderBy(...order(sort))
    .limit(THREADS_PER_PAGE + 1)
    .all();
  const hasMore = rows.length > THREADS_PER_PAGE;
  const page = rows.slice(0, THREADS_PER_PAGE);
  const last = page.at(-1);
  const pinned =
    sort === 'latest' && !cursor
      ? selectSummaries(ctx).where(and(inCategory, eq(threads.pinned, true))).orderBy(...order('latest')).limit(THREADS_PER_PAGE).all()
      : [];
  return { threads: page, pinned, nextCursor: hasMore && last ? `${sortKey(sort, last)}.${last.id}` : null };
}
