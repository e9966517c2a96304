import { and, desc, eq, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { usernameKey } from '../auth/accounts.js';
import { categories, modLog, posts, threads, users } from '../db/schema.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { moderatedCategoryFilter } from '../forum/permissions.js';
import { modActions, type ModAction } from './audit.js';
import { requireStaff } from './staff.js';

// The audit log, newest first, keyset-paged on id. Filters each ride an index
// (actor, action, target user — each (column, id)); the application never edits or deletes rows.
// A scoped manager reads only the entries of their categories; entries without a category
// (sanctions, roles, community settings) are for the community-wide team (docs/decisions/0022).

export const LOG_PAGE_SIZE = 50;

export type LogFilters = { actor: string | null; action: ModAction | null; target: string | null; before: number | null };

export type LogEntry = {
  id: number;
  action: ModAction;
  /** Null for the command line and automatic actions. */
  actor: string | null;
  targetUser: string | null;
  thread: { id: number; title: string; slug: string } | null;
  post: { id: number; number: number | null } | null;
  category: { slug: string; name: string } | null;
  reason: string | null;
  details: Record<string, unknown>;
  createdAt: number;
};

export function isModAction(value: string): value is ModAction {
  return Object.hasOwn(modActions, value);
}

function userId(ctx: ServiceContext, username: string): number | null {
  return ctx.db.select({ id: users.id }).from(users).where(eq(users.usernameKey, usernameKey(username))).get()?.id ?? null;
}

export function listModLog(ctx: ServiceContext, viewer: Viewer, filters: LogFilters): { entries: LogEntry[]; nextCursor: number | null } {
  const staff = requireStaff(viewer);
  const actorId = filters.actor ? userId(ctx, filters.actor) : null;
  const targetId = filters.target ? userId(ctx, filters.target) : null;
  // A filter naming nobody matches nothing (rather than silently showing everything).
  if ((filters.actor && actorId === null) || (filters.target && targetId === null)) return { entries: [], nextCursor: null };
  const actor = alias(users, 'actor');
  const target = alias(users, 'target');
  const rows = ctx.db
    .select({
      id: modLog.id, action: modLog.action, actor: actor.username, targetUser: target.username,
      threadId: threads.id, threadTitle: threads.title, threadSlug: threads.slug, postId: posts.id, postNumber: posts.number,
      categorySlug: categories.slug, categoryName: categories.name, reason: modLog.reason, details: modLog.details, createdAt: modLog.createdAt,
    })
    .from(modLog)
    .leftJoin(actor, eq(actor.id, modLog.actorId))
    .leftJoin(target, eq(target.id, modLog.targetUserId))
    .leftJoin(threads, eq(threads.id, modLog.targetThreadId))
    .leftJoin(posts, eq(posts.id, modLog.targetPostId))
    .leftJoin(categories, eq(categories.id, modLog.categoryId))
    .where(
      and(
        moderatedCategoryFilter(staff, modLog.categoryId),
        actorId !== null ? eq(modLog.actorId, actorId) : undefined,
        targetId !== null ? eq(modLog.targetUserId, targetId) : undefined,
        filters.action ? eq(modLog.action, filters.action) : undefined,
        filters.before ? lt(modLog.id, filters.before) : undefined,
      ),
    )
    .orderBy(desc(modLog.id))
    .limit(LOG_PAGE_SIZE + 1)
    .all();
  const entries = rows.slice(0, LOG_PAGE_SIZE).map(toEntry);
  const last = entries.at(-1);
  return { entries, nextCursor: rows.length > LOG_PAGE_SIZE && last ? last.id : null };
}

function toEntry(row: {
  id: number; action: string; actor: string | null; targetUser: string | null; threadId: number | null; threadTitle: string | null; threadSlug: string | null;
  postId: number | null; postNumber: number | null; categorySlug: string | null; categoryName: string | null; reason: string | null; details: string | null; createdAt: number;
}): LogEntry {
  return {
    id: row.id,
    action: row.action as ModAction,
    actor: row.actor,
    targetUser: row.targetUser,
    thread: row.threadId !== null && row.threadTitle !== null && row.threadSlug !== null ? { id: row.threadId, title: row.threadTitle, slug: row.threadSlug } : null,
    post: row.postId !== null ? { id: row.postId, number: row.postNumber } : null,
    category: row.categorySlug !== null && row.categoryName !== null ? { slug: row.categorySlug, name: row.categoryName } : null,
    reason: row.reason,
    details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : {},
    createdAt: row.createdAt,
  };
}
