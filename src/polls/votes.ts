import { and, eq, inArray, sql } from 'drizzle-orm';
import { categories, pollOptions, polls, pollVotes, threads } from '../db/schema.js';
import type { Tx } from '../db/client.js';
import { canModerate, canVoteInPoll, replyBlock } from '../forum/permissions.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { Conflict, Forbidden, NotFound, Unauthenticated, assertValid } from '../lib/errors.js';
import { isPollOpen } from './polls.js';

// A member's vote: the options they pick replace whatever they picked before in that poll, and the
// options' and the poll's counts change in the same (immediate) transaction, so concurrent votes
// add up exactly and the cached page (whose version the count updates bump) follows.

export type VoteInput = { pollId: number; options: readonly string[] };

function pollForVote(tx: Tx, pollId: number) {
  return tx
    .select({
      threadId: polls.threadId,
      maxChoices: polls.maxChoices,
      closedAt: polls.closedAt,
      closesAt: polls.closesAt,
      status: threads.status,
      authorId: threads.authorId,
      locked: threads.locked,
      categoryId: threads.categoryId,
      archivedAt: categories.archivedAt,
      slug: threads.slug,
    })
    .from(polls)
    .innerJoin(threads, eq(threads.id, polls.threadId))
    .innerJoin(categories, eq(categories.id, threads.categoryId))
    .where(eq(polls.id, pollId))
    .get();
}

function chosenIds(options: readonly string[]): number[] {
  return [...new Set(options.map((option) => option.trim()))].filter((option) => option !== '').map((option) => (/^[1-9][0-9]{0,14}$/.test(option) ? Number(option) : -1));
}

/** Records the viewer's choices in a poll; returns where the poll's thread lives. */
export function votePoll(ctx: ServiceContext, viewer: Viewer, input: VoteInput): { threadId: number; slug: string } {
  if (viewer === null) throw new Unauthenticated(msg('poll.signInToVote'));
  const chosen = chosenIds(input.options);
  const now = ctx.now();
  return ctx.db.transaction(
    (tx) => {
      const poll = pollForVote(tx, input.pollId);
      if (!poll || (poll.status !== 'published' && viewer.id !== poll.authorId && !canModerate(viewer, poll.categoryId))) throw new NotFound(msg('poll.notFound'));
      const facts = { locked: poll.locked, categoryId: poll.categoryId, archived: poll.archivedAt !== null, status: poll.status, authorId: poll.authorId };
      if (!canVoteInPoll(viewer, facts, now)) throw new Forbidden(blockMessage(replyBlock(viewer, facts, now)?.kind));
      if (!isPollOpen(poll, now)) throw new Conflict(msg('poll.closed'));
      const known = chosen.length === 0 ? [] : tx.select({ id: pollOptions.id }).from(pollOptions).where(and(eq(pollOptions.pollId, input.pollId), inArray(pollOptions.id, chosen.filter((id) => id > 0)))).all();
      assertValid({
        option:
          chosen.length === 0
            ? msg('poll.chooseOption')
            : known.length !== chosen.length
              ? msg('poll.unknownOption')
              : chosen.length > poll.maxChoices
                ? msg('poll.tooManyChoices', { max: poll.maxChoices })
                : undefined,
      });
      replaceChoices(tx, { pollId: input.pollId, userId: viewer.id, chosen, now });
      return { threadId: poll.threadId, slug: poll.slug };
    },
    { behavior: 'immediate' },
  );
}

function replaceChoices(tx: Tx, vote: { pollId: number; userId: number; chosen: number[]; now: number }): void {
  const mine = and(eq(pollVotes.pollId, vote.pollId), eq(pollVotes.userId, vote.userId));
  const before = tx.select({ optionId: pollVotes.optionId }).from(pollVotes).where(mine).all().map((row) => row.optionId);
  const removed = before.filter((id) => !vote.chosen.includes(id));
  const added = vote.chosen.filter((id) => !before.includes(id));
  if (removed.length > 0) {
    tx.delete(pollVotes).where(and(mine, inArray(pollVotes.optionId, removed))).run();
    tx.update(pollOptions).set({ voteCount: sql`${pollOptions.voteCount} - 1` }).where(inArray(pollOptions.id, removed)).run();
  }
  if (added.length > 0) {
    tx.insert(pollVotes).values(added.map((optionId) => ({ pollId: vote.pollId, optionId, userId: vote.userId, createdAt: vote.now }))).run();
    tx.update(pollOptions).set({ voteCount: sql`${pollOptions.voteCount} + 1` }).where(inArray(pollOptions.id, added)).run();
  }
  if (before.length === 0) tx.update(polls).set({ voterCount: sql`${polls.voterCount} + 1` }).where(eq(polls.id, vote.pollId)).run();
}

function blockMessage(kind: string | undefined) {
  if (kind === 'locked') return msg('poll.threadLocked');
  if (kind === 'archived') return msg('poll.categoryArchived');
  if (kind === 'silenced') return msg('poll.silenced');
  return msg('poll.cannotVote');
}
