import { and, count, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { notifications, threads, users } from '../db/schema.js';
import type { Db } from '../db/client.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { NotFound, Unauthenticated } from '../lib/errors.js';
import type { NotificationKind } from './notify.js';

export const NOTIFICATIONS_PER_PAGE = 30;

export type NotificationView = {
  id: number;
  kind: NotificationKind;
  actor: string | null;
  threadId: number | null;
  threadTitle: string | null;
  threadSlug: string | null;
  postId: number | null;
  data: Record<string, unknown>;
  read: boolean;
  createdAt: number;
};

const unreadStatements = new WeakMap<Db, { get: (values: { userId: number }) => { n: number } | undefined }>();

/** Shown in the header of every signed-in page, so prepared once per database. */
export function unreadCount(ctx: ServiceContext, viewer: Viewer): number {
  if (viewer === null) return 0;
  let statement = unreadStatements.get(ctx.db);
  if (!statement) {
    statement = ctx.db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, sql.placeholder('userId')), isNull(notifications.readAt)))
      .prepare();
    unreadStatements.set(ctx.db, statement);
  }
  return statement.get({ userId: viewer.id })?.n ?? 0;
}

export function listNotifications(ctx: ServiceContext, viewer: Viewer, input: { before: number | null }) {
  if (viewer === null) throw new Unauthenticated('Please log in to see your notifications.');
  const actor = alias(users, 'actor');
  const rows = ctx.db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      actor: actor.username,
      threadId: notifications.threadId,
      threadTitle: threads.title,
      threadSlug: threads.slug,
      postId: notifications.postId,
      data: notifications.data,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .leftJoin(actor, eq(actor.id, notifications.actorId))
    .leftJoin(threads, eq(threads.id, notifications.threadId))
    .where(and(eq(notifications.userId, viewer.id), input.before ? lt(notifications.id, input.before) : undefined))
    .orderBy(desc(notifications.id))
    .limit(NOTIFICATIONS_PER_PAGE + 1)
    .all();
  const page: NotificationView[] = rows.slice(0, NOTIFICATIONS_PER_PAGE).map(({ readAt, data, kind, ...row }) => ({
    ...row,
    kind: kind as NotificationKind,
    data: data ? (JSON.parse(data) as Record<string, unknown>) : {},
    read: readAt !== null,
  }));
  const last = page.at(-1);
  return { notifications: page, nextCursor: rows.length > NOTIFICATIONS_PER_PAGE && last ? last.id : null };
}

/** Marks one notification read and says where it leads. */
export function openNotification(ctx: ServiceContext, viewer: Viewer, id: number): { postId: number | null; threadId: number | null } {
  if (viewer === null) throw new Unauthenticated('Please log in to see your notifications.');
  const row = ctx.db
    .select({ postId: notifications.postId, threadId: notifications.threadId, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, viewer.id)))
    .get();
  if (!row) throw new NotFound('That notification does not exist.');
  if (row.readAt === null) ctx.db.update(notifications).set({ readAt: ctx.now() }).where(eq(notifications.id, id)).run();
  return { postId: row.postId, threadId: row.threadId };
}

export function markAllRead(ctx: ServiceContext, viewer: Viewer): void {
  if (viewer === null) throw new Unauthenticated('Please log in to see your notifications.');
  ctx.db.update(notifications).set({ readAt: ctx.now() }).where(and(eq(notifications.userId, viewer.id), isNull(notifications.readAt))).run();
}
