import { and, asc, desc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { categories, flags, modLog, posts, reviewItems, threads, users, type FlagReason, type ReviewKind, type Role } from '../db/schema.js';
import { canModerate, canSanction, isCommunityWideStaff, moderatedCategoryFilter } from '../forum/permissions.js';
import type { ServiceContext, SignedIn, Viewer } from '../lib/context.js';
import { trustSanitized, type SafeHtml } from '../lib/safe-html.js';
import { loadQueueEdits, type QueueEdit } from './queue-edits.js';
import { countsTowardHide, readFlagTrust } from './flag-trust.js';
import { requireStaff } from './staff.js';

// The header's "Review (N)" count lives beside the layout's loader; it applies the same scope rule.
export { countOpenReviewItems } from './review-count.js';

// The review queue as managers read it: open items in the categories they moderate, each with
// enough about the post and its author to decide without opening another page. Four queries per
// page whatever its length: the items, their open flags, their held edits, their authors' earlier sanctions.
// Flagged staff posts come first whatever the order: flags never hide them, so a person must look.

export const QUEUE_PAGE_SIZE = 20;
export const queueOrders = ['oldest', 'newest'] as const;
export type QueueOrder = (typeof queueOrders)[number];
/** `tier` 0 holds flagged staff posts, 1 everything else; pages run through tier 0 first. */
export type QueueCursor = { tier: number; key: number; id: number };
export type QueueFilters = { kind: ReviewKind | null; categoryId: number | null; reason: FlagReason | null; order: QueueOrder; cursor: QueueCursor | null };

/** `counts`: whether it counts toward the automatic hide (its flagger was trusted when flagging). */
export type QueueFlag = { flagger: string; reason: FlagReason; note: string | null; createdAt: number; counts: boolean };
export type QueueSanction = { action: 'silence' | 'suspend'; reason: string | null; createdAt: number };
export type QueueItem = {
  id: number;
  kind: ReviewKind;
  createdAt: number;
  post: { id: number; number: number | null; status: string; bodyHtml: SafeHtml; createdAt: number; deleted: boolean; hidden: boolean; autoHidden: boolean; hiddenReason: string | null };
  thread: { id: number; title: string; slug: string; status: string };
  category: { id: number; slug: string; name: string };
  author: {
    id: number; username: string; role: Role; createdAt: number; postCount: number; silencedUntil: number | null; suspendedUntil: number | null;
    /** Null for a scoped manager: sanctions are audit entries without a category (docs/decisions/0022). */
    sanctions: QueueSanction[] | null;
  };
  flags: QueueFlag[];
  /** For an `edit` item: the held edit against the public text (null if its author withdrew it meanwhile). */
  edit: QueueEdit | null;
  canSanctionAuthor: boolean;
};
export type QueuePage = { items: QueueItem[]; nextCursor: string | null };

const tier = sql<number>`(case when ${reviewItems.kind} = 'flag' and ${users.role} <> 'member' then 0 else 1 end)`;

function pageCondition(order: QueueOrder, cursor: QueueCursor | null): SQL | undefined {
  if (!cursor) return undefined;
  const after = order === 'oldest' ? gt : lt;
  const withinTier = or(after(reviewItems.createdAt, cursor.key), and(eq(reviewItems.createdAt, cursor.key), after(reviewItems.id, cursor.id)));
  return or(sql`${tier} > ${cursor.tier}`, and(sql`${tier} = ${cursor.tier}`, withinTier));
}

function reasonCondition(reason: FlagReason | null): SQL | undefined {
  if (!reason) return undefined;
  const matching = sql`exists (select 1 from ${flags} where ${flags.postId} = ${reviewItems.postId} and ${flags.status} = 'open' and ${flags.reason} = ${reason})`;
  return and(eq(reviewItems.kind, 'flag'), matching);
}

function loadItems(ctx: ServiceContext, viewer: SignedIn, filters: QueueFilters, only?: SQL, limit = QUEUE_PAGE_SIZE + 1) {
  const direction = filters.order === 'oldest' ? asc : desc;
  return ctx.db
    .select({
      id: reviewItems.id, kind: reviewItems.kind, createdAt: reviewItems.createdAt,
      postId: posts.id, number: posts.number, postStatus: posts.status, bodyHtml: posts.bodyHtml, postCreatedAt: posts.createdAt,
      deletedAt: posts.deletedAt, hiddenAt: posts.hiddenAt, hiddenById: posts.hiddenById, hiddenReason: posts.hiddenReason,
      threadId: threads.id, title: threads.title, slug: threads.slug, threadStatus: threads.status,
      categoryId: categories.id, categorySlug: categories.slug, categoryName: categories.name,
      authorId: users.id, username: users.username, role: users.role, joinedAt: users.createdAt, postCount: users.postCount,
      silencedUntil: users.silencedUntil, suspendedUntil: users.suspendedUntil, tier,
    })
    .from(reviewItems)
    .innerJoin(posts, eq(posts.id, reviewItems.postId))
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(categories, eq(categories.id, reviewItems.categoryId))
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(
      and(
        eq(reviewItems.status, 'open'),
        // Scoped managers only see items of their categories.
        moderatedCategoryFilter(viewer, reviewItems.categoryId),
        filters.kind ? eq(reviewItems.kind, filters.kind) : undefined,
        filters.categoryId ? eq(reviewItems.categoryId, filters.categoryId) : undefined,
        reasonCondition(filters.reason),
        pageCondition(filters.order, filters.cursor),
        only,
      ),
    )
    .orderBy(asc(tier), direction(reviewItems.createdAt), direction(reviewItems.id))
    .limit(limit)
    .all();
}

type ItemRow = ReturnType<typeof loadItems>[number];

function loadFlags(ctx: ServiceContext, postIds: number[]): Map<number, QueueFlag[]> {
  const byPost = new Map<number, QueueFlag[]>();
  if (postIds.length === 0) return byPost;
  const counts = countsTowardHide(readFlagTrust(ctx.db));
  const rows = ctx.db
    .select({ postId: flags.postId, flagger: users.username, reason: flags.reason, note: flags.note, createdAt: flags.createdAt, counts: sql<number>`${counts}` })
    .from(flags)
    .innerJoin(users, eq(users.id, flags.flaggerId))
    .where(and(inArray(flags.postId, postIds), eq(flags.status, 'open')))
    .orderBy(asc(flags.createdAt), asc(flags.id))
    .all();
  for (const { postId, counts: trusted, ...flag } of rows) byPost.set(postId, [...(byPost.get(postId) ?? []), { ...flag, counts: Boolean(trusted) }]);
  return byPost;
}

function loadSanctions(ctx: ServiceContext, viewer: SignedIn, userIds: number[]): Map<number, QueueSanction[]> | null {
  if (!isCommunityWideStaff(viewer)) return null;
  const byUser = new Map<number, QueueSanction[]>();
  if (userIds.length === 0) return byUser;
  const rows = ctx.db
    .select({ userId: modLog.targetUserId, action: modLog.action, reason: modLog.reason, createdAt: modLog.createdAt })
    .from(modLog)
    .where(and(inArray(modLog.targetUserId, userIds), inArray(modLog.action, ['silence', 'suspend'])))
    .orderBy(desc(modLog.id))
    .all();
  for (const { userId, action, ...rest } of rows) {
    if (userId === null) continue;
    byUser.set(userId, [...(byUser.get(userId) ?? []), { action: action as QueueSanction['action'], ...rest }]);
  }
  return byUser;
}

type Loaded = { flagsByPost: Map<number, QueueFlag[]>; sanctions: Map<number, QueueSanction[]> | null; edits: Map<number, QueueEdit> };

function toItem(viewer: SignedIn, row: ItemRow, { flagsByPost, sanctions, edits }: Loaded): QueueItem {
  return {
    id: row.id,
    kind: row.kind,
    createdAt: row.createdAt,
    post: {
      id: row.postId, number: row.number, status: row.postStatus, bodyHtml: trustSanitized(row.bodyHtml), createdAt: row.postCreatedAt,
      deleted: row.deletedAt !== null, hidden: row.hiddenAt !== null, autoHidden: row.hiddenAt !== null && row.hiddenById === null, hiddenReason: row.hiddenReason,
    },
    thread: { id: row.threadId, title: row.title, slug: row.slug, status: row.threadStatus },
    category: { id: row.categoryId, slug: row.categorySlug, name: row.categoryName },
    author: {
      id: row.authorId, username: row.username, role: row.role, createdAt: row.joinedAt, postCount: row.postCount,
      silencedUntil: row.silencedUntil, suspendedUntil: row.suspendedUntil, sanctions: sanctions && (sanctions.get(row.authorId) ?? []),
    },
    flags: row.kind === 'flag' ? (flagsByPost.get(row.postId) ?? []) : [],
    edit: row.kind === 'edit' ? (edits.get(row.postId) ?? null) : null,
    canSanctionAuthor: canSanction(viewer, { id: row.authorId, role: row.role }),
  };
}

function toItems(ctx: ServiceContext, viewer: SignedIn, rows: ItemRow[]): QueueItem[] {
  const flagsByPost = loadFlags(ctx, rows.filter((row) => row.kind === 'flag').map((row) => row.postId));
  const sanctions = loadSanctions(ctx, viewer, [...new Set(rows.map((row) => row.authorId))]);
  const edits = loadQueueEdits(ctx, rows.filter((row) => row.kind === 'edit'));
  return rows.map((row) => toItem(viewer, row, { flagsByPost, sanctions, edits }));
}

/** One page of the queue, oldest or newest first, keyset-paged on (createdAt, id). */
export function listReviewQueue(ctx: ServiceContext, viewer: Viewer, filters: QueueFilters): QueuePage {
  const staff = requireStaff(viewer);
  const rows = loadItems(ctx, staff, filters);
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const last = page.at(-1);
  return { items: toItems(ctx, staff, page), nextCursor: rows.length > QUEUE_PAGE_SIZE && last ? `${last.tier}.${last.createdAt}.${last.id}` : null };
}

/** Open items by id (those this viewer may see), e.g. to show again a decision that needs fixing. */
export function getReviewItems(ctx: ServiceContext, viewer: Viewer, itemIds: number[]): QueueItem[] {
  const staff = requireStaff(viewer);
  if (itemIds.length === 0) return [];
  const everything: QueueFilters = { kind: null, categoryId: null, reason: null, order: 'oldest', cursor: null };
  return toItems(ctx, staff, loadItems(ctx, staff, everything, inArray(reviewItems.id, itemIds), itemIds.length));
}

/** The categories this staff member moderates, for the queue's filter. */
export function listModeratedCategories(ctx: ServiceContext, viewer: Viewer): { id: number; name: string }[] {
  const staff = requireStaff(viewer);
  const all = ctx.db.select({ id: categories.id, name: categories.name }).from(categories).orderBy(asc(categories.position), asc(categories.id)).all();
  return all.filter((category) => canModerate(staff, category.id));
}
