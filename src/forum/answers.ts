import { eq } from 'drizzle-orm';
import { categories, posts, threads } from '../db/schema.js';
import type { ServiceContext, SignedIn, Viewer } from '../lib/context.js';
import { Conflict, Forbidden, NotFound, Unauthenticated } from '../lib/errors.js';
import { msg } from '../i18n/message.js';
import { recordModAction, type Tx } from '../moderation/audit.js';
import { releaseClaimOnAnswer } from '../moderation/claims.js';
import { notify } from '../notifications/notify.js';
import { canAcceptAnswer } from './permissions.js';
import { pageOfPost } from './threads.js';

// Accepted answers in Q&A categories: threads.solved_post_id points at one live reply. When that
// reply is deleted or hidden the thread stops being solved (counters.ts clears the column), so
// every list can trust the column alone and the partial "unsolved" index stays exact.

export type AnswerLocation = { postId: number; threadId: number; slug: string; number: number; page: number };

function loadAnswer(tx: Tx | ServiceContext['db'], postId: number) {
  return tx
    .select({
      id: posts.id,
      number: posts.number,
      status: posts.status,
      authorId: posts.authorId,
      deletedAt: posts.deletedAt,
      hiddenAt: posts.hiddenAt,
      threadId: threads.id,
      slug: threads.slug,
      title: threads.title,
      threadStatus: threads.status,
      askerId: threads.authorId,
      solvedPostId: threads.solvedPostId,
      categoryId: categories.id,
      categoryKind: categories.kind,
    })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(categories, eq(categories.id, threads.categoryId))
    .where(eq(posts.id, postId))
    .get();
}

type Answer = NonNullable<ReturnType<typeof loadAnswer>>;

/** Checks shared by accept and unaccept, in the order that gives the most useful message. */
function authorize(viewer: SignedIn, post: Answer | undefined): asserts post is Answer & { number: number } {
  const live = post && post.status === 'published' && post.threadStatus === 'published' && post.deletedAt === null && post.hiddenAt === null && post.number !== null;
  if (!post || !live) throw new NotFound(msg('post.notFound'));
  if (post.categoryKind !== 'questions') throw new Conflict(msg('answer.onlyQuestions'));
  if (post.number === 1) throw new Conflict(msg('answer.notTheQuestion'));
  const question = { authorId: post.askerId, categoryId: post.categoryId, categoryKind: post.categoryKind };
  if (!canAcceptAnswer(viewer, question, post)) throw new Forbidden(msg('answer.notAllowed'));
}

function audit(tx: Tx, viewer: SignedIn, post: Answer, action: 'accept_answer' | 'unaccept_answer', now: number): void {
  // The asker choosing their own question's answer is ordinary use, not a staff action.
  if (viewer.id === post.askerId) return;
  recordModAction(tx, { actorId: viewer.id, action, targetUserId: post.authorId, targetThreadId: post.threadId, targetPostId: post.id, categoryId: post.categoryId, at: now });
}

function located(post: Answer & { number: number }): AnswerLocation {
  return { postId: post.id, threadId: post.threadId, slug: post.slug, number: post.number, page: pageOfPost(post.number) };
}

/** Marks a reply as the answer (replacing any earlier one) and tells its author. */
export function acceptAnswer(ctx: ServiceContext, viewer: Viewer, input: { postId: number }): AnswerLocation {
  if (viewer === null) throw new Unauthenticated(msg('answer.logInToAccept'));
  return ctx.db.transaction(
    (tx) => {
      const post = loadAnswer(tx, input.postId);
      authorize(viewer, post);
      if (post.solvedPostId === post.id) return located(post);
      const now = ctx.now();
      // solvedAt is the app's clock; a trigger keeps the rest of the insights' facts (migration 0018).
      tx.update(threads).set({ solvedPostId: post.id, solvedAt: now }).where(eq(threads.id, post.threadId)).run();
      audit(tx, viewer, post, 'accept_answer', now);
      // The question has its answer: a claim on it has nothing left to do.
      releaseClaimOnAnswer(tx, post.threadId);
      if (post.authorId !== viewer.id) {
        notify(tx, { userId: post.authorId, kind: 'answer_accepted', actorId: viewer.id, threadId: post.threadId, postId: post.id, data: { title: post.title }, at: now });
      }
      return located(post);
    },
    { behavior: 'immediate' },
  );
}

/** Takes the accepted mark off a reply; the thread is unsolved again. */
export function unacceptAnswer(ctx: ServiceContext, viewer: Viewer, input: { postId: number }): AnswerLocation {
  if (viewer === null) throw new Unauthenticated(msg('answer.logInToChange'));
  return ctx.db.transaction(
    (tx) => {
      const post = loadAnswer(tx, input.postId);
      authorize(viewer, post);
      if (post.solvedPostId !== post.id) throw new Conflict(msg('answer.notAccepted'));
      tx.update(threads).set({ solvedPostId: null }).where(eq(threads.id, post.threadId)).run();
      audit(tx, viewer, post, 'unaccept_answer', ctx.now());
      return located(post);
    },
    { behavior: 'immediate' },
  );
}
