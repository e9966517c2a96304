import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { categories, threads, users, type Role } from '../db/schema.js';
import { getCategory } from '../forum/categories.js';
import { getThreadPage } from '../forum/thread-page.js';
import type { ServiceContext } from '../lib/context.js';
import type { SafeHtml } from '../lib/safe-html.js';
import type { IdeaSummary } from '../ideas/idea-page.js';
import { listIdeas, type IdeaSort } from '../ideas/idea-list.js';

// What embeds, the fragment and the public API show: always the anonymous view. Only published
// threads, and of their posts only published ones; deleted and hidden posts come back as
// placeholders without their text (frames and fragments leave them out altogether).

export type PublicPostState = 'visible' | 'deleted' | 'hidden';

export type PublicPost = {
  id: number;
  number: number;
  /** `avatarUrl` is a path on the community's origin. */
  author: { username: string; role: Role; official: boolean; displayName: string | null; avatarUrl: string };
  createdAt: number;
  editedAt: number | null;
  state: PublicPostState;
  /** Null unless the post is visible. */
  bodyHtml: SafeHtml | null;
  isSolution: boolean;
};

/** An idea's public side: its votes and status (a built-in's key, or the admins' name for it). */
export type PublicIdea = { votes: number; status: { key: string; name: string | null } | null; mergedIntoId?: number | null };

export type PublicThread = {
  thread: { id: number; title: string; slug: string; locked: boolean; replyCount: number; solved: boolean; createdAt: number; lastPostAt: number; idea: PublicIdea | null };
  category: { slug: string; name: string };
  posts: PublicPost[];
  page: number;
  totalPages: number;
};

/** One page of a published thread as anyone may read it: the thread page's own query, seen anonymously. */
export function getPublicThread(ctx: ServiceContext, input: { threadId: number; page?: number }): PublicThread {
  const data = getThreadPage(ctx, null, { threadId: input.threadId, page: input.page ?? 1 });
  const { thread } = data;
  return {
    thread: { id: thread.id, title: thread.title, slug: thread.slug, locked: thread.locked, replyCount: thread.replyCount, solved: thread.solvedPostId !== null, createdAt: thread.createdAt, lastPostAt: thread.lastPostAt, idea: publicIdea(data.idea) },
    category: { slug: data.category.slug, name: data.category.name },
    posts: data.posts.map((post) => ({
      id: post.id,
      number: post.number ?? 0,
      author: { username: post.author.username, role: post.author.role, official: post.author.official, displayName: post.author.displayName, avatarUrl: post.author.avatarUrl },
      createdAt: post.createdAt,
      editedAt: post.editedAt,
      // Anonymous viewers never get waiting or rejected posts, so only these three states reach here.
      state: post.state === 'deleted' || post.state === 'hidden' ? post.state : 'visible',
      bodyHtml: post.state === 'visible' ? post.bodyHtml : null,
      isSolution: post.id === thread.solvedPostId,
    })),
    page: data.page,
    totalPages: data.totalPages,
  };
}

function publicIdea(idea: IdeaSummary | null): PublicIdea | null {
  if (idea === null) return null;
  return { votes: idea.votes, status: idea.status ? { key: idea.status.key, name: idea.status.name } : null, mergedIntoId: idea.mergedInto?.id ?? null };
}

export type PublicThreadSummary = { id: number; title: string; slug: string; replyCount: number; solved: boolean; lastPostAt: number; author: string; idea?: PublicIdea };
export type PublicCategory = { category: { slug: string; name: string; description: string; kind: string }; threads: PublicThreadSummary[] };

export const EMBED_CATEGORY_LIMIT = { min: 1, max: 20, default: 5 } as const;

/**
 * A category's latest published threads. Pinned and unpinned are read separately so each is a range scan on the latest index.
 * An ideas board's are its ideas, by votes unless `sort` says otherwise ("top ideas"), merged ones left out.
 */
export function getPublicCategory(ctx: ServiceContext, input: { slug: string; limit: number; sort?: IdeaSort; status?: string | null }): PublicCategory {
  const category = getCategory(ctx, input.slug);
  if (category.kind === 'ideas') return { category: publicCategory(category), threads: publicIdeas(ctx, category.id, input) };
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
  return { category: publicCategory(category), threads: merged };
}

function publicCategory({ slug, name, description, kind }: PublicCategory['category']): PublicCategory['category'] {
  return { slug, name, description, kind };
}

function publicIdeas(ctx: ServiceContext, categoryId: number, input: { limit: number; sort?: IdeaSort; status?: string | null }): PublicThreadSummary[] {
  const { ideas } = listIdeas(ctx, { categoryId, sort: input.sort ?? 'votes', status: input.status ?? null, cursor: null });
  return ideas.slice(0, input.limit).map((idea) => ({
    id: idea.id,
    title: idea.title,
    slug: idea.slug,
    replyCount: idea.replyCount,
    solved: false,
    lastPostAt: idea.lastPostAt,
    author: idea.author,
    idea: { votes: idea.votes, status: idea.status },
  }));
}

/** Example values for the admin page's snippets: the newest public thread and the first category. */
export function snippetExamples(ctx: ServiceContext): { threadId: number | null; categorySlug: string | null } {
  const thread = ctx.db.select({ id: threads.id }).from(threads).where(eq(threads.status, 'published')).orderBy(desc(threads.id)).limit(1).get();
  const category = ctx.db.select({ slug: categories.slug }).from(categories).orderBy(asc(categories.position), asc(categories.id)).limit(1).get();
  return { threadId: thread?.id ?? null, categorySlug: category?.slug ?? null };
}
