import { and, between, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { categories, posts, threads, users, type Role } from '../db/schema.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { NotFound } from '../lib/errors.js';
import { trustSanitized, type SafeHtml } from '../lib/safe-html.js';
import { canDeletePost, canEditPost, canLockThread, canPinThread, canReadHiddenPost, canReply, canViewRevisions, type PostFacts } from './permissions.js';
import { POSTS_PER_PAGE } from './threads.js';

export type PostState = 'visible' | 'deleted' | 'hidden';

export type PostView = {
  id: number;
  number: number;
  author: { id: number; username: string; role: Role };
  createdAt: number;
  editedAt: number | null;
  state: PostState;
  /** Null when the viewer may not read it (deleted, or hidden from them). */
  bodyHtml: SafeHtml | null;
  hiddenReason: string | null;
  canEdit: boolean;
  canDelete: boolean;
  canViewRevisions: boolean;
};

export type ThreadPage = {
  thread: { id: number; title: string; slug: string; locked: boolean; pinned: boolean; replyCount: number; createdAt: number };
  category: { slug: string; name: string };
  posts: PostView[];
  page: number;
  totalPages: number;
  canReply: boolean;
  canLock: boolean;
  canPin: boolean;
};

const threadRow = (ctx: ServiceContext, threadId: number) =>
  ctx.db
    .select({
      id: threads.id,
      title: threads.title,
      slug: threads.slug,
      locked: threads.locked,
      pinned: threads.pinned,
      replyCount: threads.replyCount,
      lastPostNumber: threads.lastPostNumber,
      createdAt: threads.createdAt,
      categorySlug: categories.slug,
      categoryName: categories.name,
    })
    .from(threads)
    .innerJoin(categories, eq(categories.id, threads.categoryId))
    .where(eq(threads.id, threadId))
    .get();

/** One page of a thread; posts are paged by number, so any page is a single index range scan. */
export function getThreadPage(ctx: ServiceContext, viewer: Viewer, input: { threadId: number; page: number }): ThreadPage {
  const row = threadRow(ctx, input.threadId);
  if (!row) throw new NotFound('That thread does not exist, or it was removed.');
  const totalPages = Math.max(1, Math.ceil(row.lastPostNumber / POSTS_PER_PAGE));
  if (!Number.isInteger(input.page) || input.page < 1 || input.page > totalPages) {
    throw new NotFound(`This thread has ${totalPages} page${totalPages === 1 ? '' : 's'}; there is no page ${input.page}.`);
  }
  const first = (input.page - 1) * POSTS_PER_PAGE + 1;
  const author = alias(users, 'author');
  const rows = ctx.db
    .select({
      id: posts.id,
      number: posts.number,
      authorId: posts.authorId,
      username: author.username,
      role: author.role,
      createdAt: posts.createdAt,
      editedAt: posts.editedAt,
      deletedAt: posts.deletedAt,
      hiddenAt: posts.hiddenAt,
      hiddenReason: posts.hiddenReason,
      bodyHtml: posts.bodyHtml,
    })
    .from(posts)
    .innerJoin(author, eq(author.id, posts.authorId))
    .where(and(eq(posts.threadId, row.id), between(posts.number, first, first + POSTS_PER_PAGE - 1)))
    .orderBy(posts.number)
    .all();
  const threadFacts = { locked: row.locked };
  return {
    thread: { id: row.id, title: row.title, slug: row.slug, locked: row.locked, pinned: row.pinned, replyCount: row.replyCount, createdAt: row.createdAt },
    category: { slug: row.categorySlug, name: row.categoryName },
    posts: rows.map((post) => toPostView(viewer, post, threadFacts)),
    page: input.page,
    totalPages,
    canReply: canReply(viewer, threadFacts),
    canLock: canLockThread(viewer),
    canPin: canPinThread(viewer),
  };
}

type PostRow = PostFacts & {
  id: number;
  username: string;
  role: Role;
  createdAt: number;
  editedAt: number | null;
  hiddenReason: string | null;
  bodyHtml: string;
};

function toPostView(viewer: Viewer, post: PostRow, thread: { locked: boolean }): PostView {
  const state: PostState = post.deletedAt !== null ? 'deleted' : post.hiddenAt !== null ? 'hidden' : 'visible';
  const readable = state === 'visible' || (state === 'hidden' && canReadHiddenPost(viewer, post));
  return {
    id: post.id,
    number: post.number,
    author: { id: post.authorId, username: post.username, role: post.role },
    createdAt: post.createdAt,
    editedAt: post.editedAt,
    state,
    bodyHtml: readable ? trustSanitized(post.bodyHtml) : null,
    hiddenReason: state === 'hidden' ? post.hiddenReason : null,
    canEdit: canEditPost(viewer, post, thread),
    canDelete: canDeletePost(viewer, post),
    canViewRevisions: post.editedAt !== null && canViewRevisions(viewer, post),
  };
}
