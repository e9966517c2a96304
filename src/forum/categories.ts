import { asc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { categories, categoryKinds, ideaStatuses, moderationModes, threads, users, type CategoryKind, type ModerationMode } from '../db/schema.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { assertValid, Forbidden, NotFound } from '../lib/errors.js';
import { msg, type Message } from '../i18n/message.js';
import { recordModAction } from '../moderation/audit.js';
import { slugify } from '../lib/slug.js';
import { DEFAULT_TARGET_MINUTES, parseTargetReplyTime } from '../moderation/target-reply-time.js';
import { isAdmin } from './permissions.js';

/** `target` is the target reply time as typed: a number and its unit (default 24 hours). */
export type CategoryInput = {
  name: string;
  slug?: string;
  description?: string;
  kind?: string;
  moderation?: string;
  position?: number;
  target?: { value: unknown; unit: unknown };
};
/** `archived`: read-only for members and gone from the home page; its threads stay readable. */
export type Category = { id: number; slug: string; name: string; description: string; kind: CategoryKind; moderation: ModerationMode; archived: boolean };

/** `system` is the command line and the demo seed, which run with the operator's authority. */
export const DESCRIPTION_MAX = 500;
const archived = sql<boolean>`${categories.archivedAt} is not null`.mapWith(Boolean);
const categoryColumns = { id: categories.id, slug: categories.slug, name: categories.name, description: categories.description, kind: categories.kind, moderation: categories.moderation, archived };

/** The CLI's and the admin pages' rule for a name: 2 to 60 characters once trimmed. */
export function categoryNameError(name: string): Message | undefined {
  return name.length < 2 || name.length > 60 ? msg('category.nameLength') : undefined;
}

export function createCategory(ctx: ServiceContext, viewer: Viewer | 'system', input: CategoryInput): Category {
  const name = input.name.normalize('NFC').trim();
  const slug = input.slug?.trim() || slugify(name, 40);
  const kind = input.kind ?? 'discussion';
  const moderation = input.moderation ?? 'new-members';
  const taken = ctx.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug)).get();
  const target: { minutes?: number; error?: Message } = input.target ? parseTargetReplyTime(input.target.value, input.target.unit) : { minutes: DEFAULT_TARGET_MINUTES };
  assertValid({
    name: categoryNameError(name),
    slug: !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)
      ? msg('category.slugFormat')
      : taken
        ? msg('category.slugTaken', { slug })
        : undefined,
    kind: (categoryKinds as readonly string[]).includes(kind) ? undefined : msg('category.kindInvalid', { kinds: categoryKinds.join(', ') }),
    moderation: (moderationModes as readonly string[]).includes(moderation) ? undefined : msg('category.moderationInvalid', { modes: moderationModes.join(', ') }),
    description: (input.description?.trim().length ?? 0) > DESCRIPTION_MAX ? msg('category.descriptionLength', { max: DESCRIPTION_MAX }) : undefined,
    target: target.error,
  });
  if (viewer !== 'system' && !isAdmin(viewer)) throw new Forbidden(msg('category.adminsOnly'));
  const position = input.position ?? ctx.db.$count(categories);
  const values = {
    name,
    slug,
    description: input.description?.trim() ?? '',
    kind: kind as CategoryKind,
    moderation: moderation as ModerationMode,
    position,
    targetReplyMinutes: target.minutes ?? DEFAULT_TARGET_MINUTES,
    createdAt: ctx.now(),
  };
  return ctx.db.transaction((tx) => {
    const category = tx.insert(categories).values(values).returning(categoryColumns).get();
    // A person's change is audited like other category settings; the command line and the seed are the operator's.
    if (viewer !== 'system' && viewer !== null) {
      const details = { name, slug, kind, moderation, targetReplyMinutes: values.targetReplyMinutes };
      recordModAction(tx, { actorId: viewer.id, action: 'category_create', categoryId: category.id, details, at: values.createdAt });
    }
    return category;
  });
}

export type CategorySummary = Category & {
  threadCount: number;
  postCount: number;
  latest: { threadId: number; title: string; slug: string; at: number; username: string | null; solved: boolean; ideaStatus?: { key: string; name: string | null } } | null;
};

/** The home page: every category still open, with its counts and latest activity, in one query. */
export function listCategories(ctx: ServiceContext): CategorySummary[] {
  const lastPoster = alias(users, 'last_poster');
  const rows = ctx.db
    .select({
      id: categories.id,
      slug: categories.slug,
      name: categories.name,
      description: categories.description,
      kind: categories.kind,
      moderation: categories.moderation,
      threadCount: categories.threadCount,
      postCount: categories.postCount,
      lastPostAt: categories.lastPostAt,
      threadId: threads.id,
      title: threads.title,
      threadSlug: threads.slug,
      solved: sql<boolean>`${threads.solvedPostId} is not null`.mapWith(Boolean),
      username: lastPoster.username,
      ideaStatusKey: ideaStatuses.key,
      ideaStatusName: ideaStatuses.name,
    })
    .from(categories)
    .leftJoin(threads, eq(threads.id, categories.lastThreadId))
    .leftJoin(lastPoster, eq(lastPoster.id, threads.lastPostAuthorId))
    .leftJoin(ideaStatuses, eq(ideaStatuses.id, threads.ideaStatusId))
    .where(isNull(categories.archivedAt))
    .orderBy(asc(categories.position), asc(categories.id))
    .all();
  return rows.map(({ threadId, title, threadSlug, username, lastPostAt, solved, ideaStatusKey, ideaStatusName, ...category }) => ({
    ...category,
    archived: false,
    latest:
      threadId !== null && title !== null && threadSlug !== null
        ? { threadId, title, slug: threadSlug, at: lastPostAt ?? 0, username, solved: solved === true, ...(ideaStatusKey !== null ? { ideaStatus: { key: ideaStatusKey, name: ideaStatusName } } : {}) }
        : null,
  }));
}

export function getCategory(ctx: ServiceContext, slug: string): Category {
  const category = ctx.db
    .select(categoryColumns)
    .from(categories)
    .where(eq(categories.slug, slug))
    .get();
  if (!category) throw new NotFound(msg('category.notFound'));
  return category;
}

/** Every category, or (`open`) only those that take new threads: the composer offers no archived one. */
export function listCategoryChoices(ctx: ServiceContext, options: { open?: boolean } = {}): { slug: string; name: string }[] {
  return ctx.db
    .select({ slug: categories.slug, name: categories.name })
    .from(categories)
    .where(options.open ? isNull(categories.archivedAt) : undefined)
    .orderBy(asc(categories.position), asc(categories.id))
    .all();
}
