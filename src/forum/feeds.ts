import { and, desc, eq, isNotNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { categories, posts, threads, users } from '../db/schema.js';
import type { ServiceContext } from '../lib/context.js';
import { NotFound } from '../lib/errors.js';
import { msg } from '../i18n/message.js';
import { trustSanitized, type SafeHtml } from '../lib/safe-html.js';
import { publicPost } from './permissions.js';

// What the Atom feeds list: the newest threads of the community or of a category (each with its
// opening post), and the newest posts of a thread. Only what an anonymous reader may see, for
// everyone alike: feeds are read without a session and cached by proxies.

export const FEED_ENTRIES = 30;

export type FeedPost = { id: number; number: number; author: string; createdAt: number; updatedAt: number; bodyHtml: SafeHtml; bodyText: string };
export type FeedThread = { id: number; title: string; slug: string; category: { slug: string; name: string }; opening: FeedPost };

const opening = alias(posts, 'opening');

function threadRows(ctx: ServiceContext, where: SQL | undefined, order: SQL[]): FeedThread[] {
  const rows = ctx.db
    .select({
      id: threads.id,
      title: threads.title,
      slug: threads.slug,
      categorySlug: categories.slug,
      categoryName: categories.name,
      postId: opening.id,
      author: users.username,
      createdAt: opening.createdAt,
      editedAt: opening.editedAt,
      bodyHtml: opening.bodyHtml,
      bodyText: opening.bodyText,
    })
    .from(threads)
    .innerJoin(opening, and(eq(opening.threadId, threads.id), eq(opening.number, 1)))
    .innerJoin(users, eq(users.id, opening.authorId))
    .innerJoin(categories, eq(categories.id, threads.categoryId))
    .where(and(eq(threads.status, 'published'), publicPost(opening), where))
    .orderBy(...order)
    .limit(FEED_ENTRIES)
    .all();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    slug: row.slug,
    category: { slug: row.categorySlug, name: row.categoryName },
    opening: { id: row.postId, number: 1, author: row.author, createdAt: row.createdAt, updatedAt: row.editedAt ?? row.createdAt, bodyHtml: trustSanitized(row.bodyHtml), bodyText: row.bodyText },
  }));
}

/** The community's newest threads (ids grow with time, so the primary key gives the order). */
export function latestThreadsFeed(ctx: ServiceContext): FeedThread[] {
  return threadRows(ctx, undefined, [desc(threads.id)]);
}

export type CategoryFeed = { category: { slug: string; name: string; description: string; createdAt: number }; threads: FeedThread[] };

/** A category's newest threads, along threads_category_created_idx. */
export function categoryFeed(ctx: ServiceContext, slug: string): CategoryFeed {
  const category = ctx.db
    .select({ id: categories.id, slug: categories.slug, name: categories.name, description: categories.description, createdAt: categories.createdAt })
    .from(categories)
    .where(eq(categories.slug, slug))
    .get();
  if (!category) throw new NotFound(msg('feed.categoryNotFound'));
  const { id, ...shown } = category;
  return { category: shown, threads: threadRows(ctx, eq(threads.categoryId, id), [desc(threads.createdAt), desc(threads.id)]) };
}

export type ThreadFeed = { thread: { id: number; title: string; slug: string; createdAt: number; lastPostAt: number }; posts: FeedPost[] };

/** A published thread's newest live posts, by number along posts_thread_number_unique. */
export function threadFeed(ctx: ServiceContext, threadId: number): ThreadFeed {
  const thread = ctx.db
    .select({ id: threads.id, title: threads.title, slug: threads.slug, createdAt: threads.createdAt, lastPostAt: threads.lastPostAt })
    .from(threads)
    .where(and(eq(threads.id, threadId), eq(threads.status, 'published')))
    .get();
  if (!thread) throw new NotFound(msg('feed.threadNotFound'));
  const rows = ctx.db
    .select({ id: posts.id, number: posts.number, author: users.username, createdAt: posts.createdAt, editedAt: posts.editedAt, bodyHtml: posts.bodyHtml, bodyText: posts.bodyText })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.threadId, thread.id), isNotNull(posts.number), publicPost(posts)))
    .orderBy(desc(posts.number))
    .limit(FEED_ENTRIES)
    .all();
  const feedPosts = rows.map((row) => ({ ...row, number: row.number!, updatedAt: row.editedAt ?? row.createdAt, bodyHtml: trustSanitized(row.bodyHtml) }));
  return { thread, posts: feedPosts.map(({ editedAt: _editedAt, ...post }) => post) };
}
