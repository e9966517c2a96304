import { count, eq, max, sql } from 'drizzle-orm';
import { categories, pollOptions, polls, threads } from '../db/schema.js';
import type { Db, Tx } from '../db/client.js';
import { canAddPoll, canClosePoll, canModerate } from '../forum/permissions.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { Forbidden, NotFound, Unauthenticated } from '../lib/errors.js';
import { validatePoll, type PollDraft, type PollForm } from './draft.js';

// Adding polls to a thread's opening post, and closing them by hand: validate → authorize →
// transaction. Counts live in the rows (kept by votes.ts); triggers bump the thread's page version
// on every change here, so cached pages follow (migration 0023).

/** What the rules about adding polls read about a thread. */
export type PollThread = { id: number; slug: string; title: string; authorId: number; categoryId: number; status: string; pollCreators: 'members' | 'staff'; pollCount: number };

export function pollThread(db: Db | Tx, threadId: number): PollThread | undefined {
  const row = db
    .select({ id: threads.id, slug: threads.slug, title: threads.title, authorId: threads.authorId, categoryId: threads.categoryId, status: threads.status, pollCreators: categories.pollCreators })
    .from(threads)
    .innerJoin(categories, eq(categories.id, threads.categoryId))
    .where(eq(threads.id, threadId))
    .get();
  if (!row) return undefined;
  const polled = db.select({ count: count() }).from(polls).where(eq(polls.threadId, threadId)).get();
  return { ...row, pollCount: polled?.count ?? 0 };
}

/** The thread, if the viewer may see it at all: published, or their own, or one they moderate. */
function visibleThread(db: Db | Tx, viewer: Viewer, threadId: number): PollThread {
  const thread = pollThread(db, threadId);
  if (!thread || (thread.status !== 'published' && viewer?.id !== thread.authorId && !canModerate(viewer, thread.categoryId))) throw new NotFound(msg('thread.notFound'));
  return thread;
}

/**
 * The thread whose "Add a poll" form the viewer asked for, and whether they may make it a survey
 * (scales and NPS questions); 404 for a thread they may not see, 403 when they may add no poll.
 */
export function pollFormThread(ctx: ServiceContext, viewer: Viewer, threadId: number): { thread: PollThread; survey: boolean } {
  const thread = visibleThread(ctx.db, viewer, threadId);
  const now = ctx.now();
  const survey = canAddPoll(viewer, thread, now, 'scale');
  if (!survey && !canAddPoll(viewer, thread, now)) throw new Forbidden(msg('poll.notAllowed'));
  return { thread, survey };
}

export type CreatePollInput = { threadId: number; form: PollForm; timeZone: string };

/** Adds a poll after the thread's others (a survey's next question). */
export function createPoll(ctx: ServiceContext, viewer: Viewer, input: CreatePollInput): { pollId: number; thread: PollThread } {
  const draft = validatePoll(input.form, { timeZone: input.timeZone, now: ctx.now() });
  if (viewer === null) throw new Unauthenticated(msg('poll.signInToAdd'));
  return ctx.db.transaction(
    (tx) => {
      const thread = visibleThread(tx, viewer, input.threadId);
      if (!canAddPoll(viewer, thread, ctx.now(), draft.kind)) throw new Forbidden(msg('poll.notAllowed'));
      return { pollId: insertPoll(tx, viewer.id, thread.id, draft, ctx.now()), thread };
    },
    { behavior: 'immediate' },
  );
}

function insertPoll(tx: Tx, userId: number, threadId: number, draft: PollDraft, now: number): number {
  const last = tx.select({ position: max(polls.position) }).from(polls).where(eq(polls.threadId, threadId)).get();
  const position = last?.position === null || last?.position === undefined ? 0 : last.position + 1;
  const { options, ...columns } = draft;
  const poll = tx.insert(polls).values({ ...columns, threadId, position, createdById: userId, createdAt: now }).returning({ id: polls.id }).get();
  tx.insert(pollOptions)
    .values(options.map((label, index) => ({ pollId: poll.id, position: index, label })))
    .run();
  return poll.id;
}

/** Where a poll's thread lives, for links back to it. */
export function pollPlace(db: Db, pollId: number): { threadId: number; slug: string } | undefined {
  return db.select({ threadId: threads.id, slug: threads.slug }).from(polls).innerJoin(threads, eq(threads.id, polls.threadId)).where(eq(polls.id, pollId)).get();
}

/** Whether a poll takes votes at `now`: not closed by hand, and its closing date not passed. */
export function isPollOpen(poll: { closedAt: number | null; closesAt: number | null }, now: number): boolean {
  return poll.closedAt === null && (poll.closesAt === null || poll.closesAt > now);
}

/**
 * Closes a poll by hand (`closed`), or opens it again. Opening one whose closing date has passed
 * also clears that date: "open" means it takes votes.
 */
export function setPollClosed(ctx: ServiceContext, viewer: Viewer, input: { pollId: number; closed: boolean }): PollThread {
  if (viewer === null) throw new Unauthenticated();
  const now = ctx.now();
  return ctx.db.transaction(
    (tx) => {
      const poll = tx.select({ threadId: polls.threadId, closesAt: polls.closesAt }).from(polls).where(eq(polls.id, input.pollId)).get();
      if (!poll) throw new NotFound(msg('poll.notFound'));
      const thread = visibleThread(tx, viewer, poll.threadId);
      if (!canClosePoll(viewer, thread)) throw new Forbidden(msg('poll.closeNotAllowed'));
      const reopenedClosing = poll.closesAt !== null && poll.closesAt <= now ? null : poll.closesAt;
      tx.update(polls)
        .set(input.closed ? { closedAt: sql`coalesce(${polls.closedAt}, ${now})` } : { closedAt: null, closesAt: reopenedClosing })
        .where(eq(polls.id, input.pollId))
        .run();
      return thread;
    },
    { behavior: 'immediate' },
  );
}
