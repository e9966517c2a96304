import type { ServiceContext } from '../lib/context.js';

// An ideas board's list: by votes (the default), newest first, or by status in the admins' order.
// Merged ideas are left out (their votes live on the idea they went into). Keyset pages: the cursor
// is the last idea's sort key and id, so any page is a range of an index or a short sort.

export const IDEAS_PER_PAGE = 30;
export const ideaSorts = ['votes', 'new', 'status'] as const;
export type IdeaSort = (typeof ideaSorts)[number];

export type IdeaListItem = {
  id: number;
  title: string;
  slug: string;
  votes: number;
  status: { key: string; name: string | null } | null;
  replyCount: number;
  createdAt: number;
  lastPostAt: number;
  author: string;
};
export type IdeaListPage = { ideas: IdeaListItem[]; nextCursor: string | null };

type Row = Omit<IdeaListItem, 'status'> & { statusKey: string | null; statusName: string | null; position: number };

// Ideas whose status was removed sort after every status.
const POSITION = 'coalesce(s.position, 1000000000)';

const orders: Record<IdeaSort, string> = {
  votes: 't.idea_votes DESC, t.id DESC',
  new: 't.id DESC',
  status: `${POSITION} ASC, t.idea_votes DESC, t.id DESC`,
};

/** The cursor's numbers: [votes, id], [id] or [position, votes, id]. */
export function parseIdeaCursor(sort: IdeaSort, value: string | undefined): number[] | null {
  const parts = value?.split('.') ?? [];
  const wanted = sort === 'new' ? 1 : sort === 'votes' ? 2 : 3;
  if (parts.length !== wanted || !parts.every((part) => /^[0-9]{1,15}$/.test(part))) return null;
  return parts.map(Number);
}

function after(sort: IdeaSort, cursor: number[] | null): { sql: string; values: number[] } {
  if (cursor === null) return { sql: '', values: [] };
  if (sort === 'new') return { sql: 'AND t.id < ?', values: cursor };
  if (sort === 'votes') return { sql: 'AND t.idea_votes <= ? AND (t.idea_votes, t.id) < (?, ?)', values: [cursor[0]!, cursor[0]!, cursor[1]!] };
  return { sql: `AND (${POSITION} > ? OR (${POSITION} = ? AND (t.idea_votes, t.id) < (?, ?)))`, values: [cursor[0]!, cursor[0]!, cursor[1]!, cursor[2]!] };
}

function cursorOf(sort: IdeaSort, row: Row): string {
  if (sort === 'new') return String(row.id);
  return sort === 'votes' ? `${row.votes}.${row.id}` : `${row.position}.${row.votes}.${row.id}`;
}

/** One page of a board's ideas; `status` keeps only ideas with that status's key. */
export function listIdeas(ctx: ServiceContext, input: { categoryId: number; sort: IdeaSort; status: string | null; cursor: number[] | null }): IdeaListPage {
  const page = after(input.sort, input.cursor);
  const rows = ctx.db.$client
    .prepare(
      `SELECT t.id, t.title, t.slug, t.idea_votes AS votes, s.key AS statusKey, s.name AS statusName, ${POSITION} AS position,
         t.reply_count AS replyCount, t.created_at AS createdAt, t.last_post_at AS lastPostAt, u.username AS author
       FROM threads AS t JOIN users AS u ON u.id = t.author_id LEFT JOIN idea_statuses AS s ON s.id = t.idea_status_id
       WHERE t.category_id = ? AND t.status = 'published' AND t.merged_into_id IS NULL ${input.status === null ? '' : 'AND s.key = ?'} ${page.sql}
       ORDER BY ${orders[input.sort]} LIMIT ?`,
    )
    .all(input.categoryId, ...(input.status === null ? [] : [input.status]), ...page.values, IDEAS_PER_PAGE + 1) as Row[];
  const shown = rows.slice(0, IDEAS_PER_PAGE);
  const last = shown.at(-1);
  return {
    ideas: shown.map(({ statusKey, statusName, position: _position, ...idea }) => ({ ...idea, status: statusKey === null ? null : { key: statusKey, name: statusName } })),
    nextCursor: rows.length > IDEAS_PER_PAGE && last ? cursorOf(input.sort, last) : null,
  };
}

/** A board's vote limit, shown above its list (null: none). */
export function ideaVoteLimit(ctx: ServiceContext, categoryId: number): number | null {
  const row = ctx.db.$client.prepare('SELECT idea_vote_limit AS voteLimit FROM categories WHERE id = ?').get(categoryId) as { voteLimit: number | null } | undefined;
  return row?.voteLimit ?? null;
}
