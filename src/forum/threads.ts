import { msg } from '../i18n/message.js';
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { commitTogether } from '../db/group-commit.js';
import { categories, posts, reviewItems, threads, type ContentStatus } from '../db/schema.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { assertValid, Forbidden, NotFound, Unauthenticated } from '../lib/errors.js';
import { threadSlug } from '../lib/slug.js';
import { recordModAction } from '../moderation/audit.js';
import { openApprovalItem } from '../moderation/publication.js';
import { announcePost } from '../notifications/announce.js';
import { composePost, censorTitle, assertMayPost } from './compose.js';
import { recordNewPost, type Tx } from './counters.js';
import { canModerate, canStartThreadIn } from './permissions.js';
import { findSubmission, recordSubmission, submissionToken } from './submissions.js';
import { titleColumns } from './thread-title.js';
import { linkPostUploads } from '../uploads/post-links.js';
import { bodyError, normalizeText, titleError } from './validation.js';

export const POSTS_PER_PAGE = 20;

export type NewThreadInput = { category: unknown; title: unknown; body: unknown; submission?: unknown };
export type CreatedThread = { threadId: number; postId: number; slug: string; status: ContentStatus };

export async function createThread(ctx: ServiceContext, viewer: Viewer, input: NewThreadInput): Promise<CreatedThread> {
  const title = normalizeText(input.title).trim();
  const body = normalizeText(input.body);
  const categorySlug = typeof input.category === 'string' ? input.category : '';
  const category = categorySlug
    ? ctx.db.select({ id: categories.id, kind: categories.kind, moderation: categories.moderation, archivedAt: categories.archivedAt }).from(categories).where(eq(categories.slug, categorySlug)).get()
    : undefined;
  assertValid({
    category: category ? undefined : msg('compose.categoryMissing'),
    title: titleError(title),
    body: bodyError(body),
  });
  if (viewer === null) throw new Unauthenticated(msg('compose.logInToStart'));
  assertMayPost(ctx, viewer);
  const { id: categoryId, moderation } = category!;
  if (!canStartThreadIn(viewer, { id: categoryId, archived: category!.archivedAt !== null })) throw new Forbidden(msg('compose.categoryArchived'));
  const { status, rendered, awaitsConfirmation } = await composePost(ctx, viewer, { mode: moderation, body, title });
  const storedTitle = censorTitle(ctx, title);
  const now = ctx.now();
  const slug = threadSlug(storedTitle);
  const token = submissionToken(input.submission);
  // Shares its transaction (and its wait for the disk) with the other posts of this event-loop turn.
  return commitTogether(ctx.db, (tx) => {
    const earlier = findSubmission(tx, viewer.id, token);
    if (earlier) return { threadId: earlier.threadId, postId: earlier.postId, slug: earlier.slug, status: earlier.status as ContentStatus };
    const thread = tx
      .insert(threads)
      .values({ categoryId, authorId: viewer.id, ...titleColumns(storedTitle), slug, status, lastPostAt: now, createdAt: now, ...initialIdeaStatus(category!.kind) })
      .returning({ id: threads.id })
      .get();
    // The opening post is number 1 even while it waits: the whole thread is invisible until approved.
    const post = tx
      .insert(posts)
      .values({ threadId: thread.id, number: 1, status, authorId: viewer.id, body, bodyHtml: rendered.html, bodyText: rendered.text, searchText: rendered.searchText, renderVersion: rendered.renderVersion, createdAt: now })
      .returning({ id: posts.id })
      .get();
    linkPostUploads(tx, { postId: post.id, body, userIds: [viewer.id], replace: false });
    if (status === 'published') {
      recordNewPost(tx, { postId: post.id, threadId: thread.id, categoryId, authorId: viewer.id, number: 1, at: now });
      announcePost(ctx.db, { postId: post.id, threadId: thread.id, categoryId, authorId: viewer.id, number: 1, bodyHtml: rendered.html, at: now });
    } else {
      tx.update(threads).set({ lastPostNumber: 1, lastPostId: post.id, lastPostAuthorId: viewer.id }).where(eq(threads.id, thread.id)).run();
      if (!awaitsConfirmation) openApprovalItem(tx, { postId: post.id, categoryId, at: now });
    }
    recordSubmission(tx, { userId: viewer.id, token, postId: post.id, now });
    return { threadId: thread.id, postId: post.id, slug, status };
  });
}

function loadThreadForStaff(ctx: ServiceContext, viewer: Viewer, threadId: number) {
  if (viewer === null) throw new Unauthenticated();
  const thread = ctx.db
    .select({ id: threads.id, slug: threads.slug, title: threads.title, categoryId: threads.categoryId, locked: threads.locked, pinned: threads.pinned })
    .from(threads)
    .where(eq(threads.id, threadId))
    .get();
  if (!thread) throw new NotFound(msg('edit.threadNotFound'));
  if (!canModerate(viewer, thread.categoryId)) throw new Forbidden(msg('edit.threadStaffOnly'));
  return { viewer, thread };
}

export type ThreadFlag = 'locked' | 'pinned';

/** Staff lock a thread (no more replies from members) or pin it to the top of its category. */
export function setThreadFlag(ctx: ServiceContext, viewer: Viewer, input: { threadId: number; flag: ThreadFlag; value: boolean }) {
  const { viewer: actor, thread } = loadThreadForStaff(ctx, viewer, input.threadId);
  const action = input.flag === 'locked' ? (input.value ? 'lock' : 'unlock') : input.value ? 'pin' : 'unpin';
  ctx.db.transaction(
    (tx) => {
      tx.update(threads).set({ [input.flag]: input.value }).where(eq(threads.id, thread.id)).run();
      // The command line and the demo seed act as a system user with no row (id 0).
      recordModAction(tx, { actorId: actor.id > 0 ? actor.id : null, action, targetThreadId: thread.id, categoryId: thread.categoryId, at: ctx.now() });
    },
    { behavior: 'immediate' },
  );
  return thread;
}

/** Staff rename a thread; the old title is kept in the audit log. */
export function renameThread(ctx: ServiceContext, viewer: Viewer, input: { threadId: number; title: unknown }) {
  const title = normalizeText(input.title).trim();
  assertValid({ title: titleError(title) });
  const { viewer: actor, thread } = loadThreadForStaff(ctx, viewer, input.threadId);
  const slug = threadSlug(title);
  ctx.db.transaction(
    (tx) => {
      tx.update(threads).set({ ...titleColumns(title), slug }).where(eq(threads.id, thread.id)).run();
      recordModAction(tx, { actorId: actor.id, action: 'rename', targetThreadId: thread.id, categoryId: thread.categoryId, details: { from: thread.title, to: title }, at: ctx.now() });
    },
    { behavior: 'immediate' },
  );
  return { ...thread, title, slug };
}

/** Staff move a thread to another category they also moderate; both categories' counts follow. */
export function moveThread(ctx: ServiceContext, viewer: Viewer, input: { threadId: number; category: unknown }) {
  const { viewer: actor, thread } = loadThreadForStaff(ctx, viewer, input.threadId);
  const slug = typeof input.category === 'string' ? input.category : '';
  const target = ctx.db.select({ id: categories.id, name: categories.name, kind: categories.kind }).from(categories).where(eq(categories.slug, slug)).get();
  assertValid({ category: target ? undefined : msg('edit.moveCategoryMissing') });
  if (!canModerate(actor, target!.id)) throw new Forbidden(msg('edit.moveOutsideScope'));
  if (target!.id === thread.categoryId) return thread;
  ctx.db.transaction(
    (tx) => {
      moveCounts(tx, { threadId: thread.id, from: thread.categoryId, to: target!.id, actorId: actor.id, now: ctx.now() });
      // Only questions have accepted answers: a thread moved out of Q&A is no longer "solved".
      if (target!.kind !== 'questions') tx.update(threads).set({ solvedPostId: null }).where(eq(threads.id, thread.id)).run();
      // A thread moved into an ideas board becomes a new idea, unless it was one already.
      if (target!.kind === 'ideas') tx.update(threads).set(initialIdeaStatus('ideas')).where(and(eq(threads.id, thread.id), isNull(threads.ideaStatusId))).run();
    },
    { behavior: 'immediate' },
  );
  return thread;
}

function moveCounts(tx: Tx, input: { threadId: number; from: number; to: number; actorId: number; now: number }) {
  const row = tx.select({ status: threads.status, replyCount: threads.replyCount, lastPostAt: threads.lastPostAt }).from(threads).where(eq(threads.id, input.threadId)).get()!;
  tx.update(threads).set({ categoryId: input.to }).where(eq(threads.id, input.threadId)).run();
  // Open review items follow the thread, so the right managers see them.
  tx.update(reviewItems)
    .set({ categoryId: input.to })
    .where(and(eq(reviewItems.status, 'open'), inArray(reviewItems.postId, tx.select({ id: posts.id }).from(posts).where(eq(posts.threadId, input.threadId)))))
    .run();
  if (row.status === 'published') {
    const visiblePosts = row.replyCount + 1;
    tx.run(sqlMove(input.from, -1, -visiblePosts));
    tx.run(sqlMove(input.to, 1, visiblePosts));
  }
  recordModAction(tx, { actorId: input.actorId, action: 'move', targetThreadId: input.threadId, categoryId: input.to, details: { fromCategoryId: input.from, toCategoryId: input.to }, at: input.now });
}

function sqlMove(categoryId: number, threadDelta: number, postDelta: number) {
  return sql`update categories set thread_count = max(thread_count + ${threadDelta}, 0), post_count = max(post_count + ${postDelta}, 0),
    last_thread_id = (select id from threads where category_id = ${categoryId} and status = 'published' order by last_post_at desc limit 1),
    last_post_at = (select max(last_post_at) from threads where category_id = ${categoryId} and status = 'published')
    where id = ${categoryId}`;
}

/** A thread in an ideas category is an idea, with the status every idea starts with (src/ideas/). */
function initialIdeaStatus(kind: string): { ideaStatusId?: SQL<number> } {
  return kind === 'ideas' ? { ideaStatusId: sql<number>`(select id from idea_statuses where key = 'new')` } : {};
}

export function pageOfPost(number: number): number {
  return Math.max(1, Math.ceil(number / POSTS_PER_PAGE));
}
