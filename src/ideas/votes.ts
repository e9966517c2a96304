import type { Tx } from '../db/client.js';
import { perConnection } from '../db/prepared.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, SignedIn, Viewer } from '../lib/context.js';
import { Conflict, Forbidden, Unauthenticated, assertValid } from '../lib/errors.js';
import { ideaVoteBlock, type IdeaVoteBlock } from '../forum/permissions.js';
import { loadIdea, recountVotes, type IdeaRow } from './idea-facts.js';

// Votes for ideas (docs/decisions/0052-ideas-board.md). The count on the thread is recounted from
// the vote rows in the vote's own (immediate) transaction, so it is exact however many members
// vote at once. A category's limit counts a member's votes on its ideas whose status is open:
// an idea that ships or is declined gives its voters their votes back.

export type IdeaVoteResult = { threadId: number; slug: string; voted: boolean; votes: number };

const statements = perConnection((client) => ({
  add: client.prepare<[number, number, number]>('INSERT INTO idea_votes (thread_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
  remove: client.prepare<[number, number]>('DELETE FROM idea_votes WHERE thread_id = ? AND user_id = ?'),
  has: client.prepare<[number, number], number>('SELECT 1 FROM idea_votes WHERE thread_id = ? AND user_id = ?').pluck(),
  // Votes on the category's open ideas: neither merged away nor in a closed status.
  openVotes: client
    .prepare<[number, number], number>(
      `SELECT count(*) FROM idea_votes AS v JOIN threads AS t ON t.id = v.thread_id LEFT JOIN idea_statuses AS s ON s.id = t.idea_status_id
       WHERE v.user_id = ? AND t.category_id = ? AND t.merged_into_id IS NULL AND t.status = 'published' AND coalesce(s.open, 1) = 1`,
    )
    .pluck(),
}));

const refusals: Record<Exclude<IdeaVoteBlock, 'sign-in'>, () => Error> = {
  silenced: () => new Forbidden(msg('idea.voteSilenced')),
  archived: () => new Forbidden(msg('idea.voteArchived')),
  merged: () => new Conflict(msg('idea.voteMerged')),
  closed: () => new Conflict(msg('idea.voteClosed')),
};

/** `vote` is the form's field: "1" to vote, "0" to withdraw. Voting twice changes nothing. */
export function setIdeaVote(ctx: ServiceContext, viewer: Viewer, input: { threadId: number; vote: unknown }): IdeaVoteResult {
  if (viewer === null) throw new Unauthenticated(msg('idea.voteSignIn'));
  const wanted = input.vote === '1' || input.vote === 1 ? true : input.vote === '0' || input.vote === 0 ? false : null;
  assertValid({ vote: wanted === null ? msg('idea.voteInvalid') : undefined });
  return ctx.db.transaction(
    (tx) => {
      const idea = loadIdea(tx, input.threadId);
      const changed = wanted ? addVote(tx, ctx.now(), viewer, idea) : statements(tx).remove.run(idea.id, viewer.id).changes > 0;
      // Nothing changed, nothing written: the idea's pages keep their version and their caches.
      return { threadId: idea.id, slug: idea.slug, voted: wanted === true, votes: changed ? recountVotes(tx, idea.id) : idea.ideaVotes };
    },
    { behavior: 'immediate' },
  );
}

/** Adds the member's vote if they may; false when they had voted already. */
function addVote(tx: Tx, now: number, viewer: SignedIn, idea: IdeaRow): boolean {
  const prepared = statements(tx);
  const userId = viewer.id;
  if (prepared.has.get(idea.id, userId) !== undefined) return false;
  const block = ideaVoteBlock(viewer, { archived: idea.archived === 1, merged: idea.mergedIntoId !== null, statusOpen: idea.statusOpen === 1 }, now);
  if (block === 'sign-in') throw new Unauthenticated(msg('idea.voteSignIn'));
  if (block !== null) throw refusals[block]();
  if (idea.voteLimit !== null && prepared.openVotes.get(userId, idea.categoryId)! >= idea.voteLimit) {
    throw new Conflict(msg('idea.voteLimit', { limit: idea.voteLimit }));
  }
  return prepared.add.run(idea.id, userId, now).changes > 0;
}
