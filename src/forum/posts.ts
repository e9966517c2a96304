import { desc, eq } from 'drizzle-orm';
import { postRevisions, posts, threads, users } from '../db/schema.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { assertValid, Forbidden, NotFound, Unauthenticated } from '../lib/errors.js';
import { recordNewPost, recordRemovedPost } from './counters.js';
import { canDeletePost, canEditPost, canReply, canViewRevisions } from './permissions.js';
import { pageOfPost } from './threads.js';
import { bodyError, normalizeText, titleError } from './validation.js';

export type PostLocation = { postId: number; threadId: number; slug: string; number: number; page: number };

function loadPost(ctx: ServiceContext, postId: number) {
  const post = ctx.db
    .select({
      id: posts.id,
      threadId: posts.threadId,
      number: posts.number,
      authorId: posts.authorId,
      body: posts.body,
      deletedAt: posts.deletedAt,
      hiddenAt: posts.hiddenAt,
      editedAt: posts.editedAt,
      title: threads.title,
      slug: threads.slug,
      locked: threads.locked,
      categoryId: threads.categoryId,
    })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(eq(posts.id, postId))
    .get();
  if (!post) throw new NotFound('That post does not exist, or it was removed.');
  return post;
}

export async function createReply(ctx: ServiceContext, viewer: Viewer, input: { threadId: number; body: unknown }): Promise<PostLocation> {
  const body = normalizeText(input.body);
  assertValid({ body: bodyError(body) });
  if (viewer === null) throw new Unauthenticated('Please log in to reply.');
  const thread = ctx.db
    .select({ id: threads.id, slug: threads.slug, locked: threads.locked, categoryId: threads.categoryId })
    .from(threads)
    .where(eq(threads.id, input.threadId))
    .get();
  if (!thread) throw new NotFound('That thread does not exist, or it was removed.');
  if (!canReply(viewer, thread)) throw new Forbidden('This thread is locked, so it takes no new replies.');
  const rendered = await ctx.markdown.render(body);
  const now = ctx.now();
  return ctx.db.transaction(
    (tx) => {
      // Read the counter inside the immediate transaction so concurrent replies get distinct numbers.
      const { lastPostNumber } = tx.select({ lastPostNumber: threads.lastPostNumber }).from(threads).where(eq(threads.id, thread.id)).get()!;
      const number = lastPostNumber + 1;
      const post = tx
        .insert(posts)
        .values({ threadId: thread.id, number, authorId: viewer.id, body, bodyHtml: rendered.html, renderVersion: rendered.renderVersion, createdAt: now })
        .returning({ id: posts.id })
        .get();
      recordNewPost(tx, { postId: post.id, threadId: thread.id, categoryId: thread.categoryId, authorId: viewer.id, number, at: now });
      return { postId: post.id, threadId: thread.id, slug: thread.slug, number, page: pageOfPost(number) };
    },
    { behavior: 'immediate' },
  );
}

export type EditablePost = { id: number; number: number; body: string; title: string | null; threadId: number; slug: string };

/** The post as its editor needs it; the title comes along for opening posts. */
export function getPostForEdit(ctx: ServiceContext, viewer: Viewer, postId: number): EditablePost {
  const post = loadPost(ctx, postId);
  if (viewer === null) throw new Unauthenticated('Please log in to edit your post.');
  if (!canEditPost(viewer, post, post)) throw new Forbidden('You can only edit your own posts, and not in locked threads.');
  return { id: post.id, number: post.number, body: post.body, title: post.number === 1 ? post.title : null, threadId: post.threadId, slug: post.slug };
}

export async function editPost(ctx: ServiceContext, viewer: Viewer, input: { postId: number; body: unknown; title?: unknown }): Promise<PostLocation> {
  const post = loadPost(ctx, input.postId);
  const body = normalizeText(input.body);
  const title = post.number === 1 && input.title !== undefined ? normalizeText(input.title).trim() : null;
  assertValid({ body: bodyError(body), title: title === null ? undefined : titleError(title) });
  if (viewer === null) throw new Unauthenticated('Please log in to edit your post.');
  if (!canEditPost(viewer, post, post)) throw new Forbidden('You can only edit your own posts, and not in locked threads.');
  const titleChanged = title !== null && title !== post.title;
  const location = { postId: post.id, threadId: post.threadId, slug: post.slug, number: post.number, page: pageOfPost(post.number) };
  if (body === post.body && !titleChanged) return location;
  const rendered = await ctx.markdown.render(body);
  const now = ctx.now();
  ctx.db.transaction(
    (tx) => {
      tx.insert(postRevisions).values({ postId: post.id, body: post.body, title: titleChanged ? post.title : null, editorId: viewer.id, createdAt: now }).run();
      tx.update(posts).set({ body, bodyHtml: rendered.html, renderVersion: rendered.renderVersion, editedAt: now }).where(eq(posts.id, post.id)).run();
      if (titleChanged) tx.update(threads).set({ title: title! }).where(eq(threads.id, post.threadId)).run();
    },
    { behavior: 'immediate' },
  );
  return location;
}

/** Soft delete by the author: the thread stays readable with a placeholder in the post's place. */
export function deletePost(ctx: ServiceContext, viewer: Viewer, input: { postId: number }): PostLocation {
  if (viewer === null) throw new Unauthenticated('Please log in to delete your post.');
  const location = ctx.db.transaction(
    (tx) => {
      const post = loadPost({ ...ctx, db: tx as unknown as ServiceContext['db'] }, input.postId);
      if (!canDeletePost(viewer, post)) throw new Forbidden('You can only delete your own posts.');
      tx.update(posts).set({ deletedAt: ctx.now() }).where(eq(posts.id, post.id)).run();
      recordRemovedPost(tx, post);
      return { postId: post.id, threadId: post.threadId, slug: post.slug, number: post.number, page: pageOfPost(post.number) };
    },
    { behavior: 'immediate' },
  );
  return location;
}

export function locatePost(ctx: ServiceContext, postId: number): PostLocation {
  const post = loadPost(ctx, postId);
  return { postId: post.id, threadId: post.threadId, slug: post.slug, number: post.number, page: pageOfPost(post.number) };
}

export type Revision = { id: number; body: string; title: string | null; editor: string | null; createdAt: number };

/** Earlier versions of a post, newest first, with the current one for comparison. */
export function listRevisions(ctx: ServiceContext, viewer: Viewer, postId: number) {
  const post = loadPost(ctx, postId);
  if (!canViewRevisions(viewer, post)) throw new Forbidden('Only the author and community managers can see a post’s edit history.');
  const revisions: Revision[] = ctx.db
    .select({ id: postRevisions.id, body: postRevisions.body, title: postRevisions.title, editor: users.username, createdAt: postRevisions.createdAt })
    .from(postRevisions)
    .leftJoin(users, eq(users.id, postRevisions.editorId))
    .where(eq(postRevisions.postId, post.id))
    .orderBy(desc(postRevisions.id))
    .limit(100)
    .all();
  return { post: { id: post.id, number: post.number, body: post.body, title: post.title, threadId: post.threadId, slug: post.slug, editedAt: post.editedAt }, revisions };
}
