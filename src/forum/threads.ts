import { eq } from 'drizzle-orm';
import { categories, posts, threads } from '../db/schema.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { assertValid, Forbidden, NotFound, Unauthenticated } from '../lib/errors.js';
import { slugify } from '../lib/slug.js';
import { recordNewPost } from './counters.js';
import { canCreateThread, canLockThread, canPinThread } from './permissions.js';
import { bodyError, normalizeText, titleError } from './validation.js';

export const POSTS_PER_PAGE = 20;

export type NewThreadInput = { category: unknown; title: unknown; body: unknown };
export type CreatedThread = { threadId: number; postId: number; slug: string };

export async function createThread(ctx: ServiceContext, viewer: Viewer, input: NewThreadInput): Promise<CreatedThread> {
  const title = normalizeText(input.title).trim();
  const body = normalizeText(input.body);
  const categorySlug = typeof input.category === 'string' ? input.category : '';
  const category = categorySlug
    ? ctx.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, categorySlug)).get()
    : undefined;
  assertValid({
    category: category ? undefined : 'Please choose a category for your thread.',
    title: titleError(title),
    body: bodyError(body),
  });
  if (viewer === null) throw new Unauthenticated('Please log in to start a thread.');
  if (!canCreateThread(viewer)) throw new Forbidden('You cannot start threads here.');
  const rendered = await ctx.markdown.render(body);
  const now = ctx.now();
  const categoryId = category!.id;
  const slug = slugify(title);
  return ctx.db.transaction(
    (tx) => {
      const thread = tx
        .insert(threads)
        .values({ categoryId, authorId: viewer.id, title, slug, lastPostAt: now, createdAt: now })
        .returning({ id: threads.id })
        .get();
      const post = tx
        .insert(posts)
        .values({
          threadId: thread.id,
          number: 1,
          authorId: viewer.id,
          body,
          bodyHtml: rendered.html,
          renderVersion: rendered.renderVersion,
          createdAt: now,
        })
        .returning({ id: posts.id })
        .get();
      recordNewPost(tx, { postId: post.id, threadId: thread.id, categoryId, authorId: viewer.id, number: 1, at: now });
      return { threadId: thread.id, postId: post.id, slug };
    },
    { behavior: 'immediate' },
  );
}

export type ThreadFlag = 'locked' | 'pinned';

/** Staff lock a thread (no more replies from members) or pin it to the top of its category. */
export function setThreadFlag(ctx: ServiceContext, viewer: Viewer, input: { threadId: number; flag: ThreadFlag; value: boolean }) {
  if (viewer === null) throw new Unauthenticated();
  const allowed = input.flag === 'locked' ? canLockThread(viewer) : canPinThread(viewer);
  if (!allowed) throw new Forbidden(`Only community managers can ${input.flag === 'locked' ? 'lock' : 'pin'} threads.`);
  const thread = ctx.db.select({ id: threads.id, slug: threads.slug }).from(threads).where(eq(threads.id, input.threadId)).get();
  if (!thread) throw new NotFound('That thread does not exist.');
  ctx.db.update(threads).set({ [input.flag]: input.value }).where(eq(threads.id, thread.id)).run();
  return thread;
}

export function pageOfPost(number: number): number {
  return Math.max(1, Math.ceil(number / POSTS_PER_PAGE));
}
