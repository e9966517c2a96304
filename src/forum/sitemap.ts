import { and, asc, between, eq, exists, sql } from 'drizzle-orm';
import { msg } from '../i18n/message.js';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/client.js';
import { categories, posts, sitemapActivity, threads } from '../db/schema.js';
import type { ServiceContext } from '../lib/context.js';
import { NotFound } from '../lib/errors.js';
import { publicPost } from './permissions.js';

// The sitemap lists every thread an anonymous reader may open, in pages of fixed id ranges:
// page N holds the threads with ids ((N-1)·1000, N·1000]. A page is one range search on the
// primary key (plus one lookup of each thread's opening post), however many threads there are
// before or after it: no OFFSET, no sort. The index reads one row per page from sitemap_activity,
// which triggers keep (migration 0013). docs/decisions/0027-feeds-and-sitemaps.md.

/** Thread ids per sitemap page; the triggers of migration 0013 bucket by the same number. */
export const SITEMAP_PAGE_THREADS = 1000;

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

/** A page's threads in id order, unexecuted so a test can check its plan: the primary key gives the order, no sort. */
export function sitemapThreadsQuery(db: Db, range: IdRange) {
  return db
    .select({ id: threads.id, slug: threads.slug, lastPostAt: threads.lastPostAt })
    .from(threads)
    .where(listedThreads(db, range))
    .orderBy(asc(threads.id));
}

/** The index's pages, unexecuted like sitemapThreadsQuery: one row per 1,000 thread ids, in order. */
export function sitemapPagesQuery(db: Db) {
  return db.select({ bucket: sitemapActivity.bucket, lastModified: sitemapActivity.lastPostAt }).from(sitemapActivity).orderBy(asc(sitemapActivity.bucket));
}

export type SitemapPage = { page: number; lastModified: number };

export function pageRange(page: number): IdRange {
  return { low: (page - 1) * SITEMAP_PAGE_THREADS + 1, high: page * SITEMAP_PAGE_THREADS };
}

/**
 * The thread sitemaps worth listing: every id range in which a thread was ever published, with its
 * newest activity. A range whose threads were all hidden since is still listed, and its page is an
 * empty list: an index that names a missing page is an error to crawlers, an empty page is not.
 */
export function sitemapPages(ctx: ServiceContext): SitemapPage[] {
  return sitemapPagesQuery(ctx.db)
    .all()
    .map((row) => ({ page: row.bucket + 1, lastModified: row.lastModified }));
}

export type SitemapThread = { id: number; slug: string; lastPostAt: number };

/** One page of listed threads; a page the index does not list is not there. */
export function sitemapThreads(ctx: ServiceContext, page: number): SitemapThread[] {
  const listed = Number.isSafeInteger(page * SITEMAP_PAGE_THREADS) && ctx.db.select({ bucket: sitemapActivity.bucket }).from(sitemapActivity).where(eq(sitemapActivity.bucket, page - 1)).get();
  if (!listed) throw new NotFound(msg('feed.noSuchSitemapPage'));
  return sitemapThreadsQuery(ctx.db, pageRange(page)).all();
}

export type SitemapCategory = { slug: string; lastPostAt: number | null };

/** Every category (all are public), in the home page's order. */
export function sitemapCategories(ctx: ServiceContext): SitemapCategory[] {
  return ctx.db.select({ slug: categories.slug, lastPostAt: categories.lastPostAt }).from(categories).orderBy(asc(categories.position), asc(categories.id)).all();
}
