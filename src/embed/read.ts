import { and, asc, between, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { categories, posts, threads, users, type Role } from '../db/schema.js';
import { POSTS_PER_PAGE } from '../forum/threads.js';
import type { ServiceContext } from '../lib/context.js';
import { NotFound } from '../lib/errors.js';
import { trustSanitized, type SafeHtml } from '../lib/safe-html.js';

// What embeds, the fragment and the public API show: always the anonymous view. Only published
// threads, and of their posts only published ones; deleted and hidden posts come back as
// placeholders without their text (frames and fragments leave them out altogether).

export type PublicPostState = 'visible' | 'deleted' | 'hidden';

export type PublicPost = {
  id: number;
  number: number;
  author: { username: string; role: Role };
  createdAt: number;
  editedAt: number | null;
  state: PublicPostState;
  /** Null unless the post is visible. */
  bodyHtml: SafeHtml | null;
  isSolution: boolean;
};

export type PublicThread = {
  thread: { id: number; title: string; slug: string; locked: boolean; replyCount: number; solved: boolean; createdAt: number; lastPostAt: number };
  category: { slug: string; name: string };
  posts: PublicPost[];
  page: number;
  totalPages: number;
};

const UNAVAILABLE = 'That discussion does not exist, or it is not public.';

/** One page of a published thread as anyone may read it; the page is a range scan on (thread, number). */
export function getPublicThread(ctx: ServiceContext, input: { threadId: number; page?: number }): PublicThread {
  const row = ctx.db
    .select({
      id: threads.id,
      title: threads.title,
      slug: threads.slug,
      status: threads.status,
      locked: threads.locked,
      replyCount: threads.replyCount,
      solvedPostId: threads.solvedPostId,
      lastPostNumber: threads.lastPostNumber,
      createdAt: threads.createdAt,
      lastPostAt: threads.lastPostAt,
      categorySlug: categories.slug,
      categoryName: categories.name,
    })
    .from(threads)
    .innerJoin(categories, eq(categories.id, threads.categoryId))
    .where(eq(threads.id, input.threadId))
    .get();
  if (!row || row.status !== 'published') throw new NotFound(UNAVAILABLE);
  const page = input.page ?? 1;
  const totalPages = Math.max(1, Math.ceil(row.lastPostNumber / POSTS_PER_PAGE));
  if (!Number.isInteger(page) || page < 1 || page > totalPages) {
    throw new NotFound(`This discussion has ${totalPages} page${totalPages === 1 ? '' : 's'}; there is no page ${page}.`);
  }
  const first = (page - 1) * POSTS_PER_PAGE + 1;
  const author = alias(users, 'author');
  const rows = ctx.db
    .select({
      id: posts.id,
      number: posts.number,
      username: author.username,
      role: author.role,
      createdAt: posts.createdAt,
      editedAt: posts.editedAt,
      deletedAt: posts.deletedAt,
      hiddenAt: posts.hiddenAt,
      bodyHtml: posts.bodyHtml,
    })
    .from(posts)
    .innerJoin(author, eq(author.id, posts.authorId))
    .where(and(eq(posts.threadId, row.id), between(posts.number, first, first + POSTS_PER_PAGE - 1), eq(posts.status, 'published')))
    .orderBy(asc(posts.number))
    .all();
  return {
    thread: { id: row.id, title: row.title, slug: row.slug, locked: row.locked, replyCount: row.replyCount, solved: row.solvedPostId !== null, createdAt: row.createdAt, lastPostAt: row.lastPostAt },
    category: { slug: row.categorySlug, name: row.categoryName },
    posts: rows.map((post) => {
      const state: PublicPostState = post.deletedAt !== null ? 'deleted' : post.hiddenAt !== null ? 'hidden' : 'visible';
      return {
        id: post.id,
        number: post.number ?? 0,
        author: { username: post.username, role: post.role },
        createdAt: post.createdAt,
        editedAt: post.editedAt,
        state,
        bodyHtml: state === 'visible' ? trustSanitized(post.bodyHtml) : null,
        isSolution: post.id === row.solvedPostId,
      };
    }),
    page,
    totalPages,
  };
}

export type PublicThreadSummary = { id: number; title: string; slug: string; replyCount: number; solved: boolean; lastPostAt: number; author: string };
export type PublicCategory = { category: { slug: string; name: string; description: string; kind: string }; threads: PublicThreadSummary[] };

export const EMBED_CATEGORY_LIMIT = { min: 1, max: 20, default: 5 } as const;

/** A category's latest published threads. Pinned and unpinned are read separately so each is a range scan on the latest index. */
export function getPublicCategory(ctx: ServiceContext, input: { slug: string; limit: number }): PublicCategory {
  const category = ctx.db
    .select({ id: categories.id, slug: categories.slug, name: categories.name, description: categories.description, kind: categories.kind })
    .from(categories)
    .where(eq(categories.slug, input.slug))
    .get();
  if (!category) throw new NotFound('There is no category at this address. It may have been renamed.');
  const author = alias(users, 'author');
  const latest = (pinned: boolean) =>
    ctx.db
      .select({
        id: threads.id,
        title: threads.title,
        slug: threads.slug,
        replyCount: threads.replyCount,
        solved: sql<boolean>`${threads.solvedPostId} is not null`.mapWith(Boolean),
        lastPostAt: threads.lastPostAt,
        author: author.username,
      })
      .from(threads)
      .innerJoin(author, eq(author.id, threads.authorId))
      .where(and(eq(threads.categoryId, category.id), eq(threads.pinned, pinned), eq(threads.status, 'published')))
      .orderBy(desc(threads.lastPostAt), desc(threads.id))
      .limit(input.limit)
      .all();
  const merged = [...latest(false), ...latest(true)].sort((a, b) => b.lastPostAt - a.lastPostAt || b.id - a.id).slice(0, input.limit);
  const { id: _id, ...publicCategory } = category;
  return { category: publicCategory, threads: merged };
}

/** Example values for the admin page's snippets: the newest public thread and the first category. */
export function snippetExamples(ctx: ServiceContext): { threadId: number | null; categorySlug: string | null } {
  const thread = ctx.db.select({ id: threads.id }).from(threads).where(eq(threads.status, 'published')).orderBy(desc(threads.id)).limit(1).get();
  const category = ctx.db.select({ slug: categories.slug }).from(categories).orderBy(asc(categories.position), asc(categories.id)).limit(1).get();
  return { threadId: thread?.id ?? null, categorySlug: category?.slug ?? null };
}
