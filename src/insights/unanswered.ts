import type { Db } from '../db/client.js';
import { perDatabase } from '../db/prepared.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { askingCategories, categoriesInScope } from './scope.js';
import type { UnansweredQuestion } from './types.js';

/*
 * The managers' worklist: customers' questions (threads opened by members, published) that nobody
 * but the asker has replied to, past their category's target reply time, oldest first, with who
 * claimed each. Read through threads_unanswered_idx, so it costs the length of the list, not of
 * the forum. Shared by the insights page, the /mod overview and the daily summary.
 */

export const UNANSWERED_PAGE = 50;

/** Keyset cursor: the last row's creation time and id. */
export type UnansweredCursor = { createdAt: number; id: number };

type Row = { threadId: number; slug: string; title: string; categoryName: string; createdAt: number; targetMinutes: number; claimerId: number | null; claimerName: string | null };

const OVERDUE = `FROM json_each(@categories) AS scope
  JOIN categories c ON c.id = scope.value
  JOIN threads t INDEXED BY threads_unanswered_idx ON t.category_id = c.id
    AND t.first_reply_at IS NULL AND t.status = 'published' AND t.opened_by_staff = 0
    AND t.created_at < @now - c.target_reply_minutes * 60000`;

const statements = perDatabase((db: Db) => ({
  page: db.$client.prepare<{ categories: string; now: number; afterAt: number; afterId: number; limit: number }, Row>(
    `SELECT t.id AS threadId, t.slug AS slug, t.title AS title, c.name AS categoryName, t.created_at AS createdAt,
       c.target_reply_minutes AS targetMinutes, cl.user_id AS claimerId, u.username AS claimerName
     ${OVERDUE}
     LEFT JOIN thread_claims cl ON cl.thread_id = t.id
     LEFT JOIN users u ON u.id = cl.user_id
     WHERE (t.created_at, t.id) > (@afterAt, @afterId)
     ORDER BY t.created_at, t.id LIMIT @limit`,
  ),
  count: db.$client.prepare<{ categories: string; now: number }, number>(`SELECT count(*) ${OVERDUE}`).pluck(),
}));

/** Category ids in scope, optionally narrowed to one; JSON for the statements' json_each. */
function scopeOf(ctx: ServiceContext, viewer: Viewer, categoryIds?: readonly number[]): string {
  const inScope = askingCategories(categoriesInScope(ctx, viewer)).map((category) => category.id);
  return JSON.stringify(categoryIds ? inScope.filter((id) => categoryIds.includes(id)) : inScope);
}

/** A page of the worklist for the categories the viewer moderates (or those of them in `categoryIds`). */
export function listUnanswered(
  ctx: ServiceContext,
  viewer: Viewer,
  options: { categoryIds?: readonly number[]; after?: UnansweredCursor | null; limit?: number } = {},
): { questions: UnansweredQuestion[]; next: UnansweredCursor | null } {
  const now = ctx.now();
  const limit = options.limit ?? UNANSWERED_PAGE;
  const after = options.after ?? { createdAt: -1, id: 0 };
  const rows = statements(ctx.db).page.all({ categories: scopeOf(ctx, viewer, options.categoryIds), now, afterAt: after.createdAt, afterId: after.id, limit: limit + 1 });
  const questions = rows.slice(0, limit).map((row) => ({
    threadId: row.threadId,
    slug: row.slug,
    title: row.title,
    categoryName: row.categoryName,
    createdAt: row.createdAt,
    overdueBy: now - (row.createdAt + row.targetMinutes * 60_000),
    claimedBy: row.claimerId !== null ? { id: row.claimerId, username: row.claimerName ?? '' } : null,
  }));
  const last = questions.at(-1);
  return { questions, next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.threadId } : null };
}

/** How many questions are past their target now, in the categories the viewer moderates. */
export function countUnanswered(ctx: ServiceContext, viewer: Viewer, categoryIds?: readonly number[]): number {
  return statements(ctx.db).count.get({ categories: scopeOf(ctx, viewer, categoryIds), now: ctx.now() }) ?? 0;
}
