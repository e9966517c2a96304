import { and, asc, between, eq, exists, max, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/client.js';
import { categories, posts, threads } from '../db/schema.js';
import type { ServiceContext } from '../lib/context.js';
import { NotFound } from '../lib/errors.js';
import { publicPost } from './permissions.js';

// The sitemap lists every thread an anonymous reader may open, in pages of fixed id ranges:
// page N holds the threads with ids ((N-1)·size, N·size]. A page is one range search on the
// primary key (plus one lookup of each thread's opening post), however many threads there are
// before or after it: no OFFSET, no sort. docs/decisions/0027-feeds-and-sitemaps.md.

const opening = alias(posts, 'opening');

type IdRange = { low: number; high: number };

/**
 * Threads in the range that are published and whose opening post is public. The opening post is
 * tested in a correlated EXISTS rather than a join, so SQLite always walks the thread range and
 * looks each opening post up by (thread_id, number = 1); joined, it may walk every post of the
 * range's threads along posts_thread_number_unique instead.
 */
function listedThreads(db: Db, range: IdRange) {
  const openingIsPublic = db
    .select({ one: sql`1` })
    .from(opening)
    .where(and(eq(opening.threadId, threads.id), eq(opening.number, 1), publicPost(opening)));
  return and(between(threads.id, range.low, range.high), eq(threads.status, 'published'), exists(openingIsPublic));
}

/** A page's newest activity, unexecuted so a test can check its plan: a primary-key range, one index lookup per thread. */
export function lastModifiedQuery(db: Db, range: IdRange) {
  return db
    .select({ at: max(threads.lastPostAt) })
    .from(threads)
    .where(listedThreads(db, range));
}

/** A page's threads in id order, unexecuted like lastModifiedQuery: the primary key gives the order, no sort. */
export function sitemapThreadsQuery(db: Db, range: IdRange) {
  return db
    .select({ id: threads.id, slug: threads.slug, lastPostAt: threads.lastPostAt })
    .from(threads)
    .where(listedThreads(db, range))
    .orderBy(asc(threads.id));
}

export type SitemapPage = { page: number; lastModified: number };

export function pageRange(page: number, pageSize: number): IdRange {
  return { low: (page - 1) * pageSize + 1, high: page * pageSize };
}

/** The thread sitemaps worth listing: every id range holding at least one listed thread, with its newest activity. */
export function sitemapPages(ctx: ServiceContext, pageSize: number): SitemapPage[] {
  const highestId = ctx.db.select({ id: max(threads.id) }).from(threads).get()?.id ?? 0;
  const pages: SitemapPage[] = [];
  for (let page = 1; (page - 1) * pageSize < highestId; page++) {
    const at = lastModifiedQuery(ctx.db, pageRange(page, pageSize)).get()?.at;
    if (at !== null && at !== undefined) pages.push({ page, lastModified: at });
  }
  return pages;
}

export type SitemapThread = { id: number; slug: string; lastPostAt: number };

/** One page of listed threads; a page with none (or past the end) is not there. */
export function sitemapThreads(ctx: ServiceContext, page: number, pageSize: number): SitemapThread[] {
  const rows = Number.isSafeInteger(page * pageSize) ? sitemapThreadsQuery(ctx.db, pageRange(page, pageSize)).all() : [];
  if (rows.length === 0) throw new NotFound('There is no such page of the sitemap. The sitemap index at /sitemap.xml lists the pages there are.');
  return rows;
}

export type SitemapCategory = { slug: string; lastPostAt: number | null };

/** Every category (all are public), in the home page's order. */
export function sitemapCategories(ctx: ServiceContext): SitemapCategory[] {
  return ctx.db.select({ slug: categories.slug, lastPostAt: categories.lastPostAt }).from(categories).orderBy(asc(categories.position), asc(categories.id)).all();
}
