import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { perConnection } from '../db/prepared.js';
import { ideaStatusChanges, ideaStatuses, threads } from '../db/schema.js';
import { mailNotificationIfWanted } from '../email/immediate.js';
import { normalizeText } from '../forum/validation.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { assertValid, Conflict, Unauthenticated } from '../lib/errors.js';
import { recordModAction } from '../moderation/audit.js';
import { loadManagedIdea, type IdeaRow } from './idea-facts.js';
import { STATUS_NOTE_MAX } from './status-limits.js';

// Staff give an idea a status with a public note; the idea's history keeps every change, and
// everyone who voted for it or watches it hears of it once (docs/decisions/0052-ideas-board.md).


/*
 * One notification per member who voted for the idea or watches its thread, written by one
 * INSERT…SELECT in the change's transaction: a voter who also watches appears once (GROUP BY), the
 * manager who made the change never, suspended members and those who muted the thread not at all.
 */
const FAN_OUT = `
INSERT INTO notifications (user_id, kind, actor_id, thread_id, post_id, data, created_at)
SELECT candidate.user_id, 'idea_status', @actor, @thread, NULL, @data, @now
FROM (
  SELECT user_id FROM idea_votes WHERE thread_id = @thread
  UNION SELECT user_id FROM thread_watches WHERE thread_id = @thread AND level = 'watching'
) AS candidate
JOIN users AS recipient ON recipient.id = candidate.user_id
WHERE candidate.user_id <> @actor
  AND (recipient.suspended_until IS NULL OR recipient.suspended_until <= @now)
  AND coalesce((SELECT level FROM thread_watches WHERE user_id = candidate.user_id AND thread_id = @thread), 'normal') <> 'muted'
RETURNING id, user_id AS userId`;

const statements = perConnection((client) => ({ fanOut: client.prepare(FAN_OUT) }));

export type StatusChangeInput = { threadId: number; status: unknown; note: unknown };

/** Sets the idea's status and notes why; returns where the idea lives. */
export function changeIdeaStatus(ctx: ServiceContext, viewer: Viewer, input: StatusChangeInput): { threadId: number; slug: string; notified: number } {
  if (viewer === null) throw new Unauthenticated();
  // Who may is settled before the form is read: only the board's staff see it again with mistakes.
  loadManagedIdea(ctx.db, viewer, input.threadId);
  const note = normalizeText(input.note).trim();
  const key = typeof input.status === 'string' ? input.status : '';
  const status = key ? ctx.db.select().from(ideaStatuses).where(eq(ideaStatuses.key, key)).get() : undefined;
  assertValid({
    status: status ? undefined : msg('idea.statusMissing'),
    note: note.length > STATUS_NOTE_MAX ? msg('idea.noteTooLong', { max: STATUS_NOTE_MAX }) : undefined,
  });
  return ctx.db.transaction(
    (tx) => {
      const idea = loadManagedIdea(tx, viewer, input.threadId);
      if (idea.mergedIntoId !== null) throw new Conflict(msg('idea.alreadyMerged'));
      const now = ctx.now();
      tx.update(threads).set({ ideaStatusId: status!.id }).where(eq(threads.id, idea.id)).run();
      tx.insert(ideaStatusChanges).values({ threadId: idea.id, statusId: status!.id, note, changedById: viewer.id, createdAt: now }).run();
      recordModAction(tx, { actorId: viewer.id, action: 'idea_status', targetThreadId: idea.id, categoryId: idea.categoryId, details: { status: status!.key }, at: now });
      const notified = notifyFollowers(tx, idea, { actorId: viewer.id, status: status!, note, now });
      return { threadId: idea.id, slug: idea.slug, notified };
    },
    { behavior: 'immediate' },
  );
}

function notifyFollowers(tx: Tx, idea: IdeaRow, change: { actorId: number; status: { key: string; name: string | null }; note: string; now: number }): number {
  const data = JSON.stringify({ title: idea.title, status: change.status.key, statusName: change.status.name, note: change.note });
  const inserted = statements(tx).fanOut.all({ actor: change.actorId, thread: idea.id, data, now: change.now }) as { id: number; userId: number }[];
  for (const notification of inserted) mailNotificationIfWanted(tx, notification, change.now);
  return inserted.length;
}
