import { eq } from 'drizzle-orm';
import { perConnection } from '../db/prepared.js';
import { threads } from '../db/schema.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { assertValid, Conflict, NotFound, Unauthenticated, ValidationError } from '../lib/errors.js';
import { recordModAction } from '../moderation/audit.js';
import { loadIdea, loadManagedIdea, recountVotes } from './idea-facts.js';

// Staff merge an idea into another that asks for the same (docs/decisions/0052-ideas-board.md):
// its votes move to the target — a member who voted for both keeps one vote —, both counts are
// recounted from the rows, and the merged idea is locked and points to where it went.

const statements = perConnection((client) => ({
  moveVotes: client.prepare<[number, number]>(
    'INSERT INTO idea_votes (thread_id, user_id, created_at) SELECT ?, user_id, created_at FROM idea_votes WHERE thread_id = ? ON CONFLICT DO NOTHING',
  ),
  dropVotes: client.prepare<[number]>('DELETE FROM idea_votes WHERE thread_id = ?'),
}));

/** `into` is the target idea's id, as typed (a number, or its address /t/123/…). */
export function parseIdeaTarget(value: unknown): number | null {
  const match = typeof value === 'string' ? value.trim().match(/^(?:.*\/t\/)?([0-9]{1,15})(?:[/?#].*)?$/) : null;
  return match ? Number(match[1]) : null;
}

export function mergeIdea(ctx: ServiceContext, viewer: Viewer, input: { threadId: number; into: unknown }): { threadId: number; slug: string; votes: number } {
  if (viewer === null) throw new Unauthenticated();
  loadManagedIdea(ctx.db, viewer, input.threadId);
  const targetId = parseIdeaTarget(input.into);
  assertValid({ into: targetId === null || targetId === input.threadId ? msg('idea.mergeTargetInvalid') : undefined });
  return ctx.db.transaction(
    (tx) => {
      const source = loadManagedIdea(tx, viewer, input.threadId);
      const target = loadManagedIdea(tx, viewer, findTarget(() => loadIdea(tx, targetId!)).id);
      if (source.mergedIntoId !== null) throw new Conflict(msg('idea.alreadyMerged'));
      if (target.mergedIntoId !== null) throw new Conflict(msg('idea.mergeTargetMerged'));
      const prepared = statements(tx);
      prepared.moveVotes.run(target.id, source.id);
      prepared.dropVotes.run(source.id);
      recountVotes(tx, source.id);
      const votes = recountVotes(tx, target.id);
      tx.update(threads).set({ mergedIntoId: target.id, locked: true }).where(eq(threads.id, source.id)).run();
      const details = { intoThreadId: target.id, intoTitle: target.title, votesBefore: source.ideaVotes };
      recordModAction(tx, { actorId: viewer.id > 0 ? viewer.id : null, action: 'idea_merge', targetThreadId: source.id, categoryId: source.categoryId, details, at: ctx.now() });
      return { threadId: target.id, slug: target.slug, votes };
    },
    { behavior: 'immediate' },
  );
}

/** A target that is not an idea is a mistake in the form, not a missing page. */
function findTarget<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof NotFound) throw new ValidationError({ into: msg('idea.mergeTargetInvalid') });
    throw error;
  }
}
