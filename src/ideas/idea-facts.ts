import type { Db, Tx } from '../db/client.js';
import { perConnection } from '../db/prepared.js';
import { msg } from '../i18n/message.js';
import { Forbidden, NotFound } from '../lib/errors.js';
import { canManageIdea } from '../forum/permissions.js';
import type { SignedIn } from '../lib/context.js';

// What every idea action reads first: the thread, its category and its status, in one lookup.

export type IdeaRow = {
  id: number;
  title: string;
  slug: string;
  status: string;
  authorId: number;
  categoryId: number;
  categoryKind: string;
  archived: number;
  voteLimit: number | null;
  ideaVotes: number;
  statusId: number | null;
  statusKey: string | null;
  statusName: string | null;
  /** 1 when its status is open, or it has none (its status was removed). */
  statusOpen: number;
  mergedIntoId: number | null;
};

const statements = perConnection((client) => ({
  idea: client.prepare<[number], IdeaRow>(
    `SELECT t.id, t.title, t.slug, t.status, t.author_id AS authorId, t.category_id AS categoryId, c.kind AS categoryKind,
       c.archived_at IS NOT NULL AS archived, c.idea_vote_limit AS voteLimit, t.idea_votes AS ideaVotes, t.idea_status_id AS statusId,
       s.key AS statusKey, s.name AS statusName, coalesce(s.open, 1) AS statusOpen, t.merged_into_id AS mergedIntoId
     FROM threads AS t JOIN categories AS c ON c.id = t.category_id LEFT JOIN idea_statuses AS s ON s.id = t.idea_status_id
     WHERE t.id = ?`,
  ),
  recount: client.prepare<[number, number]>('UPDATE threads SET idea_votes = (SELECT count(*) FROM idea_votes WHERE thread_id = ?) WHERE id = ?'),
  votes: client.prepare<[number], number>('SELECT idea_votes FROM threads WHERE id = ?').pluck(),
}));

/** A published thread of an ideas category, or NotFound (waiting threads take no votes). */
export function loadIdea(handle: Db | Tx, threadId: number): IdeaRow {
  const row = statements(handle).idea.get(threadId);
  if (!row || row.status !== 'published' || row.categoryKind !== 'ideas') throw new NotFound(msg('idea.notFound'));
  return row;
}

/** An idea the viewer manages (staff who moderate its board), or Forbidden. */
export function loadManagedIdea(handle: Db | Tx, viewer: SignedIn, threadId: number): IdeaRow {
  const idea = loadIdea(handle, threadId);
  if (!canManageIdea(viewer, idea.categoryId)) throw new Forbidden(msg('idea.staffOnly'));
  return idea;
}

/** Recounts an idea's votes from its rows: exact whatever wrote them. */
export function recountVotes(handle: Db | Tx, threadId: number): number {
  const prepared = statements(handle);
  prepared.recount.run(threadId, threadId);
  return prepared.votes.get(threadId) ?? 0;
}
