import { and, asc, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { usernameKey } from '../auth/accounts.js';
import { categories, managerScopes, modLog, users, type Role } from '../db/schema.js';
import { canChangeRoles, canSanction, isCommunityWideStaff } from '../forum/permissions.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { NotFound } from '../lib/errors.js';
import type { ModAction } from './audit.js';
import { sanctionRefusal } from './sanctions.js';
import { requireStaff } from './staff.js';

// Members as the community team sees them: counts that help judge a report (posts, flags
// received, earlier sanctions) and the sanction and role history from the audit log.

export const MEMBERS_PAGE_SIZE = 30;
const HISTORY_LIMIT = 50;
const historyActions: ModAction[] = ['silence', 'unsilence', 'suspend', 'unsuspend', 'delete_spammer', 'undo_spam_cleanup', 'role_change', 'scope_change'];

export type MemberSummary = {
  id: number;
  username: string;
  role: Role;
  createdAt: number;
  postCount: number;
  flagsReceived: number;
  sanctionCount: number;
  silencedUntil: number | null;
  silenceReason: string | null;
  suspendedUntil: number | null;
  suspendReason: string | null;
};

/** Sanctions lapse by themselves at their end date: past ones are shown as none. */
function inForce<T extends { silencedUntil: number | null; silenceReason: string | null; suspendedUntil: number | null; suspendReason: string | null }>(row: T, now: number): T {
  const silenced = row.silencedUntil !== null && row.silencedUntil > now;
  const suspended = row.suspendedUntil !== null && row.suspendedUntil > now;
  return {
    ...row,
    silencedUntil: silenced ? row.silencedUntil : null,
    silenceReason: silenced ? row.silenceReason : null,
    suspendedUntil: suspended ? row.suspendedUntil : null,
    suspendReason: suspended ? row.suspendReason : null,
  };
}

// Correlated counts name the outer table explicitly: drizzle leaves single-table columns unqualified.
function memberColumns() {
  return {
    id: users.id, username: users.username, role: users.role, createdAt: users.createdAt, postCount: users.postCount,
    flagsReceived: sql<number>`(select count(*) from flags f join posts p on p.id = f.post_id where p.author_id = "users"."id")`,
    sanctionCount: sql<number>`(select count(*) from mod_log m where m.target_user_id = "users"."id" and m.action in ('silence', 'suspend', 'delete_spammer'))`,
    silencedUntil: users.silencedUntil, silenceReason: users.silenceReason, suspendedUntil: users.suspendedUntil, suspendReason: users.suspendReason,
  };
}

/**
 * Members whose username starts with the search, alphabetically, keyset-paged on the folded
 * username: the prefix is a range on the unique index (`key >= prefix and key < prefix + U+10FFFF`).
 */
export function listMembers(ctx: ServiceContext, viewer: Viewer, input: { query: string; after: string | null }) {
  requireStaff(viewer);
  const prefix = usernameKey(input.query);
  const rows = ctx.db
    .select(memberColumns())
    .from(users)
    .where(
      and(
        prefix ? and(sql`${users.usernameKey} >= ${prefix}`, lt(users.usernameKey, `${prefix}\u{10FFFF}`)) : undefined,
        input.after ? gt(users.usernameKey, input.after) : undefined,
      ),
    )
    .orderBy(asc(users.usernameKey))
    .limit(MEMBERS_PAGE_SIZE + 1)
    .all();
  const page: MemberSummary[] = rows.slice(0, MEMBERS_PAGE_SIZE).map((row) => inForce(row, ctx.now()));
  const last = page.at(-1);
  return { members: page, nextCursor: rows.length > MEMBERS_PAGE_SIZE && last ? usernameKey(last.username) : null };
}

export type MemberHistoryEntry = { id: number; action: ModAction; actor: string | null; reason: string | null; details: Record<string, unknown>; createdAt: number };

/** Sanctions, role and scope changes concerning one member, newest first. */
function memberHistory(ctx: ServiceContext, memberId: number): MemberHistoryEntry[] {
  const actor = alias(users, 'actor');
  return ctx.db
    .select({ id: modLog.id, action: modLog.action, actor: actor.username, reason: modLog.reason, details: modLog.details, createdAt: modLog.createdAt })
    .from(modLog)
    .leftJoin(actor, eq(actor.id, modLog.actorId))
    .where(and(eq(modLog.targetUserId, memberId), inArray(modLog.action, historyActions)))
    .orderBy(desc(modLog.id))
    .limit(HISTORY_LIMIT)
    .all()
    .map((row) => ({ ...row, action: row.action as ModAction, details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : {} }));
}

/**
 * One member's page for the team: summary, sanction and role history, and what this viewer may
 * change. The history is audit entries without a category, so, as in the log, a scoped manager
 * does not get it (null); they see only whether a sanction is in force now.
 */
export function getMember(ctx: ServiceContext, viewer: Viewer, username: string) {
  const staff = requireStaff(viewer);
  const row = ctx.db.select(memberColumns()).from(users).where(eq(users.usernameKey, usernameKey(username))).get();
  if (!row) throw new NotFound(msg('members.notFound'));
  const member: MemberSummary = inForce(row, ctx.now());
  const history = isCommunityWideStaff(staff) ? memberHistory(ctx, member.id) : null;
  const sanction = canSanction(staff, member);
  const scope = ctx.db.select({ categoryId: managerScopes.categoryId }).from(managerScopes).where(eq(managerScopes.userId, member.id)).all();
  const isAdminViewer = canChangeRoles(staff);
  return {
    member,
    history,
    scope: scope.map((entry) => entry.categoryId),
    categories: isAdminViewer ? ctx.db.select({ id: categories.id, name: categories.name }).from(categories).orderBy(asc(categories.position), asc(categories.id)).all() : [],
    /** Why this viewer may not sanction this member, in words for the page; null when they may. */
    sanctionRefusal: sanction ? null : sanctionRefusal(staff, member),
    may: {
      sanction,
      // Admins change others' roles; their own only from the command line (no lock-out).
      changeRole: isAdminViewer && staff.id !== member.id,
    },
  };
}
