import { and, eq } from 'drizzle-orm';
import { posts, threadFeedback, threads } from '../db/schema.js';
import type { Db, Tx } from '../db/client.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { AppError, assertValid, NotFound } from '../lib/errors.js';
import { newTokenId, readFeedbackToken, signFeedbackToken, TOKEN_LIFETIME_MS } from './token.js';

// "Did this help?" (docs/decisions/0050-feedback-tokens.md): validate, check the thread is one
// anyone may read, then record in one transaction. A member has one answer per thread; an
// anonymous reader's answer is the one their token names, so a replayed token changes that answer
// rather than adding another.

export const COMMENT_MAX = 500;

export class BadFeedbackToken extends AppError {
  override readonly status = 400;
}

export type FeedbackInput = {
  threadId: number;
  helpful: string | undefined;
  /** Undefined keeps the comment already given (the box sends none); empty removes it. */
  comment?: string | undefined;
  token?: string | undefined;
  embedKey?: string | null;
};

/** The answer as recorded; `token` is what the reader's next form carries (anonymous readers only). */
export type RecordedFeedback = { thread: { title: string; slug: string }; threadId: number; helpful: boolean; comment: string | null; token: string | null };

function validate(input: FeedbackInput): { helpful: boolean; comment: string | null | undefined } {
  const comment = input.comment === undefined ? undefined : input.comment.trim();
  assertValid({
    helpful: input.helpful === 'yes' || input.helpful === 'no' ? undefined : msg('feedback.chooseAnswer'),
    comment: comment !== undefined && [...comment].length > COMMENT_MAX ? msg('feedback.commentTooLong', { max: COMMENT_MAX }) : undefined,
  });
  return { helpful: input.helpful === 'yes', comment: comment === undefined ? undefined : comment || null };
}

/** Only a published thread whose opening post anyone may read takes answers. */
export function answerableThread(tx: Tx | Db, threadId: number): { title: string; slug: string } {
  const row = tx
    .select({ title: threads.title, slug: threads.slug, status: threads.status, postStatus: posts.status, hiddenAt: posts.hiddenAt, deletedAt: posts.deletedAt })
    .from(threads)
    .innerJoin(posts, and(eq(posts.threadId, threads.id), eq(posts.number, 1)))
    .where(eq(threads.id, threadId))
    .get();
  if (!row || row.status !== 'published' || row.postStatus !== 'published' || row.hiddenAt !== null || row.deletedAt !== null) throw new NotFound(msg('thread.notFound'));
  return { title: row.title, slug: row.slug };
}

function anonymousToken(ctx: ServiceContext, input: FeedbackInput): { tokenId: string; threadId: number; expiresAt: number } {
  if (input.token === undefined || input.token === '') return { tokenId: newTokenId(), threadId: input.threadId, expiresAt: ctx.now() + TOKEN_LIFETIME_MS };
  const token = readFeedbackToken(ctx.db, input.token);
  if (token === null || token.threadId !== input.threadId) throw new BadFeedbackToken(msg('feedback.badToken'));
  if (token.expiresAt <= ctx.now()) throw new BadFeedbackToken(msg('feedback.expiredToken'));
  return token;
}

/** Records (or changes) the viewer's answer to "Did this help?" on a thread. */
export function recordFeedback(ctx: ServiceContext, viewer: Viewer, input: FeedbackInput): RecordedFeedback {
  const answer = validate(input);
  const token = viewer === null ? anonymousToken(ctx, input) : null;
  const now = ctx.now();
  return ctx.db.transaction(
    (tx) => {
      const thread = answerableThread(tx, input.threadId);
      const owner = token === null ? and(eq(threadFeedback.threadId, input.threadId), eq(threadFeedback.userId, viewer!.id)) : eq(threadFeedback.tokenId, token.tokenId);
      const existing = tx.select({ id: threadFeedback.id, comment: threadFeedback.comment }).from(threadFeedback).where(owner).get();
      const comment = answer.comment === undefined ? (existing?.comment ?? null) : answer.comment;
      if (existing) {
        tx.update(threadFeedback).set({ helpful: answer.helpful, comment, updatedAt: now }).where(eq(threadFeedback.id, existing.id)).run();
      } else {
        tx.insert(threadFeedback)
          .values({ threadId: input.threadId, embedKey: input.embedKey ?? null, helpful: answer.helpful, comment, userId: viewer?.id ?? null, tokenId: token?.tokenId ?? null, createdAt: now, updatedAt: now })
          .run();
      }
      return { thread, threadId: input.threadId, helpful: answer.helpful, comment, token: token === null ? null : signFeedbackToken(tx, token) };
    },
    { behavior: 'immediate' },
  );
}
