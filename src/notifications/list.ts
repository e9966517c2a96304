import { and, desc, eq, inArray, isNull, lt, not, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { notifications, posts, threads, uploads, users } from '../db/schema.js';
import { avatarUrl } from '../profiles/avatar.js';
import type { Db } from '../db/client.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { msg } from '../i18n/message.js';
import { NotFound, Unauthenticated } from '../lib/errors.js';
import type { NotificationKind } from './notify.js';
import { notificationListPath } from './text.js';
import { perDatabase } from '../db/prepared.js';

export const NOTIFICATIONS_PER_PAGE = 30;

export type NotificationView = {
  id: number;
  kind: NotificationKind;
  actor: string | null;
  /** The actor's display name and picture, shown beside their @username on the page. */
  actorDisplayName: string | null;
  actorAvatarUrl: string | null;
  threadId: number | null;
  threadTitle: string | null;
  threadSlug: string | null;
  postId: number | null;
  data: Record<string, unknown>;
  read: boolean;
  createdAt: number;
  /** Unread `reply` notifications of one thread are shown as one line: how many, shown on the newest. */
  groupSize: number;
  /** False when the post it is about is no longer public (then it is shown without its title). */
  available: boolean;
};

// Unread replies in one thread are one group, and count once in the header: the newest stands for it.
const GROUPED = 'reply';
const hasNewerInGroup = sql`exists (select 1 from notifications as newer where newer.user_id = ${notifications.userId}
  and newer.thread_id = ${notifications.threadId} and newer.kind = ${GROUPED} and newer.read_at is null and newer.id > ${notifications.id})`;
const isGroupMember = sql`(${notifications.kind} = ${GROUPED} and ${notifications.readAt} is null and ${hasNewerInGroup})`;

// Kinds about a post the recipient did not write: shown neutrally once that post is gone from view.
const aboutOthersPosts = new Set<NotificationKind>(['reply', 'reply_to_post', 'mention', 'new_thread']);

// Shown in the header of every signed-in page, so prepared once per database. Groups, not rows:
// unread replies in one thread count once (as the page shows them).
// Plain SQL: drizzle's row mapping cost more than the count on this hot path.
const unreadStatement = perDatabase((db: Db) =>
  db.$client
    .prepare<[userId: number], number>(`select count(distinct case when kind = '${GROUPED}' then -thread_id else id end) from notifications where user_id = ? and read_at is null`)
    .pluck(),
);

export function unreadCount(ctx: ServiceContext, viewer: Viewer): number {
  if (viewer === null) return 0;
  return unreadStatement(ctx.db).get(viewer.id) ?? 0;
}

export function listNotifications(ctx: ServiceContext, viewer: Viewer, input: { before: number | null }) {
  if (viewer === null) throw new Unauthenticated(msg('notification.signInFirst'));
  const actor = alias(users, 'actor');
  const avatar = alias(uploads, 'avatar');
  const rows = ctx.db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      actor: actor.username,
      actorDisplayName: actor.displayName,
      avatarHash: avatar.hash,
      avatarExt: avatar.ext,
      threadId: notifications.threadId,
      threadTitle: threads.title,
      threadSlug: threads.slug,
      postId: notifications.postId,
      data: notifications.data,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      threadStatus: threads.status,
      postVisible: sql<number | null>`${posts.status} = 'published' and ${posts.deletedAt} is null and ${posts.hiddenAt} is null`,
    })
    .from(notifications)
    .leftJoin(actor, eq(actor.id, notifications.actorId))
    .leftJoin(avatar, eq(avatar.id, actor.avatarUploadId))
    .leftJoin(threads, eq(threads.id, notifications.threadId))
    .leftJoin(posts, eq(posts.id, notifications.postId))
    .where(and(eq(notifications.userId, viewer.id), input.before ? lt(notifications.id, input.before) : undefined, not(isGroupMember)))
    .orderBy(desc(notifications.id))
    .limit(NOTIFICATIONS_PER_PAGE + 1)
    .all();
  const sizes = groupSizes(ctx, viewer.id, rows.slice(0, NOTIFICATIONS_PER_PAGE));
  const page: NotificationView[] = rows.slice(0, NOTIFICATIONS_PER_PAGE).map(({ readAt, data, kind, threadStatus, postVisible, avatarHash, avatarExt, ...row }) => ({
    ...row,
    actorAvatarUrl: row.actor === null ? null : avatarUrl({ username: row.actor, displayName: row.actorDisplayName, avatarHash, avatarExt }),
    kind: kind as NotificationKind,
    data: data ? (JSON.parse(data) as Record<string, unknown>) : {},
    read: readAt !== null,
    groupSize: (readAt === null && kind === GROUPED && row.threadId !== null && sizes.get(row.threadId)) || 1,
    // A group leads to its first unread reply, so only its thread needs to be public.
    available: !aboutOthersPosts.has(kind as NotificationKind) || (threadStatus === 'published' && (postVisible === 1 || (sizes.get(row.threadId ?? 0) ?? 0) > 1)),
  }));
  const last = page.at(-1);
  return { notifications: page, nextCursor: rows.length > NOTIFICATIONS_PER_PAGE && last ? last.id : null };
}

/** How many unread replies each of these threads' groups holds. */
function groupSizes(ctx: ServiceContext, userId: number, rows: { kind: string; readAt: number | null; threadId: number | null }[]): Map<number, number> {
  const threadIds = rows.filter((row) => row.kind === GROUPED && row.readAt === null && row.threadId !== null).map((row) => row.threadId!);
  if (threadIds.length === 0) return new Map();
  const counts = ctx.db
    .select({ threadId: notifications.threadId, n: sql<number>`count(*)` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), eq(notifications.kind, GROUPED), inArray(notifications.threadId, threadIds)))
    .groupBy(notifications.threadId)
    .all();
  return new Map(counts.map((row) => [row.threadId!, row.n]));
}

/** Marks one notification read and says where it leads: a post, a thread, or a list (staff alerts). */
export function openNotification(ctx: ServiceContext, viewer: Viewer, id: number): { postId: number | null; threadId: number | null; path?: string } {
  if (viewer === null) throw new Unauthenticated(msg('notification.signInFirst'));
  const row = ctx.db
    .select({ kind: notifications.kind, postId: notifications.postId, threadId: notifications.threadId, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, viewer.id)))
    .get();
  if (!row) throw new NotFound(msg('notification.notFound'));
  if (row.readAt === null && row.kind === GROUPED && row.threadId !== null) return openGroup(ctx, viewer.id, row.threadId);
  if (row.readAt === null) ctx.db.update(notifications).set({ readAt: ctx.now() }).where(eq(notifications.id, id)).run();
  const path = notificationListPath(row.kind);
  return { postId: row.postId, threadId: row.threadId, ...(path ? { path } : {}) };
}

/** A group of unread replies is read as a whole, from its first reply on. */
function openGroup(ctx: ServiceContext, userId: number, threadId: number): { postId: number | null; threadId: number } {
  const inGroup = and(eq(notifications.userId, userId), isNull(notifications.readAt), eq(notifications.kind, GROUPED), eq(notifications.threadId, threadId));
  return ctx.db.transaction((tx) => {
    const first = tx.select({ postId: notifications.postId }).from(notifications).where(inGroup).orderBy(notifications.id).limit(1).get();
    tx.update(notifications).set({ readAt: ctx.now() }).where(inGroup).run();
    return { postId: first?.postId ?? null, threadId };
  });
}

export function markAllRead(ctx: ServiceContext, viewer: Viewer): void {
  if (viewer === null) throw new Unauthenticated(msg('notification.signInFirst'));
  ctx.db.update(notifications).set({ readAt: ctx.now() }).where(and(eq(notifications.userId, viewer.id), isNull(notifications.readAt))).run();
}
