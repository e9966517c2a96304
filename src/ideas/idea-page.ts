import type { Db } from '../db/client.js';
import { perDatabase } from '../db/prepared.js';
import { ideaVoteBlock, type IdeaVoteBlock } from '../forum/permissions.js';
import type { Viewer } from '../lib/context.js';

// What an idea's page shows of it. The summary is the same for every reader of one thread version
// (votes, status, history and merge are all bumped by triggers: migration 0023), so the page keeps
// it with its shared reads; whether the viewer voted is read per request, never kept or cached.

export type IdeaStatusShown = { key: string; name: string | null };
export type IdeaHistoryEntry = { status: IdeaStatusShown | null; note: string; at: number; by: string | null };
export type IdeaSummary = {
  votes: number;
  status: (IdeaStatusShown & { open: boolean }) | null;
  /** Merged into another idea; `mergedInto` is where, when readers may see it. */
  merged: boolean;
  mergedInto: { id: number; slug: string; title: string } | null;
  archived: boolean;
  history: IdeaHistoryEntry[];
};

type SummaryRow = { votes: number; key: string | null; name: string | null; open: number | null; archived: number; mergedRaw: number | null; mergedId: number | null; mergedSlug: string | null; mergedTitle: string | null };
type HistoryRow = { key: string | null; name: string | null; note: string; at: number; by: string | null };

const statements = perDatabase((db) => ({
  summary: db.$client.prepare<[number], SummaryRow>(
    `SELECT t.idea_votes AS votes, s.key, s.name, s.open, c.archived_at IS NOT NULL AS archived, t.merged_into_id AS mergedRaw,
       target.id AS mergedId, target.slug AS mergedSlug, target.title AS mergedTitle
     FROM threads AS t JOIN categories AS c ON c.id = t.category_id LEFT JOIN idea_statuses AS s ON s.id = t.idea_status_id
       LEFT JOIN threads AS target ON target.id = t.merged_into_id AND target.status = 'published'
     WHERE t.id = ?`,
  ),
  // Newest first; an idea's history is short (a handful of changes), so it is shown whole.
  history: db.$client.prepare<[number], HistoryRow>(
    `SELECT s.key, s.name, h.note, h.created_at AS at, u.username AS by
     FROM idea_status_changes AS h LEFT JOIN idea_statuses AS s ON s.id = h.status_id LEFT JOIN users AS u ON u.id = h.changed_by_id
     WHERE h.thread_id = ? ORDER BY h.created_at DESC, h.id DESC LIMIT 50`,
  ),
  voted: db.$client.prepare<[number, number], number>('SELECT 1 FROM idea_votes WHERE thread_id = ? AND user_id = ?').pluck(),
}));

export function ideaSummary(db: Db, threadId: number): IdeaSummary | null {
  const queries = statements(db);
  const row = queries.summary.get(threadId);
  if (!row) return null;
  return {
    votes: row.votes,
    status: row.key === null ? null : { key: row.key, name: row.name, open: row.open === 1 },
    merged: row.mergedRaw !== null,
    mergedInto: row.mergedId === null ? null : { id: row.mergedId, slug: row.mergedSlug!, title: row.mergedTitle! },
    archived: row.archived === 1,
    history: queries.history.all(threadId).map((entry) => ({ status: entry.key === null ? null : { key: entry.key, name: entry.name }, note: entry.note, at: entry.at, by: entry.by })),
  };
}

/** The viewer's own side of an idea: whether they voted, and what stops them voting. */
export type IdeaViewerState = { voted: boolean; block: IdeaVoteBlock | null };

export function ideaViewerState(db: Db, viewer: Viewer, threadId: number, summary: IdeaSummary, now: number): IdeaViewerState {
  const voted = viewer !== null && statements(db).voted.get(threadId, viewer.id) !== undefined;
  const merged = summary.merged;
  return { voted, block: ideaVoteBlock(viewer, { archived: summary.archived, merged, statusOpen: summary.status?.open ?? true }, now) };
}
