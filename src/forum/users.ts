import { and, desc, eq, isNull, lt, not, or, sql, type SQL } from 'drizzle-orm';
import { posts, threads, uploads, users, type ContentStatus, type Role } from '../db/schema.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { NotFound } from '../lib/errors.js';
import { msg } from '../i18n/message.js';
import { trustSanitized, type SafeHtml } from '../lib/safe-html.js';
import { usernameKey } from '../auth/accounts.js';
import { awaitingConfirmation } from '../moderation/confirmed-posts.js';
import { isStaff, moderatedCategoryFilter } from './permissions.js';
import { avatarUrl } from '../profiles/avatar.js';
import { profileFieldValuesOf, type ProfileFieldValue } from '../profiles/profile.js';

export const PROFILE_POSTS_PER_PAGE = 20;

export type Profile = {
  id: number;
  username: string;
  role: Role;
  createdAt: number;
  postCount: number;
  displayName: string | null;
  bio: string | null;
  avatarUrl: string;
  /** The admin's fields the member filled in, in order. */
  fields: ProfileFieldValue[];
};
export type ProfilePost = { id: number; number: number | null; status: ContentStatus; createdAt: number; bodyHtml: SafeHtml; threadId: number; threadTitle: string; threadSlug: string };

export function getProfile(ctx: ServiceContext, username: string): Profile {
  const row = ctx.db
    .select({
      id: users.id,
      username: users.username,
      role: users.role,
      createdAt: users.createdAt,
      postCount: users.postCount,
      displayName: users.displayName,
      bio: users.bio,
      avatarHash: uploads.hash,
      avatarExt: uploads.ext,
    })
    .from(users)
    .leftJoin(uploads, eq(uploads.id, users.avatarUploadId))
    .where(and(eq(users.usernameKey, usernameKey(username)), isNull(users.deletedAt)))
    .get();
  // An erased account has no profile: its posts show "Deleted member" (src/privacy/erase-account.ts).
  if (!row) throw new NotFound(msg('profile.notFound'));
  const { avatarHash, avatarExt, ...profile } = row;
  const fields = profileFieldValuesOf(ctx.db, row.id).filter((field) => field.value.length > 0);
  return { ...profile, avatarUrl: avatarUrl({ username: row.username, displayName: row.displayName, avatarHash, avatarExt }), fields };
}

/**
 * What of a member's posts the viewer may see: the public sees published, live posts in published
 * threads; the member also their waiting, rejected and hidden ones, and staff those of the
 * categories they moderate. Deleted posts are gone from profiles for everyone.
 */
function visibleOnProfile(viewer: Viewer, userId: number): SQL | undefined {
  if (viewer !== null && viewer.id === userId) return isNull(posts.deletedAt);
  const published = and(eq(posts.status, 'published'), eq(threads.status, 'published'), isNull(posts.deletedAt), isNull(posts.hiddenAt));
  if (!isStaff(viewer)) return published;
  // Staff not posts waiting for the member to confirm their address: they are the member's alone.
  return or(published, and(isNull(posts.deletedAt), moderatedCategoryFilter(viewer, threads.categoryId), not(awaitingConfirmation)));
}

/** A member's recent posts, newest first, keyset-paged; removed posts only for their author and the category's staff. */
export function listProfilePosts(ctx: ServiceContext, viewer: Viewer, input: { userId: number; before: { key: number; id: number } | null }) {
  const cursor = input.before;
  const rows = ctx.db
    .select({
      id: posts.id,
      number: posts.number,
      status: posts.status,
      createdAt: posts.createdAt,
      bodyHtml: posts.bodyHtml,
      threadId: threads.id,
      threadTitle: threads.title,
      threadSlug: threads.slug,
    })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(
      and(
        eq(posts.authorId, input.userId),
        visibleOnProfile(viewer, input.userId),
        cursor ? or(lt(posts.createdAt, cursor.key), and(eq(posts.createdAt, cursor.key), lt(posts.id, cursor.id))) : undefined,
      ),
    )
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(PROFILE_POSTS_PER_PAGE + 1)
    .all();
  const page: ProfilePost[] = rows.slice(0, PROFILE_POSTS_PER_PAGE).map((row) => ({ ...row, bodyHtml: trustSanitized(row.bodyHtml) }));
  const last = page.at(-1);
  return { posts: page, nextCursor: rows.length > PROFILE_POSTS_PER_PAGE && last ? `${last.createdAt}.${last.id}` : null };
}

export const profileStats = (ctx: ServiceContext, userId: number) =>
  ctx.db.select({ threads: sql<number>`count(*)` }).from(threads).where(and(eq(threads.authorId, userId), eq(threads.status, 'published'))).get()?.threads ?? 0;
